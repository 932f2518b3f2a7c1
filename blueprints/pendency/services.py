"""The pendency figures: applications pending by age, disposed in and beyond
their service level, received and disposed per week. Every figure is an
aggregate query over an index (migration 007), so the dashboard costs the
same handful of queries at 1,000,000 applications as at a hundred.

Definitions (also stated on the page):
- pending: status submitted, under scrutiny, waiting for documents, or
  approved and not yet delivered (OPEN_STATUSES);
- age: IST calendar days from the day of submission to today; 0–3 days,
  4–7 days and over 7 days (the district's one-week rule) divide them;
- past due date: the due date (service level, plus the days the clock stood
  still waiting on the applicant) is before today, and the clock is running
  (as the home page and the desk count "overdue");
- disposed: approved or rejected in the period (the day of decision, IST);
  in time when decided on or before the due date."""

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass

import peewee as pw

from blueprints.applications.models import Application
from blueprints.applications.scope import visible_applications
from blueprints.applications.statuses import CLOCK, OPEN_STATUSES
from blueprints.catalogue.models import Service
from blueprints.masters.models import Block, GramPanchayat, Office, Tehsil
from blueprints.pendency.filters import DEFAULT_SORT, Filters
from blueprints.reports.services import Period
from core import clock
from core.access import DISTRICT_WIDE, block_condition, office_condition
from core.db import db, is_postgres

WEEKS = 12
AREA_COLUMNS = ("0-3", "4-7", "over7", "overdue", "pending")
COUNTS = ("0-3", "4-7", "over7", "overdue", "pending", "in_time", "late", "disposed")


def _one_if(condition):
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


def in_time_condition():
    """Decided before the end of the due date in India: 00:00 IST of the
    next day is 18:30 UTC of the due date, as the times are stored."""
    minutes = (clock.ist_day_start(dt.date(2000, 1, 2)) - dt.datetime(2000, 1, 1)).seconds // 60
    if is_postgres():
        deadline = pw.NodeList((Application.due_date, pw.SQL(f"+ INTERVAL '{minutes} minutes'")))
    else:
        # Stored times are ISO text, so the comparison is one of strings.
        deadline = Application.due_date.concat(f" {minutes // 60:02d}:{minutes % 60:02d}")
    return Application.decided_at < deadline


def unindexed(column):
    """A column that SQLite must not reach through one of its own indexes
    (unary plus): its planner, which assumes the seven statuses equally
    common, would otherwise walk a million index entries -- a GROUP BY in
    index order, a due date range -- rather than take the few open ones by
    their status. PostgreSQL keeps statistics of the skew and needs no hint."""
    if is_postgres():
        return column
    return pw.NodeList((pw.SQL("+"), column), glue="")


def of_status(status: str):
    """status = ?, which SQLite is told matches few rows (as an open status
    does in any district past its first weeks): with a LIMIT given as a
    parameter its planner would otherwise walk the submitted_at index from
    the oldest application, mostly long closed, to fill one page."""
    condition = Application.status == status
    if is_postgres():
        return condition
    return pw.fn.likelihood(condition, pw.SQL("0.02"))


def bucket_condition(bucket: str, today: dt.date):
    """One age group (or past due) of open applications; all when blank."""
    at = Application.submitted_at
    if bucket == "0-3":
        return at >= clock.ist_day_start(today - dt.timedelta(days=3))
    if bucket == "4-7":
        return (at < clock.ist_day_start(today - dt.timedelta(days=3))) & (
            at >= clock.ist_day_start(today - dt.timedelta(days=7))
        )
    if bucket == "over7":
        return at < clock.ist_day_start(today - dt.timedelta(days=7))
    if bucket == "overdue":
        # Not by the due_date index: "due before today" is most of the table,
        # and the open ones are found through the status first.
        return CLOCK.overdue_sql(
            today, due=unindexed(Application.due_date), status=unindexed(Application.status)
        )
    return pw.SQL("1 = 1")


def decided_in(period: Period):
    first, after = period.utc_bounds
    return (Application.decided_at >= first) & (Application.decided_at < after)


