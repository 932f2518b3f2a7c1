"""Writes of the employee register that other areas rely on (CONTRACTS.md):
transfers, "who holds this post now", superannuation and search keys."""

import calendar
import datetime as dt

import peewee as pw

from blueprints.employees.models import (
    HOLDING_STATUSES,
    Cadre,
    Designation,
    Employee,
    EmployeeKey,
    Posting,
)
from blueprints.employees.search import keys_of
from core import clock
from core.db import write_transaction


class TransferError(ValueError):
    """A transfer that cannot be recorded (the message is translated)."""


def superannuation(date_of_birth: dt.date, retirement_age: int) -> dt.date:
    """Maharashtra rule: the last day of the month in which the employee
    reaches the retirement age. (Born on the 1st of a month, one reaches the
    age on the last day of the month before: the day before the birthday.)"""
    year, month = date_of_birth.year + retirement_age, date_of_birth.month
    if date_of_birth.day == 1:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def retires_on_for(date_of_birth: dt.date, designation: Designation) -> dt.date:
    return superannuation(date_of_birth, designation.cadre.retirement_age)


def set_search_keys(employee: Employee) -> None:
    """Replace the employee's search keys with those of the current names
    (called inside the caller's transaction)."""
    EmployeeKey.delete().where(EmployeeKey.employee == employee).execute()
    keys = keys_of(employee.name_en, employee.name_local)
    if keys:
        EmployeeKey.insert_many(
            [{"employee": employee.id, "key": k} for k in sorted(keys)]
        ).execute()


def set_search_keys_many(names) -> None:
    """Keys for many employees at once: (id, name_en, name_local) triples
    (imports and the demo seed)."""
    names = list(names)
    ids = [n[0] for n in names]
    for start in range(0, len(ids), 500):
        EmployeeKey.delete().where(EmployeeKey.employee.in_(ids[start : start + 500])).execute()
    rows = [{"employee": i, "key": k} for i, en, local in names for k in sorted(keys_of(en, local))]
    for start in range(0, len(rows), 1000):
        EmployeeKey.insert_many(rows[start : start + 1000]).execute()


def transfer(employee, office, designation, order_no, order_date, from_date, actor):
    """Post `employee` to `office` as `designation` from `from_date`: append a
    Posting, in one transaction. History is never rewritten; a posting dated
    before joining or before the last posting is refused. The employee's
    office and designation (the register's "now") move when the posting takes
    effect: at once for a date up to today, else on its day
    (apply_due_postings, run every night and by the readers below)."""
    from flask_babel import gettext as _

    if from_date < employee.joined_on:
        raise TransferError(_("A transfer cannot take effect before the date of joining."))
    if order_date and order_date > from_date + dt.timedelta(days=366):
        raise TransferError(_("The order date is too far after the transfer date."))
    with write_transaction():
        last = (
            Posting.select(Posting.from_date)
            .where(Posting.employee == employee)
            .order_by(Posting.from_date.desc())
            .first()
        )
        if last and from_date < last.from_date:
            raise TransferError(_("A transfer cannot be dated before the employee's last posting."))
        if last is None and from_date > employee.joined_on:
            # The first transfer of an employee entered without a history:
            # where they were until then is the posting they joined in.
            Posting.create(
                employee=employee,
                office=employee.office_id,
                designation=employee.designation_id,
                from_date=employee.joined_on,
                created_by=actor,
            )
        posting = Posting.create(
            employee=employee,
            office=office,
            designation=designation,
            order_no=order_no or "",
            order_date=order_date,
            from_date=from_date,
            created_by=actor,
        )
        if from_date <= clock.today_ist():
            _move(employee, office, designation)
    return posting


def _move(employee, office, designation) -> None:
    office_id, designation_id = (
        getattr(office, "id", office),
        getattr(designation, "id", designation),
    )
    if not isinstance(designation, Designation):
        designation = Designation.get_by_id(designation_id)
    changes = {"office": office_id, "designation": designation_id, "updated_at": clock.now()}
    if designation.cadre_id != employee.designation.cadre_id:
        changes["retires_on"] = retires_on_for(employee.date_of_birth, designation)
    Employee.update(changes).where(Employee.id == employee.id).execute()
    employee.office, employee.designation = office_id, designation
    for field in ("retires_on", "updated_at"):
        if field in changes:
            setattr(employee, field, changes[field])


