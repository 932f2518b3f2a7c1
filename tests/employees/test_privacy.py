"""Personal fields (date of birth, personal mobile, address) reach only the
establishment users and the head of the employee's own office; every such
view is recorded, and the record is shown to establishment and admin."""

import pytest

from core.audit import AuditEvent

PERSONAL = ("9822222222", "12, Shivaji Nagar, Paithan", "Date of birth")
OFFICIAL = ("9811111111", "sunil.patil@example.gov.in", "Sunil Patil")


def _views(app):
    with app.app_context():
        return AuditEvent.select().where(AuditEvent.action == "employee.personal_viewed").count()


@pytest.mark.parametrize(
    "role, sees",
    [
        ("establishment", True),
        ("office_head", True),  # head of tehsil office 0, where Patil works
        ("office_user", False),  # same office, not its head
        ("admin", False),
        ("district_manager", False),
        ("block_officer", False),
        ("gp_staff", False),
    ],
)
def test_personal_fields_by_role_and_the_audit_of_views(role, sees, app, staff, login_as):
    browser = login_as(role)
    response = browser.get(f"/employees/{staff.patil.id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in OFFICIAL:
        assert text in html
    for text in PERSONAL:
        assert (text in html) is sees, (role, text)
    assert _views(app) == (1 if sees else 0)


def test_a_csc_operator_sees_nothing_of_the_register(app, staff, login_as):
    """A private operator is not government staff (issue 14): until then it
    read every employee's official page and searched the whole register."""
    operator = login_as("csc_operator")
    for url in ("/employees/", f"/employees/{staff.patil.id}", "/employees/?q=patil"):
        response = operator.get(url)
        assert response.status_code == 403, url
        assert "Sunil Patil" not in response.get_data(as_text=True)
    assert _views(app) == 0


def test_the_head_of_another_office_sees_official_contacts_only(app, staff, login_as):
    browser = login_as("office_head", which=1)  # head of tehsil office 1
    html = browser.get(f"/employees/{staff.patil.id}").get_data(as_text=True)
    assert "9822222222" not in html and "9811111111" in html
    assert _views(app) == 0
    # ...but does see the personal data of their own staff.
    html = browser.get(f"/employees/{staff.shinde.id}").get_data(as_text=True)
    assert "Date of birth" in html
    assert _views(app) == 1


def test_the_audit_log_names_who_viewed_whom(app, staff, login_as):
    hr = login_as("establishment")
    hr.get(f"/employees/{staff.patil.id}")
    hr.get(f"/employees/{staff.kulkarni.id}")
    log = hr.get("/employees/audit").get_data(as_text=True)
    assert "establishment-0" in log and "Sunil Patil" in log and "Asha Kulkarni" in log
    only = hr.get("/employees/audit?code=e001").get_data(as_text=True)
    assert "Sunil Patil" in only and "Asha Kulkarni" not in only
    assert login_as("admin").get("/employees/audit").status_code == 200
    for role in ("office_head", "district_manager", "office_user"):
        assert login_as(role).get("/employees/audit").status_code == 403


def test_an_unknown_employee_is_404(staff, login_as):
    browser = login_as("establishment")
    for url in ("/employees/999999", "/employees/99999999999", "/employees/0/transfer"):
        assert browser.get(url).status_code == 404
