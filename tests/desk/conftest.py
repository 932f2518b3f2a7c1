"""Desk fixtures: an office with services and an operator, and signed-in
office staff."""

import pytest

from tests.desk.helpers import Office
from tests.fixtures import english  # noqa: F401


@pytest.fixture
def office(app, place):
    return Office(app, place)


@pytest.fixture
def clerk(login_as):
    return login_as("office_user")


@pytest.fixture
def head(login_as):
    return login_as("office_head")
