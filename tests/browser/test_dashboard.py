"""A district manager drills from the pendency dashboard to an overdue
application in a real browser, with JavaScript on and off, and axe-core
finds nothing serious or critical on any page of the way."""

import re

import pyotp
import pytest

from tests.browser.helpers import submit as _submit
from tests.browser.test_accessibility import axe_page, violations  # noqa: F401 (fixture)
from tests.factories import make_user
from tests.helpers import PASSWORD
from tests.pendency.helpers import District


@pytest.fixture
def district_with_breaches(app, place):
    app.config["DEFAULT_LOCALE"] = "en"
    district = District(app, place)
    with app.app_context():
        manager = make_user("district_manager", place, username="collector")
    for age in (0, 2, 5):
        district.file(age)
    # Seven-day service: 12 days old is 5 days past due; the only one at
    # office 1, so that office's past-due list holds exactly it.
    late = district.file(12, office=place.tehsil_offices[1], gp=place.gps[2])
    district.file(9, status="scrutiny")
    return manager, late


def _follow(page, link):
    """Click a link and wait for the page it leads to (a boosted swap with
    JS on, a navigation with it off): both end with the URL changed."""
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(lambda url: url.endswith(href) or href in url)
    page.wait_for_load_state("networkidle")


def _axe(page, axe_page, found, label):  # noqa: F811 (the fixture's value)
    """The page as the manager sees it, checked in axe's own tab: the
    manager's cookies, the same URL. The journey's tab may have JS off (axe
    cannot run there) and keeps the site's CSP (axe's tab bypasses it)."""
    axe_page.context.add_cookies(page.context.cookies())
    axe_page.goto(page.url)
    assert axe_page.url == page.url, "axe's tab was sent elsewhere (not signed in?)"
    found[label] = violations(axe_page)


def test_manager_drills_to_an_overdue_application(
    district_with_breaches,
    place,
    live_server,
    page,
    axe_page,  # noqa: F811 (fixture)
):
    manager, late = district_with_breaches
    page.goto(f"{live_server}/login")
    page.fill("#username", "collector")
    page.fill("#password", PASSWORD)
    _submit(page)
    page.wait_for_selector("#code")
    page.fill("#code", pyotp.TOTP(manager.totp_secret).now())
    _submit(page)
    page.wait_for_selector(".menu")
    found = {}

    page.goto(f"{live_server}/pendency/")
    assert "By service and office" in page.inner_text("main")
    _axe(page, axe_page, found, "dashboard")

    # 1. The row of office 1 in the service x office table: its past-due count.
    office = place.tehsil_offices[1].name
    row = page.locator("#by-service ~ div table tbody tr", has_text=office)
    breach = row.locator("a[href*='bucket=overdue']")
    assert breach.inner_text() == "1"
    _follow(page, breach)
    assert "/pendency/applications" in page.url and "bucket=overdue" in page.url
    main = page.inner_text("main")
    assert re.search(r"\b1 application\b", main) and "Overdue by 5 days" in main
    _axe(page, axe_page, found, "past-due list")

    # 2. The application itself.
    _follow(page, page.locator(f"main a:has-text('{late.app_id}')"))
    assert page.url.endswith(f"/applications/{late.id}")
    assert page.inner_text("h1") == late.app_id
    assert "Overdue by 5 days" in page.inner_text("main")
    _axe(page, axe_page, found, "application")

    assert {k: v for k, v in found.items() if v} == {}
