"""Biometric attendance: the punches imported from the devices' CSV exports,
each office's timings, and leave records.

Times: a device writes IST wall-clock times. A punch is stored as naive UTC
in `punched_at`, like every other time in Zila (core.clock.now), and with
its working `day` (IST), worked out once on import: a punch before 04:00
IST belongs to the previous day, so that the out-punch of a late evening or
a night duty closes that day instead of opening the next one."""

import datetime as dt

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel

# Office timings when an office has none of its own.
DEFAULT_START = dt.time(10, 0)
DEFAULT_GRACE_MINUTES = 10
DEFAULT_HALF_DAY_AFTER = dt.time(14, 0)
DEFAULT_MIN_MINUTES = 240  # under 4 h between first and last punch: half day

LEAVE_KINDS = {
    "casual": _l("Casual leave"),
    "earned": _l("Earned leave"),
    "medical": _l("Medical leave"),
    "duty": _l("On duty elsewhere"),
    "other": _l("Other leave"),
}


class OfficeTiming(BaseModel):
    office = pw.ForeignKeyField(Office, unique=True, backref="+", on_delete="RESTRICT")
    starts_at = pw.TimeField(default=DEFAULT_START)
    grace_minutes = pw.IntegerField(default=DEFAULT_GRACE_MINUTES)
    half_day_after = pw.TimeField(default=DEFAULT_HALF_DAY_AFTER)
    min_minutes = pw.IntegerField(default=DEFAULT_MIN_MINUTES)
    updated_at = pw.DateTimeField(default=clock.now)
    updated_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")

    class Meta:
        table_name = "office_timing"


class PunchImport(BaseModel):
    """One imported file: what it held and what it added."""

    original_name = pw.CharField(max_length=200, default="")
    sha256 = pw.CharField(max_length=64)
    rows = pw.IntegerField(default=0)
    added = pw.IntegerField(default=0)
    already = pw.IntegerField(default=0)  # punches that an earlier import had
    first_day = pw.DateField(null=True)
    last_day = pw.DateField(null=True)
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now, index=True)

    class Meta:
        table_name = "punch_import"


class Punch(BaseModel):
    employee = pw.ForeignKeyField(Employee, backref="+", on_delete="RESTRICT")
    punched_at = pw.DateTimeField()  # naive UTC
    day = pw.DateField()  # the IST working day (see the module's note)
    batch = pw.ForeignKeyField(PunchImport, null=True, backref="+", on_delete="RESTRICT")

    class Meta:
        # The same punch in an overlapping export is the same row.
        indexes = ((("employee", "punched_at"), True), (("day", "employee"), False))


class Leave(BaseModel):
    employee = pw.ForeignKeyField(Employee, backref="+", on_delete="RESTRICT")
    from_date = pw.DateField()
    to_date = pw.DateField()
    kind = pw.CharField(max_length=10, default="casual")
    note = pw.CharField(max_length=200, default="")
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "leave_record"
        indexes = ((("employee", "from_date"), False), (("from_date", "to_date"), False))

    @property
    def kind_label(self):
        return LEAVE_KINDS.get(self.kind, self.kind)


MODELS = (OfficeTiming, PunchImport, Punch, Leave)
