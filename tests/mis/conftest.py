"""MIS fixtures: pages in English, a scheme with two indicators reported
since January 2026, and signed-in users of block 0 (place 0)."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.fixtures import ctx, english  # noqa: F401
from tests.mis.factories import make_indicators


@pytest.fixture
def mis(app, place):
    with app.app_context():
        scheme, indicators = make_indicators(place, from_month=dt.date(2026, 1, 1))
    return SimpleNamespace(scheme=scheme, indicators=indicators)
