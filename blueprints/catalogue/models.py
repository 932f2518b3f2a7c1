"""The service catalogue: what a citizen can apply for at a CSC."""

import json

import peewee as pw
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel

DISPOSING_LEVELS = {
    "tehsil": _l("Tehsil office of the applicant's tehsil"),
    "block": _l("Block office of the applicant's block"),
    "district": _l("The department's own office at the district"),
}
# Field types a service may ask for; validated server-side in services.fields.
FIELD_TYPES = ("text", "devanagari", "number", "date", "select", "yesno")


class Service(BaseModel):
    code = pw.CharField(max_length=20, unique=True)
    name_en = pw.CharField(max_length=150)
    name_hi = pw.CharField(max_length=150)
    name_mr = pw.CharField(max_length=150)
    department = pw.ForeignKeyField(Office, backref="services", on_delete="RESTRICT")
    disposing_level = pw.CharField(max_length=12, choices=list(DISPOSING_LEVELS.items()))
    sla_days = pw.IntegerField(default=7)
    # Count sla_days in working days (the district's calendar, core.workdays)
    # instead of calendar days: blueprints.applications.filing.due_date_for.
    working_days = pw.BooleanField(default=False)
    # Money in paise, so that sums are exact.
    govt_fee = pw.IntegerField(default=0)
    user_charge = pw.IntegerField(default=0)
    # The user charge is split between the CSC, the gram panchayat and the
    # district e-governance society; the three add up to 100.
    split_csc = pw.IntegerField(default=80)
    split_gp = pw.IntegerField(default=10)
    split_society = pw.IntegerField(default=10)
    # [{"key": "photo", "en": "...", "hi": "...", "mr": "...", "required": true}]
    documents_json = pw.TextField(default="[]")
    # [{"key": "annual_income", "type": "number", "en": ..., "hi": ..., "mr": ...,
    #   "required": true, "min": 0, "max": 10000000, "choices": [...]}]
    fields_json = pw.TextField(default="[]")
    active = pw.BooleanField(default=True)
    updated_at = pw.DateTimeField(default=clock.now)

    @property
    def name(self) -> str:
        locale = get_locale()
        lang = locale.language if locale is not None else "en"
        return getattr(self, f"name_{lang}", None) or self.name_en

    def name_in(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", None) or self.name_en

    @property
    def documents(self) -> list[dict]:
        return json.loads(self.documents_json or "[]")

    @property
    def fields(self) -> list[dict]:
        return json.loads(self.fields_json or "[]")

    @property
    def total_fee(self) -> int:
        return self.govt_fee + self.user_charge


def label(item: dict, lang: str | None = None) -> str:
    """The label of a document or field definition in the page language."""
    if lang is None:
        locale = get_locale()
        lang = locale.language if locale is not None else "en"
    return item.get(lang) or item.get("en") or item.get("key", "")


MODELS = (Service,)
