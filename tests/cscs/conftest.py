"""A registry to test with: the two-block `place`, a service, an operator, and
helpers to add CSCs and date their applications."""

import datetime as dt
from types import SimpleNamespace

import pytest

from core import clock
from core.db import db
from tests.fixtures import english  # noqa: F401


@pytest.fixture
def reg(app, place):
    """place plus a service and a CSC operator for filing applications, and
    helpers that work inside their own app context."""
    from tests.factories import make_service, make_user

    with app.app_context(), db.connection_context():
        service = make_service(place)
        operator = make_user("csc_operator", place, username="reg-operator")

    def add_csc(gp, code, status="active", opened_on=None, **fields):
        from blueprints.masters.models import Csc

        with app.app_context(), db.connection_context():
            return Csc.create(
                code=code,
                name_en=f"Kendra {code}",
                name_local=f"केंद्र {code}",
                gram_panchayat=gp,
                status=status,
                opened_on=opened_on,
                **fields,
            )

    def file(csc, days_ago=1, status="submitted"):
        """An application of `csc` submitted `days_ago` days ago."""
        from tests.factories import make_application

        with app.app_context(), db.connection_context():
            at = clock.now() - dt.timedelta(days=days_ago)
            return make_application(
                place,
                service,
                operator,
                csc=csc,
                gram_panchayat=csc.gram_panchayat_id,
                submitted_at=at,
                status=status,
            )

    return SimpleNamespace(
        place=place, service=service, operator=operator, add_csc=add_csc, file=file
    )
