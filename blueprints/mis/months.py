"""Months as the MIS reads them: the first day of the month, written
YYYY-MM in links and forms, in IST. A figure is for a month that has begun;
a month is due from the 3rd of the month after it."""

import datetime as dt
import re

from flask_babel import format_date
from flask_babel import gettext as _

from core import clock

MONTH_TEXT = re.compile(r"(\d{4})-(\d{2})")
# Older months than this are not a typing slip we should honour.
EARLIEST = dt.date(2000, 1, 1)


class MonthError(ValueError):
    """A month a user typed or a link carried that we cannot take."""


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def current_month(now: dt.datetime | None = None) -> dt.date:
    return month_of(clock.today_ist(now))


def shift(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def key(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def label(month: dt.date) -> str:
    """ "October 2026" in the page's language."""
    return format_date(month, "MMMM y")


def parse(text: str | None, now: dt.datetime | None = None, allow_future=False) -> dt.date:
    """A month from "2026-10": refuses a garbled one and one not yet begun."""
    match = MONTH_TEXT.fullmatch((text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise MonthError(_("Give the month as year and month, for example 2026-10."))
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    if month < EARLIEST:
        raise MonthError(_("Give the month as year and month, for example 2026-10."))
    if month > current_month(now) and not allow_future:
        raise MonthError(_("%(month)s has not begun: figures are for months up to this one.",
                           month=label(month)))  # fmt: skip
    return month


def reporting_month(now: dt.datetime | None = None) -> dt.date:
    """The month offices are asked about by default: last month."""
    return shift(current_month(now), -1)
