"""The district holiday list and service-level due dates.

A service counts its service level in calendar days by default. One with
`working_days` set counts working days instead: every day except Sundays
and the district's holidays (the administrator's list). Second and fourth
Saturdays are working days here; a district that closes on them adds them
to the holiday list."""

import datetime as dt

import peewee as pw
from flask_babel import gettext as _

from blueprints.alerts.models import Holiday
from core import audit
from core.db import db

SUNDAY = 6


class HolidayError(ValueError):
    """Bad input for the holiday list; the message is translated."""


def holidays_between(first: dt.date, last: dt.date) -> set[dt.date]:
    rows = Holiday.select(Holiday.date).where(Holiday.date.between(first, last)).tuples()
    return {_as_date(d) for (d,) in rows}


def _as_date(value) -> dt.date:
    # SQLite hands back a string for a date column read in a tuple query.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def is_working_day(day: dt.date, holidays: set[dt.date]) -> bool:
    return day.weekday() != SUNDAY and day not in holidays


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (start itself not counted)."""
    if days <= 0:
        return start
    # Enough calendar days for any real list: a week has six working days.
    span = days * 2 + 31
    holidays = holidays_between(start, start + dt.timedelta(days=span))
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if day > start + dt.timedelta(days=span):  # a very long holiday list
            span *= 2
            holidays = holidays_between(start, start + dt.timedelta(days=span))
        if is_working_day(day, holidays):
            counted += 1
    return day


def due_date_for(service, start: dt.date) -> dt.date:
    """The due date of an application of `service` submitted on `start` (IST)."""
    if getattr(service, "working_days", False):
        return add_working_days(start, service.sla_days)
    return start + dt.timedelta(days=service.sla_days)


# --- the administrator's list ---------------------------------------------------


def parse_date(text: str) -> dt.date:
    text = (text or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HolidayError(
            _(
                "“%(text)s” is not a date. Write it as YYYY-MM-DD, for example 2026-01-26.",
                text=text[:20],
            )
        ) from None


def add_holiday(date_text: str, name_en: str, name_local: str, actor=None) -> Holiday:
    day = parse_date(date_text)
    if not 2000 <= day.year <= 2100:
        raise HolidayError(_("Give a date between the years 2000 and 2100."))
    name_en, name_local = (name_en or "").strip(), (name_local or "").strip()
    if not name_en:
        raise HolidayError(_("Give the holiday's name in English."))
    if len(name_en) > 120 or len(name_local) > 120:
        raise HolidayError(_("Use at most %(max)d characters.", max=120))
    try:
        with db.atomic():
            holiday = Holiday.create(date=day, name_en=name_en, name_local=name_local)
            audit.record("holiday.added", "holiday", holiday.id, actor=actor, date=day)
    except pw.IntegrityError:
        raise HolidayError(_("%(date)s is already on the list.", date=day.isoformat())) from None
    return holiday


def delete_holiday(holiday_id, actor=None) -> Holiday | None:
    try:
        holiday_id = int(holiday_id)
    except (TypeError, ValueError):
        return None
    if not 0 < holiday_id < 2**31:
        return None
    with db.atomic():
        holiday = Holiday.get_or_none(Holiday.id == holiday_id)
        if holiday is None:
            return None
        holiday.delete_instance()
        audit.record("holiday.deleted", "holiday", holiday_id, actor=actor, date=holiday.date)
    return holiday
