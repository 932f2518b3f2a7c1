"""Each role's home page is its worklist (blueprints/home/lines.py, core/worklist.py): the
lines each area contributes, each a link to where the work is, urgent ones
first, in English, Hindi and Marathi."""

import datetime as dt
import re

import pytest

from blueprints.home import lines as worklist_module
from core import clock
from core.worklist import Line
from tests.factories import make_application, make_service, make_user
from tests.helpers import text

WORKLIST = re.compile(r'<ul class="worklist">(.*?)</ul>', re.S)


def worklist_of(browser) -> list[tuple[str, str]]:
    """(href, text) of each line of the home page's worklist."""
    html = browser.get("/").get_data(as_text=True)
    found = WORKLIST.search(html)
    if not found:
        return []
    return [
        (href, re.sub(r"<[^>]+>", "", label).strip())
        for href, label in re.findall(r'<li[^>]*><a href="([^"]+)">(.*?)</a>', found.group(1))
    ]


@pytest.fixture
def service(app, place):
    with app.app_context():
        return make_service(place)


def file_some(app, place, service, operator, **overrides):
    with app.app_context():
        return make_application(place, service, operator, **overrides)


def test_the_operator_sees_what_was_sent_back_first_then_drafts_and_today(
    app, place, service, login_as
):
    browser = login_as("csc_operator")
    today = clock.today_ist()
    file_some(app, place, service, browser.user, status="awaiting_documents")
    file_some(app, place, service, browser.user, status="awaiting_documents")
    file_some(app, place, service, browser.user, status="draft", submitted_at=None)
    file_some(app, place, service, browser.user, due_date=today + dt.timedelta(days=5))
    lines = worklist_of(browser)
    assert lines[0] == (
        "/applications/?status=awaiting_documents",
        "2 applications sent back for documents",
    )
    assert ("/applications/#drafts", "1 draft to finish") in lines
    assert 'id="drafts"' in browser.get("/applications/").get_data(as_text=True)
    # The two sent back and the one submitted were all filed today.
    assert any(label.startswith("Filed today: 3 applications") for _href, label in lines)


def test_an_office_sees_its_queue_overdue_and_due_soon(app, place, service, login_as):
    clerk = login_as("office_user")
    operator = login_as("csc_operator").user
    today = clock.today_ist()
    file_some(app, place, service, operator, due_date=today - dt.timedelta(days=1))
    file_some(app, place, service, operator, due_date=today + dt.timedelta(days=1))
    file_some(app, place, service, operator, due_date=today + dt.timedelta(days=2))
    file_some(app, place, service, operator, due_date=today + dt.timedelta(days=9))
    # Paused: waiting on the applicant does not count as the office's delay.
    file_some(app, place, service, operator, status="awaiting_documents", due_date=today)
    lines = worklist_of(clerk)
    assert lines[:2] == [
        ("/desk/", "1 application in the queue past its due date"),
        ("/desk/", "2 applications due within two days"),
    ]
    # Another office's clerk has none of it.
    other = login_as("office_user", username="clerk-b", which=1)
    assert worklist_of(other) == []
    assert "Nothing is waiting for you today." in text(other.get("/"))


def test_the_collector_reaches_an_overdue_application_in_two_clicks(app, place, service, login_as):
    collector = login_as("district_manager")
    operator = login_as("csc_operator").user
    today = clock.today_ist()
    late = file_some(
        app,
        place,
        service,
        operator,
        submitted_at=clock.now() - dt.timedelta(days=12),
        due_date=today - dt.timedelta(days=3),
    )
    file_some(app, place, service, operator, due_date=today + dt.timedelta(days=6))
    lines = worklist_of(collector)
    assert lines[0] == ("/pendency/applications?bucket=overdue", "1 application past its due date")
    assert ("/pendency/applications?bucket=over7", "1 application pending over 7 days") in lines
    # The home page no longer counts the district's tehsils.
    assert "<h2>Tehsils</h2>" not in collector.get("/").get_data(as_text=True)
    listing = collector.get(lines[0][0]).get_data(as_text=True)
    assert f'href="/applications/{late.id}"' in listing


@pytest.mark.parametrize(
    "lang, sent_back",
    [("hi", "कागज़ात के लिए लौटाया"), ("mr", "कागदपत्रांसाठी परत")],
)
def test_the_worklist_reads_in_hindi_and_marathi(lang, sent_back, app, place, service, login_as):
    browser = login_as("csc_operator")
    browser.set_cookie("lang", lang)
    file_some(app, place, service, browser.user, status="awaiting_documents")
    lines = worklist_of(browser)
    assert sent_back in lines[0][1], lines


def test_urgent_lines_come_first_in_the_order_of_the_areas(app, monkeypatch):
    first = Line("routine", "/a", 1)
    late = Line("late", "/b", 1, urgent=True)
    later = Line("later", "/c", 2, urgent=True)

    class Area:
        def __init__(self, lines):
            self._lines = lines

        def lines(self, user):
            return self._lines

    monkeypatch.setattr(
        worklist_module,
        "area_modules",
        lambda part: [("one", Area([first, late])), ("two", Area([later]))],
    )
    assert worklist_module.worklist(None) == [late, later, first]


def test_every_area_worklist_answers_every_role(app, place):
    """No area's lines(user) fails for a role it does not serve."""
    from blueprints import area_modules
    from blueprints.accounts.models import ROLES

    with app.test_request_context():
        for role in ROLES:
            user = make_user(role, place, username=f"every-{role}")
            for _area, module in area_modules("worklist"):
                assert isinstance(module.lines(user), list)
