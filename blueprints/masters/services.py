"""Scoped queries over the masters, and the labels pages show for them."""

import peewee as pw
from flask_babel import gettext as _

from blueprints.masters.models import Block, Csc, District, GramPanchayat, Office, Tehsil, Village
from core.access import block_condition, gp_condition, office_condition, tehsil_condition
from core.db import page_of

PAGE_SIZE = 50


def district_name() -> str:
    district = District.select().first()
    return district.name if district else _("District")


def jurisdiction_label(user) -> str:
    if user.role in ("district_manager", "admin"):
        return _("Whole district")
    for attr in ("csc", "gram_panchayat", "office", "block", "tehsil"):
        if getattr(user, f"{attr}_id", None):
            place = getattr(user, attr)
            return f"{place.name} ({place.code})"
    return "—"


def register_template_helpers(bp):
    bp.app_template_global("district_name")(district_name)
    bp.app_template_global("jurisdiction_label")(jurisdiction_label)


def tehsils_for(user):
    return (
        Tehsil.select(Tehsil, pw.fn.COUNT(Block.id).alias("block_count"))
        .join(Block, pw.JOIN.LEFT_OUTER)
        .where(tehsil_condition(user))
        .group_by(Tehsil.id)
        .order_by(Tehsil.name_en)
    )


def tehsil_query(user):
    return Tehsil.select().where(tehsil_condition(user))


def blocks_for(user, tehsil_id):
    gp_count = pw.fn.COUNT(GramPanchayat.id).alias("gp_count")
    return (
        Block.select(Block, gp_count)
        .join(GramPanchayat, pw.JOIN.LEFT_OUTER)
        .where((Block.tehsil == tehsil_id) & block_condition(user))
        .group_by(Block.id)
        .order_by(Block.name_en)
    )


def block_query(user):
    return Block.select(Block, Tehsil).join(Tehsil).where(block_condition(user))


def gram_panchayats(user, block_id=None, q="", page=1):
    """GPs of the user's area, optionally of one block or matching a name in
    either script; one query with the village and CSC counts."""
    villages = Village.select(pw.fn.COUNT(Village.id)).where(
        Village.gram_panchayat == GramPanchayat.id
    )
    cscs = Csc.select(pw.fn.COUNT(Csc.id)).where(
        (Csc.gram_panchayat == GramPanchayat.id) & (Csc.status == "active")
    )
    query = (
        GramPanchayat.select(
            GramPanchayat,
            Block.name_en.alias("block_en"),
            Block.name_local.alias("block_local"),
            villages.alias("village_count"),
            cscs.alias("csc_count"),
        )
        .join(Block)
        .where(gp_condition(user))
    )
    if block_id:
        query = query.where(GramPanchayat.block == block_id)
    q = (q or "").strip()
    if q:
        like = f"%{q}%"
        query = query.where(
            GramPanchayat.name_en.ilike(like)
            | GramPanchayat.name_local.contains(q)
            | (GramPanchayat.code == q.upper())
        )
    return page_of(query.order_by(GramPanchayat.name_en).objects(), page, PAGE_SIZE)


def gp_query(user):
    return (
        GramPanchayat.select(GramPanchayat, Block, Tehsil)
        .join(Block)
        .join(Tehsil)
        .where(gp_condition(user))
    )


def offices_for(user):
    parent = Office.alias()
    return (
        Office.select(Office, parent)
        .join(parent, pw.JOIN.LEFT_OUTER, on=(Office.parent == parent.id), attr="parent")
        .where(office_condition(user))
        .order_by(Office.level, Office.name_en)
    )


def office_query(user):
    return Office.select().where(office_condition(user))
