"""An operator files an application end to end in a real browser, with
JavaScript on and off, and prints the acknowledgement."""

import pytest
from playwright.sync_api import expect

from blueprints.applications.models import Application
from tests.applications.conftest import photo_bytes
from tests.browser.helpers import submit as _go
from tests.factories import make_service, make_user
from tests.helpers import PASSWORD


@pytest.fixture
def counter(app, place):
    app.config["DEFAULT_LOCALE"] = "en"
    with app.app_context():
        service = make_service(place)
        make_user("csc_operator", place, username="vle")
    return service


def test_operator_files_and_prints(counter, place, live_server, page, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(photo_bytes())
    page.goto(f"{live_server}/login")
    page.fill("#username", "vle")
    page.fill("#password", PASSWORD)
    _go(page)
    page.goto(f"{live_server}/applications/new")
    page.select_option("#service", str(counter.id))
    page.select_option("#language", "mr")
    _go(page)
    page.wait_for_selector("#applicant_name_local")
    page.fill("#applicant_name_local", "सुनीता पाटील")
    page.fill("#applicant_name_en", "Sunita Patil")
    page.fill("#relation_name", "Ramesh Patil")
    page.select_option("#gender", "f")
    page.fill("#date_of_birth", "1985-04-12")
    page.fill("#mobile", "98765")  # a mistake first: the page says so, keeps the rest
    page.select_option("#village", str(place.villages[0].id))
    page.fill("#address", "Ward 2")
    _go(page)
    # With JS on, htmx swaps the refused step in after the response: wait for it.
    page.wait_for_selector("#error-summary")
    assert "Enter a 10-digit mobile number." in page.inner_text("main")
    # The error summary at the top has the focus and leads to the field.
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    summary.locator('a[href="#mobile"]').click()
    expect(page.locator("#mobile")).to_be_focused()
    assert page.input_value("#applicant_name_en") == "Sunita Patil"
    page.fill("#mobile", "9876543210")
    _go(page)
    page.wait_for_selector("#annual_income")
    page.fill("#annual_income", "85000")
    _go(page)
    page.set_input_files("#file-photo", str(photo))
    _go(page, "form:has(#file-photo) button")
    assert "Received" in page.inner_text("main")
    page.click("text=Continue to fees")
    page.wait_for_selector("#fee_collected")
    assert "₹53.50" in page.inner_text("main")
    page.check("#fee_collected")
    _go(page)
    page.wait_for_selector("text=Submit application")
    _go(page, "form[action$='/submit'] button")
    page.wait_for_selector("text=Print the acknowledgement")
    application = Application.get(Application.status == "submitted")
    assert application.app_id in page.inner_text("h1")
    page.click('main a[href$="/acknowledgement"]')
    page.wait_for_url("**/acknowledgement")
    page.wait_for_selector("main svg")
    assert application.app_id in page.inner_text("main")
    assert page.query_selector("main svg") is not None  # the QR code