# --- who holds a post on a day: the ONE answer --------------------------------
#
# A posting counts from its date until the day before the employee's next
# posting. Charges (blueprints.employees.charges.ChargeBook) add what the
# register cannot say (additional charge, leave substitute) on top of this.


def postings_on(day: dt.date):
    """Subquery: the posting in force on `day` of every employee who has one
    (the latest from on or before `day`; the later row of the same day)."""
    later = Posting.alias("later")
    newer = later.select(pw.SQL("1")).where(
        (later.employee == Posting.employee)
        & (later.from_date <= day)
        & (
            (later.from_date > Posting.from_date)
            | ((later.from_date == Posting.from_date) & (later.id > Posting.id))
        )
    )
    return Posting.select(Posting.employee, Posting.office, Posting.designation).where(
        (Posting.from_date <= day) & ~pw.fn.EXISTS(newer)
    )


def _in_force(day: dt.date, column: str):
    """The `column` of the employee's posting in force on `day` (correlated
    with the outer Employee row: one index probe per candidate)."""
    posting = Posting.alias("in_force")
    return (
        posting.select(getattr(posting, column))
        .where((posting.employee == Employee.id) & (posting.from_date <= day))
        .order_by(posting.from_date.desc(), posting.id.desc())
        .limit(1)
    )


def _matching(column, wanted):
    if isinstance(wanted, pw.SelectBase):
        return column.in_(wanted)
    if isinstance(wanted, (int, pw.Node)):  # an id, or an outer column to correlate with
        return column == wanted
    return column.in_(list(wanted) or [0])


def holding_on(day: dt.date | None = None, offices=None, designations=None, fields=()):
    """Employees who hold a post on `day` (default today), with the office and
    designation of that day's posting as `post_office` and `post_designation`:
    working or on leave, joined by then, and either posted by then or never
    posted at all (an employee whose only postings are still to come holds
    nothing yet). `offices`, `designations`: an id, ids, a subquery or an
    outer column (None: any)."""
    day = day or clock.today_ist()
    posted_office = _in_force(day, "office")
    anything = Posting.select(pw.SQL("1")).where(Posting.employee == Employee.id)
    office = pw.fn.COALESCE(posted_office, Employee.office)
    designation = pw.fn.COALESCE(_in_force(day, "designation"), Employee.designation)
    query = Employee.select(
        *(fields or (Employee,)),
        office.alias("post_office"),
        designation.alias("post_designation"),
    ).where(
        Employee.status.in_(HOLDING_STATUSES)
        & (Employee.joined_on <= day)
        & (pw.fn.EXISTS(_in_force(day, "id")) | ~pw.fn.EXISTS(anything))
    )
    if offices is not None:
        # Narrow by index first: someone there now, or ever posted there.
        ever = Posting.select(Posting.employee).where(_matching(Posting.office, offices))
        query = query.where(
            (_matching(Employee.office, offices) | Employee.id.in_(ever))
            & _matching(office, offices)
        )
    if designations is not None:
        query = query.where(_matching(designation, designations))
    return query


def holders_on(day: dt.date | None = None, offices=None, designations=None, fields=()):
    """Who holds the posts of `offices` x `designations` on `day`: Employee
    rows whose office_id and designation_id are that day's posting, by name."""
    rows = list(
        holding_on(day, offices, designations, fields).order_by(Employee.name_en, Employee.id)
    )
    for row in rows:
        row.office_id, row.designation_id = row.post_office, row.post_designation
    return rows


def current_holders(office_id, designation_id, day: dt.date | None = None):
    """Who holds this post today (or on `day`): working or on leave, posted there."""
    return holding_on(day, int(office_id), int(designation_id))


