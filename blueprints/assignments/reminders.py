"""The SMS reminders of tasks, and the signed link in them.

Cadence, per open part (employee x task), in IST calendar days: an SMS two
days before the due date, one on the due date and one every day after it
until the part is marked done. An employee gets at most ONE task SMS a day:
the notification's dedupe key is (employee, day), and when several parts are
due the same day they go in one digest. The run is idempotent: a second run
on the same day sends nothing new.

The link: an itsdangerous signature of (part id, nonce) with a timestamp.
It expires after TASK_LINK_DAYS days, and works once: marking the part done
empties its nonce, so the link no longer matches. A GET only shows a
confirmation page (SMS apps and chat previews fetch links); only the POST
of that page marks the part done."""

import datetime as dt

from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.employees.models import Employee
from core import clock, notify
from core.i18n import message_locale
from core.links import public_url

SALT = "task-done-link"
LIST_SALT = "task-list-link"
LINK_DAYS = 7
# A digest lists the titles that fit one SMS part, cut to this size; the
# rest is behind the link to the employee's list.
DIGEST_TITLE = 40


class LinkError(ValueError):
    """A link that cannot be used: expired, tampered with or already used."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired" | "invalid" | "used"


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def make_token(part: TaskAssignee) -> str:
    return _serializer().dumps([part.id, part.link_nonce])


def part_for_token(token: str, now: dt.datetime | None = None) -> TaskAssignee:
    """The part a link is for, or LinkError. `now` lets tests age a link."""
    max_age = int(current_app.config.get("TASK_LINK_DAYS", LINK_DAYS)) * 86400
    serializer = _serializer()
    try:
        if now is not None:
            # itsdangerous reads the clock itself; age the link by hand.
            payload, signed_at = serializer.loads(token, return_timestamp=True)
            age = now.replace(tzinfo=dt.UTC) - signed_at
            if age.total_seconds() > max_age:
                raise LinkError("expired")
        else:
            payload = serializer.loads(token, max_age=max_age)
    except SignatureExpired:
        raise LinkError("expired") from None
    except BadSignature:
        raise LinkError("invalid") from None
    if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[0], int)):
        raise LinkError("invalid")
    part_id, nonce = payload
    part = (
        TaskAssignee.select(TaskAssignee, Task, Employee)
        .join(Task)
        .switch(TaskAssignee)
        .join(Employee)
        .where(TaskAssignee.id == part_id)
        .first()
    )
    if part is None:
        raise LinkError("invalid")
    if part.done_at is not None or not part.link_nonce or part.link_nonce != nonce:
        raise LinkError("used")
    return part


def link_url(part: TaskAssignee) -> str:
    """The absolute link for an SMS, on PUBLIC_URL (core.links)."""
    return public_url("assignments.link", link_token=make_token(part))


# --- the digest's link: one employee's open tasks -------------------------------------


def _list_serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=LIST_SALT)


def list_token(employee_id: int) -> str:
    """A short signed token of the employee's id (about 40 characters)."""
    return _list_serializer().dumps(employee_id)


def employee_for_list_token(token: str) -> Employee:
    """The employee a digest's link is for, or LinkError."""
    max_age = int(current_app.config.get("TASK_LINK_DAYS", LINK_DAYS)) * 86400
    try:
        employee_id = _list_serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise LinkError("expired") from None
    except BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(employee_id, int) or isinstance(employee_id, bool):
        raise LinkError("invalid")
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        raise LinkError("invalid")
    return employee


def list_url(employee_id: int) -> str:
    return public_url("assignments.list_link", list_token=list_token(employee_id))


def open_parts_of(employee_id: int):
    """An employee's open parts, most urgent first, for the digest's page."""
    return (
        TaskAssignee.select(TaskAssignee, Task)
        .join(Task)
        .where(TaskAssignee.employee == employee_id, TaskAssignee.done_at.is_null())
        .order_by(Task.due_on, Task.id)
    )


def is_reminder_day(due_on: dt.date, today: dt.date) -> bool:
    return today == due_on - dt.timedelta(days=2) or today >= due_on


def _when(due_on: dt.date, today: dt.date) -> str:
    if due_on > today:
        return _("due %(date)s", date=due_on.strftime("%d-%m-%Y"))
    if due_on == today:
        return _("due today")
    return _("overdue since %(date)s", date=due_on.strftime("%d-%m-%Y"))


def sms_text(parts: list, today: dt.date) -> str:
    """One task: its title, when, and its own link to mark it done. Several:
    a digest whose words fit one SMS part, listing the titles that fit,
    and the link to the employee's list for the rest."""
    if len(parts) == 1:
        part = parts[0]
        return _(
            "Zila task: %(title)s, %(when)s. Done? %(url)s",
            title=notify.clip(part.task.title, 60),
            when=_when(part.task.due_on, today),
            url=link_url(part),
        )
    url = list_url(parts[0].employee_id)
    items = []

    def text(listed):
        return ngettext(
            "Zila: %(num)d task needs your action%(items)s. All: %(url)s",
            "Zila: %(num)d tasks need your action%(items)s. All: %(url)s",
            len(parts),
            items="".join(listed),
            url=url,
        )

    for n, part in enumerate(parts, start=1):
        title = notify.clip(part.task.title, DIGEST_TITLE)
        item = f"; {n}. {title} ({_when(part.task.due_on, today)})"
        if notify.sms_parts(notify.LINK.sub("", text([*items, item]))) > 1:
            break
        items.append(item)
    return text(items)


def due_parts(today: dt.date):
    """Open parts whose reminder falls on `today`, most overdue first."""
    return (
        TaskAssignee.select(TaskAssignee, Task, Employee)
        .join(Task)
        .switch(TaskAssignee)
        .join(Employee)
        .where(
            TaskAssignee.done_at.is_null(),
            (Task.due_on == today + dt.timedelta(days=2)) | (Task.due_on <= today),
            Employee.status.in_(("working", "on_leave")),
        )
        .order_by(TaskAssignee.employee, Task.due_on, Task.id)
    )


def send_reminders(now: dt.datetime | None = None) -> dict:
    """Queue today's task SMS: one per employee, a digest when several parts
    are due. Safe to run again the same day (dedupe keys)."""
    today = clock.today_ist(now)
    by_employee: dict[int, list] = {}
    for part in due_parts(today):
        by_employee.setdefault(part.employee_id, []).append(part)
    sent = skipped = 0
    with force_locale(message_locale()):
        for employee_id, parts in by_employee.items():
            mobile = (parts[0].employee.mobile_official or "").strip()
            if not mobile:
                skipped += 1
                continue
            key = f"task:{employee_id}:{today.isoformat()}"
            note = notify.queue("sms", mobile, sms_text(parts, today), dedupe_key=key)
            sent += notify.was_queued(note)
    return {"sms": sent, "no_mobile": skipped, "employees": len(by_employee)}
