"""The portal's one clock, and India's calendar on top of it.

Zila stores every time as naive UTC (SQLite and PostgreSQL store it alike)
and counts days in IST, whatever the server's zone. Everything that asks for
"now" or "today" asks here, so that a test moves one clock (the `move_clock`
fixture replaces `_source`) and the whole portal follows it."""

import datetime as dt

IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")


def _real_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


_source = _real_now


def now() -> dt.datetime:
    """Naive UTC, as stored."""
    return _source()


def to_ist(moment: dt.datetime) -> dt.datetime:
    """A moment (naive means stored, so UTC) as an aware IST time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(IST)


def from_ist(moment: dt.datetime) -> dt.datetime:
    """An IST wall-clock time (naive means IST) as stored: naive UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=IST)
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def ist_date(moment: dt.datetime) -> dt.date:
    """The day in India at a stored moment."""
    return to_ist(moment).date()


def today_ist(moment: dt.datetime | None = None) -> dt.date:
    """Today in India, by the clock unless a stored moment is given."""
    return ist_date(moment or now())


def ist_day_start(day: dt.date) -> dt.datetime:
    """00:00 IST of `day` as stored: 18:30 UTC of the day before."""
    return from_ist(dt.datetime.combine(day, dt.time()))


def ist_cell(moment: dt.datetime | None):
    """A stored moment for a spreadsheet cell: IST wall-clock time to the
    second without a zone (XLSX takes none), or blank."""
    if moment is None:
        return ""
    return to_ist(moment).replace(tzinfo=None, microsecond=0)
