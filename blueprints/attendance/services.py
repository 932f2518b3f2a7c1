"""Attendance worked out from the punches: each employee's status on each
day, the month of one employee, an office's day, office-wise summaries for a
date range, and the habitual late-comers.

A day's status, first match wins:
  holiday   a day the district's calendar closes (core.workdays: its
            weekly days off, second and fourth Saturdays where it closes
            on them, and its holiday list), the one service levels count;
  leave     a leave record covers the day;
  absent    no punch;
  half_day  the first punch after the office's half-day time (14:00), or
            under the office's minimum hours (4 h) between first and last
            punch; a single punch is half a day too: it proves arrival but
            not a day's work;
  late      the first punch after start + grace, counted in whole minutes
            (start 10:00, grace 10: 10:10:59 is on time, 10:11:00 late);
  present   otherwise.
Days after today have no status. Who counts: employees now working or on
leave, in the office where they are now posted."""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import peewee as pw

from blueprints.attendance.models import (
    DEFAULT_GRACE_MINUTES,
    DEFAULT_HALF_DAY_AFTER,
    DEFAULT_MIN_MINUTES,
    DEFAULT_START,
    Leave,
    OfficeTiming,
    Punch,
)
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import clock
from core.access import office_condition
from core.db import db
from core.workdays import closed_days

# The establishment (HR) section keeps leave and attendance district-wide.
VIEW_ROLES = (
    "office_user",
    "office_head",
    "block_officer",
    "district_manager",
    "admin",
    "establishment",
)
TIMING_ROLES = ("office_head", "district_manager", "admin")
DISTRICT_ROLES = ("district_manager", "admin", "establishment")
COUNTED_STATUSES = ("working", "on_leave")
STATUS_KEYS = ("present", "late", "half_day", "absent", "leave", "holiday")
LATE_THRESHOLD = 3
MAX_RANGE_DAYS = 92


@dataclass(frozen=True)
class Timing:
    starts_at: dt.time = DEFAULT_START
    grace_minutes: int = DEFAULT_GRACE_MINUTES
    half_day_after: dt.time = DEFAULT_HALF_DAY_AFTER
    min_minutes: int = DEFAULT_MIN_MINUTES

    @cached_property
    def late_minute(self) -> int:
        """Minutes after midnight after which an arrival is late."""
        return self.starts_at.hour * 60 + self.starts_at.minute + self.grace_minutes

    @cached_property
    def half_day_minute(self) -> int:
        return self.half_day_after.hour * 60 + self.half_day_after.minute

    @property
    def late_after(self) -> dt.time:
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.starts_at)
        return (start + dt.timedelta(minutes=self.grace_minutes)).time()


