"""Writes of the employee register that other areas rely on (CONTRACTS.md):
transfers, "who holds this post now", superannuation and search keys."""

import calendar
import datetime as dt

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
    Posting and move the employee, in one transaction. History is never
    rewritten; a posting dated before joining or before the last posting is
    refused."""
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
        posting = Posting.create(
            employee=employee,
            office=office,
            designation=designation,
            order_no=order_no or "",
            order_date=order_date,
            from_date=from_date,
            created_by=actor,
        )
        changes = {"office": office, "designation": designation, "updated_at": clock.now()}
        if designation.cadre_id != employee.designation.cadre_id:
            changes["retires_on"] = retires_on_for(employee.date_of_birth, designation)
        Employee.update(changes).where(Employee.id == employee.id).execute()
        for field, value in changes.items():
            setattr(employee, field, value)
    return posting


def current_holders(office_id, designation_id):
    """Who holds this post now: working or on leave, in the office and post."""
    return Employee.select().where(
        (Employee.office == office_id)
        & (Employee.designation == designation_id)
        & (Employee.status.in_(HOLDING_STATUSES))
    )


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
