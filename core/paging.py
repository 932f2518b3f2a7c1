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
