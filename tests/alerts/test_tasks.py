"""The periodic tasks: the morning task on the real clock, every run
recorded, a run under way elsewhere skipped, and the administrator's page."""

import datetime as dt
import time

import tasks
from blueprints.alerts import tasks as alert_tasks
from blueprints.alerts.models import AlertRecord
from core import clock, notify_tasks, periodic
from core.notify import Notification
from core.periodic import TaskRun
from tests.factories import make_application
from tests.helpers import at_once


def overdue_today(place, service, staff):
    return make_application(
        place, service, staff.operator, due_date=clock.today_ist() - dt.timedelta(days=1)
    )


def test_the_schedule_is_eight_in_the_morning_in_india():
    cron = alert_tasks.morning_alerts.task_class().validate_datetime
    assert cron(dt.datetime(2026, 3, 2, 2, 30))  # 02:30 UTC is 08:00 IST
    assert not cron(dt.datetime(2026, 3, 2, 8, 0))


def test_every_periodic_task_is_listed_and_recorded():
    """A periodic task declared with @huey.periodic_task instead of
    @scheduled would run unseen by the administrator."""
    periodic = {t.__name__ for t in tasks.huey._registry._periodic_tasks}
    assert periodic == set(tasks.SCHEDULE)
    assert {"retry_queued_notifications", "morning_alerts"} <= periodic


def test_the_morning_task_sends_once_and_records_each_run(app, place, service, staff, login_as):
    with app.app_context():
        overdue_today(place, service, staff)
        alert_tasks.morning_alerts()
        sent = Notification.select().count()
        assert sent == 6  # desk, head and SDM; SMS and email each
        alert_tasks.morning_alerts()
        assert Notification.select().count() == sent
        runs = list(TaskRun.select().where(TaskRun.task == "morning_alerts").order_by(TaskRun.id))
    assert [r.ok for r in runs] == [True, True]
    assert '"told": 6' in runs[0].summary and '"already": 6' in runs[1].summary

    admin = login_as("admin")
    page = admin.get("/alerts/tasks").get_data(as_text=True)
    assert "Every day at 08:00 IST" in page
    assert "messages queued: 0 · could not be told: 0 · already sent earlier: 6" in page
    assert "Retry waiting SMS and email" in page and "Not run yet" in page
    # The alerts it sent, through the dashboard's fragment.
    assert "Sdm Paithan" in page and "SDM / tehsildar" in page


def test_a_run_under_way_on_another_consumer_is_skipped(ctx, place, service, staff):
    overdue_today(place, service, staff)
    TaskRun.create(task="morning_alerts", started_at=clock.now() - dt.timedelta(minutes=5))
    alert_tasks.morning_alerts()
    assert AlertRecord.select().count() == 0
    last = TaskRun.select().order_by(TaskRun.id.desc()).first()
    assert (last.ok, last.summary) == (True, '{"skipped": 1}')


def test_two_consumers_starting_together_run_the_task_once(app):
    """The lease, not only the alert records' keys: one body runs."""
    ran = []

    def body():
        time.sleep(0.3)
        ran.append(1)
        return {"told": 0}

    _results, errors = at_once(
        app, lambda: periodic.recorded("morning_alerts", body, lease_seconds=3600)
    )
    assert errors == [] and ran == [1]
    with app.app_context():
        summaries = sorted(r.summary for r in TaskRun.select())
    assert summaries == ['{"skipped": 1}', '{"told": 0}']


def test_a_crashed_run_does_not_block_the_next_day(ctx, place, service, staff):
    overdue_today(place, service, staff)
    TaskRun.create(task="morning_alerts", started_at=clock.now() - dt.timedelta(hours=2))
    alert_tasks.morning_alerts()
    assert Notification.select().count() == 6


def test_a_failed_run_is_shown_with_its_error(app, monkeypatch, login_as):
    def explode():
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(alert_tasks, "digests", explode)
    with app.app_context():
        alert_tasks.morning_alerts()
        run = TaskRun.get(TaskRun.task == "morning_alerts")
    assert run.ok is False and "database is on fire" in run.summary
    page = login_as("admin").get("/alerts/tasks").get_data(as_text=True)
    assert "Run failed" in page and "RuntimeError: database is on fire" in page


def test_the_retry_task_is_recorded_and_old_runs_are_pruned(ctx, monkeypatch):
    monkeypatch.setattr(periodic, "KEEP_RUNS", 3)
    for _ in range(5):
        notify_tasks.retry_queued_notifications()
    runs = TaskRun.select().where(TaskRun.task == "retry_queued_notifications")
    assert runs.count() == 3
    assert all(r.ok for r in runs)
