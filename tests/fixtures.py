"""Fixtures every area's tests share. An area's conftest.py imports them
(`from tests.fixtures import ctx, english  # noqa: F401`); `english` is
autouse there, so that area's pages and messages are in English unless a test
sets a language cookie. `uploads_here`, autouse where imported, likewise keeps
that area's uploads in the test's own folder."""

import pytest

from core.db import db


@pytest.fixture(autouse=True)
def english(app):
    app.config["DEFAULT_LOCALE"] = "en"
    app.config["CLI_LOCALE"] = "en"


@pytest.fixture
def ctx(app):
    """An app context for calling services directly. Not for tests that also
    make requests: the requests would share its `g`, and so its signed-in user."""
    with app.app_context(), db.connection_context():
        yield app


@pytest.fixture(autouse=True)
def uploads_here(app, tmp_path):
    """Uploads go to this test's own folder, so that files can be counted."""
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    return tmp_path / "uploads"
