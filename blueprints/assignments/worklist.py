"""The tasks' lines of the home worklist (blueprints/home/lines.py, core/worklist.py): the
signed-in officer's own open tasks (their parts, services.own_parts: the
employee record linked to the user), those past their due date urgent, a
link to "My tasks", which lists open ones first. One aggregate over the
(employee, done_at) index, after the lookup of the employee."""

import peewee as pw
from flask import url_for

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.services import own_parts
from core import clock
from core.access import GOVERNMENT_STAFF
from core.worklist import Line, counted


def lines(user) -> list[Line]:
    if user.role not in GOVERNMENT_STAFF:
        return []
    late = pw.fn.SUM(pw.Case(None, [(Task.due_on < clock.today_ist(), 1)], 0))
    total, overdue = (
        own_parts(user)
        .select(pw.fn.COUNT(TaskAssignee.id), late)
        .where(TaskAssignee.done_at.is_null())
        .tuples()
        .get()
    )
    total, overdue = int(total or 0), int(overdue or 0)
    url = url_for("assignments.index")
    found = []
    found += counted(
        overdue,
        "%(n)s of your tasks is past its due date",
        "%(n)s of your tasks are past their due date",
        url,
        urgent=True,
    )
    found += counted(
        total - overdue,
        "%(n)s open task",
        "%(n)s open tasks",
        url,
    )
    return found
