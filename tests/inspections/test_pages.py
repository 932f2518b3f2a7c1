"""The inspector's week as a phone shows it, and every inspection page
within the first round trip (14 KB compressed), full lists included."""

import datetime as dt

import pytest

from blueprints.inspections.draw import current_week, draw_week
from blueprints.inspections.models import Inspection, Instruction
from core import clock
from tests.inspections.factories import filed, make_centres, make_inspector, schedule
from tests.test_budget import page_over_budget


def test_the_inspectors_week_lists_centres_with_place_and_status(app, place, block, login_as):
    browser = login_as("gp_staff", username="gs-1")
    with app.app_context():
        from blueprints.inspections.models import Inspector

        Inspector.update(user=browser.user.id).where(Inspector.id == block.inspector.id).execute()
        draw_week(current_week(), notify=False)
        first, second = Inspection.select().order_by(Inspection.slot)
        filed(second)
    page = browser.get("/inspections/").get_data(as_text=True)
    assert f"My inspections, week {current_week()}" in page
    assert first.csc.code in page and second.csc.code in page
    assert "Gram panchayat" in page and "Block Paithan" in page
    assert page.count("File the report") == 1 and "Reported" in page
    assert "never inspected" in page  # why it was drawn
    assert "Keep this list to yourself" in page


def test_someone_who_is_not_an_inspector_is_told_so(login_as):
    page = login_as("office_user").get("/inspections/").get_data(as_text=True)
    assert "You are not an inspector." in page


@pytest.fixture
def busy_district(app, place):
    """Thirty inspectors with three reported inspections each, every report
    with findings, and sixty overdue instructions at place 0's centre."""
    with app.app_context():
        centres = make_centres(place.blocks[0], gps=30, per_gp=3)
        week = current_week()
        ids = {}
        for n in range(30):
            inspector = make_inspector(place, "block_officer")
            for slot in range(3):
                inspection = schedule(inspector, centres[3 * n + slot], week=week, slot=slot + 1)
                filed(inspection, findings=["receipts_given", "documents_kept", "hours_kept"])
            ids.setdefault("inspector", inspector)
            ids.setdefault("inspection", inspection)
        mine = make_inspector(place, "gp_staff", username="busy-gs")
        report = filed(
            schedule(mine, place.cscs[0], week=week),
            findings=["board_displayed"],
            filed_at=clock.now() - dt.timedelta(days=20),
        )
        Instruction.insert_many(
            [
                {
                    "report": report.id,
                    "csc": place.cscs[0].id,
                    "item": "other",
                    "text": f"Instruction number {n} with a longer explanation of what to do",
                    "due_date": clock.today_ist() - dt.timedelta(days=n + 1),
                    "created_at": clock.now(),
                }
                for n in range(60)
            ]
        ).execute()
    return ids


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_every_inspection_page_fits_the_first_round_trip(app, place, busy_district, login_as, lang):
    manager = login_as("district_manager")
    operator = login_as("csc_operator")  # place 0's centre: 61 instructions
    for browser in (manager, operator):
        browser.set_cookie("lang", lang)
    inspection = busy_district["inspection"]
    urls = [
        "/inspections/",
        "/inspections/weekly",
        "/inspections/instructions/overdue",
        "/inspections/inspectors",
        f"/inspections/{inspection.id}",
    ]
    failures = [page_over_budget(manager, url) for url in urls]
    failures.append(page_over_budget(operator, "/inspections/instructions"))
    assert [f for f in failures if f] == []
    weekly = manager.get("/inspections/weekly").get_data(as_text=True)
    assert 'rel="next"' in weekly  # 31 inspectors: a second page
    overdue = manager.get("/inspections/instructions/overdue").get_data(as_text=True)
    assert 'rel="next"' in overdue
    assert 'rel="next"' in operator.get("/inspections/instructions").get_data(as_text=True)


def test_the_report_form_fits_the_first_round_trip(app, place, login_as):
    browser = login_as("gp_staff", username="gs-form")
    with app.app_context():
        from blueprints.inspections.models import Inspector

        inspector = Inspector.create(user=browser.user.id, block=place.blocks[0])
        inspection = schedule(inspector, place.cscs[0])
    assert page_over_budget(browser, f"/inspections/{inspection.id}/report") is None
