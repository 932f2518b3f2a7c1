"""At the demo district's size (about 100 CSCs a block) every registry page
fits the first round trip, and no page costs a query per CSC."""

import datetime as dt
import secrets

import pytest

from blueprints.applications.models import Application
from blueprints.cscs.models import CscProposal
from blueprints.masters.models import Csc, GramPanchayat
from core import clock
from core.db import db
from tests.helpers import count_queries
from tests.test_budget import page_over_budget

PER_BLOCK = 100


def grow(app, reg, per_block=PER_BLOCK, tag="S"):
    """`per_block` more CSCs in each block, on as many new GPs with long
    names, half of them filing now and then; the rest inactive."""
    p = reg.place
    now = clock.now()
    with app.app_context(), db.connection_context():
        for b, block in enumerate(p.blocks):
            gps = [
                {
                    "code": f"{tag}G{b}{i:03d}",
                    "name_en": f"Dhangarwadi Budruk Number {i:03d}",
                    "name_local": f"धनगरवाडी बुद्रुक क्रमांक {i:03d}",
                    "block": block.id,
                    "population": 800 + 37 * i,
                }
                for i in range(per_block)
            ]
            GramPanchayat.insert_many(gps).execute()
            ids = dict(
                GramPanchayat.select(GramPanchayat.code, GramPanchayat.id)
                .where(GramPanchayat.code.startswith(f"{tag}G{b}"))
                .tuples()
            )
            statuses = ("active",) * 8 + ("suspended", "proposed")
            Csc.insert_many(
                [
                    {
                        "code": f"{tag}C{b}{i:04d}",
                        "name_en": f"Aaple Sarkar Seva Kendra, Dhangarwadi Budruk {i:03d}",
                        "name_local": f"आपले सरकार सेवा केंद्र, धनगरवाडी बुद्रुक {i:03d}",
                        "gram_panchayat": ids[f"{tag}G{b}{i:03d}"],
                        "status": statuses[i % len(statuses)],
                        "operator_name": f"Somebody Longnamed Patil {i:03d}",
                        "operator_mobile": "9800000000",
                        "connectivity": "4g",
                    }
                    for i in range(per_block)
                    if i % 7  # every seventh GP stays uncovered
                ]
            ).execute()
        cscs = list(
            Csc.select(Csc.id, Csc.gram_panchayat).where(Csc.code.startswith(f"{tag}C")).tuples()
        )
        rows = [
            {
                "service": reg.service.id,
                "csc": csc_id,
                "operator": reg.operator.id,
                "gram_panchayat": gp_id,
                "status": "submitted",
                "submit_token": secrets.token_hex(16),
                "submitted_at": now - dt.timedelta(days=n % 45),
                "created_at": now,
                "updated_at": now,
            }
            for n, (csc_id, gp_id) in enumerate(cscs)
            if n % 2
        ]
        Application.insert_many(rows).execute()
        for csc_id, _gp in cscs[:: len(cscs) // 10]:
            if Csc.get_by_id(csc_id).status == "proposed":
                CscProposal.create(csc=csc_id, kind="open", state="approved", reason="ok")


@pytest.fixture
def district(app, reg):
    grow(app, reg)
    # One CSC with a closure proposed and many pending applications.
    busy = reg.place.cscs[0]
    for _ in range(70):
        reg.file(busy, days_ago=40)
    with app.app_context(), db.connection_context():
        CscProposal.create(csc=busy.id, kind="close", reason="Shut for weeks.")
    return reg


def registry_urls(place) -> list[str]:
    busy = place.cscs[0].id
    return [
        "/cscs/",
        "/cscs/?page=2",
        "/cscs/?inactive=1",
        f"/cscs/{busy}",
        f"/cscs/{busy}/edit",
        "/cscs/new",
        f"/cscs/new?gp={place.gps[1].id}",
        "/cscs/coverage",
        "/cscs/coverage/uncovered",
        "/cscs/coverage/uncovered?page=2",
    ]


@pytest.mark.parametrize("lang", ["en", "mr"])
@pytest.mark.parametrize("role", ["district_manager", "block_officer"])
def test_registry_pages_fit_the_first_round_trip(district, login_as, role, lang):
    browser = login_as(role)
    browser.set_cookie("lang", lang)
    failures = []
    for url in registry_urls(district.place):
        if role == "block_officer" and url.endswith("/edit"):
            continue
        response = browser.get(url)
        assert response.status_code == 200, url
        reason = page_over_budget(browser, url)
        if reason:
            failures.append(reason)
    assert failures == []


def test_the_detail_page_lists_fifty_pending_of_many(district, login_as):
    body = login_as("district_manager").get(f"/cscs/{district.place.cscs[0].id}")
    body = body.get_data(as_text=True)
    assert "Pending applications to reassign (70)" in body
    assert body.count('href="/applications/') == 50
    assert "The 50 oldest are shown." in body
    assert "I have seen the 70 pending applications" in body


def query_counts(browser, place) -> dict[str, int]:
    counts = {}
    for url in registry_urls(place):
        with count_queries() as log:
            assert browser.get(url).status_code == 200, url
        counts[url] = len(log)
    return counts


def test_no_query_per_csc(app, reg, login_as):
    """Every page costs the same number of queries with 2 CSCs as with 200."""
    browser = login_as("district_manager")
    for _ in range(3):
        reg.file(reg.place.cscs[0], days_ago=40)
    with app.app_context(), db.connection_context():
        CscProposal.create(csc=reg.place.cscs[0].id, kind="close", reason="Shut.")
    small = query_counts(browser, reg.place)
    grow(app, reg)
    large = query_counts(browser, reg.place)
    assert large == small
    # The list is one query for its rows and one for its count (plus the
    # blocks for the filter), whatever the number of CSCs on the page.
    with count_queries() as log:
        browser.get("/cscs/")
    assert len(log.touching("csc")) == 2
