"""Directory fixtures shared with the VC tests and the route walk: posts of
the register, their holders and their entries."""

import datetime as dt

from blueprints.directory.models import DirectoryEntry
from blueprints.employees.models import Cadre, Designation
from tests.employees.factories import make_employee


def posts():
    """The tehsildar's and the clerk's designations (made once)."""
    cadre = Cadre.get_or_none(Cadre.code == "DIRREV") or Cadre.create(
        code="DIRREV", name_en="Revenue", name_hi="राजस्व", name_mr="महसूल", retirement_age=58
    )
    tehsildar = Designation.get_or_none(Designation.code == "DIRTHL") or Designation.create(
        code="DIRTHL",
        name_en="Tehsildar",
        name_hi="तहसीलदार",
        name_mr="तहसीलदार",
        cadre=cadre,
        service_class="II",
    )
    steno = Designation.get_or_none(Designation.code == "DIRSTN") or Designation.create(
        code="DIRSTN",
        name_en="Stenographer",
        name_hi="आशुलिपिक",
        name_mr="लघुलेखक",
        cadre=cadre,
    )
    return tehsildar, steno


def entry(office, designation, **kw):
    return DirectoryEntry.create(office=office, designation=designation, **kw)


def holder(office, designation, code, name_en, name_local, **kw):
    return make_employee(
        office,
        designation,
        code,
        name_en,
        name_local,
        mobile_official=kw.pop("mobile_official", "9822000001"),
        email_official=kw.pop("email_official", f"{code.lower()}@example.gov.in"),
        mobile_personal="9899999999",
        joined_on=dt.date(2010, 1, 1),
        **kw,
    )
