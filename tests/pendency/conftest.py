"""Pendency fixtures: a district with two services and an operator, and a
district manager signed in."""

import pytest

from tests.pendency.helpers import District


@pytest.fixture(autouse=True)
def english(app):
    """Read pages as a user who chose English (the district default is Marathi)."""
    app.config["DEFAULT_LOCALE"] = "en"


@pytest.fixture
def district(app, place):
    return District(app, place)


@pytest.fixture
def manager(login_as):
    return login_as("district_manager")
