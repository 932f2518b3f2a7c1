"""The huey instance and every periodic task. Run: huey_consumer tasks.huey

SQLite-backed (instance/huey.db) by default; Redis when REDIS_URL is set."""

import os

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


# No huey retries: deliver() never raises; a failed attempt stays queued with
# a next_attempt_at (exponential backoff) that the sweep below honours.
@huey.task()
def deliver_notification(note_id: int):
    from core.notify import deliver

    return _in_app(deliver, note_id)


@huey.periodic_task(crontab(minute="*"))
def retry_queued_notifications():
    """Messages that waited for a gateway, or whose backoff is over, get
    another try; also picks up a message whose first task ran before the
    transaction that stored it was committed."""
    from core.notify import deliver, due_ids

    def run():
        return [deliver(i) for i in due_ids()]

    return _in_app(run)
