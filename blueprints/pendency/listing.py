"""The applications behind one figure of the dashboard: the same conditions
as the aggregate that counted them, so a list holds exactly as many rows as
the number that links to it.

Paging is by keyset on (submitted_at, id) -- (decided_at, id) for the
disposed -- never by OFFSET, so that a late page costs what the first costs."""

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from blueprints.applications.models import Application
from blueprints.masters.models import Office
from blueprints.pendency.filters import Filters
from blueprints.pendency.services import (
    apply_filters,
    decided_in,
    in_time_condition,
    pending_condition,
    submitted_in,
)
from blueprints.reports.services import today_ist
from blueprints.services.models import Service

PAGE_SIZE = 50
# A bigger export belongs in a huey job; the page says where the cut is.
EXPORT_MAX = 10_000
DISPOSED_SHOWS = ("in_time", "late", "disposed")


@dataclass(frozen=True)
class Cursor:
    at: dt.datetime
    id: int

    def __str__(self) -> str:
        return f"{self.at.isoformat()},{self.id}"

    @classmethod
    def parse(cls, raw: str | None) -> "Cursor | None":
        """`<ISO time>,<id>` from a paging link; None when absent or garbled."""
        stamp, _, pk = (raw or "").partition(",")
        try:
            cursor = cls(dt.datetime.fromisoformat(stamp).replace(tzinfo=None), int(pk))
        except ValueError:
            return None
        return cursor if 0 <= cursor.id < 2**31 else None


def order_column(filters: Filters):
    return Application.decided_at if filters.show in DISPOSED_SHOWS else Application.submitted_at


def condition(filters: Filters, today: dt.date | None = None):
    """Which applications a list (or an export) holds."""
    if filters.show == "pending":
        found = pending_condition(filters.bucket, today)
        if filters.status:
            found &= Application.status == filters.status
        return found
    if filters.show == "received":
        return submitted_in(filters.period)
    found = decided_in(filters.period)
    if filters.show == "in_time":
        found &= in_time_condition()
    elif filters.show == "late":
        # Counted late by the dashboard: not in time, or no due date at all.
        found &= ~in_time_condition() | Application.due_date.is_null()
    return found


def _columns():
    return (
        Application.id,
        Application.app_id,
        Application.status,
        Application.submitted_at,
        Application.due_date,
        Application.paused_since,
        Application.decided_at,
        Application.applicant_name_local,
        Application.applicant_name_en,
        Service.id,
        Service.name_en,
        Service.name_hi,
        Service.name_mr,
        Office.id,
        Office.name_en,
        Office.name_local,
    )


def matching(user, filters: Filters, today=None):
    """Every application of the list, oldest first, with its service and office."""
    column = order_column(filters)
    query = (
        Application.select(*_columns())
        .join(Service, on=(Application.service == Service.id))
        .switch(Application)
        .join(Office, pw.JOIN.LEFT_OUTER, on=(Application.office == Office.id))
    )
    return (
        apply_filters(query, user, filters)
        .where(condition(filters, today))
        .order_by(column, Application.id)
    )


def count(user, filters: Filters, today=None) -> int:
    return (
        apply_filters(Application.select(Application.id), user, filters)
        .where(condition(filters, today))
        .count()
    )


@dataclass
class ListPage:
    rows: list
    after: Cursor | None
    before: Cursor | None


def _beyond(column, cursor: Cursor, backwards: bool):
    """Rows past the cursor in reading order; the first term alone is an
    index range, the second breaks ties between rows of the same instant."""
    pk = Application.id
    if backwards:
        return (column <= cursor.at) & ((column < cursor.at) | (pk < cursor.id))
    return (column >= cursor.at) & ((column > cursor.at) | (pk > cursor.id))


def page(user, filters: Filters, *, after=None, before=None, size=PAGE_SIZE) -> ListPage:
    backwards = before is not None and after is None
    cursor = before if backwards else after
    column = order_column(filters)
    query = matching(user, filters, today_ist())
    if cursor is not None:
        query = query.where(_beyond(column, cursor, backwards))
    if backwards:
        query = query.order_by(column.desc(), Application.id.desc())
    rows = list(query.limit(size + 1))
    more = len(rows) > size
    rows = rows[:size]

    def at(row):
        return Cursor(getattr(row, column.name), row.id)

    if backwards:
        rows.reverse()
        return ListPage(
            rows, after=at(rows[-1]) if rows else None, before=at(rows[0]) if more else None
        )
    return ListPage(
        rows,
        after=at(rows[-1]) if more else None,
        before=at(rows[0]) if cursor is not None and rows else None,
    )
