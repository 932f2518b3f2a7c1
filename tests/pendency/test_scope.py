"""Each role sees its own jurisdiction: the district manager all of it, a
block officer the applications of the block's gram panchayats, an office
the applications addressed to it. Nothing of anyone else's shows, not in
the figures, the lists, the exports or the names."""

import pytest

from tests.helpers import text
from tests.pendency.helpers import all_listed, number_links


@pytest.fixture
def two_tehsils(district, place):
    """Ours: three pending at tehsil office 0 from GP 0 (block 0). Theirs:
    two at tehsil office 1 from GP 2 (block 1), one of them past due."""
    ours = [district.file(age) for age in (1, 5, 9)]
    theirs = [
        district.file(age, office=place.tehsil_offices[1], gp=place.gps[2]) for age in (2, 10)
    ]
    return ours, theirs


def total_pending(browser, url="/pendency/") -> int:
    body = text(browser.get(url))
    return int(body.split("<h3>Pending</h3>", 1)[1].split("</a>", 1)[0].rsplit(">", 1)[1])


@pytest.mark.parametrize(
    ("role", "overrides", "seen"),
    [
        ("district_manager", {}, 5),
        ("admin", {}, 5),
        ("block_officer", {}, 3),
        ("office_head", {}, 3),
        ("office_user", {}, 3),
    ],
)
def test_each_role_counts_its_own_area(role, overrides, seen, login_as, two_tehsils):
    browser = login_as(role, **overrides)
    assert total_pending(browser) == seen


def test_a_tehsil_bound_officer_sees_the_tehsil(login_as, place, two_tehsils):
    officer = login_as("block_officer", block=None, tehsil=place.tehsils[1], username="sdo-1")
    assert total_pending(officer) == 2


def test_another_offices_numbers_and_names_are_absent(login_as, place, two_tehsils):
    ours, theirs = two_tehsils
    for role in ("block_officer", "office_head"):
        browser = login_as(role, username=f"{role}-scope")
        body = text(browser.get("/pendency/"))
        assert "Tehsil Office Kannad" not in body, role
        assert "Kannad" not in body.split('id="by-area"', 1)[1], role
        listed = set(all_listed(browser, "/pendency/applications"))
        assert listed == {a.id for a in ours}, role
        csv = browser.get("/pendency/applications?format=csv").get_data(as_text=True)
        assert all(a.app_id not in csv for a in theirs), role
        summary = browser.get("/pendency/?format=csv").get_data(as_text=True)
        assert "Kannad" not in summary, role


def test_every_link_of_a_scoped_page_stays_in_scope(login_as, two_tehsils):
    ours, _theirs = two_tehsils
    officer = login_as("block_officer")
    for url, _shown in number_links(text(officer.get("/pendency/"))):
        assert set(all_listed(officer, url)) <= {a.id for a in ours}, url


def test_asking_for_another_office_is_refused_with_a_message(login_as, place, two_tehsils):
    head = login_as("office_head")
    response = head.get(f"/pendency/applications?office={place.tehsil_offices[1].id}")
    assert response.status_code == 400
    assert "There is no office" in text(response)
    officer = login_as("block_officer", username="bdo-0")
    response = officer.get(f"/pendency/?office={place.tehsil_offices[1].id}")
    assert response.status_code == 400
    assert total_pending(officer) == 3


@pytest.mark.parametrize("role", ["csc_operator", "gp_staff"])
def test_roles_without_pendency_are_refused(role, login_as):
    browser = login_as(role)
    for url in ("/pendency/", "/pendency/applications", "/pendency/summary.pdf"):
        assert browser.get(url).status_code == 403, url


def test_the_menu_links_the_dashboard_for_managers_and_officers(login_as):
    for role in ("district_manager", "admin", "block_officer", "office_head"):
        body = text(login_as(role, username=f"menu-{role}").get("/"))
        assert 'href="/pendency/"' in body, role
    assert 'href="/pendency/"' not in text(login_as("csc_operator").get("/"))
