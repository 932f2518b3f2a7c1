"""The punch import: all or nothing per file, idempotent on re-import,
refusals reported in the row where they are."""

import datetime as dt

import pytest

from blueprints.attendance.models import Punch, PunchImport
from blueprints.attendance.punches import ImportRefused, import_file, parse_ist, working_day
from blueprints.attendance.services import employees_of
from blueprints.employees.models import Employee
from tests.attendance.conftest import csv_of


def _all():
    return Employee.select()


def test_punches_are_ist_wall_clock_stored_as_utc_with_their_day(ctx, staff):
    result = import_file("nov.csv", csv_of("A001,2026-10-05 09:52:10"), _all())
    assert result.added == 1
    punch = Punch.get()
    assert punch.punched_at == dt.datetime(2026, 10, 5, 4, 22, 10)  # 09:52:10 IST
    assert punch.day == dt.date(2026, 10, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10-05 09:52", dt.datetime(2026, 10, 5, 9, 52)),
        ("2026-10-05T09:52:30", dt.datetime(2026, 10, 5, 9, 52, 30)),
        ("05/10/2026 09:52", dt.datetime(2026, 10, 5, 9, 52)),  # day first
        ("05-10-2026  09:52:01", dt.datetime(2026, 10, 5, 9, 52, 1)),
        ("2026-10-05", None),
        ("10/35/2026 09:00", None),
        ("yesterday", None),
    ],
)
def test_timestamps_the_devices_write(text, expected):
    parsed = parse_ist(text)
    assert (parsed.replace(tzinfo=None) if parsed else None) == expected


def test_an_out_punch_after_midnight_closes_the_previous_day():
    assert working_day(parse_ist("2026-10-06 01:30")) == dt.date(2026, 10, 5)
    assert working_day(parse_ist("2026-10-06 04:00")) == dt.date(2026, 10, 6)


def test_duplicates_and_out_of_order_punches_and_re_import(ctx, staff):
    data = csv_of(
        "A001,2026-10-05 18:05",
        "A001,2026-10-05 09:58",
        "A001,2026-10-05 09:58",  # the device wrote it twice
        "a002,2026-10-05 10:02",
    )
    first = import_file("a.csv", data, _all())
    assert (first.rows, first.added, first.already) == (4, 3, 1)
    # An overlapping export: two old punches, one new; nothing double-counted.
    second = import_file(
        "b.csv",
        csv_of("A002,2026-10-05 10:02", "A001,2026-10-05 18:05", "A002,2026-10-05 17:40"),
        _all(),
    )
    assert (second.added, second.already) == (1, 2)
    assert Punch.select().count() == 4
    assert import_file("a.csv", data, _all()).added == 0
    assert Punch.select().count() == 4
    assert PunchImport.select().count() == 3


@pytest.mark.parametrize(
    ("name", "data", "message", "rows"),
    [
        ("punches.xlsx", b"PK\x03\x04\x00\x00binary", "not a CSV file", []),
        ("punches.csv", b"PK\x03\x04\x00\x00binary", "not a CSV file", []),
        ("punches.csv", b"", "empty", []),
        ("punches.csv", b"name,when\nA001,2026-10-05 09:00\n", "must name the columns", []),
        (
            "punches.csv",
            csv_of("A001,2026-10-05 09:00", "A001,5th Oct 9am"),
            "Some rows are wrong",
            [3],
        ),
        (
            "punches.csv",
            csv_of("A001,2026-10-05 09:00", "NOBODY,2026-10-05 09:00"),
            "Some rows",
            [3],
        ),
        (
            "punches.csv",
            csv_of("A001", "A002,2026-10-05 09:00", ",2026-10-05 09:00"),
            "Some rows",
            [2, 4],
        ),
        ("punches.csv", csv_of("A001,1999-10-05 09:00"), "Some rows", [2]),
    ],
)
def test_refused_files_save_nothing_and_name_the_row(ctx, staff, name, data, message, rows):
    with pytest.raises(ImportRefused) as err:
        import_file(name, data, _all())
    assert message in str(err.value)
    assert [n for n, _m in err.value.errors] == rows
    assert Punch.select().count() == 0 and PunchImport.select().count() == 0


def test_every_bad_row_is_reported_in_one_round(ctx, staff):
    """Unknown employees used to be told only once the dates were fixed."""
    data = csv_of(
        "A001,2026-10-05 09:00",
        "A001,5th Oct 9am",  # row 3: a bad time
        "NOBODY,2026-10-05 09:00",  # row 4: an unknown employee
        "GHOST,junk",  # row 5: both
        "A001,2026-10-05 18:00",
    )
    with pytest.raises(ImportRefused) as err:
        import_file("p.csv", data, _all())
    errors = dict(err.value.errors)
    assert list(errors) == [3, 4, 5]
    assert "is not a date and time" in errors[3]
    assert errors[4] == "No employee of your offices has the code NOBODY."
    assert "is not a date and time" in errors[5] and "the code GHOST" in errors[5]
    assert Punch.select().count() == 0


def test_an_employee_of_another_office_is_unknown_to_an_office_user(ctx, staff, place):
    from tests.factories import make_user

    clerk = make_user("office_user", place)
    data = csv_of("A001,2026-10-05 09:00", "A101,2026-10-05 09:01")
    with pytest.raises(ImportRefused) as err:
        import_file("x.csv", data, employees_of(clerk), clerk)
    assert err.value.errors == [(3, "No employee of your offices has the code A101.")]
    assert Punch.select().count() == 0


def test_the_upload_page_reports_rows_and_refusals(app, login_as, staff):
    head = login_as("office_head")
    page = "/attendance/import"
    response = head.form_post(
        page,
        data={
            "file": (
                __import__("io").BytesIO(csv_of("A001,2026-10-05 09:00", "A001,junk")),
                "p.csv",
            )
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Row 3" in body and "“junk” is not a date and time" in body
    response = head.form_post(
        page,
        data={"file": (__import__("io").BytesIO(csv_of("A001,2026-10-05 09:00")), "p.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "1 new punch " in response.get_data(as_text=True)  # was "1 new punches" (issue 15)
    response = head.form_post(page, data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Choose the CSV file" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "row", "unknown"),
    [
        ("en", "Row {n}", "No employee of your offices has the code NOBODY."),
        ("hi", "पंक्ति {n}", "आपके कार्यालयों के किसी कर्मचारी का कोड NOBODY नहीं है।"),
        ("mr", "ओळ {n}", "आपल्या कार्यालयांतील कोणत्याही कर्मचाऱ्याचा कोड NOBODY नाही."),
    ],
)
def test_the_upload_page_lists_bad_dates_and_unknown_employees_together(
    app, login_as, staff, lang, row, unknown
):
    head = login_as("office_head")
    head.set_cookie("lang", lang)
    data = csv_of("A001,junk", "NOBODY,2026-10-05 09:00")
    response = head.form_post(
        "/attendance/import",
        data={"file": (__import__("io").BytesIO(data), "p.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert row.format(n=2) in body and "junk" in body
    assert row.format(n=3) in body and unknown in body
