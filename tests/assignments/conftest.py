"""Task-reminder fixtures: English pages, an app context, and employees of
place 0's tehsil office and of place 1's."""

from types import SimpleNamespace

import pytest

from tests.assignments.factories import make_employee
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture(autouse=True)
def public_url(app):
    """Reminders link to the portal by its public address."""
    app.config["PUBLIC_URL"] = "https://zila.example"


@pytest.fixture
def staff(app, place):
    """Two employees of tehsil office 0 (one a portal user's), one of
    tehsil office 1."""
    from tests.factories import make_user

    with app.app_context():
        clerk_user = make_user("office_user", place, username="clerk")
        ours = [
            make_employee(
                place.tehsil_offices[0], "E001", "Suresh Patil", "9811100001", user=clerk_user
            ),
            make_employee(
                place.tehsil_offices[0],
                "E002",
                "Anita Jadhav",
                "9811100002",
                name_local="अनिता जाधव",
            ),
        ]
        theirs = make_employee(place.tehsil_offices[1], "E101", "Ramesh Kale", "9811100101")
    return SimpleNamespace(ours=ours, theirs=theirs, clerk_user=clerk_user)