@dataclass
class Day:
    day: dt.date
    status: str | None  # None: a day still to come
    first: dt.datetime | None = None  # naive IST
    last: dt.datetime | None = None
    punches: int = 0
    holiday: str = ""

    @property
    def minutes(self) -> int:
        if self.first is None or self.last is None:
            return 0
        return int((self.last - self.first).total_seconds() // 60)


# --- who sees what ------------------------------------------------------------


def office_scope(user):
    if user.role in DISTRICT_ROLES:
        return Office.select(Office.id)
    if user.role not in VIEW_ROLES:
        return Office.select(Office.id).where(pw.SQL("1 = 0"))
    return Office.select(Office.id).where(office_condition(user))


def employees_of(user):
    """Employees the user may see the attendance of, and import for."""
    return Employee.select().where(Employee.office.in_(office_scope(user)))


# --- the rules ----------------------------------------------------------------


def timings(office_ids) -> dict:
    rows = OfficeTiming.select().where(OfficeTiming.office.in_(list(office_ids)))
    return {
        r.office_id: Timing(
            _as_time(r.starts_at), r.grace_minutes, _as_time(r.half_day_after), r.min_minutes
        )
        for r in rows
    }


def _as_time(value) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(str(value))


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _wall_clock(value) -> dt.datetime:
    """A stored naive-UTC time (a string from SQLite's raw cursor, a
    datetime from PostgreSQL's) as naive IST wall-clock time."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return clock.to_ist(value).replace(tzinfo=None)


def status_of(first: dt.datetime, last: dt.datetime, count: int, timing: Timing) -> str:
    """The status of a working day with punches (naive IST times)."""
    arrived = first.hour * 60 + first.minute  # whole minutes: seconds never make one late
    if arrived > timing.half_day_minute:
        return "half_day"
    if count < 2 or (last - first).total_seconds() < timing.min_minutes * 60:
        return "half_day"
    if arrived > timing.late_minute:
        return "late"
    return "present"


# --- reading the punches -------------------------------------------------------


def _punch_days(employees, first: dt.date, last: dt.date) -> dict:
    """(employee id, day) -> (first, last, count) from one grouped query,
    read from the raw cursor: peewee's per-value conversion would cost more
    than the query on a district's month."""
    query = (
        Punch.select(
            Punch.employee,
            Punch.day,
            pw.fn.MIN(Punch.punched_at),
            pw.fn.MAX(Punch.punched_at),
            pw.fn.COUNT(Punch.id),
        )
        .where(Punch.employee.in_(employees.select(Employee.id)), Punch.day.between(first, last))
        .group_by(Punch.employee, Punch.day)
    )
    rows = db.execute(query).fetchall()
    days: dict = {}  # SQLite hands back each day as the same few strings
    out = {}
    for e, d, a, b, n in rows:
        day = days.get(d) or days.setdefault(d, _as_date(d))
        out[(e, day)] = (_wall_clock(a), _wall_clock(b), n)
    return out


def _leave_days(employees, first: dt.date, last: dt.date) -> set:
    rows = (
        Leave.select(Leave.employee, Leave.from_date, Leave.to_date)
        .where(
            Leave.employee.in_(employees.select(Employee.id)),
            Leave.from_date <= last,
            Leave.to_date >= first,
        )
        .tuples()
    )
    out = set()
    for emp, start, end in rows:
        day, end = max(_as_date(start), first), min(_as_date(end), last)
        while day <= end:
            out.add((emp, day))
            day += dt.timedelta(days=1)
    return out


def register(employees, first: dt.date, last: dt.date, today: dt.date | None = None) -> dict:
    """Employee id -> [Day, ...] from `first` to `last`, for an Employee
    query (its rows need id and office). Four queries whatever the size."""
    today = today or clock.today_ist()
    people = list(employees.select(Employee.id, Employee.office).tuples())
    punches = _punch_days(employees, first, last)
    leaves = _leave_days(employees, first, last)
    closed = closed_days(first, last)
    rules = timings({office for _e, office in people})
    calendar = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    default = Timing()
    out = {}
    for emp, office in people:
        timing = rules.get(office, default)
        days = []
        for day in calendar:
            punched = punches.get((emp, day))
            if day in closed:
                entry = Day(day, "holiday", holiday=closed[day][0])
            elif (emp, day) in leaves:
                entry = Day(day, "leave")
            elif day > today:
                entry = Day(day, None)
            elif punched is None:
                entry = Day(day, "absent")
            else:
                entry = Day(day, status_of(*punched, timing))
            if punched is not None:
                entry.first, entry.last, entry.punches = punched
            days.append(entry)
        out[emp] = days
    return out


def totals(days: list) -> dict:
    counts = dict.fromkeys(STATUS_KEYS, 0)
    for d in days:
        if d.status:
            counts[d.status] += 1
    return counts


def rate(counts: dict) -> float | None:
    """Attendance in per cent of working days not on leave (half days count
    half; late days count as present)."""
    due = counts["present"] + counts["late"] + counts["half_day"] + counts["absent"]
    if not due:
        return None
    return round(100 * (counts["present"] + counts["late"] + counts["half_day"] / 2) / due, 1)


def counted(query):
    return query.where(Employee.status.in_(COUNTED_STATUSES))


def office_summary(user, first: dt.date, last: dt.date, today=None) -> list[dict]:
    """Per office in the user's scope with counted employees: the employee
    count and the days of each status, most absent first."""
    employees = counted(employees_of(user))
    days = register(employees, first, last, today)
    office_of = dict(employees.select(Employee.id, Employee.office).tuples())
    per_office: dict[int, dict] = {}
    for emp_id, entries in days.items():
        row = per_office.setdefault(
            office_of[emp_id], {"employees": 0, **dict.fromkeys(STATUS_KEYS, 0)}
        )
        row["employees"] += 1
        for key, value in totals(entries).items():
            row[key] += value
    names = {
        o.id: o
        for o in Office.select(Office.id, Office.code, Office.name_en, Office.name_local).where(
            Office.id.in_(list(per_office))
        )
    }
    rows = [{"office": names[oid], **row, "rate": rate(row)} for oid, row in per_office.items()]
    rows.sort(key=lambda r: (r["rate"] is None, r["rate"] or 0, r["office"].name_en))
    return rows


def late_comers(user, month_first: dt.date, office_id=None, threshold=LATE_THRESHOLD, today=None):
    """Employees late on at least `threshold` days of the month."""
    last = month_end(month_first)
    employees = counted(employees_of(user))
    if office_id:
        employees = employees.where(Employee.office == office_id)
    days = register(employees, month_first, last, today)
    late = {e: [d for d in entries if d.status == "late"] for e, entries in days.items()}
    late = {e: v for e, v in late.items() if len(v) >= threshold}
    people = {
        p.id: p
        for p in Employee.select(Employee, Office)
        .join(Office)
        .where(Employee.id.in_(list(late) or [0]))
    }
    rows = [{"employee": people[e], "days": v, "count": len(v)} for e, v in late.items()]
    rows.sort(key=lambda r: (-r["count"], r["employee"].name_en))
    return rows


def month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def parse_month(text: str | None, today: dt.date) -> dt.date | None:
    """'2026-11' -> 2026-11-01; None for garbage; this month when empty."""
    if not text:
        return today.replace(day=1)
    try:
        first = dt.date.fromisoformat(f"{text.strip()}-01")
    except ValueError:
        return None
    return first if 2000 <= first.year <= 2100 else None


def parse_day(text: str | None, default: dt.date) -> dt.date | None:
    if not text:
        return default
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None
