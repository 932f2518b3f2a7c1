"""Instructions after a report: the operator marks each complied with; those
past their date show on the district's overdue list, by jurisdiction."""

import datetime as dt

from blueprints.inspections.models import Instruction
from core import clock
from core.audit import AuditEvent
from tests.helpers import csrf_from
from tests.inspections.factories import filed, make_inspector, schedule


def comply(browser, row_id, remark):
    page = browser.get("/account").get_data(as_text=True)
    return browser.post(
        "/inspections/instructions",
        data={"csrf_token": csrf_from(page), "row_id": str(row_id), "remark": remark},
    )


def overdue_report(app, place, which=0, days_late=4):
    """A report on place `which`'s centre with two instructions, one of them
    past its date."""
    with app.app_context():
        inspector = make_inspector(place, which=which)
        report = filed(
            schedule(inspector, place.cscs[which]),
            findings=["receipts_given", "equipment_working"],
            filed_at=clock.now() - dt.timedelta(days=10),
        )
        late, not_yet = list(Instruction.select().where(Instruction.report == report.id))
        late.due_date = clock.today_ist() - dt.timedelta(days=days_late)
        late.save()
        not_yet.due_date = clock.today_ist() + dt.timedelta(days=5)
        not_yet.save()
    return late, not_yet


def test_the_operator_marks_an_instruction_complied_with(app, place, login_as):
    late, not_yet = overdue_report(app, place)
    operator = login_as("csc_operator")
    page = operator.get("/inspections/instructions").get_data(as_text=True)
    assert "Give a printed receipt for every application" in page
    assert "Repair or replace the equipment" in page
    assert page.count("Overdue") == 1
    response = comply(operator, late.id, "Receipt printer repaired; receipts given.")
    assert response.status_code == 303
    page = operator.get(response.location).get_data(as_text=True)
    assert "Marked as complied with." in page
    assert "Complied with" in page and "Receipt printer repaired; receipts given." in page
    with app.app_context():
        row = Instruction.get_by_id(late.id)
        assert (row.status, row.complied_by_id) == ("complied", operator.user.id)
        assert AuditEvent.get(AuditEvent.action == "instruction.complied").object_id == str(late.id)
    # A second press changes nothing and says so.
    again = comply(operator, late.id, "again")
    page = operator.get(again.location).get_data(as_text=True)
    assert "already marked" in page
    with app.app_context():
        assert Instruction.get_by_id(late.id).compliance_remark.startswith("Receipt printer")


def test_saying_what_was_done_is_required(app, place, login_as):
    late, _ = overdue_report(app, place)
    operator = login_as("csc_operator")
    response = comply(operator, late.id, "  ")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert f'id="remark-{late.id}-err"' in page and "This field is required." in page
    with app.app_context():
        assert Instruction.get_by_id(late.id).status == "open"


def test_another_centres_operator_cannot_mark_it(app, place, login_as):
    late, _ = overdue_report(app, place)
    stranger = login_as("csc_operator", which=1, username="vle-kannad")
    assert "Give a printed receipt" not in stranger.get("/inspections/instructions").get_data(
        as_text=True
    )
    response = comply(stranger, late.id, "done, trust me")
    assert "already marked, or is not for your centre" in stranger.get(response.location).get_data(
        as_text=True
    )
    with app.app_context():
        assert Instruction.get_by_id(late.id).status == "open"


def test_overdue_instructions_show_on_the_district_list_by_jurisdiction(app, place, login_as):
    late, not_yet = overdue_report(app, place, which=0, days_late=4)
    theirs, _ = overdue_report(app, place, which=1, days_late=2)
    manager = login_as("district_manager")
    page = manager.get("/inspections/instructions/overdue").get_data(as_text=True)
    assert place.cscs[0].code in page and place.cscs[1].code in page
    assert page.count("Give a printed receipt") == 2
    assert "Repair or replace" not in page  # not yet due
    assert page.index(place.cscs[0].code) < page.index(place.cscs[1].code)  # oldest first
    own = login_as("block_officer").get("/inspections/instructions/overdue").get_data(as_text=True)
    assert place.cscs[0].code in own and place.cscs[1].code not in own
    # Complied with: off the list.
    comply(login_as("csc_operator"), late.id, "Receipts given from today.")
    page = manager.get("/inspections/instructions/overdue").get_data(as_text=True)
    assert place.cscs[0].code not in page and place.cscs[1].code in page


def test_gram_panchayat_staff_have_no_overdue_list(login_as):
    assert login_as("gp_staff").get("/inspections/instructions/overdue").status_code == 403
