"""Daily and monthly attendance from the punches: late by a minute against
the grace, half days, single and overnight punches, holidays, leave; the
office summary, late-comers, exports, jurisdiction and languages."""

import datetime as dt

import pytest

from blueprints.attendance.models import Leave, OfficeTiming
from blueprints.attendance.punches import import_file
from blueprints.attendance.services import (
    late_comers,
    office_summary,
    register,
)
from blueprints.employees.models import Employee
from core.db import db
from core.workdays import Holiday, is_second_or_fourth_saturday
from tests.attendance.conftest import csv_of
from tests.helpers import report_pdf

# October 2026: Thursday the 1st; Sundays 4, 11, 18, 25; Saturdays 3, 10
# (2nd), 17, 24 (4th), 31.
TODAY = dt.date(2026, 11, 22)


def day_of(employee, day):
    days = register(Employee.select().where(Employee.id == employee.id), day, day, TODAY)
    return days[employee.id][0]


def punch(*rows):
    import_file("t.csv", csv_of(*rows), Employee.select())


@pytest.mark.parametrize(
    ("first", "last", "status"),
    [
        ("09:45", "18:00", "present"),
        ("10:10:59", "18:00", "present"),  # on the last minute of grace
        ("10:11:00", "18:00", "late"),  # one minute after it
        ("13:59", "18:00", "late"),
        ("14:01", "18:30", "half_day"),  # first punch after 14:00
        ("10:00", "13:59", "half_day"),  # under 4 hours
        ("10:00", "14:00", "present"),  # exactly 4 hours
    ],
)
def test_status_of_a_day_by_the_default_timings(ctx, staff, first, last, status):
    punch(f"A001,2026-10-05 {first}", f"A001,2026-10-05 {last}")
    assert day_of(staff.ours[0], dt.date(2026, 10, 5)).status == status


def test_an_office_of_its_own_timings(ctx, staff, place):
    OfficeTiming.create(
        office=place.tehsil_offices[0],
        starts_at=dt.time(9, 45),
        grace_minutes=0,
        half_day_after=dt.time(13, 0),
        min_minutes=360,
    )
    punch(
        "A001,2026-10-05 09:46",
        "A001,2026-10-05 17:00",
        "A001,2026-10-06 09:45",
        "A001,2026-10-06 15:00",
    )
    assert day_of(staff.ours[0], dt.date(2026, 10, 5)).status == "late"
    assert day_of(staff.ours[0], dt.date(2026, 10, 6)).status == "half_day"  # 5 h 15 < 6 h


def test_single_and_overnight_punches(ctx, staff):
    punch(
        "A001,2026-10-05 09:50",  # forgot to punch out: half a day
        "A001,2026-10-06 09:55",
        "A001,2026-10-07 01:30",  # out after midnight closes the 6th
    )
    fifth = day_of(staff.ours[0], dt.date(2026, 10, 5))
    assert (fifth.status, fifth.punches) == ("half_day", 1)
    sixth = day_of(staff.ours[0], dt.date(2026, 10, 6))
    assert sixth.status == "present" and sixth.last.strftime("%H:%M") == "01:30"
    assert day_of(staff.ours[0], dt.date(2026, 10, 7)).status == "absent"


def test_holidays_leave_and_absence(ctx, staff):
    Holiday.create(date=dt.date(2026, 10, 2), name_en="Gandhi Jayanti", name_local="गांधी जयंती")
    Leave.create(
        employee=staff.ours[0],
        from_date=dt.date(2026, 10, 6),
        to_date=dt.date(2026, 10, 7),
        kind="earned",
    )
    punch("A001,2026-10-04 10:00", "A001,2026-10-04 12:00")  # came in on a Sunday
    days = {
        d.day.day: d.status
        for d in register(
            Employee.select().where(Employee.id == staff.ours[0].id),
            dt.date(2026, 10, 1),
            dt.date(2026, 10, 12),
            TODAY,
        )[staff.ours[0].id]
    }
    assert days == {
        1: "absent",
        2: "holiday",  # the holiday list
        3: "absent",  # first Saturday: a working day
        4: "holiday",  # Sunday, punches or not
        5: "absent",
        6: "leave",
        7: "leave",
        8: "absent",
        9: "absent",
        10: "holiday",  # second Saturday
        11: "holiday",
        12: "absent",
    }
    assert [d for d in range(1, 32) if is_second_or_fourth_saturday(dt.date(2026, 10, d))] == [
        10,
        24,
    ]


def test_days_to_come_have_no_status(ctx, staff):
    days = register(
        Employee.select().where(Employee.id == staff.ours[0].id),
        TODAY,
        TODAY + dt.timedelta(days=2),
        TODAY,
    )
    assert [d.status for d in days[staff.ours[0].id]][1:] == [None, None]


def test_office_summary_and_late_comers(ctx, staff, place):
    from tests.factories import make_user

    rows = []
    for day in (5, 6, 7, 8):  # A001 late four days, A002 on time
        rows += [f"A001,2026-10-0{day} 10:20", f"A001,2026-10-0{day} 18:00"]
        rows += [f"A002,2026-10-0{day} 09:50", f"A002,2026-10-0{day} 18:00"]
    rows += ["A101,2026-10-05 10:30", "A101,2026-10-05 18:00"]
    punch(*rows)
    head = make_user("office_head", place)
    summary = office_summary(head, dt.date(2026, 10, 5), dt.date(2026, 10, 9), TODAY)
    assert len(summary) == 1  # only the head's own office
    row = summary[0]
    assert row["office"].id == place.tehsil_offices[0].id
    assert (row["employees"], row["present"], row["late"], row["absent"]) == (2, 4, 4, 2)
    assert row["rate"] == 80.0
    late = late_comers(head, dt.date(2026, 10, 1), today=TODAY)
    assert [(r["employee"].code, r["count"]) for r in late] == [("A001", 4)]
    manager = make_user("district_manager", place)
    assert len(office_summary(manager, dt.date(2026, 10, 5), dt.date(2026, 10, 9), TODAY)) == 2


