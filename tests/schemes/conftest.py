"""Scheme fixtures: pages in English, uploads in the test's own folder, and a
department (the ZP office of `place`) with a clerk and a head."""

from types import SimpleNamespace

import pytest

from tests.factories import make_user
from tests.fixtures import ctx, english, uploads_here  # noqa: F401


@pytest.fixture
def dept(app, place, login_as):
    """The ZP department: a signed-in clerk and head, and a user of it for
    direct service calls."""
    clerk = login_as("office_user", office=place.zp, username="zp-clerk")
    head = login_as("office_head", office=place.zp, username="zp-head")
    with app.app_context():
        other = make_user("office_user", place, username="tehsil-clerk")
    return SimpleNamespace(office=place.zp, clerk=clerk, head=head, other=other)
