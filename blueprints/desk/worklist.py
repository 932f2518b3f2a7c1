"""An office's lines of the home worklist (blueprints/home/lines.py, core/worklist.py): the
desk queue's applications past their due date and those due within two
days, for the office's users and head. Two counts over the office's open
applications (indexed by office and status)."""

from flask import url_for

from blueprints.applications.models import Application
from blueprints.applications.statuses import CLOCK, OPEN_STATUSES
from core import clock, sla
from core.worklist import Line, counted

DUE_SOON_DAYS = 2


def lines(user) -> list[Line]:
    if user.role not in ("office_user", "office_head") or not user.office_id:
        return []
    today = clock.today_ist()
    open_here = Application.select().where(
        (Application.office == user.office_id) & Application.status.in_(OPEN_STATUSES)
    )
    due, status = Application.due_date, Application.status
    overdue = open_here.where(CLOCK.overdue_sql(today, due=due, status=status)).count()
    soon = open_here.where(
        CLOCK.running_sql(status)
        & ~sla.days_left_below_sql(0, today, due=due)
        & sla.days_left_below_sql(DUE_SOON_DAYS + 1, today, due=due)
    ).count()
    found = []
    found += counted(
        overdue,
        "%(n)s application in the queue past its due date",
        "%(n)s applications in the queue past their due date",
        url_for("desk.queue"),
        urgent=True,
    )
    found += counted(
        soon,
        "%(n)s application due within two days",
        "%(n)s applications due within two days",
        url_for("desk.queue"),
    )
    return found
