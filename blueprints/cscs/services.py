"""The registry's queries and its workflow.

Activity is derived from applications, in SQL: a CSC whose status is active
but which has submitted no application in the last CSC_INACTIVE_DAYS days
(30 unless configured) is "inactive". A centre opened within that window is
given the window to start filing. Every list reads this with correlated
subqueries that the (csc_id, submitted_at) index of migration 008 answers
with one seek per CSC, so no list costs a query per row.

Pipeline: a new centre is *proposed* (status "proposed" and an open opening
proposal), its opening *approved* by the district manager (the proposal is
approved; the status stays "proposed" until the centre opens), then *opened*
(status "active", with its opening date). Closing: a CSC manager proposes,
the district manager approves (status "closed") or rejects."""

import datetime as dt
from dataclasses import dataclass

import peewee as pw
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.applications.models import Application
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from blueprints.cscs.models import CscProposal, CscStatusChange
from blueprints.masters.models import CSC_STATUSES, Block, Csc, GramPanchayat, Office
from core import clock
from core.access import block_condition, gp_condition
from core.i18n import current_language

VIEW_ROLES = ("district_manager", "admin", "block_officer")
EDIT_ROLES = ("district_manager", "admin")
# The DSP's CSC manager: the block officer for the centres of the block, and
# the district manager (the CSC district manager is one) for any centre.
MANAGER_ROLES = ("block_officer", "district_manager")
DECIDER_ROLES = ("district_manager",)

DEFAULT_INACTIVE_DAYS = 30
PAGE_SIZE = 50
PENDING_SHOWN = 50
HISTORY_SHOWN = 100
OPENED_RECENTLY_DAYS = 365

# What a list shows and filters by: the status, with "proposed" split into
# the two steps of the pipeline.
STAGES = {
    "proposed": _l("Proposed"),
    "approved": _l("Approved, not yet opened"),
    "active": CSC_STATUSES["active"],
    "suspended": CSC_STATUSES["suspended"],
    "closed": CSC_STATUSES["closed"],
}
FORMATS = ("csv", "xlsx")


class Refused(Exception):
    """A change that is not possible now; the message is for the user, and
    `status` the HTTP status to answer with. Nothing was written."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message = message
        self.status = status


def pick(en: str, local: str) -> str:
    if current_language() != "en" and local:
        return local
    return en or local or ""


def _as_datetime(value):
    """A subquery's MAX(submitted_at) comes back as text on SQLite."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


# --- activity -----------------------------------------------------------------


def inactive_days() -> int:
    return int(current_app.config.get("CSC_INACTIVE_DAYS", DEFAULT_INACTIVE_DAYS))


@dataclass(frozen=True)
class Window:
    """The activity window: applications submitted at or after `since`
    (naive UTC) count; a centre opened after `since_day` (IST) is new."""

    days: int
    since: dt.datetime
    since_day: dt.date
    today: dt.date


def activity_window(now: dt.datetime | None = None, days: int | None = None) -> Window:
    now = now or clock.now()
    days = inactive_days() if days is None else days
    today = clock.today_ist(now)
    return Window(days, now - dt.timedelta(days=days), today - dt.timedelta(days=days), today)


def last_application_at():
    """Correlated subquery: when the outer query's CSC last submitted one."""
    return Application.select(pw.fn.MAX(Application.submitted_at)).where(Application.csc == Csc.id)


def _filed_since(since: dt.datetime):
    return pw.fn.EXISTS(
        Application.select(pw.SQL("1")).where(
            (Application.csc == Csc.id) & (Application.submitted_at >= since)
        )
    )


def inactive_condition(window: Window):
    """Over Csc: active, nothing submitted in the window, not newly opened.
    Others (the inspections' draw, say) may use it in their own queries."""
    return (
        (Csc.status == "active")
        & ~_filed_since(window.since)
        & (Csc.opened_on.is_null() | (Csc.opened_on <= window.since_day))
    )


def working_condition(window: Window):
    """Over Csc: active and not inactive."""
    opened_lately = Csc.opened_on.is_null(False) & (Csc.opened_on > window.since_day)
    return (Csc.status == "active") & (_filed_since(window.since) | opened_lately)


def _flag(condition):
    return pw.Case(None, [(condition, 1)], 0)


def _proposal_exists(kind: str, state: str):
    return pw.fn.EXISTS(
        CscProposal.select(pw.SQL("1")).where(
            (CscProposal.csc == Csc.id) & (CscProposal.kind == kind) & (CscProposal.state == state)
        )
    )


def opening_approved():
    return _proposal_exists("open", "approved")


def closure_proposed():
    return _proposal_exists("close", "open")


def stage_condition(stage: str):
    if stage == "proposed":
        return (Csc.status == "proposed") & ~opening_approved()
    if stage == "approved":
        return (Csc.status == "proposed") & opening_approved()
    return Csc.status == stage


# --- the list -----------------------------------------------------------------


