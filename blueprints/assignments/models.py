"""Task reminders: a task given by an officer to one or more employees, and
each employee's part of it (done or not, with a remark).

The assignee's office is copied onto TaskAssignee when the task is given, so
that "open tasks per office" stays the office the work was given to even
after a transfer, and so that the per-office counts need no join through
the employee."""

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel

PRIORITIES = {
    "low": _l("Low"),
    "normal": _l("Normal"),
    "high": _l("High"),
    "urgent": _l("Urgent"),
}
# How a part was marked done.
DONE_VIA = {"portal": _l("in the portal"), "sms": _l("from the SMS link")}


class Task(BaseModel):
    title = pw.CharField(max_length=200)
    details = pw.TextField(default="")
    priority = pw.CharField(max_length=8, default="normal")
    due_on = pw.DateField(index=True)  # an IST calendar day
    assigned_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    # A short tag of the area that made it, e.g. "vc:12"; "" from this area's form.
    source = pw.CharField(max_length=60, default="", index=True)
    created_at = pw.DateTimeField(default=clock.now)

    @property
    def priority_label(self):
        return PRIORITIES.get(self.priority, self.priority)


class TaskAssignee(BaseModel):
    task = pw.ForeignKeyField(Task, backref="assignees", on_delete="RESTRICT")
    employee = pw.ForeignKeyField(Employee, backref="+", on_delete="RESTRICT")
    office = pw.ForeignKeyField(Office, backref="+", on_delete="RESTRICT")
    done_at = pw.DateTimeField(null=True)
    remark = pw.CharField(max_length=500, default="")
    done_via = pw.CharField(max_length=6, default="")
    done_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    # Part of every SMS link; emptied when the part is done, so that a link
    # works once only even before it expires.
    link_nonce = pw.CharField(max_length=16, default="")

    class Meta:
        table_name = "task_assignee"
        indexes = (
            (("task", "employee"), True),
            (("employee", "done_at"), False),
            (("office", "done_at"), False),
        )

    @property
    def done_via_label(self):
        return DONE_VIA.get(self.done_via, self.done_via)


MODELS = (Task, TaskAssignee)
