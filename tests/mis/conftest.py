"""MIS fixtures: pages in English, a scheme with two indicators reported
since January 2026, and signed-in users of block 0 (place 0)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from core.db import db
from tests.mis.factories import make_indicators


@pytest.fixture(autouse=True)
def english(app):
    app.config["DEFAULT_LOCALE"] = "en"
    app.config["CLI_LOCALE"] = "en"


@pytest.fixture
def ctx(app):
    """An app context for calling services directly (not with requests)."""
    with app.app_context(), db.connection_context():
        yield app


@pytest.fixture
def mis(app, place):
    with app.app_context():
        scheme, indicators = make_indicators(place, from_month=dt.date(2026, 1, 1))
    return SimpleNamespace(scheme=scheme, indicators=indicators)
