"""Factories of the employee register for tests."""

import datetime as dt

from blueprints.employees.models import Cadre, Designation, Employee, SanctionedPost
from blueprints.employees.services import retires_on_for, set_search_keys


def make_cadre(code="REV", age=58, **kw):
    return Cadre.create(
        code=code,
        name_en=kw.pop("name_en", "Revenue"),
        name_hi="राजस्व",
        name_mr="महसूल",
        retirement_age=age,
        **kw,
    )


def make_designation(cadre, code="CLK", name_en="Clerk", **kw):
    return Designation.create(
        code=code,
        name_en=name_en,
        name_hi=kw.pop("name_hi", "लिपिक"),
        name_mr=kw.pop("name_mr", "लिपिक"),
        cadre=cadre,
        **kw,
    )


def make_employee(office, designation, code, name_en, name_local="", **kw):
    dob = kw.pop("date_of_birth", dt.date(1980, 6, 15))
    employee = Employee.create(
        code=code,
        name_en=name_en,
        name_local=name_local,
        office=office,
        designation=designation,
        date_of_birth=dob,
        joined_on=kw.pop("joined_on", dt.date(2005, 7, 1)),
        retires_on=retires_on_for(dob, designation),
        mobile_official=kw.pop("mobile_official", ""),
        **kw,
    )
    set_search_keys(employee)
    return employee


def make_register(place) -> dict:
    cadre = make_cadre()
    clerk = make_designation(cadre)
    talathi = make_designation(
        cadre, code="TLT", name_en="Talathi", name_mr="तलाठी", name_hi="तलाठी"
    )
    office0, office1 = place.tehsil_offices
    patil = make_employee(
        office0,
        clerk,
        "E001",
        "Sunil Patil",
        "सुनील पाटील",
        mobile_official="9811111111",
        mobile_personal="9822222222",
        address="12, Shivaji Nagar, Paithan",
        email_official="sunil.patil@example.gov.in",
    )
    kulkarni = make_employee(office0, talathi, "E002", "Asha Kulkarni", "आशा कुलकर्णी")
    shinde = make_employee(office1, clerk, "E003", "Ganesh Shinde", "गणेश शिंदे")
    SanctionedPost.create(office=office0, designation=clerk, sanctioned=3)
    SanctionedPost.create(office=office0, designation=talathi, sanctioned=1)
    SanctionedPost.create(office=office1, designation=clerk, sanctioned=2)
    return dict(
        cadre=cadre,
        clerk=clerk,
        talathi=talathi,
        patil=patil,
        kulkarni=kulkarni,
        shinde=shinde,
        office0=office0,
        office1=office1,
    )
