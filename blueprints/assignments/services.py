"""Tasks given to employees: who may give them to whom, giving one (the
contract other areas use: create_task), marking a part done (mark_done), and
the lists an officer reads. The SMS cadence is in reminders.py.

Who may give a task (and see the tasks of an office):
- admin and district_manager: any employee of the district;
- block_officer: employees of the offices of their block or tehsil;
- office_head: employees of their own office and the offices under it;
- office_user: employees of their own office only (a clerk follows up the
  work of colleagues; the offices below are the head's business).
Everyone else only sees the tasks given to themselves (Employee.user)."""

import datetime as dt
import secrets

import peewee as pw
from flask_babel import gettext as _

from blueprints.accounts.models import User
from blueprints.assignments.models import PRIORITIES, Task, TaskAssignee
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import audit, clock
from core.access import office_condition
from core.db import write_transaction

ASSIGNER_ROLES = ("office_user", "office_head", "block_officer", "district_manager", "admin")
# Employees who can still be given work.
ACTIVE_STATUSES = ("working", "on_leave")
MAX_ASSIGNEES = 200
PAGE_SIZE = 50


class TaskError(ValueError):
    """A task that cannot be given or marked done; the message is translated.
    `field` names the form field it belongs beside, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# --- who sees what ------------------------------------------------------------


def may_assign(user) -> bool:
    return user.is_authenticated and user.role in ASSIGNER_ROLES


def office_scope(user):
    """Offices whose employees `user` may give tasks to and follow up."""
    if not may_assign(user):
        return Office.select(Office.id).where(pw.SQL("1 = 0"))
    if user.role == "office_user":
        return Office.select(Office.id).where(Office.id == user.office_id)
    return Office.select(Office.id).where(office_condition(user))


def assignable_employees(user, office_id=None):
    """Employees who hold a post today (employees.services.holding_on: the
    postings in force) in the offices `user` may give tasks to, or in the
    one office `office_id` of those."""
    from blueprints.employees.services import holding_on

    scope = office_scope(user)
    if office_id is not None:
        scope = scope.where(Office.id == office_id)
    return holding_on(None, scope)


def employee_of(user) -> Employee | None:
    """The employee record of a signed-in user, if there is one."""
    if not user.is_authenticated:
        return None
    return Employee.get_or_none(Employee.user == user.id)


def visible_tasks(user):
    """Tasks with a part in the user's offices, or given by the user, or
    given to the user."""
    parts = TaskAssignee.select(TaskAssignee.task).where(
        TaskAssignee.office.in_(office_scope(user))
    )
    condition = Task.id.in_(parts) | (Task.assigned_by == user.id)
    own = employee_of(user)
    if own is not None:
        condition |= Task.id.in_(
            TaskAssignee.select(TaskAssignee.task).where(TaskAssignee.employee == own.id)
        )
    return Task.select().where(condition)


def own_parts(user):
    """The parts that the signed-in user may mark done: their own."""
    own = employee_of(user)
    query = TaskAssignee.select(TaskAssignee, Task).join(Task)
    if own is None:
        return query.where(pw.SQL("1 = 0"))
    return query.where(TaskAssignee.employee == own.id)


# --- giving a task ------------------------------------------------------------


def _clean(title, details, priority, due_on, assignees):
    title = " ".join((title or "").split())
    details = (details or "").strip()
    if len(title) < 3:
        raise TaskError(_("Say what is to be done, in at least 3 characters."), "title")
    if len(title) > 200:
        raise TaskError(_("Use at most %(max)d characters.", max=200), "title")
    if len(details) > 2000:
        raise TaskError(_("Use at most %(max)d characters.", max=2000), "details")
    if priority not in PRIORITIES:
        raise TaskError(_("Choose one of the options in the list."), "priority")
    if not isinstance(due_on, dt.date) or not 2000 <= due_on.year <= 2100:
        raise TaskError(_("Give a due date between the years 2000 and 2100."), "due_on")
    unique = list({e.id: e for e in assignees}.values())
    if not unique:
        raise TaskError(_("Choose at least one employee."), "assignees")
    if len(unique) > MAX_ASSIGNEES:
        raise TaskError(
            _("Give a task to at most %(max)d employees.", max=MAX_ASSIGNEES), "assignees"
        )
    gone = [e for e in unique if e.status not in ACTIVE_STATUSES]
    if gone:
        raise TaskError(
            _("%(name)s is not in service; a task cannot be given.", name=gone[0].name_en),
            "assignees",
        )
    return title, details, unique


def create_task(
    assigned_by: User,
    title: str,
    assignees: list,
    due_on: dt.date,
    priority: str = "normal",
    details: str = "",
    source: str = "",
) -> Task:
    """Give a task to employees, in one transaction. Reminders follow from
    the due date (reminders.py): two days before, on the day and every day
    after until done. An assignee's part starts out of any SMS, so a task
    given today for today gets its first SMS from the next reminder run."""
    title, details, people = _clean(title, details, priority, due_on, assignees)
    with write_transaction():
        task = Task.create(
            title=title,
            details=details,
            priority=priority,
            due_on=due_on,
            assigned_by=assigned_by,
            source=(source or "")[:60],
        )
        TaskAssignee.insert_many(
            [
                {
                    "task": task.id,
                    "employee": e.id,
                    "office": e.office_id,
                    "link_nonce": secrets.token_hex(4),
                }
                for e in people
            ]
        ).execute()
        audit.record(
            "task.created",
            "task",
            task.id,
            actor=assigned_by,
            assignees=len(people),
            due_on=due_on.isoformat(),
        )
    return task


def mark_done(task_assignee, remark: str, actor=None, via: str = "portal") -> bool:
    """Mark one assignee's part done. True when this call did it; False when
    it was already done (a second click, a reused link): the first remark
    stays. Stops that employee's reminders for the task."""
    remark = " ".join((remark or "").split())
    if len(remark) > 500:
        raise TaskError(_("Use at most %(max)d characters.", max=500), "remark")
    with write_transaction():
        changed = (
            TaskAssignee.update(
                done_at=clock.now(),
                remark=remark,
                done_via=via,
                done_by=actor.id if actor is not None else None,
                link_nonce="",
            )
            .where(TaskAssignee.id == task_assignee.id, TaskAssignee.done_at.is_null())
            .execute()
        )
        if changed:
            audit.record(
                "task.done",
                "task",
                task_assignee.task_id,
                actor=actor,
                employee=task_assignee.employee_id,
                via=via,
            )
    return bool(changed)


