"""The Monday task: its schedule, one set of inspections however often or
wherever it runs, and one SMS per inspector."""

import datetime as dt

import tasks
from blueprints.inspections import tasks as inspection_tasks
from blueprints.inspections.draw import current_week, draw_week
from blueprints.inspections.models import Inspection, WeeklyDraw
from core.notify import Notification
from core.periodic import TaskRun
from tests.helpers import at_once
from tests.inspections.factories import make_inspector

WEEK = "2026-W10"


def snapshot(week=WEEK):
    return [
        (i.inspector_id, i.slot, i.csc_id)
        for i in Inspection.select().where(Inspection.week == week).order_by(Inspection.id)
    ]


def test_the_schedule_is_monday_seven_in_the_morning_in_india():
    cron = inspection_tasks.weekly_inspections.task_class().validate_datetime
    assert cron(dt.datetime(2026, 3, 2, 1, 30))  # Monday 01:30 UTC is 07:00 IST
    assert not cron(dt.datetime(2026, 3, 3, 1, 30))  # a Tuesday
    assert not cron(dt.datetime(2026, 3, 2, 7, 0))
    assert "weekly_inspections" in tasks.SCHEDULE


def test_the_task_draws_the_current_week_once_and_is_recorded(ctx, place, block):
    inspection_tasks.weekly_inspections()
    week = current_week()
    first = snapshot(week)
    assert len(first) == 2
    inspection_tasks.weekly_inspections()
    assert snapshot(week) == first
    assert WeeklyDraw.select().count() == 1
    runs = list(TaskRun.select().where(TaskRun.task == "weekly_inspections").order_by(TaskRun.id))
    assert [r.ok for r in runs] == [True, True]
    assert '"inspections": 2' in runs[0].summary and '"inspections": 0' in runs[1].summary


def test_a_second_run_sends_no_second_sms(ctx, place, block):
    draw_week(WEEK)
    draw_week(WEEK)
    notes = list(Notification.select())
    assert [n.recipient for n in notes] == ["9700000001"]
    assert WEEK in notes[0].body and block.centres[0].code[:3] in notes[0].body


def test_an_inspector_added_during_the_week_is_drawn_from_what_is_left(ctx, place, block):
    draw_week(WEEK)
    first = snapshot()
    late = make_inspector(place, "block_officer", min_per_week=3)
    assert draw_week(WEEK)["inspectors"] == 1
    after = snapshot()
    assert after[: len(first)] == first  # the earlier set stands
    theirs = [c for i, _s, c in after if i == late.id]
    assert len(theirs) == 3 and not set(theirs) & {c for _i, _s, c in first}


def test_two_consumers_at_once_store_one_set(ctx, place, block):
    make_inspector(place, "block_officer", min_per_week=3)
    app = ctx
    results, errors = at_once(app, lambda: draw_week(WEEK), timeout=60)
    assert errors == []
    assert sorted(r["inspections"] for r in results) == [0, 5]
    rows = snapshot()
    assert len(rows) == 5 and len({c for _i, _s, c in rows}) == 5
    assert WeeklyDraw.select().count() == 2
    assert Notification.select().count() == 2  # one SMS per inspector


def test_a_run_under_way_elsewhere_is_skipped(ctx, place, block):
    from core import clock

    TaskRun.create(task="weekly_inspections", started_at=clock.now() - dt.timedelta(minutes=5))
    inspection_tasks.weekly_inspections()
    assert Inspection.select().count() == 0
