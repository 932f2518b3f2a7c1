"""The huey instance, and how a task gets the app and a connection.

SQLite-backed (instance/huey.db) by default; Redis when REDIS_URL is set.
The consumer runs `huey_consumer tasks.huey`: tasks.py imports every area's
tasks so that they are registered with this instance."""

import os

from huey import RedisHuey, SqliteHuey

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


def in_app(fn, *args):
    """fn(*args) inside an app context with a database connection: the
    request's when called from one, else the consumer's own."""
    from flask import has_app_context

    from core.db import db

    if has_app_context():
        return fn(*args)
    with flask_app().app_context(), db.connection_context():
        return fn(*args)