@dataclass
class CscRow:
    id: int
    code: str
    name_en: str
    name_local: str
    status: str
    operator_name: str
    opened_on: dt.date | None
    connectivity: str
    gp_id: int
    gp_code: str
    gp_en: str
    gp_local: str
    block_en: str
    block_local: str
    last_at: dt.datetime | None
    inactive: bool
    approved: bool
    closing: bool

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_local)

    @property
    def gp_name(self) -> str:
        return pick(self.gp_en, self.gp_local)

    @property
    def block_name(self) -> str:
        return pick(self.block_en, self.block_local)

    @property
    def stage(self) -> str:
        return "approved" if self.status == "proposed" and self.approved else self.status

    @property
    def stage_label(self):
        return STAGES.get(self.stage, self.stage)


@dataclass(frozen=True)
class ListFilters:
    q: str = ""
    block: Block | None = None
    status: str = ""
    inactive: bool = False
    closing: bool = False  # only those with a closure proposed
    fmt: str = ""

    def args(self) -> dict:
        """What the page's links carry to keep the same selection."""
        args = {
            "q": self.q,
            "block": self.block.id if self.block else None,
            "status": self.status,
            "inactive": "1" if self.inactive else None,
            "closing": "1" if self.closing else None,
        }
        return {k: v for k, v in args.items() if v}


def shown(text: str) -> str:
    return text[:20] + ("…" if len(text) > 20 else "")