def apply_due_postings(day: dt.date | None = None) -> int:
    """Move every employee whose posting in force today differs from the
    register's office and designation (a transfer dated after the day it was
    entered); returns how many moved."""
    day = day or clock.today_ist()
    force = postings_on(day).alias("force")
    rows = list(
        Employee.select(
            Employee,
            force.c.office_id.alias("to_office"),
            force.c.designation_id.alias("to_designation"),
        )
        .join(force, on=(force.c.employee_id == Employee.id))
        .where(
            (force.c.office_id != Employee.office)
            | (force.c.designation_id != Employee.designation)
        )
        .objects()
    )
    with write_transaction():
        for employee in rows:
            _move(employee, employee.to_office, employee.to_designation)
    return len(rows)


EDITABLE = ("status", "mobile_official", "email_official", "mobile_personal", "address")


def edit_employee(employee: Employee, data: dict, actor) -> list[str]:
    """Change the fields of EDITABLE given in `data` (already validated);
    returns the names of those that changed, recorded in the audit log
    (names only: the values may be personal)."""
    from core.audit import record

    changes = {f: data[f] for f in EDITABLE if f in data and data[f] != getattr(employee, f)}
    if not changes:
        return []
    with write_transaction():
        Employee.update({**changes, "updated_at": clock.now()}).where(
            Employee.id == employee.id
        ).execute()
        record(
            "employee.edited",
            "employee",
            employee.id,
            actor=actor,
            fields=", ".join(sorted(changes)),
            **({"status": changes["status"]} if "status" in changes else {}),
        )
    for field, value in changes.items():
        setattr(employee, field, value)
    return sorted(changes)


def posts_of_users(user_ids) -> dict[int, list[tuple]]:
    """The posts in the register of each user who is an employee: (from
    date, Designation), oldest first, from the postings; the employee's
    designation alone when it has none. Three queries."""
    user_ids = {u for u in user_ids if u}
    if not user_ids:
        return {}
    rows = list(
        Employee.select(Employee.id, Employee.user, Employee.designation)
        .where(Employee.user.in_(user_ids))
        .tuples()
    )
    employees = {emp_id: (user_id, designation_id) for emp_id, user_id, designation_id in rows}
    if not employees:
        return {}
    postings = list(
        Posting.select(Posting.employee, Posting.from_date, Posting.designation)
        .where(Posting.employee.in_(list(employees)))
        .order_by(Posting.from_date, Posting.id)
        .tuples()
    )
    wanted = {d for _, d in employees.values()} | {d for _, _, d in postings}
    designations = {d.id: d for d in Designation.select().where(Designation.id.in_(list(wanted)))}
    posts = {}
    for emp_id, from_date, designation_id in postings:
        posts.setdefault(employees[emp_id][0], []).append((from_date, designations[designation_id]))
    for user_id, designation_id in employees.values():
        posts.setdefault(user_id, [(None, designations[designation_id])])
    return posts


def post_on(posts: list[tuple], day: dt.date):
    """The Designation in force on `day` among posts_of_users' list: the
    latest that began by then (a posting counts from its date), else the
    first."""
    held = [designation for start, designation in posts if start is None or start <= day]
    return held[-1] if held else posts[0][1]


def set_retirement_age(cadre: Cadre, age: int) -> int:
    """Change a cadre's retirement age and recompute the superannuation of
    its members who have not retired; returns how many dates changed."""
    changed = 0
    with write_transaction():
        Cadre.update(retirement_age=age).where(Cadre.id == cadre.id).execute()
        cadre.retirement_age = age
        members = (
            Employee.select(Employee.id, Employee.date_of_birth, Employee.retires_on)
            .join(Designation)
            .where((Designation.cadre == cadre.id) & (Employee.status != "retired"))
        )
        for emp in members:
            new = superannuation(emp.date_of_birth, age)
            if new != emp.retires_on:
                Employee.update(retires_on=new, updated_at=clock.now()).where(
                    Employee.id == emp.id
                ).execute()
                changed += 1
    return changed
