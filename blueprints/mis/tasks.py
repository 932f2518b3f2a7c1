"""The daily reminder that tasks.py schedules: from the 3rd of the month
after, every gram panchayat that has not entered all its figures of a month,
and every block office whose month is not certified, get one SMS a day until
they do, when someone there has an account with a mobile number (the run's
record counts and names the GPs that have none). The outbox's dedupe key
(office or GP, and the IST date) makes a second run on the same day send
nothing, and the record counts it as "already"."""

import datetime as dt

import peewee as pw
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from huey import crontab

from blueprints.accounts.models import User
from blueprints.masters.models import Block, GramPanchayat, Office
from blueprints.mis import months
from blueprints.mis.models import Certification, Indicator
from blueprints.mis.services import active_indicators, complete_gps, gp_contacts
from core import clock, notify
from core.periodic import scheduled

# A month is due from this day of the month after it.
DUE_DAY = 3
# Months further back than this are no longer chased by SMS; the district's
# list still shows them.
LOOKBACK = 3


def due_months(today: dt.date) -> list[dt.date]:
    """The months whose figures are due by `today`, oldest first: those that
    have ended, from the 3rd of the month after, back to the first month any
    indicator is reported for and at most LOOKBACK months."""
    # Over every indicator: a stopped one is still due for the months it was
    # asked for (active_indicators of each month decides).
    first = Indicator.select(pw.fn.MIN(Indicator.from_month)).scalar()
    if first is None:
        return []
    if isinstance(first, str):  # SQLite hands back the text of an aggregate
        first = dt.date.fromisoformat(first)
    this_month = months.month_of(today)
    latest = months.shift(this_month, -1 if today.day >= DUE_DAY else -2)
    due = []
    for back in range(LOOKBACK):
        month = months.shift(latest, -back)
        if month < first:
            break
        due.append(month)
    return sorted(due)


def _recipients(users_query) -> dict:
    """{binding id: mobile} of the first active user with a mobile."""
    found = {}
    for binding, mobile in users_query.order_by(User.id).tuples():
        if mobile and binding not in found:
            found[binding] = mobile
    return found


# How many GPs the run record names (by code) among those it could not tell.
NAMED = 30


def send_reminders(now: dt.datetime | None = None) -> dict:
    """SMS queued to block offices and GPs (a second run of the day queues
    none: "already"), the offices with nobody to tell ("no_mobile"), and the
    GPs that get no reminder and why, the first of them named by code."""
    today = clock.today_ist(now)
    counts = {
        "offices": 0,
        "gram_panchayats": 0,
        "no_mobile": 0,
        "already": 0,
        "gps_no_account": 0,
        "gps_no_mobile": 0,
    }
    pending_blocks: dict[int, list] = {}  # block id -> months not certified
    pending_gps: dict[int, list] = {}  # GP id -> months not fully entered
    for month in due_months(today):
        ids = [i.id for i in active_indicators(month)]
        if not ids:
            continue
        certified = Certification.select(Certification.block).where(Certification.month == month)
        for (block_id,) in Block.select(Block.id).where(Block.id.not_in(certified)).tuples():
            pending_blocks.setdefault(block_id, []).append(month)
        missing = GramPanchayat.select(GramPanchayat.id).where(
            GramPanchayat.id.not_in(complete_gps(month, ids))
            & GramPanchayat.block.not_in(certified)
        )
        for (gp_id,) in missing.tuples():
            pending_gps.setdefault(gp_id, []).append(month)
    if not pending_blocks:
        return counts
    _remind_offices(pending_blocks, pending_gps, today, counts)
    _remind_gps(pending_gps, today, counts)
    return counts


def _month_list(due) -> str:
    return ", ".join(months.label(m) for m in due)


def _remind_offices(pending_blocks, pending_gps, today, counts):
    offices = list(
        Office.select(Office.id, Office.block, Office.name_en, Office.name_local).where(
            (Office.kind == "block_office") & Office.block.in_(list(pending_blocks))
        )
    )
    heads = _recipients(
        User.select(User.office, User.mobile).where(
            (User.role == "office_head")
            & User.is_active_account
            & User.office.in_([o.id for o in offices])
        ),
    )
    clerks = _recipients(
        User.select(User.office, User.mobile).where(
            (User.role == "office_user")
            & User.is_active_account
            & User.office.in_([o.id for o in offices])
        ),
    )
    gp_block = dict(GramPanchayat.select(GramPanchayat.id, GramPanchayat.block).tuples())
    for office in offices:
        mobile = heads.get(office.id) or clerks.get(office.id)
        if not mobile:
            counts["no_mobile"] += 1
            continue
        waiting = sum(1 for gp in pending_gps if gp_block.get(gp) == office.block_id)
        body = _(
            "Zila MIS: %(office)s has not certified the scheme figures of %(months)s. "
            "Gram panchayats yet to enter figures: %(n)s.",
            office=office.name,
            months=_month_list(pending_blocks[office.block_id]),
            n=waiting,
        )
        note = notify.queue("sms", mobile, body, dedupe_key=f"mis:office:{office.id}:{today}")
        counts["offices" if notify.was_queued(note) else "already"] += 1


def _remind_gps(pending_gps, today, counts):
    if not pending_gps:
        return
    staff, why = gp_contacts(list(pending_gps))
    names, codes = {}, {}
    for gp in GramPanchayat.select(
        GramPanchayat.id, GramPanchayat.code, GramPanchayat.name_en, GramPanchayat.name_local
    ).where(GramPanchayat.id.in_(list(pending_gps))):
        names[gp.id], codes[gp.id] = gp.name, gp.code
    for reason in ("no_account", "no_mobile"):
        untold = sorted(codes.get(gp_id, str(gp_id)) for gp_id, r in why.items() if r == reason)
        counts[f"gps_{reason}"] = len(untold)
        if untold:
            more = len(untold) - NAMED
            counts[f"gps_{reason}_codes"] = ", ".join(untold[:NAMED]) + (
                f" (+{more})" if more > 0 else ""
            )
    for gp_id, due in pending_gps.items():
        mobile = staff.get(gp_id)
        if not mobile:
            continue
        body = _(
            "Zila MIS: the scheme figures of %(gp)s for %(months)s are not yet entered. "
            "Please enter them on the portal.",
            gp=names.get(gp_id, ""),
            months=_month_list(due),
        )
        note = notify.queue("sms", mobile, body, dedupe_key=f"mis:gp:{gp_id}:{today}")
        counts["gram_panchayats" if notify.was_queued(note) else "already"] += 1


# 10:30 IST is 05:00 UTC (huey reads crontabs in UTC): in office hours, after
# the morning alerts. Exclusive for an hour; the dedupe keys keep one SMS a
# day per office and GP in any case.
@scheduled(
    crontab(minute="0", hour="5"),
    _l("Scheme figures (MIS): remind GPs and block offices that have not reported or certified"),
    _l("Every day at 10:30 IST, from the 3rd of the month"),
    lease_seconds=3600,
)
def mis_reminders():
    return send_reminders()
