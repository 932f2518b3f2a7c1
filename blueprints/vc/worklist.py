"""The VC lines of the home worklist (blueprints/home/lines.py, core/worklist.py): the review
meetings of today (IST) still to come or under way, for the district manager
(who holds them) and for whoever answers for an invited room or the chair's
(services.rooms_answered_by, the rule of answers_for); and, for the district
manager, the action points past their date, a link to the list of open
action points. One count each, over the starts_at and (owner, status)
indexes."""

import datetime as dt

import peewee as pw
from flask import url_for

from blueprints.vc.models import VcActionPoint, VcInvitee, VcMeeting
from blueprints.vc.services import rooms_answered_by
from core import clock
from core.access import GOVERNMENT_STAFF
from core.worklist import Line, counted


def _reviews_today(user) -> int:
    now, today = clock.now(), clock.today_ist()
    query = VcMeeting.select().where(
        (VcMeeting.status == "scheduled")
        & (VcMeeting.starts_at < clock.ist_day_start(today + dt.timedelta(days=1)))
        & (VcMeeting.ends_at > now)
    )
    if user.role != "district_manager":
        rooms = rooms_answered_by(user)
        invited = VcInvitee.select(VcInvitee.meeting).where(VcInvitee.room.in_(rooms))
        query = query.where(VcMeeting.id.in_(invited) | VcMeeting.host_room.in_(rooms))
    return query.count()


def _overdue_actions() -> int:
    from blueprints.assignments.models import TaskAssignee

    # An owner who marked the task done closed the point (services.sync_status).
    done = TaskAssignee.select(pw.SQL("1")).where(
        (TaskAssignee.task == VcActionPoint.task_id)
        & (TaskAssignee.employee == VcActionPoint.owner)
        & TaskAssignee.done_at.is_null(False)
    )
    return (
        VcActionPoint.select()
        .where(
            (VcActionPoint.status == "open")
            & (VcActionPoint.due_on < clock.today_ist())
            & ~pw.fn.EXISTS(done)
        )
        .count()
    )


def lines(user) -> list[Line]:
    if user.role not in GOVERNMENT_STAFF or user.role == "admin":
        return []
    found = []
    if user.role == "district_manager":
        late = _overdue_actions()
        found += counted(
            late,
            "%(n)s VC action point past its date",
            "%(n)s VC action points past their date",
            url_for("vc.actions"),
            urgent=True,
        )
    today = _reviews_today(user)
    found += counted(
        today,
        "%(n)s VC review today",
        "%(n)s VC reviews today",
        url_for("vc.meetings"),
    )
    return found