def submitted_in(period: Period):
    first, after = period.utc_bounds
    return (Application.submitted_at >= first) & (Application.submitted_at < after)


def apply_filters(query, user, filters: Filters):
    """The user's jurisdiction and the filters of the URL on one query."""
    query = visible_applications(user, query)
    if filters.service:
        query = query.where(Application.service == filters.service.id)
    if filters.office:
        query = query.where(Application.office == filters.office.id)
    if filters.block:
        gps = GramPanchayat.select(GramPanchayat.id).where(GramPanchayat.block == filters.block.id)
        query = query.where(Application.gram_panchayat.in_(gps))
    if filters.tehsil:
        blocks = Block.select(Block.id).where(Block.tehsil == filters.tehsil.id)
        gps = GramPanchayat.select(GramPanchayat.id).where(GramPanchayat.block.in_(blocks))
        query = query.where(Application.gram_panchayat.in_(gps))
    return query


def _pending_columns(today: dt.date) -> list:
    at = Application.submitted_at
    day3 = clock.ist_day_start(today - dt.timedelta(days=3))
    day7 = clock.ist_day_start(today - dt.timedelta(days=7))
    return [
        pw.fn.COUNT(pw.SQL("*")).alias("pending"),
        _one_if(at >= day3).alias("fresh"),
        _one_if((at < day3) & (at >= day7)).alias("ageing"),
        _one_if(
            CLOCK.overdue_sql(today, due=Application.due_date, status=Application.status)
        ).alias("overdue"),
    ]


def _disposed_columns() -> list:
    return [
        pw.fn.COUNT(pw.SQL("*")).alias("disposed"),
        _one_if(in_time_condition()).alias("in_time"),
    ]


def empty_counts() -> dict:
    return dict.fromkeys(COUNTS, 0) | {"share": None}


def _add_pending(counts: dict, pending, fresh, ageing, overdue) -> None:
    pending, fresh, ageing = int(pending), int(fresh or 0), int(ageing or 0)
    counts["pending"] += pending
    counts["0-3"] += fresh
    counts["4-7"] += ageing
    counts["over7"] += pending - fresh - ageing
    counts["overdue"] += int(overdue or 0)


def _add_disposed(counts: dict, disposed, in_time) -> None:
    disposed, in_time = int(disposed), int(in_time or 0)
    counts["disposed"] += disposed
    counts["in_time"] += in_time
    counts["late"] += disposed - in_time


def finish(counts: dict) -> dict:
    """The share disposed in time, in whole per cent (None when none was)."""
    counts["share"] = (
        round(100 * counts["in_time"] / counts["disposed"]) if counts["disposed"] else None
    )
    return counts


PENDING_SUMS = ("pending", "fresh", "ageing", "overdue")


def _pending_by(user, filters: Filters, today: dt.date, keys: dict):
    """Pending counts grouped by `keys` (name -> column), as a subquery. Each
    open status is read on its own from its range of the (status, keys...,
    submitted_at, due_date) index, which SQLite groups as it streams, with
    no sort; the four parts are then summed. One `status IN (...)` would
    have to be gathered and sorted whole first."""
    parts = [
        apply_filters(
            Application.select(
                *(column.alias(name) for name, column in keys.items()), *_pending_columns(today)
            ),
            user,
            filters,
        )
        .where(Application.status == status)
        .group_by(*keys.values())
        for status in OPEN_STATUSES
    ]
    union = parts[0]
    for part in parts[1:]:
        union = union.union_all(part)
    return union.alias("per_status")


