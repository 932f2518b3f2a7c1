"""Weekly surprise inspections of CSCs: who inspects where, the week's draw,
the reports filed from a phone, and the instructions that follow from them.

An inspection is a secret until its report is filed: nothing here is ever
shown to, or counted on a page of, the operator of the centre; only the
instructions of a filed report reach the operator."""

import json
from typing import NamedTuple

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.masters.models import Block, Csc, Tehsil
from core import clock
from core.db import BaseModel
from core.storage import StoredName

# Roles whose users may be made inspectors (DSP staff sit in an office).
INSPECTOR_ROLES = ("gp_staff", "office_user", "office_head", "block_officer", "district_manager")


class Check(NamedTuple):
    question: str
    short: str  # for the tables of the weekly report
    in_order: bool  # the answer of a centre in order
    instruction: str  # given to the centre when the answer is otherwise
    days: int  # to comply


# The checklist of a visit, in the order of the form.
CHECKLIST = {
    "board_displayed": Check(
        _l("Is the CSC board displayed outside the centre?"),
        _l("Board"),
        True,
        _l("Display the CSC board outside the centre."),
        7,
    ),
    "rate_list_displayed": Check(
        _l("Is the list of services and their rates displayed?"),
        _l("Rate list"),
        True,
        _l("Display the list of services and their rates where citizens can read it."),
        7,
    ),
    "operator_present": Check(
        _l("Was the operator present?"),
        _l("Operator absent"),
        True,
        _l("The registered operator must be at the centre during opening hours."),
        3,
    ),
    "equipment_working": Check(
        _l("Is the equipment working (computer, printer, biometric device, internet)?"),
        _l("Equipment"),
        True,
        _l("Repair or replace the equipment that is not working."),
        14,
    ),
    "receipts_given": Check(
        _l("Is a printed receipt given for every application and fee?"),
        _l("Receipts"),
        True,
        _l("Give a printed receipt for every application and every fee collected."),
        3,
    ),
    "overcharging_complaints": Check(
        _l("Did citizens complain of being charged more than the rate?"),
        _l("Overcharging"),
        False,
        _l("Charge only the displayed rates and refund what was charged in excess."),
        3,
    ),
    "documents_kept": Check(
        _l("Were citizens' Aadhaar cards or other ID documents kept at the centre?"),
        _l("ID documents kept"),
        False,
        _l("Return citizens' Aadhaar cards and ID documents; keep no originals."),
        1,
    ),
    "hours_kept": Check(
        _l("Are the opening hours displayed and kept?"),
        _l("Opening hours"),
        True,
        _l("Display the opening hours and keep the centre open during them."),
        7,
    ),
}
# Findings that count as complaints against a centre when drawing later weeks.
COMPLAINT_ITEMS = ("overcharging_complaints", "documents_kept")
OTHER_ITEM = "other"
OTHER_DUE_DAYS = 7

STATUSES = {
    "scheduled": _l("Scheduled"),
    "reported": _l("Reported"),
    "missed": _l("Missed"),
}
RATINGS = {
    1: _l("1 – very poor"),
    2: _l("2 – poor"),
    3: _l("3 – fair"),
    4: _l("4 – good"),
    5: _l("5 – very good"),
}
# Why a centre was drawn, shown to the inspector as hints of what to look at.
REASONS = {
    "never": _l("never inspected"),
    "inactive": _l("inactive: no recent application"),
    "overdue": _l("overdue applications"),
    "complaints": _l("complaints or open instructions"),
}
INSTRUCTION_STATUSES = {"open": _l("Open"), "complied": _l("Complied with")}


class Inspector(BaseModel):
    """A user who inspects the CSCs of a block or of a whole tehsil."""

    user = pw.ForeignKeyField(User, unique=True, backref="+", on_delete="RESTRICT")
    block = pw.ForeignKeyField(Block, null=True, backref="+", on_delete="RESTRICT")
    tehsil = pw.ForeignKeyField(Tehsil, null=True, backref="+", on_delete="RESTRICT")
    # None: the district's INSPECTIONS_PER_WEEK.
    min_per_week = pw.IntegerField(null=True)
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=clock.now)

    @property
    def area(self):
        return self.block if self.block_id else self.tehsil