# --- what an officer reads ---------------------------------------------------------


def parts_query(user, status: str = "open", office_id=None, employee_id=None, today=None):
    """Parts in the user's offices, newest due first for done ones, most
    overdue first otherwise."""
    today = today or clock.today_ist()
    query = (
        TaskAssignee.select(TaskAssignee, Task, Employee, Office)
        .join(Task)
        .switch(TaskAssignee)
        .join(Employee)
        .switch(TaskAssignee)
        .join(Office)
        .where(TaskAssignee.office.in_(office_scope(user)))
    )
    if office_id:
        query = query.where(TaskAssignee.office == office_id)
    if employee_id:
        query = query.where(TaskAssignee.employee == employee_id)
    if status == "done":
        return query.where(TaskAssignee.done_at.is_null(False)).order_by(
            TaskAssignee.done_at.desc(), TaskAssignee.id.desc()
        )
    query = query.where(TaskAssignee.done_at.is_null())
    if status == "overdue":
        query = query.where(Task.due_on < today)
    return query.order_by(Task.due_on, TaskAssignee.id)


def _part_sums(today):
    """SUM expressions counting open, overdue and done parts of a group."""
    open_ = pw.fn.SUM(pw.Case(None, [(TaskAssignee.done_at.is_null(), 1)], 0))
    overdue = pw.fn.SUM(
        pw.Case(None, [((TaskAssignee.done_at.is_null()) & (Task.due_on < today), 1)], 0)
    )
    done = pw.fn.SUM(pw.Case(None, [(TaskAssignee.done_at.is_null(False), 1)], 0))
    return open_, overdue, done


def _counted(rows) -> list[dict]:
    """Grouped rows with their sums as ints (SUM of nothing is NULL)."""
    return [{**r, **{k: int(r[k] or 0) for k in ("open", "overdue", "done")}} for r in rows]


def office_counts(user, today=None) -> list[dict]:
    """Per office of the user's scope with any task: open, overdue and done
    parts. One grouped query."""
    today = today or clock.today_ist()
    open_, overdue, done = _part_sums(today)
    rows = (
        TaskAssignee.select(
            Office.id,
            Office.name_en,
            Office.name_local,
            open_.alias("open"),
            overdue.alias("overdue"),
            done.alias("done"),
        )
        .join(Task)
        .switch(TaskAssignee)
        .join(Office)
        .where(TaskAssignee.office.in_(office_scope(user)))
        .group_by(Office.id, Office.name_en, Office.name_local)
        .order_by(overdue.desc(), Office.name_en)
        .dicts()
    )
    return _counted(rows)


def person_counts(user, office_id, today=None) -> list[dict]:
    """Per employee of one office: open, overdue and done parts."""
    today = today or clock.today_ist()
    open_, overdue, done = _part_sums(today)
    rows = (
        TaskAssignee.select(
            Employee.id,
            Employee.code,
            Employee.name_en,
            Employee.name_local,
            open_.alias("open"),
            overdue.alias("overdue"),
            done.alias("done"),
        )
        .join(Task)
        .switch(TaskAssignee)
        .join(Employee)
        .where(TaskAssignee.office.in_(office_scope(user)), TaskAssignee.office == office_id)
        .group_by(Employee.id, Employee.code, Employee.name_en, Employee.name_local)
        .order_by(overdue.desc(), open_.desc(), Employee.name_en)
        .dicts()
    )
    return _counted(rows)


def parts_of(task_id) -> list:
    return list(
        TaskAssignee.select(TaskAssignee, Employee, Office)
        .join(Employee)
        .switch(TaskAssignee)
        .join(Office)
        .where(TaskAssignee.task == task_id)
        .order_by(Employee.name_en)
    )


def employees_by_codes(user, text: str) -> list:
    """Employees named by codes (comma, space or line separated) that the
    user may give tasks to; an unknown or out-of-scope code is an error."""
    codes = [c.strip().upper() for c in (text or "").replace(",", " ").split() if c.strip()]
    if not codes:
        return []
    if len(codes) > MAX_ASSIGNEES:
        raise TaskError(_("Give a task to at most %(max)d employees.", max=MAX_ASSIGNEES), "codes")
    found = {
        e.code.upper(): e
        for e in assignable_employees(user).where(pw.fn.UPPER(Employee.code).in_(codes))
    }
    missing = [c for c in codes if c not in found]
    if missing:
        raise TaskError(
            _("No employee of your offices has the code %(code)s.", code=missing[0][:30]), "codes"
        )
    return [found[c] for c in codes]
