"""The vacancy statement (office, block, district) with its CSV, XLSX and
PDF; the retirements due; transfers and cadre ages through the forms; and
the main pages in Hindi and Marathi."""

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from blueprints.employees.models import Cadre, Employee, Posting
from blueprints.employees.register import vacancy_statement
from core import clock
from tests.helpers import pdf_text, report_pdf


def test_the_statement_counts_sanctioned_filled_and_vacant(ctx, staff):
    lines, total = vacancy_statement("office")
    figures = {(line.key, line.sanctioned, line.filled, line.vacant) for line in lines}
    assert figures == {
        ((staff.office0.id, staff.clerk.id), 3, 1, 2),
        ((staff.office0.id, staff.talathi.id), 1, 1, 0),
        ((staff.office1.id, staff.clerk.id), 2, 1, 1),
    }
    assert (total.sanctioned, total.filled, total.vacant) == (6, 3, 3)
    # A suspended employee does not fill the post.
    Employee.update(status="suspended").where(Employee.id == staff.patil.id).execute()
    _, total = vacancy_statement("district")
    assert (total.filled, total.vacant) == (2, 4)
    blocks, _ = vacancy_statement("block")
    assert sorted((b.label, b.vacant) for b in blocks) == [("Kannad", 1), ("Paithan", 3)]


