"""The weekly report: required against done per inspector, findings and
compliance pending; on screen by jurisdiction and as a PDF for the DM."""

import pytest

from blueprints.inspections.draw import current_week, draw_week, shift_week
from blueprints.inspections.models import Inspection, Instruction
from blueprints.inspections.services import weekly_report
from core import clock
from tests.helpers import pdf_text, report_pdf
from tests.inspections.factories import filed, make_inspector

PAST = shift_week(current_week(), -2)


@pytest.fixture
def week(app, place, block):
    """Two weeks ago: the gram sevak of block 0 (two required) reported one
    with two findings and missed one; the BDO of block 1 (two required, one
    centre in the block) reported theirs, all in order."""
    with app.app_context():
        bdo = make_inspector(
            place, "block_officer", which=1, username="bdo-kannad", mobile="9700000002"
        )
        draw_week(PAST, notify=False)
        first, _missed = Inspection.select().where(Inspection.inspector == block.inspector.id)
        filed(first, findings=["receipts_given", "documents_kept"])
        theirs = Inspection.get(Inspection.inspector == bdo.id)
        report = filed(theirs)
        report.rating = 5
        report.save()
        code = first.csc.code
    return {"gs": block.inspector, "bdo": bdo, "first": first, "code": code}


def test_the_figures_of_a_past_week(ctx, place, week):
    from tests.factories import make_user

    manager = make_user("district_manager", place, username="dm", totp=False)
    data = weekly_report(manager, PAST, clock.today_ist())
    assert data.over
    rows = {r.inspector_id: r for r in data.rows}
    gs, bdo = rows[week["gs"].id], rows[week["bdo"].id]
    assert (gs.required, gs.scheduled, gs.reported, gs.missed, gs.pending) == (2, 2, 1, 1, 0)
    assert (gs.findings, gs.open_instructions) == (2, 2)
    assert (bdo.required, bdo.scheduled, bdo.reported, bdo.missed) == (2, 1, 1, 0)
    t = data.totals
    assert (t.required, t.scheduled, t.reported, t.missed, t.findings) == (4, 3, 2, 1, 2)
    assert data.ratings == 4.0  # (3 + 5) / 2
    # Compliance moves the pending figure.
    Instruction.update(status="complied").where(Instruction.item == "receipts_given").execute()
    assert weekly_report(manager, PAST, clock.today_ist()).totals.open_instructions == 1


def test_the_current_week_counts_not_yet_reported_not_missed(ctx, place, block):
    from tests.factories import make_user

    draw_week(current_week(), notify=False)
    data = weekly_report(make_user("admin", place, totp=False), current_week(), clock.today_ist())
    assert not data.over
    assert (data.totals.pending, data.totals.missed) == (2, 0)


def test_the_page_shows_the_week(app, place, week, login_as):
    manager = login_as("district_manager")
    page = manager.get(f"/inspections/weekly?week={PAST}").get_data(as_text=True)
    assert f"Weekly inspection report, {PAST}" in page
    assert "Missed" in page and "Fewer active centres in the area than required." in page
    assert "ID documents kept" in page and "Receipts" in page  # the findings
    assert week["code"] in page
    assert f"/inspections/weekly.pdf?week={PAST}" in page


def test_a_garbled_week_is_refused_with_a_message(login_as):
    response = login_as("district_manager").get("/inspections/weekly?week=47")
    assert response.status_code == 400
    assert "for example 2026-W47" in response.get_data(as_text=True)


def test_each_sees_the_inspectors_of_their_area(app, place, week, login_as):
    def names(browser):
        page = browser.get(f"/inspections/weekly?week={PAST}").get_data(as_text=True)
        return {n for n in ("bdo-kannad", "gramsevak") if f"Inspector {n}" in page}

    with app.app_context():
        from blueprints.accounts.models import User

        User.update(full_name="Inspector " + User.username).execute()
    assert names(login_as("district_manager")) == {"bdo-kannad", "gramsevak"}
    assert names(login_as("block_officer", username="bdo-paithan")) == {"gramsevak"}
    assert names(login_as("block_officer", which=1, username="other-kannad")) == {"bdo-kannad"}
    # An inspector sees their own line; staff who do not inspect, none.
    assert names(login_as("office_user")) == set()


def test_the_pdf_for_the_review_meeting(app, place, week, login_as, tmp_path):
    manager = login_as("district_manager")
    response = report_pdf(manager, f"/inspections/weekly.pdf?week={PAST}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    text = pdf_text(response.data, tmp_path)
    assert f"Weekly inspection report, {PAST}" in text
    assert week["gs"].user.full_name in text and week["code"] in text
    # In Marathi names and places print in Devanagari, conjuncts whole (क्ष).
    # (pdftotext splits a repha, so "वापरकर्ता" is not searched for.)
    manager.set_cookie("lang", "mr")
    text = pdf_text(report_pdf(manager, f"/inspections/weekly.pdf?week={PAST}").data, tmp_path)
    assert "परीक्षा" in text and "पैठण" in text and "औरंगाबाद" in text