class WeeklyDraw(BaseModel):
    """One inspector drawn for one ISO week: the mark that the week's draw
    for them is done, and how many inspections were required then."""

    week = pw.CharField(max_length=8)  # "2026-W47"
    inspector = pw.ForeignKeyField(Inspector, backref="+", on_delete="RESTRICT")
    required = pw.IntegerField()
    scheduled = pw.IntegerField()
    drawn_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "weekly_draw"
        indexes = ((("week", "inspector"), True),)


class Inspection(BaseModel):
    week = pw.CharField(max_length=8)
    week_start = pw.DateField(index=True)  # the Monday, IST
    inspector = pw.ForeignKeyField(Inspector, backref="+", on_delete="RESTRICT")
    slot = pw.IntegerField()
    csc = pw.ForeignKeyField(Csc, backref="+", on_delete="RESTRICT")
    # scheduled | reported; "missed" is a scheduled one whose time ran out.
    status = pw.CharField(max_length=10, default="scheduled")
    reasons_json = pw.TextField(default="[]")
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        # Never the same centre twice in a week; one centre per slot.
        indexes = (
            (("week", "csc"), True),
            (("week", "inspector", "slot"), True),
            (("csc", "status"), False),
        )

    @property
    def reasons(self) -> list[str]:
        return json.loads(self.reasons_json or "[]")


class InspectionReport(BaseModel):
    inspection = pw.ForeignKeyField(Inspection, unique=True, backref="+", on_delete="RESTRICT")
    # The one-time token of the form that filed it: a retried submit carries
    # the same token and gets this report back.
    token = pw.CharField(max_length=64, unique=True)
    filed_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    filed_at = pw.DateTimeField(default=clock.now)
    checklist_json = pw.TextField(default="{}")  # key -> true/false as answered
    latitude = pw.DecimalField(max_digits=9, decimal_places=6, null=True)
    longitude = pw.DecimalField(max_digits=9, decimal_places=6, null=True)
    remarks = pw.TextField(default="")
    rating = pw.IntegerField()

    class Meta:
        table_name = "inspection_report"

    @property
    def checklist(self) -> dict:
        return json.loads(self.checklist_json or "{}")

    @property
    def findings(self) -> list[str]:
        """Checklist keys answered otherwise than a centre in order would."""
        answers = self.checklist
        return [k for k, item in CHECKLIST.items() if k in answers and answers[k] != item.in_order]


class InspectionPhoto(BaseModel):
    report = pw.ForeignKeyField(InspectionReport, backref="+", on_delete="RESTRICT")
    original_name = pw.CharField(max_length=200, default="")
    stored_name = StoredName(max_length=80, unique=True)
    size = pw.IntegerField()
    sha256 = pw.CharField(max_length=64)

    class Meta:
        table_name = "inspection_photo"


class Instruction(BaseModel):
    """What a centre must set right after a report, by a date."""

    report = pw.ForeignKeyField(InspectionReport, backref="+", on_delete="RESTRICT")
    csc = pw.ForeignKeyField(Csc, backref="+", on_delete="RESTRICT")
    item = pw.CharField(max_length=30)  # a CHECKLIST key, or "other"
    text = pw.CharField(max_length=300, default="")  # the inspector's own, for "other"
    due_date = pw.DateField()
    status = pw.CharField(max_length=10, default="open")
    created_at = pw.DateTimeField(default=clock.now)
    complied_at = pw.DateTimeField(null=True)
    complied_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    compliance_remark = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("csc", "status"), False), (("status", "due_date"), False))

    @property
    def wording(self):
        if self.item in CHECKLIST:
            return CHECKLIST[self.item].instruction
        return self.text

    @property
    def short(self):
        if self.item in CHECKLIST:
            return CHECKLIST[self.item].short
        return self.text

    @property
    def status_label(self):
        return INSTRUCTION_STATUSES.get(self.status, self.status)


MODELS = (
    Inspector,
    WeeklyDraw,
    Inspection,
    InspectionReport,
    InspectionPhoto,
    Instruction,
)
