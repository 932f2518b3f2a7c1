"""The district's masters: its revenue and development hierarchy, towns and
offices. Every name is kept in English and in the local language."""

import peewee as pw
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from core.db import BaseModel


class Named(BaseModel):
    code = pw.CharField(max_length=20, unique=True)
    name_en = pw.CharField(max_length=120)
    name_local = pw.CharField(max_length=120)

    @property
    def name(self) -> str:
        """The name a reader of the current page language expects."""
        locale = get_locale()
        if locale is not None and locale.language != "en" and self.name_local:
            return self.name_local
        return self.name_en

    def __str__(self):
        return self.name


class District(Named):
    state_en = pw.CharField(max_length=60)
    state_local = pw.CharField(max_length=60)


class Tehsil(Named):
    """A sub-division or tehsil: the revenue unit an SDM or tehsildar runs."""

    district = pw.ForeignKeyField(District, backref="tehsils", on_delete="RESTRICT")


class Block(Named):
    """A development block (panchayat samiti) under a BDO."""

    tehsil = pw.ForeignKeyField(Tehsil, backref="blocks", on_delete="RESTRICT")


class GramPanchayat(Named):
    block = pw.ForeignKeyField(Block, backref="gram_panchayats", on_delete="RESTRICT")
    population = pw.IntegerField(null=True)

    class Meta:
        table_name = "gram_panchayat"


class Village(Named):
    gram_panchayat = pw.ForeignKeyField(GramPanchayat, backref="villages", on_delete="RESTRICT")
    population = pw.IntegerField(null=True)


MUNICIPALITY_KINDS = {
    "corporation": _l("Municipal corporation"),
    "council": _l("Municipal council (nagar parishad)"),
    "nagar_panchayat": _l("Nagar panchayat"),
}


class Municipality(Named):
    tehsil = pw.ForeignKeyField(Tehsil, backref="municipalities", on_delete="RESTRICT")
    kind = pw.CharField(max_length=20, choices=list(MUNICIPALITY_KINDS.items()))
    wards = pw.IntegerField(default=0)

    @property
    def kind_label(self):
        return MUNICIPALITY_KINDS.get(self.kind, self.kind)


OFFICE_LEVELS = {
    "district": _l("District"),
    "tehsil": _l("Tehsil"),
    "block": _l("Block"),
    "municipality": _l("Municipality"),
}
OFFICE_KINDS = {
    "collectorate_branch": _l("Collectorate branch"),
    "tehsil_office": _l("Tehsil office"),
    "block_office": _l("Block office (panchayat samiti)"),
    "zp_department": _l("Zilla Parishad department"),
    "line_department": _l("Line department"),
    "municipal_office": _l("Municipal office"),
}


class Office(Named):
    """An office that receives and disposes of work. Its area (tehsil, block or
    municipality) is what its users may see; a district-level office sees all."""

    level = pw.CharField(max_length=20, choices=list(OFFICE_LEVELS.items()))
    kind = pw.CharField(max_length=30, choices=list(OFFICE_KINDS.items()))
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    tehsil = pw.ForeignKeyField(Tehsil, null=True, backref="offices", on_delete="RESTRICT")
    block = pw.ForeignKeyField(Block, null=True, backref="offices", on_delete="RESTRICT")
    municipality = pw.ForeignKeyField(
        Municipality, null=True, backref="offices", on_delete="RESTRICT"
    )
    # Where a citizen comes and rings to ask about their application (the
    # acknowledgement prints them); each post's own line is in the directory.
    # Nullable in the database (migration 021): added in place, "" for none.
    address_en = pw.CharField(max_length=250, default="", null=True)
    address_local = pw.CharField(max_length=250, default="", null=True)
    phone = pw.CharField(max_length=15, default="", null=True)

    @property
    def address(self) -> str:
        """The address a reader of the current page language expects."""
        locale = get_locale()
        if locale is not None and locale.language != "en" and self.address_local:
            return self.address_local
        return self.address_en or ""

    @property
    def level_label(self):
        return OFFICE_LEVELS.get(self.level, self.level)

    @property
    def kind_label(self):
        return OFFICE_KINDS.get(self.kind, self.kind)


CSC_STATUSES = {
    "proposed": _l("Proposed"),
    "active": _l("Active"),
    "suspended": _l("Suspended"),
    "closed": _l("Closed"),
}


# How the centre reaches the internet; "" while not known.
CSC_CONNECTIVITY = {
    "fibre": _l("Fibre (BharatNet)"),
    "broadband": _l("Broadband"),
    "4g": _l("4G"),
    "3g": _l("3G"),
    "2g": _l("2G"),
    "none": _l("None"),
}


class Csc(Named):
    """A Common Service Centre (Jan Seva Kendra). The registry (blueprints/cscs)
    keeps its operator, equipment and append-only status history."""

    gram_panchayat = pw.ForeignKeyField(GramPanchayat, backref="cscs", on_delete="RESTRICT")
    village = pw.ForeignKeyField(Village, null=True, backref="cscs", on_delete="RESTRICT")
    status = pw.CharField(max_length=12, default="active", choices=list(CSC_STATUSES.items()))
    # The registry's columns (migration 008). Nullable in the database so that
    # adding them never rebuilds the table; the model writes "" for "not known".
    operator_name = pw.CharField(max_length=120, default="", null=True)
    operator_mobile = pw.CharField(max_length=10, default="", null=True)
    operator_email = pw.CharField(max_length=120, default="", null=True)
    opened_on = pw.DateField(null=True)
    connectivity = pw.CharField(
        max_length=10, default="", null=True, choices=list(CSC_CONNECTIVITY.items())
    )
    equipment = pw.TextField(default="", null=True)

    @property
    def status_label(self):
        return CSC_STATUSES.get(self.status, self.status)

    @property
    def connectivity_label(self):
        return CSC_CONNECTIVITY.get(self.connectivity or "", "")


MODELS = (District, Tehsil, Block, GramPanchayat, Village, Municipality, Office, Csc)
