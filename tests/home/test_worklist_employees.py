"""The employee register's line of the home worklist
(blueprints/employees/worklist.py): this month's retirements, for the
establishment."""

import datetime as dt

from blueprints.employees.models import Employee
from core import clock
from tests.helpers import text
from tests.home import work


def test_the_establishment_sees_this_months_retirements(app, place, login_as, move_clock):
    move_clock(dt.datetime(2026, 3, 10, 5, 0))
    hr = login_as("establishment")
    office = place.tehsil_offices[0]
    with app.app_context():
        work.retirements(office, count=3)
        today = clock.today_ist()
        first, second, third = Employee.select().order_by(Employee.id)
        # Next month's, and one already marked retired, are not this month's work.
        Employee.update(retires_on=dt.date(2026, 4, 1)).where(Employee.id == first.id).execute()
        Employee.update(status="retired").where(Employee.id == second.id).execute()
        Employee.update(retires_on=dt.date(2026, 3, 31)).where(Employee.id == third.id).execute()
        assert today == dt.date(2026, 3, 10)
    assert ("/employees/retirements", "1 employee retires this month") in work.lines_of(hr)
    assert third.name_en in text(hr.get("/employees/retirements"))
    # The office head reads the list, but it is the establishment's work.
    assert not any("retire" in label for _href, label in work.lines_of(login_as("office_head")))
