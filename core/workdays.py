"""The district's working-day calendar: its holiday list and the working
days that follow from it. Applications count a service level in working
days with it (applications.filing.due_date_for), attendance marks the
district's holidays closed (attendance.services.closed_days); the
administrator keeps the list on /alerts/holidays.

A working day is every day except Sundays and the district's holidays.
Second and fourth Saturdays are working days here; a district that closes
on them adds them to the holiday list (attendance closes Maharashtra
offices on them on its own)."""

import datetime as dt

import peewee as pw
from flask_babel import gettext as _

from core import audit
from core.db import BaseModel, db
from core.i18n import current_language
from core.ids import parse_id

SUNDAY = 6


class Holiday(BaseModel):
    """A district holiday: a service counted in working days skips it."""

    date = pw.DateField(unique=True)
    name_en = pw.CharField(max_length=120)
    name_local = pw.CharField(max_length=120, default="")

    class Meta:
        table_name = "holiday"

    @property
    def name(self) -> str:
        if current_language() != "en" and self.name_local:
            return self.name_local
        return self.name_en


class HolidayError(ValueError):
    """Bad input for the holiday list; the message is translated."""


def holidays_between(first: dt.date, last: dt.date) -> set[dt.date]:
    rows = Holiday.select(Holiday.date).where(Holiday.date.between(first, last)).tuples()
    return {_as_date(d) for (d,) in rows}


def holiday_names(first: dt.date, last: dt.date) -> dict[dt.date, tuple[str, str]]:
    """Day -> (English name, local name) of each holiday between two dates."""
    rows = Holiday.select(Holiday.date, Holiday.name_en, Holiday.name_local)
    rows = rows.where(Holiday.date.between(first, last)).tuples()
    return {_as_date(d): (en, local) for d, en, local in rows}


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


# --- the administrator's list ---------------------------------------------------


def holidays_from(since: dt.date, limit: int = 200) -> list[Holiday]:
    return list(Holiday.select().where(Holiday.date >= since).order_by(Holiday.date).limit(limit))


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
    holiday_id = parse_id(holiday_id)
    if holiday_id is None:
        return None
    with db.atomic():
        holiday = Holiday.get_or_none(Holiday.id == holiday_id)
        if holiday is None:
            return None
        holiday.delete_instance()
        audit.record("holiday.deleted", "holiday", holiday_id, actor=actor, date=holiday.date)
    return holiday
