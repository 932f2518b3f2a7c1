"""The applications behind one figure of the dashboard: the same conditions
as the aggregate that counted them, so a list holds exactly as many rows as
the number that links to it.

Paging is by keyset on (submitted_at, id) -- (decided_at, id) for the
disposed -- never by OFFSET, so that a late page costs what the first costs.
Pending applications are read a status at a time, each from its range of
the (status, submitted_at) index and at most a page of it, and the parts
merged: one `status IN (...)` would make the database either sort every
open application or walk the whole table from its oldest row, most of it
long closed."""

import datetime as dt

import peewee as pw

from blueprints.applications.models import ROW_COLUMNS, Application
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from blueprints.pendency.filters import Filters
from blueprints.pendency.services import (
    apply_filters,
    bucket_condition,
    decided_in,
    in_time_condition,
    of_status,
    submitted_in,
)
from core import clock
from core.paging import Cursor, Page, beyond, read_page

PAGE_SIZE = 50
# A bigger export belongs in a huey job; the page says where the cut is.
EXPORT_MAX = 10_000
DISPOSED_SHOWS = ("in_time", "late", "disposed")


def order_column(filters: Filters):
    return Application.decided_at if filters.show in DISPOSED_SHOWS else Application.submitted_at


def _statuses(filters: Filters) -> tuple:
    return (filters.status,) if filters.status else OPEN_STATUSES


def condition(filters: Filters, today: dt.date):
    """Which applications a list (or an export) holds, besides the status of
    a pending one (see _statuses)."""
    if filters.show == "pending":
        return bucket_condition(filters.bucket, today)
    if filters.show == "received":
        return submitted_in(filters.period)
    found = decided_in(filters.period)
    if filters.show == "in_time":
        found &= in_time_condition()
    elif filters.show == "late":
        # Counted late by the dashboard: not in time, or no due date at all.
        found &= ~in_time_condition() | Application.due_date.is_null()
    return found


def _parts(user, filters: Filters, today, columns) -> list:
    """One query per status for the pending, else the one query."""
    found = condition(filters, today)
    if filters.show != "pending":
        return [apply_filters(Application.select(*columns), user, filters).where(found)]
    return [
        apply_filters(Application.select(*columns), user, filters).where(of_status(status) & found)
        for status in _statuses(filters)
    ]


def _columns():
    return (
        *ROW_COLUMNS,
        Application.due_date,
        Application.decided_at,
        Office.id,
        Office.name_en,
        Office.name_local,
    )


def _beyond(column, cursor: Cursor, backwards: bool):
    return beyond(column, Application.id, cursor, backwards)


def matching(user, filters: Filters, today, *, cursor=None, backwards=False, limit=None):
    """The applications of the list in reading order (oldest first), with
    their service and office: at most `limit` past `cursor`."""
    column = order_column(filters)
    order = (column.desc(), Application.id.desc()) if backwards else (column, Application.id)
    ids = None
    for i, part in enumerate(_parts(user, filters, today, (Application.id,))):
        if cursor is not None:
            part = part.where(_beyond(column, cursor, backwards))
        part = part.order_by(*order)
        if limit is not None:
            part = part.limit(limit)
        # SQLite allows ORDER BY/LIMIT in a compound member only in a subquery.
        inner = part.alias(f"part{i}")
        part = pw.Select(from_list=[inner], columns=[inner.c.id])
        ids = part if ids is None else ids.union_all(part)
    query = (
        Application.select(*_columns())
        .join(Service, on=(Application.service == Service.id))
        .switch(Application)
        .join(Office, pw.JOIN.LEFT_OUTER, on=(Application.office == Office.id))
        .where(Application.id.in_(ids))
        .order_by(*order)
    )
    return query.limit(limit) if limit is not None else query


def count(user, filters: Filters, today) -> int:
    """How many the list holds: a count per status, added up."""
    counts = [
        part.alias(f"n{i}")
        for i, part in enumerate(_parts(user, filters, today, (pw.fn.COUNT(pw.SQL("*")),)))
    ]
    row = pw.Select(columns=counts).bind(Application._meta.database).tuples().get()
    return sum(row)


def page(user, filters: Filters, *, after=None, before=None, size=PAGE_SIZE) -> Page:
    column = order_column(filters)
    today = clock.today_ist()

    def fetch(cursor, backwards, limit):
        return matching(user, filters, today, cursor=cursor, backwards=backwards, limit=limit)

    def at(row):
        return Cursor(getattr(row, column.name), row.id)

    return read_page(fetch, at, after=after, before=before, size=size)