def parse_pk(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if 0 < value < 2**31 else None


def scoped_block(user, text: str, errors: list) -> Block | None:
    """The block ?block= names, if it is in the user's area; else a message."""
    text = (text or "").strip()
    if not text:
        return None
    pk = parse_pk(text)
    block = None
    if pk is not None:
        block = Block.select().where((Block.id == pk) & block_condition(user)).first()
    if block is None:
        errors.append(_("There is no block “%(value)s” in your area.", value=shown(text)))
    return block


def parse_list_args(args, user) -> tuple[ListFilters, list[str]]:
    """Filters from the URL; a value not understood is reported in words and
    left out, so the page shows the rest of the selection."""
    errors: list[str] = []
    q = (args.get("q") or "").strip()[:60]
    block = scoped_block(user, args.get("block", ""), errors)
    status = (args.get("status") or "").strip()
    if status and status not in STAGES:
        errors.append(_("“%(value)s” is not a status of a CSC.", value=shown(status)))
        status = ""
    inactive_text = (args.get("inactive") or "").strip()
    if inactive_text not in ("", "0", "1"):
        errors.append(
            _("“%(value)s” is not understood for “inactive only”.", value=shown(inactive_text))
        )
        inactive_text = ""
    closing_text = (args.get("closing") or "").strip()
    if closing_text not in ("", "0", "1"):
        errors.append(
            _(
                "“%(value)s” is not understood for “closure proposed only”.",
                value=shown(closing_text),
            )
        )
        closing_text = ""
    fmt = (args.get("format") or "").strip()
    if fmt and fmt not in FORMATS:
        errors.append(_("“%(value)s” is not a download format.", value=shown(fmt)))
        fmt = ""
    return (
        ListFilters(q, block, status, inactive_text == "1", closing_text == "1", fmt),
        errors,
    )


def _list_conditions(user, filters: ListFilters, window: Window) -> list:
    conditions = [gp_condition(user)]
    if filters.block is not None:
        conditions.append(GramPanchayat.block == filters.block.id)
    if filters.status:
        conditions.append(stage_condition(filters.status))
    if filters.inactive:
        conditions.append(inactive_condition(window))
    if filters.closing:
        conditions.append(closure_proposed())
    if filters.q:
        q = filters.q
        like = f"%{q}%"
        conditions.append(
            Csc.code.ilike(f"{q}%")
            | Csc.name_en.ilike(like)
            | Csc.name_local.contains(q)
            | Csc.operator_name.ilike(like)
            | GramPanchayat.name_en.ilike(like)
            | GramPanchayat.name_local.contains(q)
        )
    return conditions


def _rows_query(conditions: list, window: Window):
    return (
        Csc.select(
            Csc.id,
            Csc.code,
            Csc.name_en,
            Csc.name_local,
            Csc.status,
            Csc.operator_name,
            Csc.opened_on,
            Csc.connectivity,
            GramPanchayat.id.alias("gp_id"),
            GramPanchayat.code.alias("gp_code"),
            GramPanchayat.name_en.alias("gp_en"),
            GramPanchayat.name_local.alias("gp_local"),
            Block.name_en.alias("block_en"),
            Block.name_local.alias("block_local"),
            last_application_at().alias("last_at"),
            _flag(inactive_condition(window)).alias("inactive"),
            _flag(opening_approved()).alias("approved"),
            _flag(closure_proposed()).alias("closing"),
        )
        .join(GramPanchayat)
        .join(Block)
        .where(*conditions)
    )


def _to_row(d: dict) -> CscRow:
    return CscRow(
        id=d["id"],
        code=d["code"],
        name_en=d["name_en"],
        name_local=d["name_local"],
        status=d["status"],
        operator_name=d["operator_name"] or "",
        opened_on=d["opened_on"],
        connectivity=d["connectivity"] or "",
        gp_id=d["gp_id"],
        gp_code=d["gp_code"],
        gp_en=d["gp_en"],
        gp_local=d["gp_local"],
        block_en=d["block_en"],
        block_local=d["block_local"],
        last_at=_as_datetime(d["last_at"]),
        inactive=bool(d["inactive"]),
        approved=bool(d["approved"]),
        closing=bool(d["closing"]),
    )


def registry_page(user, filters: ListFilters, window: Window, page: int):
    """One page of CSCs, the total that match and whether there is more."""
    conditions = _list_conditions(user, filters, window)
    rows = [
        _to_row(d)
        for d in _rows_query(conditions, window)
        .order_by(Csc.code)
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
        .dicts()
    ]
    total = (
        Csc.select(pw.fn.COUNT(Csc.id)).join(GramPanchayat).join(Block).where(*conditions).scalar()
    )
    return rows[:PAGE_SIZE], total, len(rows) > PAGE_SIZE


def registry_rows(user, filters: ListFilters, window: Window) -> list[CscRow]:
    """Every CSC that matches, for a download."""
    conditions = _list_conditions(user, filters, window)
    return [_to_row(d) for d in _rows_query(conditions, window).order_by(Csc.code).dicts()]


def blocks_for(user) -> list[Block]:
    return list(Block.select().where(block_condition(user)).order_by(Block.name_en))


# --- one CSC ------------------------------------------------------------------


def csc_query(user):
    """CSCs the user may open; another area's answers 404 like a missing one."""
    return (
        Csc.select(Csc, GramPanchayat, Block)
        .join(GramPanchayat)
        .join(Block)
        .where(gp_condition(user))
    )


@dataclass
class Activity:
    last_at: dt.datetime | None
    recent: int
    pending: int
    inactive: bool


def activity_of(csc: Csc, window: Window) -> Activity:
    """The last submission, how many in the window and how many are open;
    one query."""
    row = (
        Application.select(
            pw.fn.MAX(Application.submitted_at),
            pw.fn.SUM(_flag(Application.submitted_at >= window.since)),
            pw.fn.SUM(_flag(Application.status.in_(OPEN_STATUSES))),
        )
        .where((Application.csc == csc.id) & Application.submitted_at.is_null(False))
        .tuples()
        .first()
    )
    last_at, recent, pending = row if row else (None, 0, 0)
    last_at = _as_datetime(last_at)
    recent, pending = int(recent or 0), int(pending or 0)
    new = csc.opened_on is not None and csc.opened_on > window.since_day
    inactive = csc.status == "active" and not recent and not new
    return Activity(last_at, recent, pending, inactive)


def pending_count(csc_id: int) -> int:
    return (
        Application.select()
        .where((Application.csc == csc_id) & Application.status.in_(OPEN_STATUSES))
        .count()
    )


def pending_applications(csc_id: int, limit: int = PENDING_SHOWN) -> list[Application]:
    """The open applications a CSC submitted, oldest first, with the office
    that holds each: the list to reassign before the centre closes. No
    applicant's name: this is a list of work, not of people."""
    return list(
        Application.select(
            Application.id,
            Application.app_id,
            Application.status,
            Application.submitted_at,
            Application.due_date,
            Service.id,
            Service.name_en,
            Service.name_hi,
            Service.name_mr,
            Office.id,
            Office.name_en,
            Office.name_local,
        )
        .join(Service)
        .switch(Application)
        .join(Office, pw.JOIN.LEFT_OUTER)
        .where((Application.csc == csc_id) & Application.status.in_(OPEN_STATUSES))
        .order_by(Application.submitted_at, Application.id)
        .limit(limit)
    )


def history(csc_id: int, limit: int = HISTORY_SHOWN) -> list[CscStatusChange]:
    return list(
        CscStatusChange.select(CscStatusChange, User.id, User.full_name, User.full_name_local)
        .join(User, pw.JOIN.LEFT_OUTER, on=(CscStatusChange.actor == User.id))
        .where(CscStatusChange.csc == csc_id)
        .order_by(CscStatusChange.at.desc(), CscStatusChange.id.desc())
        .limit(limit)
    )


def open_proposal(csc_id: int) -> CscProposal | None:
    proposer = User.alias()
    return (
        CscProposal.select(CscProposal, proposer.id, proposer.full_name, proposer.full_name_local)
        .join(
            proposer,
            pw.JOIN.LEFT_OUTER,
            on=(CscProposal.proposed_by == proposer.id),
            attr="proposed_by",
        )
        .where((CscProposal.csc == csc_id) & (CscProposal.state == "open"))
        .first()
    )


def is_opening_approved(csc_id: int) -> bool:
    return (
        CscProposal.select()
        .where(
            (CscProposal.csc == csc_id)
            & (CscProposal.kind == "open")
            & (CscProposal.state == "approved")
        )
        .exists()
    )


def stage_of(csc: Csc, approved: bool) -> str:
    return "approved" if csc.status == "proposed" and approved else csc.status
