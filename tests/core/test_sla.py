"""The service-level clock says the same in Python (the row a page shows) and
in SQL (the rows a figure counts): a list and the number linking to it
agree on what is overdue, due today or paused, and closed work has no clock."""

import datetime as dt

import pytest

from blueprints.applications.models import Application
from blueprints.applications.statuses import CLOCK
from blueprints.applications.workflow import clock_of
from core import clock, sla
from core.db import db
from tests.factories import make_application, make_service, make_user
from tests.pendency.helpers import ist_noon

TODAY = clock.today_ist()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


# name -> (status, due date, paused since)
ROWS = {
    "overdue": ("submitted", days(-3), None),
    "due_today": ("scrutiny", days(0), None),
    "two_left": ("approved", days(2), None),
    "running": ("submitted", days(5), None),
    "no_due_date": ("scrutiny", None, None),
    # Paused before its due date: four days frozen, though the date is past.
    "paused": ("awaiting_documents", days(-1), ist_noon(days(-5))),
    # Paused three days after its due date: past due, never overdue.
    "paused_late": ("awaiting_documents", days(-5), ist_noon(days(-2))),
    "delivered": ("delivered", days(-10), None),
    "rejected": ("rejected", days(0), None),
    "draft": ("draft", None, None),
}


@pytest.fixture
def rows(app, place):
    """application id -> name of the row, with an app context for the test."""
    with app.app_context(), db.connection_context():
        service = make_service(place)
        operator = make_user("csc_operator", place)
        yield {
            make_application(
                place, service, operator, status=status, due_date=due, paused_since=paused
            ).id: name
            for name, (status, due, paused) in ROWS.items()
        }


def _names(rows, condition) -> set:
    return {rows[pk] for (pk,) in Application.select(Application.id).where(condition).tuples()}


def _readings(rows) -> dict:
    return {rows[a.id]: clock_of(a, TODAY) for a in Application.select()}


def test_overdue_in_python_and_sql_are_the_same_rows(rows):
    condition = CLOCK.overdue_sql(TODAY, due=Application.due_date, status=Application.status)
    in_python = {name for name, reading in _readings(rows).items() if reading.overdue}
    assert in_python == _names(rows, condition) == {"overdue"}


@pytest.mark.parametrize(("left", "expected"), [(0, {"due_today"}), (2, {"two_left"})])
def test_days_left_in_python_and_sql_are_the_same_rows(rows, left, expected):
    condition = CLOCK.running_sql(Application.status) & sla.days_left_equal_sql(
        left, TODAY, due=Application.due_date
    )
    readings = _readings(rows)
    in_python = {n for n, r in readings.items() if r.state == sla.RUNNING and r.days_left == left}
    assert in_python == _names(rows, condition) == expected
    if left == 0:
        assert {n for n, r in readings.items() if r.due_today} == expected


def test_a_paused_clock_is_frozen_and_never_overdue(rows):
    readings = _readings(rows)
    assert readings["paused"].paused and readings["paused"].days_left == 4
    assert not readings["paused"].past_due
    late = readings["paused_late"]
    assert late.paused and late.days_left == -3 and late.past_due and not late.overdue
    running = _names(rows, CLOCK.running_sql(Application.status))
    assert not {"paused", "paused_late"} & running


def test_closed_and_undated_work_has_no_clock(rows):
    readings = _readings(rows)
    for name in ("delivered", "rejected", "draft", "no_due_date"):
        assert readings[name].state is None, name
        assert not (readings[name].overdue or readings[name].past_due), name
    # A closed application still says how far its due date is (the exports
    # show it), without a clock.
    assert readings["delivered"].days_left == -10
    assert readings["draft"].days_left is None
    running = _names(rows, CLOCK.running_sql(Application.status))
    assert running == {"overdue", "due_today", "two_left", "running", "no_due_date"}


def test_resuming_neither_gains_nor_loses_a_day():
    clock = sla.Clock(running=("open",), paused=("waiting",))
    due, paused_on, resumed_on = days(3), days(-4), days(0)
    frozen = clock.read("waiting", due, resumed_on, paused_on).days_left
    moved = due + dt.timedelta(days=sla.days_paused(paused_on, resumed_on))
    assert clock.read("open", moved, resumed_on).days_left == frozen == 7
    assert sla.days_paused(days(0), days(-1)) == 0