def test_pages_exports_and_jurisdiction(app, login_as, staff, place):
    with app.app_context(), db.connection_context():
        punch("A001,2026-10-05 10:20", "A001,2026-10-05 18:00", "A101,2026-10-05 10:20")
    head = login_as("office_head")
    body = head.get("/attendance/?from=2026-10-01&to=2026-10-31").get_data(as_text=True)
    assert place.tehsil_offices[0].name_en in body and place.tehsil_offices[1].name_en not in body
    csv = head.get("/attendance/?from=2026-10-01&to=2026-10-31&format=csv")
    assert csv.mimetype == "text/csv" and "Tehsil Office Paithan" in csv.get_data(as_text=True)
    assert head.get("/attendance/?from=2026-10-01&to=2026-10-31&format=xlsx").data[:2] == b"PK"
    assert (
        report_pdf(head, "/attendance/?from=2026-10-01&to=2026-10-31&format=pdf").data[:4]
        == b"%PDF"
    )
    assert report_pdf(head, "/attendance/late?month=2026-10&format=pdf").data[:4] == b"%PDF"
    assert head.get("/attendance/late?month=2026-10&format=csv").status_code == 200
    day = head.get(f"/attendance/offices/{place.tehsil_offices[0].id}?day=2026-10-05").get_data(
        as_text=True
    )
    assert "Suresh Patil" in day and "10:20" in day and "Late" in day
    month = head.get(f"/attendance/employees/{staff.ours[0].id}?month=2026-10").get_data(
        as_text=True
    )
    assert "Late: 1" in month
    # Another tehsil's office and employee: 404 like missing ones.
    assert head.get(f"/attendance/offices/{place.tehsil_offices[1].id}").status_code == 404
    assert head.get(f"/attendance/employees/{staff.theirs.id}").status_code == 404
    assert head.get("/attendance/employees/99999999999").status_code == 404
    assert head.get(f"/attendance/late?office_id={place.tehsil_offices[1].id}").status_code == 404
    assert login_as("gp_staff").get("/attendance/").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/attendance/?from=2026-13-01",
        "/attendance/?from=2026-10-10&to=2026-10-01",
        "/attendance/?from=2020-01-01&to=2026-01-01",
        "/attendance/late?month=October",
        "/attendance/late?month=99999-01",
    ],
)
def test_bad_dates_answer_400_with_a_message(login_as, url):
    response = login_as("district_manager").get(url)
    assert response.status_code == 400
    assert (
        "Write the" in response.get_data(as_text=True)
        or "at most" in response.get_data(as_text=True)
        or "cannot be before" in response.get_data(as_text=True)
    )


def test_timings_and_leave_forms(app, login_as, staff, place):
    head = login_as("office_head")
    url = f"/attendance/offices/{place.tehsil_offices[0].id}/timing"
    bad = head.form_post(
        url,
        data={
            "starts_at": "25:00",
            "grace_minutes": "x",
            "half_day_after": "14:00",
            "min_hours": "4",
        },
    )
    assert bad.status_code == 400
    body = bad.get_data(as_text=True)
    assert "Write the time as HH:MM" in body and "Give a whole number from 0 to 120." in body
    ok = head.form_post(
        url,
        data={
            "starts_at": "09:45",
            "grace_minutes": "0",
            "half_day_after": "13:30",
            "min_hours": "5",
        },
    )
    assert ok.status_code == 303
    with app.app_context():
        timing = OfficeTiming.get(OfficeTiming.office == place.tehsil_offices[0].id)
        assert (timing.grace_minutes, timing.min_minutes) == (0, 300)
    assert login_as("office_user").get(url).status_code == 403
    leave_url = f"/attendance/employees/{staff.ours[0].id}?month=2026-10"
    bad = head.form_post(
        leave_url, data={"kind": "earned", "from_date": "2026-10-09", "to_date": "2026-10-08"}
    )
    assert bad.status_code == 400 and "cannot be before" in bad.get_data(as_text=True)
    ok = head.form_post(
        leave_url, data={"kind": "earned", "from_date": "2026-10-08", "to_date": "2026-10-09"}
    )
    assert ok.status_code == 303
    body = head.get(leave_url).get_data(as_text=True)
    assert "On leave: 2" in body
    with app.app_context():
        assert Leave.select().count() == 1


@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_pages_read_in_hindi_and_marathi(login_as, staff, place, lang):
    head = login_as("office_head")
    head.set_cookie("lang", lang)
    for url in (
        "/attendance/",
        "/attendance/late",
        "/attendance/import",
        f"/attendance/offices/{place.tehsil_offices[0].id}",
        f"/attendance/employees/{staff.ours[0].id}",
    ):
        response = head.get(url)
        assert response.status_code == 200, url
        assert "Attendance by office" not in response.get_data(as_text=True), url
