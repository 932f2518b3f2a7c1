"""Sign-in journeys in a real browser, with JavaScript on and off."""

import pyotp

from tests.browser.helpers import submit as _submit
from tests.factories import make_user
from tests.helpers import PASSWORD


def test_district_manager_needs_the_code(app, place, live_server, page):
    with app.app_context():
        user = make_user("district_manager", place, username="collector")
    page.goto(f"{live_server}/login")
    page.fill("#username", "collector")
    page.fill("#password", PASSWORD)
    _submit(page)
    page.wait_for_selector("#code")
    assert "/login/code" in page.url
    # Without the code, the district is not open.
    assert page.query_selector(".menu") is None

    page.fill("#code", "000000" if pyotp.TOTP(user.totp_secret).now() != "000000" else "111111")
    _submit(page)
    assert "That code is not right" in page.inner_text("main")

    page.fill("#code", pyotp.TOTP(user.totp_secret).now())
    _submit(page)
    page.wait_for_selector(".menu")
    assert page.inner_text("h1") == "District overview"
    assert page.query_selector(".menu") is not None


def test_operator_switches_to_marathi_and_back(app, place, live_server, page):
    with app.app_context():
        make_user("csc_operator", place, username="vle")
    page.goto(f"{live_server}/login")
    page.fill("#username", "vle")
    page.fill("#password", PASSWORD)
    _submit(page)
    page.wait_for_selector(".menu")
    page.click("text=मराठी")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "mr"
    assert "आपले सरकार सेवा केंद्र" in page.inner_text("h1")
    page.click("text=English")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"


def test_pages_are_usable_at_320_px(app, place, live_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/login")
    width = page.evaluate("document.documentElement.scrollWidth") if page.js_enabled else 320
    assert width <= 320
    box = page.locator("#password").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