def cells(user, filters: Filters, today: dt.date) -> dict:
    """(service id, office id) -> counts, in two aggregate queries."""
    out: dict = {}
    rows = _pending_by(
        user, filters, today, {"office": Application.office, "service": Application.service}
    )
    pending = (
        pw.Select(
            from_list=[rows],
            columns=[rows.c.service, rows.c.office, *(pw.fn.SUM(rows.c[n]) for n in PENDING_SUMS)],
        )
        .group_by(rows.c.service, rows.c.office)
        .bind(Application._meta.database)
    )
    for service_id, office_id, *figures in pending.tuples():
        _add_pending(out.setdefault((service_id, office_id), empty_counts()), *figures)
    service, office = unindexed(Application.service), unindexed(Application.office)
    disposed = (
        apply_filters(Application.select(service, office, *_disposed_columns()), user, filters)
        .where(decided_in(filters.period))
        .group_by(service, office)
    )
    for service_id, office_id, *figures in disposed.tuples():
        _add_disposed(out.setdefault((service_id, office_id), empty_counts()), *figures)
    return {key: finish(counts) for key, counts in out.items()}


def by_block(user, filters: Filters, today: dt.date) -> dict:
    """block id -> pending counts, by the applicant's gram panchayat: counted
    per gram panchayat over the index, then summed per block (joining a
    million rows to their gram panchayat first would not be cheap)."""
    rows = _pending_by(user, filters, today, {"gp": Application.gram_panchayat})
    query = (
        pw.Select(
            from_list=[rows],
            columns=[GramPanchayat.block, *(pw.fn.SUM(rows.c[n]) for n in PENDING_SUMS)],
        )
        .join(GramPanchayat, on=(rows.c.gp == GramPanchayat.id))
        .group_by(GramPanchayat.block)
        .bind(Application._meta.database)
    )
    out: dict = {}
    for block, *figures in query.tuples():
        _add_pending(out.setdefault(block, empty_counts()), *figures)
    return out


@dataclass(frozen=True)
class Week:
    start: dt.date
    end: dt.date
    received: int
    disposed: int

    @property
    def args(self) -> dict:
        """The week as the ?from=&to= of a link."""
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


# Stand-ins for a week's bounds: the counting statement is built once per
# column, then repeated for each week with the real bounds in their place.
_FROM, _UNTIL = dt.datetime(1111, 1, 1, 0, 0, 1), dt.datetime(1111, 1, 1, 0, 0, 2)


def trend(user, filters: Filters) -> list[Week]:
    """Received and disposed in each of the 12 weeks ending on the last day
    of the period (seven IST days each, the last one ending that day). One
    statement of 24 counts, each a range of an index: counting a range costs
    far less than reading and grouping its rows."""
    last = filters.period.end
    starts = [last - dt.timedelta(days=7 * (WEEKS - k) - 1) for k in range(WEEKS)]
    bounds = [clock.ist_day_start(day) for day in starts] + [
        clock.ist_day_start(last + dt.timedelta(days=1))
    ]
    selects, params = [], []
    for column in (Application.submitted_at, Application.decided_at):
        count = apply_filters(Application.select(pw.fn.COUNT(pw.SQL("*"))), user, filters).where(
            (column >= _FROM) & (column < _UNTIL)
        )
        sql, template = count.sql()
        for k in range(WEEKS):
            week = {_FROM: bounds[k], _UNTIL: bounds[k + 1]}
            selects.append(f"({sql})")
            params.extend(week.get(p, p) if isinstance(p, dt.datetime) else p for p in template)
    row = db.execute_sql(f"SELECT {', '.join(selects)}", params).fetchone()
    return [
        Week(start=day, end=day + dt.timedelta(days=6), received=row[k], disposed=row[WEEKS + k])
        for k, day in enumerate(starts)
    ]


# --- names -------------------------------------------------------------------


def services_by_id() -> dict:
    return {
        s.id: s
        for s in Service.select(Service.id, Service.name_en, Service.name_hi, Service.name_mr)
    }


def offices_by_id(user, extra_ids=()) -> dict:
    """The offices of the user's area (for the filter) and any other office
    a figure names."""
    condition = office_condition(user)
    extra = [pk for pk in extra_ids if pk]
    if extra:
        condition = condition | Office.id.in_(extra)
    return {
        o.id: o
        for o in Office.select(Office.id, Office.name_en, Office.name_local, Office.level)
        .where(condition)
        .order_by(Office.name_en)
    }


