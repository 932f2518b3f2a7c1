"""Exports neutralise spreadsheet formulas: a text cell that starts with =,
+, -, @, tab or CR comes back with a leading apostrophe, in CSV and XLSX,
through the portal's own export routes; numbers, negative ones too, stay
numbers."""

import csv
import datetime as dt
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from blueprints.employees.models import Cadre, Employee
from blueprints.employees.services import set_retirement_age
from core import clock
from core.db import db
from core.downloads import safe_cell, to_csv
from tests.employees.factories import make_register
from tests.fixtures import english  # noqa: F401
from tests.pendency.helpers import District

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def staff(app, place):
    with app.app_context(), db.connection_context():
        return SimpleNamespace(**make_register(place))


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_each_dangerous_start_is_prefixed_and_numbers_are_left_alone():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    for value in (-5, -2.5, Decimal("-10.00"), 0, None, dt.date(2026, 1, 2), "Patil", "", "a=b"):
        assert safe_cell(value) == value
    data = to_csv((["Name", "Days"], [[HYPERLINK, -3]], None))
    assert data == b'\xef\xbb\xbfName,Days\r\n"\'=HYPERLINK(""http://x"",""y"")",-3\r\n'


def test_the_pendency_list_exports_a_formula_name_as_text(app, place, login_as):
    district = District(app, place)
    district.file(9, due_in=-3, applicant_name_en=HYPERLINK)
    manager = login_as("district_manager")
    url = "/pendency/applications?bucket=overdue"

    rows = _csv_rows(manager.get(url + "&format=csv"))
    applicant = rows[0].index("Applicant")
    days_left = rows[0].index("Days left")
    assert rows[1][applicant] == "'" + HYPERLINK
    assert rows[1][days_left] == "-3"

    sheet = load_workbook(io.BytesIO(manager.get(url + "&format=xlsx").data)).active
    name = sheet.cell(row=2, column=applicant + 1)
    assert name.value == "'" + HYPERLINK and name.data_type == "s"
    left = sheet.cell(row=2, column=days_left + 1)
    assert left.value == -3 and left.data_type == "n"


def test_the_retirements_export_a_formula_name_as_text(app, staff, login_as):
    today = clock.today_ist()
    with app.app_context(), db.connection_context():
        Employee.update(
            date_of_birth=dt.date(today.year - 58, today.month, 15), name_en="@SUM(A1)"
        ).where(Employee.id == staff.kulkarni.id).execute()
        Employee.update(name_local="-2+3").where(Employee.id == staff.kulkarni.id).execute()
        set_retirement_age(Cadre.get_by_id(staff.cadre.id), 58)
    hr = login_as("establishment")

    rows = _csv_rows(hr.get("/employees/retirements?format=csv"))
    assert rows[1][2:4] == ["'@SUM(A1)", "'-2+3"]

    sheet = load_workbook(io.BytesIO(hr.get("/employees/retirements?format=xlsx").data)).active
    cells = [sheet.cell(row=2, column=c) for c in (3, 4)]
    assert [c.value for c in cells] == ["'@SUM(A1)", "'-2+3"]
    assert {c.data_type for c in cells} == {"s"}
