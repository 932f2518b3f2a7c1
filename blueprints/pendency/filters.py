"""What a pendency page shows, read from its URL, so that any view can be
bookmarked or sent on WhatsApp. A value that is not understood (an unknown
office, a garbled date, reversed dates) is reported in words and the page
falls back to the unfiltered view, never to an error page."""

import datetime as dt
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from blueprints.masters.models import Block, Office, Tehsil
from blueprints.reports.services import Period, PeriodError, parse_period
from core import clock
from core.access import block_condition, office_condition, tehsil_condition

PENDENCY_ROLES = ("district_manager", "admin", "block_officer", "office_head", "office_user")

# Age in IST calendar days since submission. The three age groups divide the
# pending applications; "past due date" is counted beside them.
AGE_BUCKETS = {"0-3": _l("0–3 days"), "4-7": _l("4–7 days"), "over7": _l("Over 7 days")}
BUCKETS = {**AGE_BUCKETS, "overdue": _l("Past due date")}
SHOWS = {
    "pending": _l("Pending"),
    "in_time": _l("Disposed in time"),
    "late": _l("Disposed late"),
    "disposed": _l("Disposed"),
    "received": _l("Received"),
}
# The count columns a table sorts by, and their headings.
COLUMNS = {
    **BUCKETS,
    "pending": _l("Pending"),
    "in_time": _l("Disposed in time"),
    "late": _l("Disposed late"),
    "share": _l("Share in time"),
}
AREAS = {"block": _l("Block"), "tehsil": _l("Tehsil")}
FORMATS = ("csv", "xlsx")
DEFAULT_SORT = "over7"
DEFAULT_DAYS = 30
MAX_PERIOD_DAYS = 366


def default_period() -> Period:
    today = clock.today_ist()
    return Period(today - dt.timedelta(days=DEFAULT_DAYS - 1), today)


@dataclass(frozen=True)
class Filters:
    period: Period = field(default_factory=default_period)
    service: Service | None = None
    office: Office | None = None
    block: Block | None = None
    tehsil: Tehsil | None = None
    # Dates as typed; empty when the default period is in force, so that a
    # bookmark of "the last 30 days" stays the last 30 days.
    typed: dict = field(default_factory=lambda: {"from": "", "to": ""})
    show: str = "pending"
    bucket: str = ""
    status: str = ""
    sort: str = DEFAULT_SORT
    ascending: bool = False
    area: str = "block"
    fmt: str = ""

    def filter_args(self) -> dict:
        """What selects the applications: carried by every link of a page."""
        args = {
            "service": self.service.id if self.service else None,
            "office": self.office.id if self.office else None,
            "block": self.block.id if self.block else None,
            "tehsil": self.tehsil.id if self.tehsil else None,
            "from": self.typed["from"],
            "to": self.typed["to"],
        }
        return {k: v for k, v in args.items() if v}

    def dashboard_args(self) -> dict:
        """filter_args plus how the dashboard's tables are ordered and grouped."""
        args = self.filter_args()
        if self.sort != DEFAULT_SORT:
            args["sort"] = self.sort
        if self.ascending:
            args["dir"] = "asc"
        if self.area != "block":
            args["area"] = self.area
        return args

    def list_args(self) -> dict:
        args = self.filter_args()
        if self.show != "pending":
            args["show"] = self.show
        if self.bucket:
            args["bucket"] = self.bucket
        if self.status:
            args["status"] = self.status
        return args

    def without(self, **fields) -> "Filters":
        return replace(self, **fields)


