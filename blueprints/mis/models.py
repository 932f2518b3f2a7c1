"""Scheme progress (MIS): the indicators of a scheme, the monthly figures
(target and achievement) of each gram panchayat, and the certification of a
block's month by the head of its block office (panchayat samiti).

A figure is never edited in place: a change is a new Entry that supersedes
the current one (is_current moves to the new row), so the history of every
figure, with who changed it and why, stays readable. A certified month is
locked; only a correction, with a reason, may supersede its figures."""

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.masters.models import Block, GramPanchayat
from blueprints.schemes.models import Scheme
from core import clock
from core.db import BaseModel

UNITS = {
    "count": _l("number"),
    "rupees": _l("rupees"),
}
# The largest figure one gram panchayat may report for a month, by unit,
# unless the indicator sets its own: bigger is a typing slip (an extra zero).
DEFAULT_MAX = {"count": 100_000, "rupees": 10_00_00_000}

ENTRY_KINDS = {
    "entry": _l("Entered"),
    "correction": _l("Correction after certification"),
}


class Indicator(BaseModel):
    """One figure a scheme reports every month for each gram panchayat, from
    from_month on: beneficiaries covered, amount disbursed, works completed."""

    scheme = pw.ForeignKeyField(Scheme, backref="+", on_delete="RESTRICT")
    code = pw.CharField(max_length=30)
    name_en = pw.CharField(max_length=200)
    name_hi = pw.CharField(max_length=200, default="")
    name_mr = pw.CharField(max_length=200, default="")
    unit = pw.CharField(max_length=10, choices=list(UNITS.items()), default="count")
    max_monthly = pw.BigIntegerField()
    position = pw.IntegerField(default=0)
    from_month = pw.DateField()
    is_active = pw.BooleanField(default=True)
    # The last month it was asked for, once stopped (empty while asked for):
    # its figures of from_month..until_month stay in every roll-up.
    until_month = pw.DateField(null=True)
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "mis_indicator"
        indexes = ((("scheme", "code"), True),)

    def name(self, lang: str) -> str:
        texts = {"en": self.name_en, "hi": self.name_hi, "mr": self.name_mr}
        return texts.get(lang) or self.name_en or self.name_mr or self.name_hi

    @property
    def unit_label(self):
        return UNITS.get(self.unit, self.unit)

    @property
    def until_label(self) -> str:
        """The last month asked for, "November 2026" in the page's language."""
        from blueprints.mis.months import label

        return label(self.until_month) if self.until_month else ""


class Entry(BaseModel):
    """A gram panchayat's target and achievement of one indicator for one
    month (the first day of the month). At most one current row per
    (indicator, GP, month): a partial unique index in migration 011."""

    indicator = pw.ForeignKeyField(Indicator, backref="+", on_delete="RESTRICT")
    gram_panchayat = pw.ForeignKeyField(GramPanchayat, backref="+", on_delete="RESTRICT")
    month = pw.DateField()
    target = pw.BigIntegerField()
    achievement = pw.BigIntegerField()
    is_current = pw.BooleanField(default=True)
    supersedes = pw.ForeignKeyField("self", null=True, backref="+", on_delete="RESTRICT")
    kind = pw.CharField(max_length=12, default="entry", choices=list(ENTRY_KINDS.items()))
    reason = pw.CharField(max_length=300, default="")
    entered_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    entered_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "mis_entry"
        indexes = (
            (("month", "indicator"), False),
            (("gram_panchayat", "month"), False),
        )

    @property
    def kind_label(self):
        return ENTRY_KINDS.get(self.kind, self.kind)


class Certification(BaseModel):
    """The block office head's word that a block's figures of a month, for
    every scheme, are complete and correct. One per block and month."""

    block = pw.ForeignKeyField(Block, backref="+", on_delete="RESTRICT")
    month = pw.DateField()
    certified_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    certified_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "mis_certification"
        indexes = ((("block", "month"), True),)


MODELS = (Indicator, Entry, Certification)
