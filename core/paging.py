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


@dataclass
class Page:
    """One page of rows, with the cursors of the pages on either side (None
    where there is none): link to `after=` to read on, `before=` to read back."""

    rows: list
    after: Cursor | None
    before: Cursor | None


def keyset_page(
    query, column, pk, *, after=None, before=None, size: int, newest_first=False
) -> Page:
    """One page of `query` in the order of (column, pk), oldest first or
    newest first, in one query of size + 1 rows. `after` reads on from a
    row; `before` reads back to the page ending just before one."""
    backwards = before is not None and after is None
    cursor = before if backwards else after
    # Which way the rows are fetched, in the order of the column's values.
    descending = newest_first != backwards
    if cursor is not None:
        query = query.where(beyond(column, pk, cursor, descending))
    order = (column.desc(), pk.desc()) if descending else (column, pk)
    rows = list(query.order_by(*order).limit(size + 1))
    more = len(rows) > size
    rows = rows[:size]

    def at(row):
        return Cursor(getattr(row, column.name), getattr(row, pk.name))

    if backwards:
        rows.reverse()
        return Page(
            rows, after=at(rows[-1]) if rows else None, before=at(rows[0]) if more else None
        )
    # A page reached by reading on has rows before it.
    return Page(
        rows,
        after=at(rows[-1]) if more else None,
        before=at(rows[0]) if cursor is not None and rows else None,
    )
