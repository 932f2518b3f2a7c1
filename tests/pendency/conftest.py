"""Pendency fixtures: a district with two services and an operator, and a
district manager signed in."""

import pytest

from tests.fixtures import english  # noqa: F401
from tests.pendency.helpers import District


@pytest.fixture
def district(app, place):
    return District(app, place)


@pytest.fixture
def manager(login_as):
    return login_as("district_manager")
