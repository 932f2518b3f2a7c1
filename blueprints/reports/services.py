"""The user-charges report: fees collected at each CSC and the share due to
each gram panchayat over a period, from the ledger. One aggregate query per
table; money stays in paise until it is shown."""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw
from babel.numbers import format_decimal
from flask_babel import gettext as _

from blueprints.applications.models import LedgerLine
from blueprints.masters.models import Block, Csc, GramPanchayat
from core import clock
from core.access import DISTRICT_WIDE, gp_condition
from core.forms import sane_date

REPORT_ROLES = ("district_manager", "admin", "block_officer", "csc_operator")
PARTIES = ("govt", "csc", "gp", "society")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PeriodError(ValueError):
    """A date the user must correct; the message is translated."""


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day, inclusive (IST)
    end: dt.date  # last day, inclusive (IST)

    @property
    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[from, to) in naive UTC, as the ledger stores its times."""
        return clock.ist_day_start(self.start), clock.ist_day_start(self.end + dt.timedelta(days=1))

    @property
    def slug(self) -> str:
        return f"{self.start.isoformat()}-to-{self.end.isoformat()}"


def _date(text: str) -> dt.date:
    if not DATE_RE.match(text):
        raise ValueError(text)
    return sane_date(dt.date.fromisoformat(text))


def parse_period(start: str | None, end: str | None) -> Period:
    """From ?from=&to= (YYYY-MM-DD, IST); by default this month so far."""
    today = clock.today_ist()
    start, end = (start or "").strip(), (end or "").strip()
    try:
        first = _date(start) if start else today.replace(day=1)
    except ValueError:
        raise PeriodError(
            _(
                "The start date “%(text)s” is not a date. Write it as YYYY-MM-DD, "
                "for example %(example)s.",
                text=start[:20],
                example=today.isoformat(),
            )
        ) from None
    try:
        last = _date(end) if end else today
    except ValueError:
        raise PeriodError(
            _(
                "The end date “%(text)s” is not a date. Write it as YYYY-MM-DD, "
                "for example %(example)s.",
                text=end[:20],
                example=today.isoformat(),
            )
        ) from None
    if first > last:
        raise PeriodError(_("The start date is after the end date."))
    return Period(first, last)


def _scope(query, user):
    """Only the ledger lines of the user's area: the whole district, the
    block officer's GPs, or the operator's own CSC."""
    if user.role in DISTRICT_WIDE:
        return query
    if user.role == "csc_operator":
        return query.where(LedgerLine.csc == user.csc_id)
    if user.role == "block_officer":
        gps = GramPanchayat.select(GramPanchayat.id).where(gp_condition(user))
        return query.where(LedgerLine.gram_panchayat.in_(gps))
    return query.where(pw.SQL("1 = 0"))


def _party_sum(party: str):
    share = pw.Case(None, [(LedgerLine.party == party, LedgerLine.amount)], 0)
    return pw.fn.COALESCE(pw.fn.SUM(share), 0)


def _in_period(period: Period):
    first, after = period.utc_bounds
    return (LedgerLine.at >= first) & (LedgerLine.at < after)


def by_csc(user, period: Period) -> list[dict]:
    """Per CSC: applications paid, government fee and the user charge with
    its three shares, in paise."""
    query = (
        LedgerLine.select(
            Csc.id,
            Csc.code,
            Csc.name_en,
            Csc.name_local,
            pw.fn.COUNT(LedgerLine.application.distinct()).alias("applications"),
            *(_party_sum(p).alias(p) for p in PARTIES),
        )
        .join(Csc, on=(LedgerLine.csc == Csc.id))
        .where(_in_period(period))
        .group_by(Csc.id, Csc.code, Csc.name_en, Csc.name_local)
        .order_by(Csc.code)
    )
    rows = list(_scope(query, user).dicts())
    for row in rows:
        row["user_charge"] = row["csc"] + row["gp"] + row["society"]
    return rows


def by_gram_panchayat(user, period: Period) -> list[dict]:
    """Per gram panchayat: the share of the user charge due to it."""
    query = (
        LedgerLine.select(
            GramPanchayat.id,
            GramPanchayat.code,
            GramPanchayat.name_en,
            GramPanchayat.name_local,
            Block.name_en.alias("block_en"),
            Block.name_local.alias("block_local"),
            pw.fn.COUNT(LedgerLine.application.distinct()).alias("applications"),
            pw.fn.SUM(LedgerLine.amount).alias("gp"),
        )
        .join(GramPanchayat, on=(LedgerLine.gram_panchayat == GramPanchayat.id))
        .join(Block, on=(GramPanchayat.block == Block.id))
        .where(_in_period(period) & (LedgerLine.party == "gp"))
        .group_by(
            GramPanchayat.id,
            GramPanchayat.code,
            GramPanchayat.name_en,
            GramPanchayat.name_local,
            Block.name_en,
            Block.name_local,
        )
        .order_by(GramPanchayat.code)
    )
    return list(_scope(query, user).dicts())


def totals(rows: list[dict], keys) -> dict:
    return {k: sum(int(r[k]) for r in rows) for k in keys}


CSC_KEYS = ("applications", "govt", "user_charge", "csc", "gp", "society")
GP_KEYS = ("applications", "gp")


def rupees_decimal(paise: int) -> Decimal:
    return (Decimal(int(paise)) / 100).quantize(Decimal("0.01"))


def rupees(paise: int) -> str:
    """₹ with Indian grouping: 12345678 paise -> ₹1,23,456.78."""
    return "₹" + format_decimal(
        rupees_decimal(paise), format="#,##,##0.00", locale="en_IN", numbering_system="latn"
    )
