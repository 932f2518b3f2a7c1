"""Employees for the task-reminder and attendance tests: their own cadre and
designation codes, so that they never collide with other areas' walk rows."""

import datetime as dt

from blueprints.employees.models import Cadre, Designation, Employee


def designation():
    cadre = Cadre.get_or_none(Cadre.code == "TR-C") or Cadre.create(
        code="TR-C", name_en="Task cadre", name_hi="कार्य संवर्ग", name_mr="कार्य संवर्ग"
    )
    return Designation.get_or_none(Designation.code == "TR-CLK") or Designation.create(
        code="TR-CLK", name_en="Clerk", name_hi="लिपिक", name_mr="लिपिक", cadre=cadre
    )


def make_employee(office, code, name_en="Suresh Patil", mobile="9811100001", **kw):
    return Employee.create(
        code=code,
        name_en=name_en,
        name_local=kw.pop("name_local", "सुरेश पाटील"),
        office=office,
        designation=designation(),
        date_of_birth=dt.date(1980, 6, 15),
        joined_on=dt.date(2005, 7, 1),
        retires_on=dt.date(2038, 6, 30),
        mobile_official=mobile,
        **kw,
    )
