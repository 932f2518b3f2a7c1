"""One working-day calendar for the district: the days a service level
counts are the days attendance expects people at work, under the default
week (Sundays, second and fourth Saturdays off) and under another one
configured; the pages say which days are off, in each language."""

import datetime as dt

import pytest

from blueprints.attendance.services import register
from blueprints.employees.models import Employee
from core.workdays import Holiday, add_working_days
from tests.assignments.factories import make_employee
from tests.fixtures import ctx, english  # noqa: F401

# October 2026: Friday 2 a holiday (Gandhi Jayanti); Saturdays 3, 10 (2nd),
# 17, 24 (4th), 31; Sundays 4, 11, 18, 25.
FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
AFTER = dt.date(2026, 11, 20)


def service_level_days() -> set:
    """The days a service counted in working days counts, in October."""
    days, day = set(), FIRST - dt.timedelta(days=1)
    while True:
        day = add_working_days(day, 1)
        if day > LAST:
            return days
        days.add(day)


def attendance_days(employee) -> set:
    """The days attendance expects the employee at work, in October."""
    month = register(Employee.select().where(Employee.id == employee.id), FIRST, LAST, AFTER)
    return {d.day for d in month[employee.id] if d.status != "holiday"}


@pytest.fixture
def october(app, place):
    with app.app_context():
        Holiday.create(date=dt.date(2026, 10, 2), name_en="Gandhi Jayanti", name_local="गांधी जयंती")
        return make_employee(place.tehsil_offices[0], "W001", "Suresh Patil")


def days(*numbers) -> set:
    return {dt.date(2026, 10, n) for n in numbers}


@pytest.mark.usefixtures("ctx")
def test_service_levels_and_attendance_count_the_same_days(october):
    counted = service_level_days()
    assert counted == attendance_days(october)
    assert not counted & days(2, 4, 10, 11, 18, 24, 25)  # holiday, Sundays, 2nd/4th Saturdays
    assert days(3, 17, 31) <= counted  # first, third and fifth Saturdays are worked
    assert len(counted) == 31 - 1 - 4 - 2
    # An application of one working day submitted on Friday 9 October.
    assert add_working_days(dt.date(2026, 10, 9), 1) == dt.date(2026, 10, 12)


@pytest.mark.usefixtures("ctx")
def test_the_districts_week_changes_both(app, october):
    app.config["WEEKLY_OFF"] = "sat,sun"  # a five-day week
    counted = service_level_days()
    assert counted == attendance_days(october)
    assert not counted & days(3, 17, 31)
    assert len(counted) == 31 - 1 - 9
    app.config["WEEKLY_OFF"] = "sun"
    app.config["SECOND_FOURTH_SATURDAYS_OFF"] = False  # Saturdays are all worked
    counted = service_level_days()
    assert counted == attendance_days(october)
    assert days(3, 10, 17, 24, 31) <= counted
    assert add_working_days(dt.date(2026, 10, 9), 1) == dt.date(2026, 10, 10)


@pytest.mark.usefixtures("ctx")
def test_a_misspelt_weekly_day_off_is_an_error_not_a_working_week(app):
    app.config["WEEKLY_OFF"] = "sunday,funday"
    with pytest.raises(ValueError, match="funday"):
        add_working_days(dt.date(2026, 10, 9), 1)


@pytest.mark.parametrize(
    ("lang", "default", "five_days"),
    [
        (
            "en",
            "Sundays, second and fourth Saturdays, and the district's holidays",
            "Saturdays, Sundays, and the district's holidays",
        ),
        (
            "hi",
            "रविवार, दूसरे और चौथे शनिवार, और जिले के अवकाश",
            "शनिवार, रविवार, और जिले के अवकाश",
        ),
        (
            "mr",
            "रविवार, दुसरा व चौथा शनिवार आणि जिल्ह्याच्या सुट्ट्या",
            "शनिवार, रविवार आणि जिल्ह्याच्या सुट्ट्या",
        ),
    ],
)
def test_the_pages_say_which_days_are_off(app, login_as, lang, default, five_days):
    from tests.helpers import unescaped_text

    manager, admin = login_as("district_manager"), login_as("admin")
    for browser in (manager, admin):
        browser.set_cookie("lang", lang)
    assert default in unescaped_text(manager.get("/attendance/"))
    assert default in unescaped_text(admin.get("/alerts/holidays"))
    app.config["WEEKLY_OFF"] = "sat,sun"
    assert five_days in unescaped_text(manager.get("/attendance/"))
    assert five_days in unescaped_text(admin.get("/alerts/holidays"))
