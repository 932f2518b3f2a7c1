"""Attendance fixtures: English pages, an app context, employees of tehsil
office 0 (ours) and 1 (theirs), and an import helper."""

from types import SimpleNamespace

import pytest

from tests.assignments.factories import make_employee
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture
def staff(app, place):
    with app.app_context():
        ours = [
            make_employee(place.tehsil_offices[0], "A001", "Suresh Patil"),
            make_employee(place.tehsil_offices[0], "A002", "Anita Jadhav", name_local="अनिता जाधव"),
        ]
        theirs = make_employee(place.tehsil_offices[1], "A101", "Ramesh Kale")
    return SimpleNamespace(ours=ours, theirs=theirs)


def csv_of(*rows, header="employee_code,punched_at") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()
