"""The employee forms and imports under hostile input: out-of-range ids
and dates, a field over the CSV reader's limit, formulas in CSV as in XLSX."""

import pytest

from blueprints.employees import importer
from blueprints.employees.models import Posting


@pytest.mark.parametrize("bad", ["0", "-1", str(2**31), str(2**63), "x"])
def test_a_transfer_to_an_impossible_office_or_designation_is_refused(app, staff, login_as, bad):
    hr = login_as("establishment")
    url = f"/employees/{staff.patil.id}/transfer"
    for field in ("office", "designation"):
        data = {"office": staff.office1.id, "designation": staff.clerk.id, "order_no": "EST/1",
                "order_date": "20-05-2025", "from_date": "01-06-2025", field: bad}  # fmt: skip
        assert hr.form_post(url, data=data).status_code == 400, (field, bad)
    with app.app_context():
        assert Posting.select().count() == 0


def test_a_transfer_from_the_end_of_time_is_refused(app, staff, login_as):
    hr = login_as("establishment")
    response = hr.form_post(
        f"/employees/{staff.patil.id}/transfer",
        data={"office": staff.office1.id, "designation": staff.clerk.id, "order_no": "EST/1",
              "order_date": "20-05-2025", "from_date": "9999-12-31"},
    )  # fmt: skip
    assert response.status_code == 400
    with app.app_context():
        assert Posting.select().count() == 0


def test_a_csv_with_a_huge_field_is_refused_not_crashed():
    data = b"code,name_en\nE1," + b"x" * (4 * 1024 * 1024) + b"\n"
    with pytest.raises(importer.Refused) as refused:
        importer.read_rows(data)
    assert "This is not a CSV or Excel (XLSX) file." in importer.say(refused.value.args[0])


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+cmd|' /C calc'!A0"])
def test_a_csv_cell_holding_a_formula_is_refused_like_in_xlsx(cell):
    data = f"code,name_en\nE1,{cell}\n".encode()
    with pytest.raises(importer.Refused) as refused:
        importer.read_rows(data)
    assert "holds a formula" in importer.say(refused.value.args[0])


def test_numbers_and_phones_with_a_sign_are_values_not_formulas():
    heading, rows = importer.read_rows(b"code,mobile_official,n\nE1,+91 9800000001,-3\n")
    assert rows == [["E1", "+91 9800000001", "-3"]]
