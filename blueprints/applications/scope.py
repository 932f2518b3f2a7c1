"""Which applications a user may see: checked in the query, so a guessed id
outside one's jurisdiction is simply not found."""

import peewee as pw

from blueprints.applications.models import Application
from blueprints.masters.models import GramPanchayat
from core.access import DISTRICT_WIDE, gp_condition


def visible_applications(user, query=None):
    query = query if query is not None else Application.select()
    if user.role in DISTRICT_WIDE:
        return query
    if user.role == "csc_operator":
        return query.where(Application.csc == user.csc_id)
    if user.role in ("office_user", "office_head"):
        return query.where((Application.office == user.office_id) & (Application.status != "draft"))
    if user.role in ("gp_staff", "block_officer"):
        return query.where(
            Application.gram_panchayat.in_(
                GramPanchayat.select(GramPanchayat.id).where(gp_condition(user))
            )
            & (Application.status != "draft")
        )
    return query.where(pw.SQL("1 = 0"))