def blocks_by_id(user) -> dict:
    """block id -> the block with its tehsil, in the user's area."""
    return {
        b.id: b
        for b in Block.select(
            Block.id, Block.name_en, Block.name_local, Tehsil.id, Tehsil.name_en, Tehsil.name_local
        )
        .join(Tehsil)
        .where(block_condition(user))
    }


def scope_name(user) -> str:
    """Whose figures these are, in the page language."""
    from blueprints.masters.services import district_name

    if user.role in DISTRICT_WIDE:
        return district_name()
    if user.role == "block_officer":
        return (user.block or user.tehsil).name if (user.block_id or user.tehsil_id) else ""
    if user.office_id:
        return user.office.name
    return ""


# --- the dashboard -------------------------------------------------------------


def _sort_key(column: str):
    def key(row):
        value = row[column]
        return -1 if value is None else value

    return key


def sort_rows(rows: list[dict], column: str, ascending: bool) -> list[dict]:
    """Sorted by a count, ties by name so that the order is stable."""
    rows = sorted(rows, key=lambda r: r["label"])
    return sorted(rows, key=_sort_key(column), reverse=not ascending)


@dataclass
class Dashboard:
    scope: str
    today: dt.date
    rows: list  # service x office, sorted
    areas: list  # block or tehsil, sorted
    total: dict
    weeks: list
    services: dict
    offices: dict


@contextmanager
def one_snapshot():
    """The dashboard's queries in one read-only transaction, so that its
    figures agree with each other while applications move on. PostgreSQL is
    also told not to start parallel workers: every query here reads a small
    index range, and starting workers costs more than it saves."""
    nested = db.in_transaction()
    with db.atomic():
        if is_postgres() and not nested:
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            db.execute_sql("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def dashboard(user, filters: Filters) -> Dashboard:
    with one_snapshot():
        return _dashboard(user, filters)


def _dashboard(user, filters: Filters) -> Dashboard:
    today = clock.today_ist()
    by_cell = cells(user, filters, today)
    services = services_by_id()
    offices = offices_by_id(user, {office for _, office in by_cell})
    rows = []
    total = empty_counts()
    for (service_id, office_id), counts in by_cell.items():
        service, office = services.get(service_id), offices.get(office_id)
        service_name = service.name if service else "—"
        office_name = office.name if office else "—"
        rows.append(
            {
                **counts,
                "service": service_id,
                "office": office_id,
                "service_name": service_name,
                "office_name": office_name,
                "label": (service_name, office_name),
            }
        )
        for key in COUNTS:
            total[key] += counts[key]
    finish(total)
    blocks = blocks_by_id(user)
    areas = _areas(by_block(user, filters, today), blocks, filters.area)
    return Dashboard(
        scope=scope_name(user),
        today=today,
        rows=sort_rows(rows, filters.sort, filters.ascending),
        # The places table counts the pending only: sorting by a disposal
        # column sorts it by the default.
        areas=sort_rows(
            areas,
            filters.sort if filters.sort in AREA_COLUMNS else DEFAULT_SORT,
            filters.ascending,
        ),
        total=total,
        weeks=trend(user, filters),
        services=services,
        offices=offices,
    )


def _areas(by_block_counts: dict, blocks: dict, level: str) -> list[dict]:
    """Rows by block (with its tehsil), or rolled up into tehsils."""
    rows: dict = {}
    for block_id, counts in by_block_counts.items():
        block = blocks.get(block_id)
        if block is None:  # a gram panchayat outside the user's blocks: not shown
            continue
        tehsil = block.tehsil
        if level == "tehsil":
            key, name, arg = tehsil.id, tehsil.name, {"tehsil": tehsil.id}
        else:
            key, name, arg = block.id, block.name, {"block": block.id}
        row = rows.setdefault(
            key,
            {**empty_counts(), "name": name, "tehsil_name": tehsil.name, "arg": arg},
        )
        for column in COUNTS:
            row[column] += counts[column]
    for row in rows.values():
        finish(row)
        row["label"] = (row["tehsil_name"], row["name"])
    return list(rows.values())
