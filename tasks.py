"""The huey instance and every periodic task. Run: huey_consumer tasks.huey

SQLite-backed (instance/huey.db) by default; Redis when REDIS_URL is set."""

import functools
import os

from flask_babel import lazy_gettext as _l
from huey import RedisHuey, SqliteHuey, crontab

from core.config import INSTANCE


def _make_huey():
    if os.environ.get("REDIS_URL"):
        return RedisHuey("zila", url=os.environ["REDIS_URL"])
    INSTANCE.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("zila", filename=str(INSTANCE / "huey.db"))


huey = _make_huey()
huey.immediate = os.environ.get("ZILA_ENV") == "test"

_app = None


def flask_app():
    """The consumer builds the app once, for its config and database."""
    global _app
    if _app is None:
        from flask import current_app, has_app_context

        if has_app_context():
            return current_app._get_current_object()
        from app import create_app

        _app = create_app()
    return _app


def _in_app(fn, *args):
    from flask import has_app_context

    from core.db import db

    if has_app_context():
        return fn(*args)
    with flask_app().app_context(), db.connection_context():
        return fn(*args)


# Every periodic task, for the administrator's page (/alerts/tasks):
# name -> (what it does, when it runs).
SCHEDULE = {}


def scheduled(cron, what, when, lease_seconds=None):
    """A periodic task whose every run is recorded (TaskRun). With
    lease_seconds it is exclusive: a run while another is under way, on
    this consumer or another, is skipped (recorded as skipped)."""

    def wrap(fn):
        SCHEDULE[fn.__name__] = (what, when)

        @functools.wraps(fn)
        def run():
            from blueprints.alerts.tasks import recorded

            return _in_app(recorded, fn.__name__, fn, lease_seconds)

        return huey.periodic_task(cron, name=fn.__name__)(run)

    return wrap


# No huey retries: deliver() never raises; a failed attempt stays queued with
# a next_attempt_at (exponential backoff) that the sweep below honours.
@huey.task()
def deliver_notification(note_id: int):
    from core.notify import deliver

    return _in_app(deliver, note_id)


@scheduled(crontab(minute="*"), _l("Retry waiting SMS and email"), _l("Every minute"))
def retry_queued_notifications():
    """Messages that waited for a gateway, or whose backoff is over, get
    another try; also picks up a message whose first task ran before the
    transaction that stored it was committed."""
    from core.notify import deliver, due_ids

    def run():
        return [deliver(i) for i in due_ids()]

    return _in_app(run)


# 08:00 IST is 02:30 UTC (huey reads crontabs in UTC). Exclusive for up to an
# hour; the alert records' unique key stops a second send in any case.
@scheduled(
    crontab(minute="30", hour="2"),
    _l("Morning alerts: applications near or past their service level"),
    _l("Every day at 08:00 IST"),
    lease_seconds=3600,
)
def morning_alerts():
    from blueprints.alerts.tasks import morning_alerts as run

    return run()


# Monday 07:00 IST is 01:30 UTC (huey reads crontabs in UTC; 1 is Monday).
# Exclusive for an hour; the draw's lock and its unique keys keep one set of
# inspections a week in any case.
@scheduled(
    crontab(minute="30", hour="1", day_of_week="1"),
    _l("Weekly surprise CSC inspections: draw the week"),
    _l("Every Monday at 07:00 IST"),
    lease_seconds=3600,
)
def weekly_inspections():
    from blueprints.inspections.tasks import weekly_draw

    return weekly_draw()


# Areas that keep their periodic tasks beside their code.
import blueprints.assignments.tasks  # noqa: E402, F401
import blueprints.directory.tasks  # noqa: E402, F401
import blueprints.employees.tasks  # noqa: E402, F401
import blueprints.mis.tasks  # noqa: E402, F401
import blueprints.vc.tasks  # noqa: E402, F401
