"""The office queue: open applications addressed to one office, oldest first.

Paging is by keyset (submitted_at, id), never by OFFSET, so that the 2,000th
page costs what the first costs. Each open status is read as its own range of
the (office, status, submitted_at) index, at most one page long, and the
ranges are merged in one statement: a single `status IN (...)` range would
have to be sorted whole before its first row could be returned."""

import peewee as pw

from blueprints.applications.models import ROW_COLUMNS, Application
from blueprints.applications.search import matching
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from core.i18n import sorted_as_shown
from core.paging import Cursor, Page, past, read_page

PAGE_SIZE = 50


def _cursor_of(row) -> Cursor:
    return Cursor(row.submitted_at, row.id)


def _ids_of_status(office_id, status, service_id, found, cursor, backwards, limit):
    query = Application.select(Application.id).where(
        (Application.office == office_id) & (Application.status == status)
    )
    if service_id:
        query = query.where(Application.service == service_id)
    if found is not None:
        query = query.where(found)
    query = past(query, Application.submitted_at, Application.id, cursor, backwards)
    # SQLite allows ORDER BY/LIMIT in a compound member only inside a subquery.
    part = query.limit(limit).alias(f"q_{status}")
    return pw.Select(from_list=[part], columns=[part.c.id])


def queue_query(
    office_id,
    *,
    service_id=None,
    status=None,
    search="",
    cursor=None,
    backwards=False,
    limit=PAGE_SIZE + 1,
):
    """`search` is what was typed in the search box (applications.search)."""
    statuses = (status,) if status in OPEN_STATUSES else OPEN_STATUSES
    found = matching(search)
    parts = [
        _ids_of_status(office_id, s, service_id, found, cursor, backwards, limit) for s in statuses
    ]
    ids = parts[0]
    for part in parts[1:]:
        ids = ids.union_all(part)
    order = (Application.submitted_at, Application.id)
    if backwards:
        order = (Application.submitted_at.desc(), Application.id.desc())
    return (
        Application.select(*ROW_COLUMNS, Application.due_date)
        .join(Service)
        .where(Application.id.in_(ids))
        .order_by(*order)
        .limit(limit)
    )


def queue_page(
    office_id, *, service_id=None, status=None, search="", after=None, before=None, size=PAGE_SIZE
) -> Page:
    """One page of the office's open applications, in one query."""

    def fetch(cursor, backwards, limit):
        return queue_query(
            office_id,
            service_id=service_id,
            status=status,
            search=search,
            cursor=cursor,
            backwards=backwards,
            limit=limit,
        )

    return read_page(fetch, _cursor_of, after=after, before=before, size=size)


def services_in_queue(office_id) -> list:
    """The services that have open applications at the office, for the
    filter, in the order of the names shown. The catalogue is a few dozen
    rows: one existence probe each."""
    waiting = Application.select(pw.SQL("1")).where(
        (Application.service == Service.id)
        & (Application.office == office_id)
        & Application.status.in_(OPEN_STATUSES)
    )
    return sorted_as_shown(
        Service.select(Service.id, Service.name_en, Service.name_hi, Service.name_mr).where(
            pw.fn.EXISTS(waiting)
        )
    )