def test_the_statement_pages_and_exports(app, staff, login_as):
    hr = login_as("establishment")
    page = hr.get("/employees/vacancies?level=office").get_data(as_text=True)
    assert "Tehsil Office Paithan" in page and "District total" in page
    assert hr.get("/employees/vacancies?level=nonsense").status_code == 400
    csv = hr.get("/employees/vacancies?level=district&format=csv")
    assert csv.mimetype == "text/csv"
    text = csv.get_data().decode("utf-8-sig")
    assert "Clerk,5,2,3" in text and "District total,6,3,3" in text
    xlsx = hr.get("/employees/vacancies?level=block&format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.get_data())).active
    assert [c.value for c in sheet[sheet.max_row]] == ["District total", 6, 3, 3]
    pdf = report_pdf(hr, "/employees/vacancies?level=office&format=pdf")
    assert pdf.mimetype == "application/pdf" and pdf.get_data()[:4] == b"%PDF"


def test_the_pdf_prints_devanagari(app, staff, login_as):
    browser = login_as("establishment")
    browser.set_cookie("lang", "mr")
    pdf = report_pdf(browser, "/employees/vacancies?level=district&format=pdf")
    assert pdf.status_code == 200 and pdf.get_data()[:4] == b"%PDF"


def test_retirements_due_in_the_next_twelve_months(app, staff, login_as, tmp_path):
    today = clock.today_ist()
    with app.app_context():
        Employee.update(date_of_birth=dt.date(today.year - 58, today.month, 15)).where(
            Employee.id == staff.kulkarni.id
        ).execute()
        from blueprints.employees.services import set_retirement_age

        set_retirement_age(Cadre.get_by_id(staff.cadre.id), 58)
    hr = login_as("establishment")
    page = hr.get("/employees/retirements").get_data(as_text=True)
    assert "Asha Kulkarni" in page and "Sunil Patil" not in page
    assert "1 employee reaches superannuation." in page
    csv = hr.get("/employees/retirements?format=csv").get_data().decode("utf-8-sig")
    assert "E002" in csv and "E001" not in csv
    pdf = report_pdf(hr, "/employees/retirements?format=pdf")
    assert pdf.mimetype == "application/pdf"
    text = pdf_text(pdf.get_data(), tmp_path, layout=False)
    assert "Asha Kulkarni" in text and "E002" in text and "Sunil Patil" not in text
    assert login_as("gp_staff").get("/employees/retirements").status_code == 403


def _retiring_soon(app, staff):
    today = clock.today_ist()
    with app.app_context():
        Employee.update(date_of_birth=dt.date(today.year - 58, today.month, 15)).where(
            Employee.id == staff.kulkarni.id
        ).execute()
        from blueprints.employees.services import set_retirement_age

        set_retirement_age(Cadre.get_by_id(staff.cadre.id), 58)
        return Employee.get_by_id(staff.kulkarni.id).retires_on


def _date_views(app):
    from core.audit import AuditEvent

    with app.app_context():
        return [
            json.loads(e.detail).get("via")
            for e in AuditEvent.select().where(AuditEvent.action == "employee.personal_viewed")
        ]


def test_superannuation_dates_follow_the_employee_pages_rule(app, staff, login_as, tmp_path):
    """Issue 14: the Collector saw every office's dates, unrecorded. A date is
    personal, as on the employee page: shown and recorded for those who may
    see it, left out for the others, on the page and in every export."""
    retires_on = _retiring_soon(app, staff)
    shown = f"{retires_on.day} {retires_on:%b %Y}"  # as the |date filter prints it
    dm = login_as("district_manager")
    page = dm.get("/employees/retirements").get_data(as_text=True)
    assert "Asha Kulkarni" in page and shown not in page
    csv = dm.get("/employees/retirements?format=csv").get_data().decode("utf-8-sig")
    assert "E002" in csv and retires_on.isoformat() not in csv and shown not in csv
    pdf = report_pdf(dm, "/employees/retirements?format=pdf")
    text = pdf_text(pdf.get_data(), tmp_path, layout=False)
    assert "Asha Kulkarni" in text and shown not in text
    assert _date_views(app) == []
    hr = login_as("establishment")
    assert shown in hr.get("/employees/retirements").get_data(as_text=True)
    hr.get("/employees/retirements?format=csv")
    assert _date_views(app) == ["retirements", "retirements.csv"]


def test_the_retirements_follow_the_portal_clock(app, staff, login_as, move_clock):
    # Before signing in: a session is dated by the same clock.
    move_clock(dt.datetime(2038, 1, 10, 6, 0))  # the register retires on 30 June 2038
    hr = login_as("establishment")
    page = hr.get("/employees/retirements").get_data(as_text=True)
    assert "Sunil Patil" in page and "3 employees reach superannuation." in page


def test_a_transfer_through_the_form_without_js(app, staff, login_as):
    hr = login_as("establishment")
    url = f"/employees/{staff.patil.id}/transfer"
    bad = hr.form_post(url, data={"office": staff.office1.id, "designation": staff.clerk.id,
                                  "order_no": "", "order_date": "31-02-2025",
                                  "from_date": "2025-06-01"})  # fmt: skip
    assert bad.status_code == 400
    assert "This field is required." in bad.get_data(as_text=True)
    early = hr.form_post(url, data={"office": staff.office1.id, "designation": staff.clerk.id,
                                    "order_no": "EST/1", "order_date": "01-01-2001",
                                    "from_date": "02-01-2001"})  # fmt: skip
    assert early.status_code == 400
    assert "before the date of joining" in early.get_data(as_text=True)
    with app.app_context():
        assert Posting.select().count() == 0
    done = hr.form_post(url, data={"office": staff.office1.id, "designation": staff.clerk.id,
                                   "order_no": "EST/9/2025", "order_date": "20-05-2025",
                                   "from_date": "01-06-2025"})  # fmt: skip
    assert done.status_code == 303 and done.location.endswith(f"/employees/{staff.patil.id}")
    page = hr.get(done.location).get_data(as_text=True)
    assert "EST/9/2025" in page
    with app.app_context():
        assert Employee.get_by_id(staff.patil.id).office_id == staff.office1.id
    assert login_as("office_head").get(url).status_code == 403


def test_the_cadre_age_form_recomputes(app, staff, login_as):
    hr = login_as("establishment")
    url = f"/employees/cadres/{staff.cadre.id}"
    bad = hr.form_post("/employees/cadres", url, data={"retirement_age": "200"})
    assert bad.status_code == 400 and "Enter an age from 50 to 70." in bad.get_data(as_text=True)
    ok = hr.form_post("/employees/cadres", url, data={"retirement_age": "60"})
    assert ok.status_code == 303
    with app.app_context():
        assert str(Employee.get_by_id(staff.patil.id).retires_on) == "2040-06-30"
    assert hr.form_post("/employees/cadres", "/employees/cadres/99999",
                        data={"retirement_age": "60"}).status_code == 404  # fmt: skip


@pytest.mark.parametrize("lang, words", [("hi", "कर्मचारी"), ("mr", "कर्मचारी")])
def test_main_pages_in_hindi_and_marathi(lang, words, app, staff, login_as):
    hr = login_as("establishment")
    hr.set_cookie("lang", lang)
    for url in ("/employees/", f"/employees/{staff.patil.id}", "/employees/vacancies",
                "/employees/imports", "/"):  # fmt: skip
        response = hr.get(url)
        assert response.status_code == 200, url
        assert words in response.get_data(as_text=True), url


def test_an_excess_in_one_office_does_not_fill_a_vacancy_in_another(ctx, staff):
    from tests.employees.factories import make_employee

    for n in range(3):
        make_employee(staff.office1, staff.clerk, f"X{n}", f"Extra Clerk {n}")
    lines, total = vacancy_statement("district")
    clerk = next(line for line in lines if line.key == staff.clerk.id)
    assert (clerk.sanctioned, clerk.filled, clerk.vacant, clerk.excess) == (5, 5, 2, 2)
    assert (total.sanctioned, total.filled, total.vacant) == (6, 6, 2)
