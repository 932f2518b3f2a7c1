"""The registry list: scoped to the user's area, filtered, searched in both
scripts, paged; a filter it does not understand is refused in words."""

import pytest

from blueprints.masters.models import Csc
from core.db import db
from tests.helpers import text


def codes(body: str) -> set[str]:
    found = set()
    for part in body.split('<small class="mono muted" translate="no">')[1:]:
        found.add(part[: part.index("<")])
    return found


@pytest.fixture
def spread(reg):
    p = reg.place
    reg.add_csc(p.gps[1], "PROP1", status="proposed")
    reg.add_csc(p.gps[1], "SUSP1", status="suspended", operator_name="Sunita Jadhav")
    reg.add_csc(p.gps[3], "CLOSED3", status="closed")
    reg.file(p.cscs[0], days_ago=1)
    return reg


def test_district_manager_sees_every_csc(spread, login_as):
    body = text(login_as("district_manager").get("/cscs/"))
    assert codes(body) >= {"CSC0", "CSC1", "PROP1", "SUSP1", "CLOSED3"}
    assert "5 CSCs." in body


def test_block_officer_sees_only_the_block(spread, login_as):
    p = spread.place
    browser = login_as("block_officer")
    body = text(browser.get("/cscs/"))
    assert codes(body) == {"CSC0", "PROP1", "SUSP1"}
    assert "Kannad" not in body  # not even as a block to filter by
    assert browser.get(f"/cscs/{p.cscs[0].id}").status_code == 200
    # Another block's CSC is not found, exactly like a missing one.
    assert browser.get(f"/cscs/{p.cscs[1].id}").status_code == 404
    assert browser.get("/cscs/999999").status_code == 404
    # Asking for the other block by id is refused in words, not shown.
    response = browser.get(f"/cscs/?block={p.blocks[1].id}")
    assert response.status_code == 400
    assert "There is no block" in text(response) and "CSC1" not in codes(text(response))


def test_tehsil_bound_officer_sees_the_tehsils_blocks(spread, login_as):
    p = spread.place
    browser = login_as("block_officer", block=None, tehsil=p.tehsils[1], username="sdm")
    assert codes(text(browser.get("/cscs/"))) == {"CSC1", "CLOSED3"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=proposed", {"PROP1"}),
        ("status=suspended", {"SUSP1"}),
        ("status=active", {"CSC0", "CSC1"}),
        ("status=closed", {"CLOSED3"}),
        ("q=csc0", {"CSC0"}),
        ("q=Kannad", {"CSC1", "CLOSED3"}),  # by the GP's English name
        ("q=पैठण", {"CSC0", "PROP1", "SUSP1"}),  # by the Devanagari names
        ("q=केंद्र CLOSED3", {"CLOSED3"}),
        ("q=sunita", {"SUSP1"}),  # by the operator
        ("status=active&inactive=1", {"CSC1"}),
    ],
)
def test_filters_and_search(spread, login_as, query, expected):
    response = login_as("district_manager").get(f"/cscs/?{query}")
    assert response.status_code == 200
    assert codes(text(response)) == expected


def test_block_filter(spread, login_as):
    p = spread.place
    body = text(login_as("district_manager").get(f"/cscs/?block={p.blocks[1].id}"))
    assert codes(body) == {"CSC1", "CLOSED3"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=open", "“open” is not a status of a CSC."),
        ("inactive=yes", "“yes” is not understood for “inactive only”."),
        ("block=abc", "There is no block “abc” in your area."),
        ("block=99999999999", "There is no block"),
        ("format=pdf", "“pdf” is not a download format."),
    ],
)
def test_unknown_filter_values_are_refused_in_words(spread, login_as, query, message):
    response = login_as("district_manager").get(f"/cscs/?{query}")
    assert response.status_code == 400
    body = text(response)
    assert message in body
    # The rest of the page is there: every CSC, unfiltered.
    assert len(codes(body)) == 5


def test_refusal_is_in_the_users_language(spread, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "mr")
    response = browser.get("/cscs/?status=open")
    assert response.status_code == 400
    assert '<html lang="mr">' in text(response)


def test_paging_keeps_the_filters(app, reg, login_as):
    p = reg.place
    with app.app_context(), db.connection_context():
        Csc.insert_many(
            [
                {
                    "code": f"BULK{i:03d}",
                    "name_en": f"Bulk {i}",
                    "name_local": f"बल्क {i}",
                    "gram_panchayat": p.gps[1].id,
                    "status": "active",
                }
                for i in range(60)
            ]
        ).execute()
    browser = login_as("district_manager")
    first = text(browser.get("/cscs/?q=bulk"))
    assert len(codes(first)) == 50 and "60 CSCs." in first
    assert 'href="/cscs/?q=bulk&amp;page=2" rel="next"' in first
    second = text(browser.get("/cscs/?q=bulk&page=2"))
    assert codes(second) == {f"BULK{i:03d}" for i in range(50, 60)}


def test_htmx_gets_the_table_alone(spread, login_as):
    browser = login_as("district_manager")
    response = browser.get("/cscs/?q=PROP", headers={"HX-Request": "true"})
    body = text(response)
    assert body.startswith('<div id="csc-results">') and "<html" not in body
    assert codes(body) == {"PROP1"}
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize("role", ["csc_operator", "gp_staff", "office_user", "office_head"])
def test_other_roles_may_not_open_the_registry(spread, login_as, role):
    browser = login_as(role)
    for url in ("/cscs/", f"/cscs/{spread.place.cscs[0].id}", "/cscs/coverage"):
        assert browser.get(url).status_code == 403
