"""What each role sees first: the figures and links of its own jurisdiction."""

import peewee as pw

from blueprints.accounts.models import ROLES, User
from blueprints.accounts.throttle import locked_now
from blueprints.applications.models import Application
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.masters.models import (
    Block,
    Csc,
    GramPanchayat,
    Municipality,
    Office,
    Tehsil,
    Village,
)
from core.access import gp_condition
from core.audit import AuditEvent, actor_names
from core.notify import Notification, active_alerts


def _area_counts(user) -> dict:
    gps = GramPanchayat.select(GramPanchayat.id).where(gp_condition(user))
    return {
        "gps": gps.count(),
        "villages": Village.select().where(Village.gram_panchayat.in_(gps)).count(),
        "cscs_active": Csc.select()
        .where(Csc.gram_panchayat.in_(gps) & (Csc.status == "active"))
        .count(),
        "gps_without_csc": GramPanchayat.select()
        .where(
            gp_condition(user)
            & ~GramPanchayat.id.in_(Csc.select(Csc.gram_panchayat).where(Csc.status == "active"))
        )
        .count(),
    }


def _district_counts() -> dict:
    return {
        "tehsils": Tehsil.select().count(),
        "blocks": Block.select().count(),
        "municipalities": Municipality.select().count(),
        "offices": Office.select().count(),
    }


def _users_by_role() -> list[tuple]:
    counts = dict(
        User.select(User.role, pw.fn.COUNT(User.id))
        .where(User.is_active_account == True)  # noqa: E712
        .group_by(User.role)
        .tuples()
    )
    return [(label, counts.get(role, 0)) for role, label in ROLES.items()]


def home_context(user) -> dict:
    ctx: dict = {"area": _area_counts(user)}
    if user.role == "admin":
        ctx["district"] = _district_counts()
    if user.role == "admin":
        ctx["users_by_role"] = _users_by_role()
        ctx["locked_users"] = User.select().where(locked_now()).count()
        ctx["gateway_alerts"] = active_alerts()
        ctx["queued_messages"] = (
            Notification.select().where(Notification.status == "queued").count()
        )
        ctx["recent_events"] = list(AuditEvent.select().order_by(AuditEvent.id.desc()).limit(8))
        ctx["actors"] = actor_names(ctx["recent_events"])
    if user.role in ("office_user", "office_head"):
        open_here = Application.select().where(
            (Application.office == user.office_id) & Application.status.in_(OPEN_STATUSES)
        )
        ctx["queue_open"] = open_here.count()
        ctx["colleagues"] = list(
            User.select(User.full_name, User.full_name_local, User.role)
            .where((User.office == user.office_id) & (User.is_active_account == True))  # noqa: E712
            .order_by(User.full_name)
            .limit(50)
        )
        ctx["child_offices"] = list(
            Office.select().where(Office.parent == user.office_id).order_by(Office.name_en)
        )
    return ctx
