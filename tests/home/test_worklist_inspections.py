"""The inspections' lines of the home worklist
(blueprints/inspections/worklist.py): the area's week and last week's missing
reports for the collector and the block officer, an inspector's own week
(only once drawn), the operator's instructions, and never a surprise given
away."""

import datetime as dt

import pytest

from blueprints.inspections.draw import current_week, draw_week, shift_week
from blueprints.inspections.models import Instruction
from tests.factories import make_user
from tests.helpers import text
from tests.home import work

WEDNESDAY = dt.datetime(2026, 3, 4, 5, 0)  # 10:30 IST
MONDAY = dt.datetime(2026, 3, 9, 5, 0)


@pytest.fixture
def week(app, place, move_clock):
    """On a Wednesday: a gram sevak inspecting block 0 with two centres this
    week and one of last week never reported; an inspector of block 1 with
    one centre this week."""
    move_clock(WEDNESDAY)
    with app.app_context():
        sevak = make_user("gp_staff", place, username="gramsevak", which=1)
        ours = work.inspector_of(sevak, place.blocks[0])
        work.inspections(ours, place.blocks[0], this_week=2, missing=1)
        theirs = work.inspector_of(
            make_user("office_user", place, username="clerk-1", which=1), place.blocks[1]
        )
        work.inspections(theirs, place.blocks[1], this_week=1)
    return sevak


def test_the_collector_sees_the_week_and_last_weeks_missing_reports(week, login_as):
    collector = login_as("district_manager")
    last = shift_week(current_week(), -1)
    lines = work.lines_of(collector)
    assert lines[0] == (
        f"/inspections/weekly?week={last}",
        "1 inspection report missing for last week",
    )
    assert ("/inspections/weekly", "3 inspections due this week in your area") in lines
    assert "Missed" in text(collector.get(lines[0][0]))


def test_a_block_officer_sees_only_the_inspectors_of_the_block(week, login_as):
    officer = login_as("block_officer", which=1)
    lines = work.lines_of(officer)
    assert ("/inspections/weekly", "1 inspection due this week in your area") in lines
    assert not any("missing" in label for _href, label in lines)


def test_the_inspector_sees_their_own_week(week, app, login_as, place):
    from tests.helpers import Browser

    browser = Browser(app.test_client())
    browser.login(week)
    lines = work.lines_of(browser)
    assert ("/inspections/", "2 centres for you to inspect this week") in lines
    # Reported ones are done.
    with app.app_context():
        from blueprints.inspections.models import Inspection

        first = Inspection.select().where(Inspection.week == current_week()).first()
        work.filed(first)
    assert ("/inspections/", "1 centre for you to inspect this week") in work.lines_of(browser)


def test_nothing_before_the_draw_and_the_drawn_week_once_told(app, place, login_as, move_clock):
    move_clock(WEDNESDAY)
    sevak = login_as("gp_staff", username="sevak-draw", mobile="9700000011")
    with app.app_context():
        work.inspector_of(sevak.user, place.blocks[0])
        work.make_centres(place.blocks[0], gps=2)
    assert not any("inspect" in label for _href, label in work.lines_of(sevak))
    with app.app_context():
        draw_week(current_week(), notify=False)
    assert ("/inspections/", "2 centres for you to inspect this week") in work.lines_of(sevak)


def test_the_surprise_is_kept_from_the_centre_and_its_gram_panchayat(app, place, login_as):
    with app.app_context():
        inspector = work.inspector_of(
            make_user("office_user", place, username="inspecting-clerk"), place.blocks[0]
        )
        inspection = work.schedule(inspector, place.cscs[0])
    # The operator of the centre and the staff of its gram panchayat see nothing.
    operator = login_as("csc_operator")
    assert not any("inspect" in label.lower() for _href, label in work.lines_of(operator))
    gp = login_as("gp_staff")
    assert gp.user.gram_panchayat_id == place.cscs[0].gram_panchayat_id
    assert not any("inspect" in label.lower() for _href, label in work.lines_of(gp))
    assert inspection.id


def test_on_monday_last_weeks_reports_are_still_to_file(app, place, login_as, move_clock):
    move_clock(MONDAY)
    sevak = login_as("gp_staff", username="sevak-monday")
    with app.app_context():
        inspector = work.inspector_of(sevak.user, place.blocks[0])
        work.inspections(inspector, place.blocks[0], this_week=0, missing=1)
    last = shift_week(current_week(), -1)
    assert (
        f"/inspections/?week={last}",
        "1 report of last week's inspection to file today",
    ) in work.lines_of(sevak)
    collector = login_as("district_manager")
    assert not any("missing" in label for _href, label in work.lines_of(collector))


def test_the_operator_sees_the_instructions_of_the_centre(app, place, login_as):
    operator = login_as("csc_operator")
    with app.app_context():
        inspector = work.inspector_of(
            make_user("office_user", place, username="inspecting-clerk"), place.blocks[0]
        )
        work.instructions(place, place.cscs[0], inspector, overdue=2, open_=1)
        # Complied with: no longer work; another centre's: not this one's.
        Instruction.update(status="complied").where(
            Instruction.id == Instruction.select(Instruction.id).limit(1)
        ).execute()
        work.instructions(place, place.cscs[1], inspector, overdue=1)
    lines = work.lines_of(operator)
    assert lines[0] == (
        "/inspections/instructions",
        "1 instruction from an inspection past its date",
    )
    assert ("/inspections/instructions", "1 open instruction from an inspection") in lines
    assert "Overdue" in text(operator.get("/inspections/instructions"))