def _pk(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if 0 < value < 2**31 else None


def _shown(text: str) -> str:
    return text[:20] + ("…" if len(text) > 20 else "")


def _lookup(args, name, fetch, message, errors):
    """The row that ?name= points at, or None; a wrong value adds a message."""
    text = (args.get(name) or "").strip()
    if not text:
        return None
    pk = _pk(text)
    row = fetch(pk) if pk is not None else None
    if row is None:
        errors.append(message(_shown(text)))
    return row


def _choice(args, name, allowed, message, errors, default=""):
    text = (args.get(name) or "").strip()
    if not text:
        return default
    if text not in allowed:
        errors.append(message(_shown(text)))
        return default
    return text


def _period(args, errors) -> tuple[Period, dict]:
    typed = {k: (args.get(k) or "").strip()[:40] for k in ("from", "to")}
    default = default_period()
    try:
        period = parse_period(
            typed["from"] or default.start.isoformat(), typed["to"] or default.end.isoformat()
        )
    except PeriodError as err:
        errors.append(str(err))
        return default, {"from": "", "to": ""}
    if (period.end - period.start).days >= MAX_PERIOD_DAYS:
        errors.append(_("Choose a period of at most a year."))
        return default, {"from": "", "to": ""}
    return period, typed


def parse(args, user) -> tuple[Filters, list[str]]:
    """Filters from the query string, and what was wrong with it. When
    anything is wrong the filters are the defaults: the unfiltered view."""
    errors: list[str] = []
    period, typed = _period(args, errors)
    service = _lookup(
        args,
        "service",
        lambda pk: (
            Service.select(Service.id, Service.name_en, Service.name_hi, Service.name_mr)
            .where(Service.id == pk)
            .first()
        ),
        lambda v: _("There is no service “%(value)s”.", value=v),
        errors,
    )
    office = _lookup(
        args,
        "office",
        lambda pk: (
            Office.select(Office.id, Office.name_en, Office.name_local)
            .where(office_condition(user) & (Office.id == pk))
            .first()
        ),
        lambda v: _("There is no office “%(value)s” in your area.", value=v),
        errors,
    )
    block = _lookup(
        args,
        "block",
        lambda pk: (
            Block.select(Block.id, Block.name_en, Block.name_local)
            .where(block_condition(user) & (Block.id == pk))
            .first()
        ),
        lambda v: _("There is no block “%(value)s” in your area.", value=v),
        errors,
    )
    tehsil = _lookup(
        args,
        "tehsil",
        lambda pk: (
            Tehsil.select(Tehsil.id, Tehsil.name_en, Tehsil.name_local)
            .where(tehsil_condition(user) & (Tehsil.id == pk))
            .first()
        ),
        lambda v: _("There is no tehsil “%(value)s” in your area.", value=v),
        errors,
    )
    filters = Filters(
        period=period,
        service=service,
        office=office,
        block=block,
        tehsil=tehsil,
        typed=typed,
        show=_choice(
            args,
            "show",
            SHOWS,
            lambda v: _("“%(value)s” is not a list to show.", value=v),
            errors,
            "pending",
        ),
        bucket=_choice(
            args,
            "bucket",
            BUCKETS,
            lambda v: _("“%(value)s” is not an age group.", value=v),
            errors,
        ),
        status=_choice(
            args,
            "status",
            OPEN_STATUSES,
            lambda v: _("“%(value)s” is not a status of a pending application.", value=v),
            errors,
        ),
        sort=_choice(
            args,
            "sort",
            COLUMNS,
            lambda v: _("“%(value)s” is not a column to sort by.", value=v),
            errors,
            DEFAULT_SORT,
        ),
        ascending=_choice(
            args,
            "dir",
            ("asc", "desc"),
            lambda v: _("“%(value)s” is not a sort order.", value=v),
            errors,
            "desc",
        )
        == "asc",
        area=_choice(
            args,
            "area",
            AREAS,
            lambda v: _("“%(value)s” is not a way to group places.", value=v),
            errors,
            "block",
        ),
        fmt=_choice(
            args,
            "format",
            FORMATS,
            lambda v: _("“%(value)s” is not a file format: choose CSV or XLSX.", value=v),
            errors,
        ),
    )
    if filters.show != "pending":
        # Age and status describe pending applications; a form that sends
        # them along with "disposed" means no more than "disposed".
        filters = filters.without(bucket="", status="")
    if errors:
        return Filters(), errors
    return filters, []
