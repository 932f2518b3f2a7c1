"""The office queue: open applications addressed to one office, oldest first.

Paging is by keyset (submitted_at, id), never by OFFSET, so that the 2,000th
page costs what the first costs. Each open status is read as its own range of
the (office, status, submitted_at) index, at most one page long, and the
ranges are merged in one statement: a single `status IN (...)` range would
have to be sorted whole before its first row could be returned."""

from dataclasses import dataclass

import peewee as pw

from blueprints.applications.models import Application
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from core.paging import Cursor, beyond

PAGE_SIZE = 50


@dataclass
class QueuePage:
    rows: list
    # Where the neighbouring pages start; None where there is none.
    after: Cursor | None
    before: Cursor | None


def _cursor_of(row) -> Cursor:
    return Cursor(row.submitted_at, row.id)


def _beyond(cursor: Cursor, backwards: bool):
    return beyond(Application.submitted_at, Application.id, cursor, backwards)


def _ids_of_status(office_id, status, service_id, cursor, backwards, limit):
    query = Application.select(Application.id).where(
        (Application.office == office_id) & (Application.status == status)
    )
    if service_id:
        query = query.where(Application.service == service_id)
    if cursor is not None:
        query = query.where(_beyond(cursor, backwards))
    if backwards:
        query = query.order_by(Application.submitted_at.desc(), Application.id.desc())
    else:
        query = query.order_by(Application.submitted_at, Application.id)
    # SQLite allows ORDER BY/LIMIT in a compound member only inside a subquery.
    part = query.limit(limit).alias(f"q_{status}")
    return pw.Select(from_list=[part], columns=[part.c.id])


def queue_query(
    office_id, *, service_id=None, status=None, cursor=None, backwards=False, limit=PAGE_SIZE + 1
):
    statuses = (status,) if status in OPEN_STATUSES else OPEN_STATUSES
    parts = [_ids_of_status(office_id, s, service_id, cursor, backwards, limit) for s in statuses]
    ids = parts[0]
    for part in parts[1:]:
        ids = ids.union_all(part)
    order = (Application.submitted_at, Application.id)
    if backwards:
        order = (Application.submitted_at.desc(), Application.id.desc())
    return (
        Application.select(
            Application.id,
            Application.app_id,
            Application.status,
            Application.submitted_at,
            Application.due_date,
            Application.paused_since,
            Application.applicant_name_local,
            Application.applicant_name_en,
            Service.id,
            Service.name_en,
            Service.name_hi,
            Service.name_mr,
        )
        .join(Service)
        .where(Application.id.in_(ids))
        .order_by(*order)
        .limit(limit)
    )


def queue_page(
    office_id, *, service_id=None, status=None, after=None, before=None, size=PAGE_SIZE
) -> QueuePage:
    """One page of the office's open applications, in one query. `after` reads
    on from a row; `before` reads back to the page ending just before one."""
    backwards = before is not None and after is None
    cursor = before if backwards else after
    rows = list(
        queue_query(
            office_id,
            service_id=service_id,
            status=status,
            cursor=cursor,
            backwards=backwards,
            limit=size + 1,
        )
    )
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
        return QueuePage(
            rows,
            after=_cursor_of(rows[-1]) if rows else None,
            before=_cursor_of(rows[0]) if more else None,
        )
    return QueuePage(
        rows,
        after=_cursor_of(rows[-1]) if more else None,
        # A page reached by reading on has rows before it, unless they have
        # all been disposed of since: then the earlier page is simply empty.
        before=_cursor_of(rows[0]) if cursor is not None and rows else None,
    )


def services_in_queue(office_id) -> list:
    """The services that have open applications at the office, for the
    filter. The catalogue is a few dozen rows: one existence probe each."""
    waiting = Application.select(pw.SQL("1")).where(
        (Application.service == Service.id)
        & (Application.office == office_id)
        & Application.status.in_(OPEN_STATUSES)
    )
    return list(
        Service.select(Service.id, Service.name_en, Service.name_hi, Service.name_mr)
        .where(pw.fn.EXISTS(waiting))
        .order_by(Service.name_en)
    )
