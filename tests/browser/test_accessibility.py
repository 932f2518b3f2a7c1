"""axe-core on the pages people use most: no serious or critical violations."""

from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_FLAGS  # noqa: F401 (same browser set-up)
from tests.factories import make_application, make_service, make_user
from tests.helpers import PASSWORD

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe_page(chromium):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make setup runs npm ci)")
    # axe is injected by the test, not by the site: bypass the page's CSP.
    context = chromium.new_context(bypass_csp=True, viewport={"width": 360, "height": 640})
    yield context.new_page()
    context.close()


def violations(page):
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def sign_in(page, base, username):
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    # Signed in once the menu shows: waiting for "networkidle" alone returns at
    # once when the page was idle already, and the next goto could cancel the
    # sign-in's request before its cookie was kept.
    page.wait_for_selector("nav.menu")
    page.wait_for_load_state("networkidle")


def test_public_pages(app, place, live_server, axe_page):
    app.config["DEFAULT_LOCALE"] = "en"
    found = {}
    for path in ("/", "/login", "/track", "/track?id=AUR26-0000001-A"):
        axe_page.goto(live_server + path)
        found[path] = violations(axe_page)
    assert {k: v for k, v in found.items() if v} == {}


def test_operator_and_desk_pages(app, place, live_server, axe_page):
    app.config["DEFAULT_LOCALE"] = "mr"
    with app.app_context():
        service = make_service(place)
        operator = make_user("csc_operator", place, username="vle")
        make_user("office_user", place, username="clerk")
        filed = make_application(place, service, operator)
    found = {}
    sign_in(axe_page, live_server, "vle")
    for path in (
        "/",
        "/applications/",
        "/applications/new",
        f"/applications/{filed.id}",
        f"/applications/{filed.id}/acknowledgement",
        "/account",
    ):
        axe_page.goto(live_server + path)
        found[path] = violations(axe_page)
    axe_page.goto(f"{live_server}/applications/new")
    axe_page.select_option("#service", str(service.id))
    axe_page.click("main button[type=submit]")
    axe_page.wait_for_selector("#applicant_name_local")
    axe_page.click("main button[type=submit]")  # empty: every field shows its error
    axe_page.wait_for_selector(".err")
    found["applicant step with errors"] = violations(axe_page)
    axe_page.context.clear_cookies()
    sign_in(axe_page, live_server, "clerk")
    for path in ("/desk/", f"/applications/{filed.id}"):
        axe_page.goto(live_server + path)
        found[f"desk {path}"] = violations(axe_page)
    assert {k: v for k, v in found.items() if v} == {}


def test_the_check_finds_a_real_violation(axe_page):
    axe_page.set_content(
        '<html lang="en"><body><main><form><input id="x" type="text">'
        '<button type="submit"></button></form></main></body></html>'
    )
    found = violations(axe_page)
    assert any(v.startswith(("label", "button-name")) for v in found), found
