"""The database: one DatabaseProxy bound per config, a connection per request."""

from urllib.parse import urlparse

import peewee as pw
from playhouse.pool import PooledPostgresqlDatabase

db = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False


def make_database(url: str, sqlite_path: str) -> pw.Database:
    if not url or url.startswith("sqlite"):
        path = sqlite_path
        if url.startswith("sqlite:///"):
            path = url[len("sqlite:///") :]
        return pw.SqliteDatabase(
            path,
            pragmas={
                "journal_mode": "wal",
                "foreign_keys": 1,
                "busy_timeout": 5000,
                "synchronous": "normal",
                "cache_size": -16000,
            },
        )
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL scheme {parts.scheme!r} is not supported")
    return PooledPostgresqlDatabase(
        parts.path.lstrip("/") or "postgres",
        user=parts.username,
        password=parts.password,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        max_connections=20,
        stale_timeout=300,
        timeout=10,
    )


# A request replayed inside other work (core.report_jobs renders a PDF in
# the request that asked for it) borrows that work's connection: closing it
# at the replay's end would pull it from under the caller.
BORROWED_CONNECTION = "zila.borrowed_connection"


def init_app(app):
    database = make_database(app.config["DATABASE_URL"], app.config["SQLITE_PATH"])
    db.initialize(database)

    @app.before_request
    def _open():
        db.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        from flask import request

        if request.environ.get(BORROWED_CONNECTION):
            return
        if not db.is_closed():
            db.close()


def write_transaction():
    """A transaction that takes the write lock at its start. On SQLite a
    deferred transaction that reads and then writes can fail at once with
    "database is locked" when another writer raced it; IMMEDIATE waits for
    the lock (busy_timeout) instead. PostgreSQL locks rows as it goes."""
    if isinstance(db.obj, pw.SqliteDatabase):
        return db.atomic("IMMEDIATE")
    return db.atomic()


def is_postgres() -> bool:
    return isinstance(db.obj, pw.PostgresqlDatabase)


def page_of(query, page: int, size: int) -> tuple[list, bool]:
    """One page of a query and whether another follows: fetches size + 1
    rows from (page - 1) * size, so no row is skipped between pages."""
    rows = list(query.limit(size + 1).offset((page - 1) * size))
    return rows[:size], len(rows) > size
