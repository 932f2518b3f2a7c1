"""The CSC's own applications, as its operator looks for them: those sent
back for documents first, then every one newest first, paged by keyset on
(submitted_at, id) over the (csc, submitted_at) index, searched by the one
rule of applications.search and filtered by status."""

from blueprints.applications.models import ROW_COLUMNS, Application
from blueprints.applications.scope import visible_applications
from blueprints.applications.search import matching
from blueprints.applications.statuses import STATUS_LABELS
from blueprints.catalogue.models import Service
from core.paging import Cursor, Page, past, read_page

PAGE_SIZE = 30
SENT_BACK_SHOWN = 10
SENT_BACK = "awaiting_documents"
# The statuses of the filter: what the operator must act on first.
LISTED_STATUSES = {
    SENT_BACK: STATUS_LABELS[SENT_BACK],
    **{k: v for k, v in STATUS_LABELS.items() if k not in ("draft", SENT_BACK)},
}


def _submitted(user):
    return (
        visible_applications(user, Application.select(*ROW_COLUMNS))
        .join(Service)
        .where(Application.status != "draft")
    )


def _cursor_of(row) -> Cursor:
    return Cursor(row.submitted_at, row.id)


def page(user, *, search="", status="", after=None, before=None, size=PAGE_SIZE) -> Page:
    """One page of the user's CSC's submitted applications, newest first."""
    query = _submitted(user)
    found = matching(search)
    if found is not None:
        query = query.where(found)
    if status in LISTED_STATUSES:
        query = query.where(Application.status == status)

    def fetch(cursor, backwards, limit):
        ordered = past(
            query, Application.submitted_at, Application.id, cursor, backwards, descending=True
        )
        return ordered.limit(limit)

    return read_page(fetch, _cursor_of, after=after, before=before, size=size)


def sent_back(user, limit=SENT_BACK_SHOWN) -> list:
    """Applications the office sent back for documents, the longest waiting
    first; one more than `limit` says that there are more."""
    return list(
        _submitted(user)
        .where(Application.status == SENT_BACK)
        .order_by(Application.paused_since, Application.id)
        .limit(limit + 1)
    )


def drafts(user, limit=50) -> list:
    return list(
        visible_applications(user, Application.select(Application, Service))
        .join(Service)
        .where(Application.status == "draft")
        .order_by(Application.updated_at.desc())
        .limit(limit)
    )
