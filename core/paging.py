"""Keyset paging over (a time column, id): the 2,000th page of a queue costs
what the first costs, which OFFSET cannot promise."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Cursor:
    """Where a page starts or ends: a row's time and id."""

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


def beyond(column, pk, cursor: Cursor, backwards: bool):
    """Rows past the cursor in reading order. The first term alone is an index
    range; the second only breaks ties between rows of the same instant."""
    if backwards:
        return (column <= cursor.at) & ((column < cursor.at) | (pk < cursor.id))
    return (column >= cursor.at) & ((column > cursor.at) | (pk > cursor.id))


def past(query, column, pk, cursor: Cursor | None, backwards: bool, descending: bool = False):
    """`query` limited to the rows past `cursor` and ordered to read them: in
    reading order, or against it when reading back. A list read newest first
    is `descending`."""
    smaller = backwards != descending
    if cursor is not None:
        query = query.where(beyond(column, pk, cursor, smaller))
    if smaller:
        return query.order_by(column.desc(), pk.desc())
    return query.order_by(column, pk)


@dataclass
class Page:
    rows: list
    # Where the neighbouring pages start; None where there is none.
    after: Cursor | None
    before: Cursor | None


def read_page(fetch, cursor_of, *, after=None, before=None, size: int) -> Page:
    """One page by keyset. `fetch(cursor, backwards, limit)` returns at most
    `limit` rows past `cursor`, in reading order or, when `backwards`, against
    it; `cursor_of(row)` is the row's Cursor. `after` reads on from a row;
    `before` reads back to the page ending just before one."""
    backwards = before is not None and after is None
    cursor = before if backwards else after
    rows = list(fetch(cursor, backwards, size + 1))
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
        return Page(
            rows,
            after=cursor_of(rows[-1]) if rows else None,
            before=cursor_of(rows[0]) if more else None,
        )
    return Page(
        rows,
        after=cursor_of(rows[-1]) if more else None,
        # A page reached by reading on has rows before it, unless they have
        # all gone since (disposed of, say): then the earlier page is empty.
        before=cursor_of(rows[0]) if cursor is not None and rows else None,
    )


def keyset_page(
    query, column, pk, *, after=None, before=None, size: int, newest_first=False
) -> Page:
    """read_page over one query ordered by (column, pk), oldest first or
    `newest_first`: one query of size + 1 rows."""

    def fetch(cursor, backwards, limit):
        return past(query, column, pk, cursor, backwards, descending=newest_first).limit(limit)

    def cursor_of(row):
        return Cursor(getattr(row, column.name), getattr(row, pk.name))

    return read_page(fetch, cursor_of, after=after, before=before, size=size)
