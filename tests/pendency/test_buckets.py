"""The figures: applications at known ages land in the right age group, past
due is counted by the due date with the clock stopped while waiting for
documents, disposals are in time by the IST day, and the weeks of the trend
hold what was received and disposed in them."""

import datetime as dt

import pytest

from blueprints.pendency import services as svc
from blueprints.pendency.filters import Filters
from blueprints.reports.services import Period
from core import clock
from core.db import db
from tests.helpers import text
from tests.pendency.helpers import cells_of, ist_noon


def figures(app, user, **filters) -> dict:
    with app.test_request_context(), db.connection_context():
        return svc.dashboard(user, Filters(**filters)).total


@pytest.fixture
def aged(district, place):
    """Open applications of income (7-day level) at ages 0..10 and two of
    caste (21-day level); closed and draft ones that are not pending."""
    made = {age: district.file(age) for age in (0, 3, 4, 7, 8, 10)}
    made["caste-10"] = district.file(10, service=district.caste)
    made["caste-25"] = district.file(25, service=district.caste)
    # Waiting for documents: the clock stands still, so not past due.
    made["paused"] = district.file(
        12,
        status="awaiting_documents",
        paused_since=ist_noon(clock.today_ist() - dt.timedelta(days=2)),
    )
    made["approved"] = district.file(9, status="approved", decided_age=1)
    district.file(9, status="delivered", decided_age=2)
    district.file(9, status="rejected", decided_age=2)
    district.file(1, status="draft", submitted_at=None)
    return made


def test_ages_fall_in_their_groups(app, aged, manager):
    total = figures(app, manager.user)
    # 0 and 3 | 4 and 7 | 8, 10, caste 10 and 25, the paused 12, approved 9.
    assert (total["0-3"], total["4-7"], total["over7"]) == (2, 2, 6)
    assert total["pending"] == 10


def test_past_due_is_by_the_due_date_with_the_clock_stopped(app, aged, manager):
    total = figures(app, manager.user)
    # Income at 8 and 10 days and the approved one at 9 are past their
    # 7-day due date; caste at 10 days is not (21 days); caste at 25 is.
    # The paused one is not counted while it waits on the applicant.
    assert total["overdue"] == 4


def test_due_today_is_not_past_due(app, district, manager):
    district.file(7, due_in=0)
    district.file(8, due_in=-1)
    assert figures(app, manager.user)["overdue"] == 1


def test_age_counts_calendar_days_in_india(app, district, manager):
    """Submitted at 00:10 IST three days ago is 3 days old, not 4; at 23:50
    IST four days ago it is 4."""
    today = clock.today_ist()
    three = clock.from_ist(dt.datetime.combine(today - dt.timedelta(days=3), dt.time(0, 10)))
    four = clock.from_ist(dt.datetime.combine(today - dt.timedelta(days=4), dt.time(23, 50)))
    district.file(3, submitted_at=three)
    district.file(4, submitted_at=four)
    total = figures(app, manager.user)
    assert (total["0-3"], total["4-7"]) == (1, 1)


def test_disposed_in_time_by_the_ist_day_of_decision(app, district, manager):
    today = clock.today_ist()
    due = today - dt.timedelta(days=2)
    last_minute = clock.from_ist(dt.datetime.combine(due, dt.time(23, 59)))  # 18:29 UTC
    next_midnight = clock.ist_day_start(due + dt.timedelta(days=1))
    district.file(9, status="approved", due_in=-2, decided_at=last_minute)
    district.file(9, status="delivered", due_in=-2, decided_at=next_midnight)
    district.file(9, status="rejected", due_in=-2, decided_age=5)
    district.file(9, status="rejected", due_in=-2, decided_age=1)
    total = figures(app, manager.user)
    assert (total["in_time"], total["late"], total["share"]) == (2, 2, 50)


def test_disposed_counts_only_the_period(app, district, manager):
    today = clock.today_ist()
    district.file(60, status="delivered", decided_age=45)
    district.file(20, status="delivered", decided_age=15)
    default = figures(app, manager.user)
    assert default["in_time"] + default["late"] == 1  # the last 30 days
    period = Period(today - dt.timedelta(days=50), today - dt.timedelta(days=40))
    older = figures(app, manager.user, period=period)
    assert older["in_time"] + older["late"] == 1
    assert older["pending"] == default["pending"] == 0


def test_no_disposal_has_no_share(app, district, manager):
    district.file(2)
    assert figures(app, manager.user)["share"] is None


def test_the_trend_counts_each_week(app, district, manager):
    """Week 12 is the last seven days, today included; week 1 begins 83 days ago."""
    for age in (0, 6, 7, 83, 84):
        district.file(age, status="delivered", decided_age=0 if age < 83 else 80)
    with app.test_request_context(), db.connection_context():
        weeks = svc.trend(manager.user, Filters())
    assert len(weeks) == 12
    assert weeks[-1].end == clock.today_ist()
    assert weeks[0].start == clock.today_ist() - dt.timedelta(days=83)
    assert [w.received for w in weeks] == [1] + [0] * 9 + [1, 2]
    assert [w.disposed for w in weeks] == [2] + [0] * 10 + [3]


def test_the_page_shows_the_figures_per_service_and_office(aged, manager, district):
    body = text(manager.get("/pendency/"))
    row = cells_of(body, "<td>Income certificate</td><td>Tehsil Office Paithan</td>")
    # 0-3, 4-7, over 7, past due, pending, in time, late, share.
    assert row[2:] == ["2", "2", "4", "3", "8", "2", "1", "67%"]
    caste = cells_of(body, "<td>Caste certificate</td>")
    assert caste[2:7] == ["0", "0", "2", "1", "2"]
    assert "Showing" not in body  # no error message


def test_the_dashboard_states_its_rules(manager, district):
    body = text(manager.get("/pendency/"))
    assert "IST calendar days from the day of submission" in body
    assert "within 7 days" in body
    assert "on or before the due date" in body
