"""Keeping an employee up to date between imports: the establishment's edit
form (plain form posts, translated messages, audited), and the template file
of each import."""

import csv
import io

import pytest
from openpyxl import load_workbook

from blueprints.employees import importer
from blueprints.employees.models import Employee
from core.audit import AuditEvent


def _edit(hr, employee_id, **data):
    url = f"/employees/{employee_id}/edit"
    fields = {"status": "working", "mobile_official": "", "email_official": "",
              "mobile_personal": "", "address": ""}  # fmt: skip
    return hr.form_post(url, data={**fields, **data})


def test_the_establishment_edits_status_mobile_and_email_without_js(app, staff, login_as):
    hr = login_as("establishment")
    page = hr.get(f"/employees/{staff.patil.id}")
    assert f"/employees/{staff.patil.id}/edit" in page.get_data(as_text=True)
    done = _edit(hr, staff.patil.id, status="on_leave", mobile_official="9822012345",
                 email_official="patil@example.gov.in")  # fmt: skip
    assert done.status_code == 303 and done.location.endswith(f"/employees/{staff.patil.id}")
    shown = hr.get(done.location).get_data(as_text=True)
    assert "details are saved" in shown
    assert "9822012345" in shown and "On leave" in shown
    with app.app_context():
        fresh = Employee.get_by_id(staff.patil.id)
        assert (fresh.status, fresh.mobile_official, fresh.email_official) == (
            "on_leave",
            "9822012345",
            "patil@example.gov.in",
        )
        event = AuditEvent.get(AuditEvent.action == "employee.edited")
        assert (event.object_type, event.object_id) == ("employee", str(staff.patil.id))
        assert "email_official" in event.detail and "mobile_official" in event.detail
        assert "9822012345" not in event.detail  # the values stay out of the log


@pytest.mark.parametrize(
    "lang, mobile_error, email_error",
    [
        ("en", "Enter a 10-digit mobile number.", "Enter an email address."),
        ("hi", "10 अंकों का मोबाइल नंबर", "ईमेल पता"),
        ("mr", "10 अंकी मोबाईल क्रमांक", "ईमेल पत्ता"),
    ],
)
def test_a_bad_mobile_or_email_is_refused_in_the_users_language(
    lang, mobile_error, email_error, app, staff, login_as
):
    hr = login_as("establishment")
    hr.set_cookie("lang", lang)
    bad = _edit(hr, staff.patil.id, mobile_official="12345", email_official="not-an-address")
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert mobile_error in page and email_error in page
    with app.app_context():
        assert Employee.get_by_id(staff.patil.id).mobile_official == staff.patil.mobile_official
        assert not AuditEvent.select().where(AuditEvent.action == "employee.edited").exists()


def test_only_the_establishment_edits(staff, login_as):
    url = f"/employees/{staff.patil.id}/edit"
    for role in ("office_head", "admin", "district_manager"):
        assert login_as(role).get(url).status_code == 403, role
    assert login_as("establishment").get(url).status_code == 200


@pytest.mark.parametrize("kind", ["employees", "posts"])
def test_each_import_has_a_template_to_download(kind, app, staff, login_as):
    hr = login_as("establishment")
    page = hr.get("/employees/imports").get_data(as_text=True)
    assert f"/employees/imports/template?kind={kind}&amp;format=xlsx" in page
    xlsx = hr.get(f"/employees/imports/template?kind={kind}&format=xlsx")
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    header = [c.value for c in sheet[1]]
    assert header == list(importer.COLUMNS[kind])
    assert sheet.max_row == 2  # the heading and one example row
    text = hr.get(f"/employees/imports/template?kind={kind}&format=csv")
    rows = list(csv.reader(io.StringIO(text.data.decode("utf-8-sig"))))
    assert rows[0] == list(importer.COLUMNS[kind]) and len(rows) == 2
    if kind == "employees":
        notes = {c.value: c.comment.text for c in sheet[1] if c.comment}
        assert "CLEAR" in notes["email_official"] and "Blank" in notes["email_official"]
        # The example row left in is refused, not imported as an employee.
        with app.app_context():
            plan = importer.check("employees", xlsx.data)
            assert plan.refused == 1
            assert "example row" in importer.say(plan.rows[0][3][0])
    assert hr.get("/employees/imports/template?kind=nope&format=csv").status_code == 400
    assert (
        login_as("office_head").get(f"/employees/imports/template?kind={kind}").status_code == 403
    )


@pytest.mark.parametrize("lang, words", [("hi", "CLEAR"), ("mr", "CLEAR")])
def test_the_import_page_explains_blank_and_clear(lang, words, staff, login_as):
    hr = login_as("establishment")
    hr.set_cookie("lang", lang)
    page = hr.get("/employees/imports").get_data(as_text=True)
    assert words in page and "Blank" not in page and "empty a value" not in page
    hr.set_cookie("lang", "en")
    page = hr.get("/employees/imports").get_data(as_text=True)
    assert "a blank cell (or a column left out) leaves the value as it is" in page
