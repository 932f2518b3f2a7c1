"""The byte budgets of GUIDE.md: every page's HTML fits the first round trip
(14 KB compressed) and the site's CSS + JS fit in 25 KB compressed."""

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_access import (
    ANONYMOUS,
    NO_CONTENT,
    OUT_OF_JURISDICTION,
    WHO,
    browser_for,
    may_see,
    route_urls,
    rule_for,
)

PAGE_BUDGET = 14 * 1024
ASSET_BUDGET = 25 * 1024
ROOT = Path(__file__).resolve().parent.parent


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_over_budget(browser, url) -> str | None:
    """None if the page is within budget, else why not. Checks the HTML
    gzipped at level 6 and what the server really sends to a phone that
    accepts br and gzip."""
    plain = browser.get(url, buffered=True, headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200, (url, plain.status_code)
    if plain.mimetype != "text/html":
        return None
    html = plain.get_data()
    size = gzipped_size(html)
    if size > PAGE_BUDGET:
        return f"{url}: {size} bytes gzipped (raw {len(html)})"
    sent = browser.get(url, buffered=True, headers={"Accept-Encoding": "br, gzip"})
    assert sent.status_code == 200, (url, sent.status_code)
    encoding = sent.headers.get("Content-Encoding")
    if len(html) >= 1024 and encoding not in ("br", "gzip"):
        return f"{url}: sent uncompressed ({len(html)} bytes) to a client that accepts br, gzip"
    wire = len(sent.get_data())
    if wire > PAGE_BUDGET:
        return f"{url}: {wire} bytes on the wire ({encoding})"
    return None


def landing_url(browser, url) -> tuple[str, int]:
    """Follow by-design redirects (at most three) to the page they land on."""
    response = browser.get(url, buffered=True)
    for _ in range(3):
        if response.status_code not in (302, 303):
            break
        parts = urlsplit(response.location)
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        response = browser.get(url, buffered=True)
    return url, response.status_code


@pytest.mark.parametrize("lang", ["en", "mr"])
@pytest.mark.parametrize("who", WHO)
def test_every_page_fits_the_first_round_trip(who, lang, app, client, login_as, place):
    browser = browser_for(who, client, login_as)
    browser.set_cookie("lang", lang)
    checked = 0
    failures = []
    for endpoint, url in route_urls(app, place, browser.user):
        # The language switch has no page of its own (and would change lang).
        if endpoint == "home.language" or endpoint in NO_CONTENT:
            continue
        if not may_see(rule_for(app, endpoint), who):
            continue
        if endpoint in OUT_OF_JURISDICTION.get(who, ()):
            continue  # a 404 by design (tests/test_access.py)
        url, status = landing_url(browser, url)
        if status != 200:
            failures.append(f"{url}: {status}")
            continue
        reason = page_over_budget(browser, url)
        checked += 1
        if reason:
            failures.append(reason)
    assert failures == [], f"as {who} in {lang}:\n" + "\n".join(failures)
    assert checked >= (5 if who == ANONYMOUS else 10)


def test_error_pages_fit_the_budget(client, login_as):
    assert client.get("/no-such-page").status_code == 404
    assert page_over_budget_status(client, "/no-such-page", 404) is None
    browser = login_as("gp_staff")
    assert page_over_budget_status(browser, "/admin/users", 403) is None


def page_over_budget_status(browser, url, status):
    response = browser.get(url, buffered=True)
    assert response.status_code == status
    size = gzipped_size(response.get_data())
    return None if size <= PAGE_BUDGET else f"{url}: {size}"


# --- a long list -------------------------------------------------------------


def seed_gram_panchayats(block, count=60):
    from blueprints.masters.models import GramPanchayat

    rows = [
        {
            "code": f"LGP{i:03d}",
            "name_en": f"Gram Panchayat Longname Wadi Number {i:03d}",
            "name_local": f"ग्रामपंचायत लांबनाव वाडी क्रमांक {i:03d}",
            "block": block.id,
            "population": 1000 + i,
        }
        for i in range(count)
    ]
    GramPanchayat.insert_many(rows).execute()


@pytest.mark.parametrize("lang", ["en", "mr"])
@pytest.mark.parametrize("role", ["block_officer", "district_manager"])
def test_a_block_with_60_gps_is_paginated_within_budget(role, lang, app, login_as, place):
    with app.app_context():
        seed_gram_panchayats(place.blocks[0])
    browser = login_as(role)
    browser.set_cookie("lang", lang)
    block_url = f"/masters/blocks/{place.blocks[0].id}"
    for url in (block_url, "/masters/gram-panchayats"):
        response = browser.get(url, buffered=True)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert body.count("/masters/gram-panchayats/") >= 50, url
        assert 'rel="next"' in body, f"{url}: 62 GPs but no link to the next page"
        assert page_over_budget(browser, url) is None
    second = browser.get(f"{block_url}?page=2")
    assert second.status_code == 200
    body = second.get_data(as_text=True)
    assert 'rel="prev"' in body
    assert "LGP059" in body  # the last of the seeded rows, sorted by name
    assert page_over_budget(browser, f"{block_url}?page=2") is None


def test_admin_lists_with_many_rows_stay_within_budget(app, login_as, place):
    from blueprints.accounts.models import User
    from core.audit import AuditEvent
    from tests.factories import make_user

    with app.app_context():
        template = make_user("gp_staff", place, username="template-user")
        User.insert_many(
            [
                {
                    "username": f"user-{i:03d}",
                    "full_name": f"Somebody With A Long Name {i:03d}",
                    "full_name_local": f"कोणीतरी लांब नाव {i:03d}",
                    "role": "gp_staff",
                    "password_hash": template.password_hash,
                    "gram_panchayat": place.gps[0].id,
                }
                for i in range(80)
            ]
        ).execute()
        for i in range(80):
            AuditEvent.create(action="login", object_type="user", object_id=str(i), actor_id=i)
    admin = login_as("admin")
    for url in ("/admin/users", "/admin/audit"):
        response = admin.get(url, buffered=True)
        assert response.status_code == 200, url
        assert 'rel="next"' in response.get_data(as_text=True), url
        assert page_over_budget(admin, url) is None


# --- CSS and JavaScript ----------------------------------------------------


def base_assets() -> list[str]:
    base = (ROOT / "templates" / "base.html").read_text()
    return re.findall(r"""asset\(\s*['"]([^'"]+)['"]\s*\)""", base)


def test_site_css_and_js_fit_25_kb_compressed():
    names = base_assets()
    assert any(n.endswith(".css") for n in names) and any(n.endswith(".js") for n in names)
    sizes = {name: gzipped_size((ROOT / "static" / name).read_bytes()) for name in names}
    total = sum(sizes.values())
    assert total <= ASSET_BUDGET, f"{total} bytes gzipped: {sizes}"


def test_assets_are_sent_compressed_within_budget(client):
    """What the browser actually downloads for the base page's assets."""
    page = client.get("/login").get_data(as_text=True)
    urls = re.findall(r'(?:href|src)="(/a/[^"]+)"', page)
    assert len(urls) == len(base_assets())
    total = 0
    for url in urls:
        response = client.get(url, buffered=True, headers={"Accept-Encoding": "br, gzip"})
        assert response.status_code == 200, url
        body = response.get_data()
        if response.headers.get("Content-Encoding") not in ("br", "gzip"):
            body = gzip.compress(body, compresslevel=6)
        total += len(body)
    assert total <= ASSET_BUDGET
