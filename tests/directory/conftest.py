"""Directory fixtures: pages in English, and a tehsildar's post in each
tehsil office, one held, one vacant, and a staff-only stenographer."""

from types import SimpleNamespace

import pytest

from tests.directory.factories import entry, holder, posts
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture
def book(app, place):
    with app.app_context():
        tehsildar, steno = posts()
        ours, theirs = place.tehsil_offices
        head = entry(
            ours, tehsildar, extension="101", landline="02431-223344",
            email="tahsildar.paithan@example.gov.in", is_head=True,
        )  # fmt: skip
        vacant = entry(theirs, tehsildar, extension="201", is_head=True)
        hidden = entry(ours, steno, extension="105", listed=False)
        officer = holder(ours, tehsildar, "D001", "Ramesh Jadhav", "रमेश जाधव")
        typist = holder(ours, steno, "D002", "Sunita More", "सुनीता मोरे")
    return SimpleNamespace(
        tehsildar=tehsildar, steno=steno, head=head, vacant=vacant, hidden=hidden,
        officer=officer, typist=typist, ours=ours, theirs=theirs,
    )  # fmt: skip
