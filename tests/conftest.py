"""Fixtures: a fresh database per test (SQLite file copied from a migrated
template, or PostgreSQL truncated), the app, clients and signed-in clients."""

import os
import shutil
import tempfile
import uuid

os.environ["ZILA_ENV"] = "test"
os.environ.setdefault(
    "ZILA_INSTANCE", os.path.join(tempfile.gettempdir(), f"zila-test-{os.getpid()}")
)

import pytest  # noqa: E402

from core.db import db, make_database  # noqa: E402
from core.migrate import all_models, migrate  # noqa: E402
from tests.helpers import Browser  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith("postgres")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """Migrate once; each test starts from a copy (SQLite) or a truncate (PG)."""
    if ON_POSTGRES:
        database = make_database(DATABASE_URL, "")
        db.initialize(database)
        with db.connection_context():
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
            migrate()
        return None
    path = tmp_path_factory.mktemp("db") / "template.db"
    db.initialize(make_database("", str(path)))
    with db.connection_context():
        migrate()
    db.close()
    return path


def _fresh_database(template_db, tmp_path) -> str:
    if ON_POSTGRES:
        with db.connection_context():
            tables = ", ".join(f'"{m._meta.table_name}"' for m in all_models())
            db.execute_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        return DATABASE_URL
    path = tmp_path / "zila.db"
    shutil.copy(template_db, path)
    return f"sqlite:///{path}"


@pytest.fixture
def app(template_db, tmp_path):
    from app import create_app

    url = _fresh_database(template_db, tmp_path)
    application = create_app(
        {
            "DATABASE_URL": url,
            # Rate-limit counters must not leak between tests on a shared Redis.
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    )
    from tasks import huey

    huey.immediate = True
    # No app context stays pushed: each request must get its own `g`, as in
    # production. Test code that needs one pushes it itself.
    yield application
    if not db.is_closed():
        db.close()


@pytest.fixture
def client(app):
    return Browser(app.test_client())


@pytest.fixture
def place(app):
    """A small district with two of everything, for jurisdiction tests."""
    from tests.factories import make_places

    return make_places()


@pytest.fixture
def login_as(app, place):
    """login_as('block_officer') gives a signed-in client of that role, bound
    to the first block, GP, CSC or office of `place`."""
    from tests.factories import make_user

    def sign_in(role, **overrides):
        with app.app_context():
            user = make_user(role, place, **overrides)
        browser = Browser(app.test_client())
        browser.login(user)
        browser.user = user
        return browser

    return sign_in


@pytest.fixture
def admin(login_as):
    return login_as("admin")


@pytest.fixture
def move_clock(monkeypatch):
    """move_clock(moment) sets the portal's clock (core.clock.now, naive UTC)
    to `moment` for the rest of the test; pages and tasks follow it."""
    from core import clock

    def move(moment):
        monkeypatch.setattr(clock, "_source", lambda: moment)

    return move
