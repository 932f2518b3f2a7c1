"""URL values for the task-reminder routes (tests/test_access.py and
tests/test_budget.py): a task of place 0 given BY the walking user (so that
every role may open it), a part of it, and a fresh SMS link. Rows are made
directly, not through create_task: the POST walks check that nothing writes
an audit event."""

import datetime as dt

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.reminders import list_token, make_token
from core import clock
from tests.assignments.factories import make_employee
from tests.factories import make_user
from tests.helpers import made_once_per_user

PUBLIC_ENDPOINTS = {"assignments.link", "assignments.list_link"}


def walk_values(app, place, user=None) -> dict:
    return made_once_per_user(app, place, user, "assignments_walk", _make)


def _make(place, user, n) -> dict:
    giver = user or make_user("admin", place, username=f"walk-task-giver-{n}")
    office = place.tehsil_offices[0]
    employee = make_employee(office, f"WALKT{n}", f"Walk Employee {n}", "")
    task = Task.create(
        title="मासिक अहवाल पाठवा",
        due_on=clock.today_ist() + dt.timedelta(days=5),
        assigned_by=giver,
    )
    part = TaskAssignee.create(task=task, employee=employee, office=office, link_nonce=f"walk{n}")
    return {
        "task_id": task.id,
        "part_id": part.id,
        "link_token": make_token(part),
        "list_token": list_token(employee.id),
    }
