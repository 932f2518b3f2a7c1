"""The district's working-day calendar, the one both service levels and
attendance read: applications count a service level in working days with
it (applications.filing.due_date_for), attendance marks its closed days
"holiday" (attendance.services.register).

A day is closed when it is on the district's holiday list (kept by the
administrator on /alerts/holidays), when it is a weekly day off
(WEEKLY_OFF, e.g. "sun" or "sat,sun"), or when it is the second or fourth
Saturday of its month and SECOND_FOURTH_SATURDAYS_OFF is set, as in
Maharashtra's government offices. Both settings are the district's
configuration (core/config.py, from the environment); every other day is a
working day."""

import datetime as dt
from dataclasses import dataclass

import peewee as pw
from babel.lists import format_list
from flask import current_app, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from core import audit
from core.db import BaseModel, db
from core.i18n import current_language
from core.ids import parse_id

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SATURDAY, SUNDAY = 5, 6
# The district's days off when its configuration says nothing.
DEFAULT_WEEKLY_OFF = "sun"
DEFAULT_SECOND_FOURTH_SATURDAYS_OFF = True
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_PLURALS = (
    _l("Mondays"),
    _l("Tuesdays"),
    _l("Wednesdays"),
    _l("Thursdays"),
    _l("Fridays"),
    _l("Saturdays"),
    _l("Sundays"),
)


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


def holiday_names(first: dt.date, last: dt.date) -> dict[dt.date, tuple[str, str]]:
    """Day -> (English name, local name) of each holiday between two dates."""
    rows = Holiday.select(Holiday.date, Holiday.name_en, Holiday.name_local)
    rows = rows.where(Holiday.date.between(first, last)).tuples()
    return {_as_date(d): (en, local) for d, en, local in rows}


def _as_date(value) -> dt.date:
    # SQLite hands back a string for a date column read in a tuple query.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


# --- the calendar ----------------------------------------------------------------


@dataclass(frozen=True)
class WeekRule:
    """The district's weekly days off (weekday numbers, Monday 0)."""

    weekly_off: frozenset
    second_fourth_saturdays_off: bool

    def closure(self, day: dt.date) -> str | None:
        """Why the offices are closed on `day` by the week's rule (in
        English, as a holiday's name is kept), or None."""
        if day.weekday() in self.weekly_off:
            return WEEKDAY_NAMES[day.weekday()]
        if self.second_fourth_saturdays_off and is_second_or_fourth_saturday(day):
            return "Second or fourth Saturday"
        return None


def parse_weekly_off(value) -> frozenset:
    """Weekday numbers from "sun", "sat,sun", "sunday" or a list of such
    names; a name that is no weekday is an error, never a day worked."""
    names = value.split(",") if isinstance(value, str) else list(value)
    full = [n.lower() for n in WEEKDAY_NAMES]
    days = set()
    for name in names:
        name = str(name).strip().lower()
        if not name:
            continue
        if name not in WEEKDAYS and name not in full:
            raise ValueError(f"WEEKLY_OFF: {name!r} is not a weekday (mon ... sun)")
        days.add(WEEKDAYS.index(name) if name in WEEKDAYS else full.index(name))
    return frozenset(days)


def district_rule() -> WeekRule:
    """The configured week (core/config.py); the defaults outside an app."""
    config = current_app.config if has_app_context() else {}
    return WeekRule(
        parse_weekly_off(config.get("WEEKLY_OFF", DEFAULT_WEEKLY_OFF)),
        bool(config.get("SECOND_FOURTH_SATURDAYS_OFF", DEFAULT_SECOND_FOURTH_SATURDAYS_OFF)),
    )


def is_second_or_fourth_saturday(day: dt.date) -> bool:
    return day.weekday() == SATURDAY and (day.day - 1) // 7 in (1, 3)


def closed_days(first: dt.date, last: dt.date, rule: WeekRule | None = None) -> dict:
    """Day -> (English name, local name) of why the offices are closed, for
    every closed day between two dates (both included): the holiday list
    first, then the week's rule. One query."""
    rule = rule or district_rule()
    out = holiday_names(first, last)
    day = first
    while day <= last:
        if day not in out:
            why = rule.closure(day)
            if why is not None:
                out[day] = (why, "")
        day += dt.timedelta(days=1)
    return out


def is_working_day(day: dt.date, closed) -> bool:
    """closed: what closed_days() gave for a span that holds `day`."""
    return day not in closed


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (start itself not counted)."""
    if days <= 0:
        return start
    rule = district_rule()
    if len(rule.weekly_off) >= 7:
        raise ValueError("WEEKLY_OFF closes every day of the week")
    # Enough calendar days for any real list: a week has five working days or more.
    span = days * 2 + 31
    closed = closed_days(start, start + dt.timedelta(days=span), rule)
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if day > start + dt.timedelta(days=span):  # a very long holiday list
            span *= 2
            closed = closed_days(start, start + dt.timedelta(days=span), rule)
        if is_working_day(day, closed):
            counted += 1
    return day


def days_off_words(rule: WeekRule | None = None) -> str:
    """The district's days off in the reader's language, for the pages that
    count working days: "Sundays, second and fourth Saturdays and the
    district's holidays"."""
    rule = rule or district_rule()
    parts = [str(WEEKDAY_PLURALS[d]) for d in sorted(rule.weekly_off)]
    if rule.second_fourth_saturdays_off and SATURDAY not in rule.weekly_off:
        parts.append(_("second and fourth Saturdays"))
    parts.append(_("the district's holidays"))
    locale = get_locale()
    return format_list(parts, locale=str(locale) if locale else "en")


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
