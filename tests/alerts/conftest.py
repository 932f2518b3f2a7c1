"""A tehsil office with a full set of posts, each person with their own
mobile and email, and a 7-day application submitted on DAY0."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.factories import make_application, make_service, make_user
from tests.fixtures import ctx, english  # noqa: F401

# A Monday; "day n" of the application is DAY0 + n days.
DAY0 = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def person(place, role, username, n, **overrides):
    return make_user(
        role,
        place,
        username=username,
        full_name=username.replace("-", " ").title(),
        mobile=f"98765000{n:02d}",
        email=f"{username}@example.gov.in",
        **overrides,
    )


# The fixtures below push no app context of their own for longer than they
# need: a test that also fetches pages must not hold one (see conftest.app).


@pytest.fixture
def staff(app, place):
    """desk and head of Tehsil Office Paithan (TO0), the SDM of tehsil 0, the
    BDO of block 0, the district manager; and the operator who filed."""
    with app.app_context():
        return SimpleNamespace(
            desk=person(place, "office_user", "desk-clerk", 1),
            head=person(place, "office_head", "tehsil-head", 2),
            sdm=person(
                place, "block_officer", "sdm-paithan", 3, block=None, tehsil=place.tehsils[0]
            ),
            bdo=person(place, "block_officer", "bdo-paithan", 4),
            dm=person(place, "district_manager", "collector", 5),
            operator=person(place, "csc_operator", "vle", 6),
        )


@pytest.fixture
def service(app, place):
    with app.app_context():
        return make_service(place, sla_days=7)


@pytest.fixture
def application(app, place, service, staff):
    """Submitted on DAY0 to Tehsil Office Paithan, due on day 7."""
    with app.app_context():
        return make_application(
            place,
            service,
            staff.operator,
            submitted_at=dt.datetime.combine(DAY0, dt.time(6, 0)),
            due_date=day(7),
        )
