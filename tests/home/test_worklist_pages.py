"""Each role's home page is its worklist (ISSUE15, Done when): signed in
with the language cookie, with a little of each kind of work seeded, the
home page shows the worklist's heading and its lines in Marathi (and Hindi),
every line a plain link (no script needed) that the role may open, within
the page budget; and the district manager's home runs the same number of
queries for 2 items of each kind of work as for 20."""

import re
from types import SimpleNamespace

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.directory.models import DirectoryEntry
from blueprints.mis.models import Indicator
from tests.factories import make_application, make_service, make_user
from tests.helpers import count_queries
from tests.home import work
from tests.test_budget import page_over_budget

ROLES = (
    "csc_operator",
    "gp_staff",
    "office_user",
    "office_head",
    "block_officer",
    "district_manager",
    "establishment",
)
# The lines each role is seeded to have at least (alerts, inspections, ...).
AT_LEAST = {
    "csc_operator": 4,  # sent back, filed today, instructions overdue and open
    "gp_staff": 3,  # own inspections, MIS months, tasks
    "office_user": 4,  # desk, tasks, directory, VC review
    "office_head": 4,
    "block_officer": 3,  # the block's inspections, tasks, pendency
    "district_manager": 9,  # pendency, alerts, inspections, CSCs, MIS, VC, tasks
    "establishment": 2,  # retirements, tasks
}
# An English word; acronyms the catalogues keep (CSC, VC) are allowed.
LATIN_WORD = re.compile(r"[a-z]{3,}")
DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def seed(app, place, users: SimpleNamespace, n: int):
    """n items of each kind of work for the signed-in users of each role."""
    with app.app_context():
        service = make_service(place, code=f"S{n}")
        for _i in range(n):
            make_application(place, service, users.csc_operator, status="awaiting_documents")
        offices = [*place.tehsil_offices, *place.block_offices]
        work.alerts(place, [offices[i % len(offices)] for i in range(n)], untold=1)
        sevak = work.inspector_of(users.gp_staff, place.blocks[0])
        work.inspections(sevak, place.blocks[0], this_week=n, missing=n)
        checker = work.inspector_of(
            make_user("office_user", place, username=f"checker-{n}", which=1), place.blocks[0]
        )
        work.instructions(place, place.cscs[0], checker, overdue=n, open_=n)
        work.proposals(place, closures=n, openings=n)
        if not Indicator.select().exists():
            work.indicators(place)
        meeting = work.reviews(place, users.district_manager, place.tehsil_offices[0], count=n)[0]
        owner = work.employee(place.tehsil_offices[1])
        work.action_points(meeting, owner, users.district_manager, overdue=n)
        for role in ROLES[1:]:
            work.tasks(getattr(users, role), place.tehsil_offices[0], overdue=n, open_=n)
        if not DirectoryEntry.select().exists():
            work.directory_entry(place.tehsil_offices[0])
        work.retirements(place.collectorate, count=n)


@pytest.fixture
def everyone(app, place, login_as):
    """A signed-in browser of each role (of place 0), with work seeded."""
    browsers = {role: login_as(role) for role in ROLES}
    seed(app, place, SimpleNamespace(**{r: b.user for r, b in browsers.items()}), 2)
    return browsers


@pytest.mark.parametrize("lang", ["mr", "hi"])
@pytest.mark.parametrize("role", ROLES)
def test_each_roles_home_is_its_worklist_in_the_language_within_budget(role, lang, app, everyone):
    browser = everyone[role]
    browser.set_cookie("lang", lang)
    with app.test_request_context(), force_locale(lang):
        heading = _("What needs you today")
    assert DEVANAGARI.search(heading)
    html = browser.get("/").get_data(as_text=True)
    assert f'<h2 id="worklist">{heading}</h2>' in html
    lines = work.lines_of(browser)
    assert len(lines) >= AT_LEAST[role], lines
    for _href, label in lines:
        assert DEVANAGARI.search(label) and not LATIN_WORD.search(label), label
    if lang == "mr":
        assert page_over_budget(browser, "/") is None
        # Each line is a plain link to a page the role may open.
        for href, _label in lines:
            assert browser.get(href).status_code == 200, href


def home_queries(browser) -> int:
    with count_queries() as log:
        assert browser.get("/").status_code == 200
    return len(log)


def test_the_collectors_home_costs_the_same_for_2_items_as_for_20(app, place, login_as):
    browsers = {role: login_as(role) for role in ROLES}
    users = SimpleNamespace(**{r: b.user for r, b in browsers.items()})
    collector = browsers["district_manager"]
    seed(app, place, users, 2)
    few = home_queries(collector)
    before = work.lines_of(collector)
    seed(app, place, users, 18)
    many = home_queries(collector)
    after = work.lines_of(collector)
    # The same lines, with bigger figures.
    assert len(after) == len(before) >= AT_LEAST["district_manager"], (before, after)
    assert after != before
    assert few == many, (few, many)
    assert few <= 60, few
