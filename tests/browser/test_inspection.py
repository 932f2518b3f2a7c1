"""An inspector files a report from a phone-sized window (360×640), with
JavaScript on and off; with it on, the phone's location fills itself in."""

import pytest
from playwright.sync_api import expect

from blueprints.inspections.models import InspectionPhoto, InspectionReport, Inspector
from tests.applications.conftest import photo_bytes
from tests.browser.helpers import submit as _go
from tests.factories import make_user
from tests.helpers import PASSWORD
from tests.inspections.factories import schedule


@pytest.fixture
def field_visit(app, place, tmp_path):
    app.config["DEFAULT_LOCALE"] = "en"
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    with app.app_context():
        user = make_user("gp_staff", place, username="gramsevak")
        inspector = Inspector.create(user=user, block=place.blocks[0])
        return schedule(inspector, place.cscs[0])


def _open_the_form(page, live_server, code):
    page.goto(f"{live_server}/login")
    page.fill("#username", "gramsevak")
    page.fill("#password", PASSWORD)
    _go(page, "main button[type=submit]")
    page.goto(f"{live_server}/inspections/")
    assert code in page.inner_text("main")
    page.click("text=File the report")
    page.wait_for_selector("#board_displayed-yes")


def test_inspector_files_a_report_from_a_phone(field_visit, place, live_server, page, tmp_path):
    photos = []
    for n in range(2):
        path = tmp_path / f"centre-{n}.jpg"
        path.write_bytes(photo_bytes())
        photos.append(str(path))
    _open_the_form(page, live_server, place.cscs[0].code)
    for key in ("board_displayed", "operator_present", "equipment_working", "receipts_given"):
        page.check(f"#{key}-yes")
    page.check("#rate_list_displayed-no")  # a finding
    page.check("#overcharging_complaints-no")
    page.check("#documents_kept-no")
    # hours_kept left unanswered: the page says so and keeps the rest.
    page.check("#rating-3")
    page.fill("#remarks", "Rate list missing; queue well handled.")
    _go(page, "form button[type=submit]")
    assert "Answer yes or no." in page.inner_text("#hours_kept-err")
    assert page.is_checked("#rate_list_displayed-no") and page.is_checked("#rating-3")
    assert page.input_value("#remarks") == "Rate list missing; queue well handled."
    page.check("#hours_kept-yes")
    page.set_input_files("#photos", photos)
    page.fill("#latitude", "19.4951")  # typed: the fields work without the script
    page.fill("#longitude", "75.3832")
    if page.js_enabled:
        # Nothing sticks out of a 360 px screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    else:
        assert page.query_selector("text=Use this phone’s location") is None
    _go(page, "form button[type=submit]")
    page.wait_for_selector("text=Report filed")
    main = page.inner_text("main")
    assert "Reported" in main and "3 / 5" in main
    assert "Display the list of services and their rates" in main
    assert "Photo 2" in main and "19.495100, 75.383200" in main
    report = InspectionReport.get()
    assert report.inspection_id == field_visit.id
    assert InspectionPhoto.select().count() == 2


def test_the_phone_fills_in_its_location(field_visit, place, live_server, chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 640}, locale="en-IN")
    try:
        context.grant_permissions(["geolocation"], origin=live_server)
        context.set_geolocation({"latitude": 19.4951, "longitude": 75.3832})
        page = context.new_page()
        _open_the_form(page, live_server, place.cscs[0].code)
        page.click("text=Use this phone’s location")
        expect(page.locator("#latitude")).to_have_value("19.495100", timeout=3000)
        expect(page.locator("#longitude")).to_have_value("75.383200", timeout=3000)
    finally:
        context.close()
