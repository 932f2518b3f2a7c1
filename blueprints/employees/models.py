"""The district's combined employee register: cadres and designations, the
employees of every office with their append-only posting history, the
sanctioned posts of each office, and the import jobs that fill them.

Other areas (task reminders, attendance, directory, VC) build on Employee,
Posting, SanctionedPost and services.transfer / services.current_holders:
see /work/tr/CONTRACTS.md before changing a column."""

import json

import peewee as pw
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel
from core.storage import StoredName

STATUSES = {
    "working": _l("Working"),
    "on_leave": _l("On leave"),
    "suspended": _l("Suspended"),
    "retired": _l("Retired"),
}
# Who "holds" a post: a suspended or retired employee does not.
HOLDING_STATUSES = ("working", "on_leave")
SERVICE_CLASSES = ("I", "II", "III", "IV")


def _lang() -> str:
    locale = get_locale()
    return locale.language if locale is not None else "en"


class _Trilingual(BaseModel):
    code = pw.CharField(max_length=20, unique=True)
    name_en = pw.CharField(max_length=120)
    name_hi = pw.CharField(max_length=120, default="")
    name_mr = pw.CharField(max_length=120, default="")

    def name(self, lang: str | None = None) -> str:
        """The name in `lang` (default: the page language), else English."""
        lang = lang or _lang()
        return getattr(self, f"name_{lang}", "") or self.name_en

    def __str__(self):
        return self.name()


class Cadre(_Trilingual):
    """A service cadre; its retirement age fixes its members' superannuation."""

    retirement_age = pw.IntegerField(default=58)


class Designation(_Trilingual):
    cadre = pw.ForeignKeyField(Cadre, backref="designations", on_delete="RESTRICT")
    service_class = pw.CharField(max_length=3, default="III")


class Employee(BaseModel):
    code = pw.CharField(max_length=20, unique=True)
    name_en = pw.CharField(max_length=120, index=True)
    name_local = pw.CharField(max_length=120, default="")  # Devanagari
    designation = pw.ForeignKeyField(Designation, backref="+", on_delete="RESTRICT")
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    status = pw.CharField(max_length=10, default="working", choices=list(STATUSES.items()))
    # Personal: shown only to establishment users and the office's head.
    date_of_birth = pw.DateField()
    joined_on = pw.DateField()
    # Superannuation: the last day of the month of reaching the cadre's age.
    retires_on = pw.DateField(index=True)
    mobile_official = pw.CharField(max_length=10, default="", index=True)
    email_official = pw.CharField(max_length=120, default="")
    mobile_personal = pw.CharField(max_length=10, default="")
    address = pw.TextField(default="")
    user = pw.ForeignKeyField(User, null=True, unique=True, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)
    updated_at = pw.DateTimeField(default=clock.now)

    class Meta:
        indexes = ((("office", "designation", "status"), False),)

    def name(self, lang: str | None = None) -> str:
        lang = lang or _lang()
        if lang != "en" and self.name_local:
            return self.name_local
        return self.name_en

    @property
    def status_label(self):
        return STATUSES.get(self.status, self.status)

    def __str__(self):
        return self.name()


class EmployeeKey(BaseModel):
    """One script-independent search key per word of an employee's names
    (search.fold), so that a prefix search is an index range scan whether
    the user types Latin or Devanagari."""

    employee = pw.ForeignKeyField(Employee, backref="+", on_delete="CASCADE")
    key = pw.CharField(max_length=40)

    class Meta:
        table_name = "employee_key"
        indexes = ((("key", "employee"), True),)


class Posting(BaseModel):
    """Append-only: a transfer adds a row, nothing is ever rewritten."""

    employee = pw.ForeignKeyField(Employee, backref="+", on_delete="RESTRICT")
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    designation = pw.ForeignKeyField(Designation, backref="+", on_delete="RESTRICT")
    order_no = pw.CharField(max_length=60, default="")
    order_date = pw.DateField(null=True)
    from_date = pw.DateField()
    created_at = pw.DateTimeField(default=clock.now)
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")

    class Meta:
        indexes = ((("employee", "from_date"), False),)


class SanctionedPost(BaseModel):
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    designation = pw.ForeignKeyField(Designation, backref="+", on_delete="RESTRICT")
    sanctioned = pw.IntegerField(default=0)

    class Meta:
        table_name = "sanctioned_post"
        indexes = ((("office", "designation"), True),)


IMPORT_KINDS = {"employees": _l("Employees"), "posts": _l("Sanctioned posts")}
IMPORT_STATES = {
    "checked": _l("Checked (dry run)"),
    "queued": _l("Queued"),
    "running": _l("Running"),
    "done": _l("Done"),
    "failed": _l("Failed"),
}


class ImportJob(BaseModel):
    """One uploaded file: its dry-run report, then the real run's progress."""

    kind = pw.CharField(max_length=10, choices=list(IMPORT_KINDS.items()))
    state = pw.CharField(max_length=10, default="checked")
    original_name = pw.CharField(max_length=200, default="")
    stored_name = StoredName("imports", max_length=80, default="")
    sha256 = pw.CharField(max_length=64, default="")
    total = pw.IntegerField(default=0)
    done = pw.IntegerField(default=0)
    created = pw.IntegerField(default=0)
    changed = pw.IntegerField(default=0)
    unchanged = pw.IntegerField(default=0)
    refused = pw.IntegerField(default=0)
    report_json = pw.TextField(default="[]")
    error = pw.TextField(default="")
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)
    finished_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "import_job"

    @property
    def report(self) -> list:
        return json.loads(self.report_json or "[]")

    @property
    def state_label(self):
        return IMPORT_STATES.get(self.state, self.state)

    @property
    def kind_label(self):
        return IMPORT_KINDS.get(self.kind, self.kind)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


MODELS = (Cadre, Designation, Employee, EmployeeKey, Posting, SanctionedPost, ImportJob)
