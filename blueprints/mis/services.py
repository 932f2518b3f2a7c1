"""Who may enter, certify and correct figures; reading and saving a gram
panchayat's month; certifying a block's month.

Entering: a gram panchayat's staff (gp_staff) for their own GP, and the
users of a block office (panchayat samiti: office_user, office_head) for the
GPs of their block. Certifying: the head of the block office, for the whole
block and month, every scheme at once (one signature a month, as the
monthly MIS return is signed today). Once certified a month is locked: only
the block office head or the district may correct a figure, with a reason,
as a new entry that supersedes the old one."""

import datetime as dt
import re

import peewee as pw
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from blueprints.accounts.models import User
from blueprints.masters.models import Block, GramPanchayat
from blueprints.mis import months
from blueprints.mis.models import Certification, Entry, Indicator
from blueprints.schemes.models import Scheme
from core import audit, clock
from core.access import DISTRICT_WIDE, gp_condition
from core.db import write_transaction

VIEW_ROLES = (
    "gp_staff",
    "office_user",
    "office_head",
    "block_officer",
    "district_manager",
    "admin",
)
ENTRY_ROLES = ("gp_staff", "office_user", "office_head")
DISTRICT = tuple(sorted(DISTRICT_WIDE))
REASON_MAX = 300


class MisError(Exception):
    """A refusal the user can act on; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# --- who may do what ---------------------------------------------------------


def block_office_block_id(user) -> int | None:
    """The block of a block office (panchayat samiti) user, else None."""
    if user.role in ("office_user", "office_head") and user.office_id:
        office = user.office
        if office.kind == "block_office" and office.block_id:
            return office.block_id
    return None


def may_enter(user, gp) -> bool:
    if user.role == "gp_staff":
        return user.gram_panchayat_id == gp.id
    return block_office_block_id(user) == gp.block_id


def may_certify(user, block_id: int) -> bool:
    return user.role == "office_head" and block_office_block_id(user) == block_id


def may_correct(user, block_id: int) -> bool:
    return user.role in DISTRICT_WIDE or may_certify(user, block_id)


def visible_gps(user):
    return GramPanchayat.select().where(gp_condition(user))


def visible_blocks(user):
    return Block.select().where(
        Block.id.in_(GramPanchayat.select(GramPanchayat.block).where(gp_condition(user)))
    )


# --- indicators and figures -----------------------------------------------------


def active_indicators(month: dt.date, scheme_id: int | None = None) -> list[Indicator]:
    """The indicators reported for `month`, scheme by scheme, in form order:
    those asked for that month, including one stopped since."""
    query = (
        Indicator.select(Indicator, Scheme)
        .join(Scheme)
        .where(
            (Indicator.from_month <= month)
            & (Indicator.until_month.is_null() | (Indicator.until_month >= month))
        )
    )
    if scheme_id is not None:
        query = query.where(Indicator.scheme == scheme_id)
    return list(query.order_by(Scheme.code, Indicator.position, Indicator.id))


def schemes_of(indicators) -> list[Scheme]:
    seen = {}
    for indicator in indicators:
        seen.setdefault(indicator.scheme_id, indicator.scheme)
    return list(seen.values())


def current_entries(gp_id: int, month: dt.date) -> dict[int, Entry]:
    rows = Entry.select().where(
        (Entry.gram_panchayat == gp_id) & (Entry.month == month) & Entry.is_current
    )
    return {row.indicator_id: row for row in rows}


def certification_of(block_id: int, month: dt.date) -> Certification | None:
    return (
        Certification.select(Certification, User)
        .join(User)
        .where((Certification.block == block_id) & (Certification.month == month))
        .first()
    )


def history(gp_id: int, month: dt.date):
    """Every figure ever given for the GP and month, newest first."""
    return (
        Entry.select(Entry, Indicator, Scheme, User)
        .join(Indicator)
        .join(Scheme)
        .switch(Entry)
        .join(User)
        .where((Entry.gram_panchayat == gp_id) & (Entry.month == month))
        .order_by(Entry.entered_at.desc(), Entry.id.desc())
    )


# --- parsing a form ------------------------------------------------------------

NUMBER = re.compile(r"\d+")


def _number(raw: str, indicator: Indicator) -> tuple[int | None, str | None]:
    text = raw.replace(",", "").replace(" ", "")
    if text.startswith("-") and NUMBER.fullmatch(text[1:]):
        return None, _("A figure cannot be negative.")
    if not NUMBER.fullmatch(text):
        return None, _("Enter a whole number, such as 25, without letters or decimals.")
    value = int(text) if len(text) <= 18 else None
    if value is None or value > indicator.max_monthly:
        return None, _(
            "More than a gram panchayat can report in a month (at most %(max)s). "
            "Check for an extra zero.",
            max=f"{indicator.max_monthly:,}",
        )
    return value, None


def parse_figures(indicators, form) -> tuple[dict[int, tuple[int, int]], dict[str, str]]:
    """{indicator id: (target, achievement)} of the filled rows, and errors by
    field name (t<id>, a<id>). A row left wholly blank is not reported yet."""
    values, errors = {}, {}
    for indicator in indicators:
        pair = []
        for prefix in ("t", "a"):
            name = f"{prefix}{indicator.id}"
            pair.append((name, (form.get(name) or "").strip()))
        if not pair[0][1] and not pair[1][1]:
            continue
        parsed = []
        for name, raw in pair:
            if not raw:
                errors[name] = _("Enter both the target and the achievement, or neither.")
                continue
            value, error = _number(raw, indicator)
            if error:
                errors[name] = error
            parsed.append(value)
        if len(parsed) == 2 and None not in parsed:
            values[indicator.id] = (parsed[0], parsed[1])
    if not values and not errors:
        errors["form"] = _("Enter at least one figure.")
    return values, errors


# --- saving ----------------------------------------------------------------------


def locked_message(gp, month) -> str:
    return _(
        "The figures of %(month)s are certified and locked. Ask the head of the "
        "panchayat samiti for a correction.",
        month=months.label(month),
    )


def save_figures(gp, month, values: dict, actor, reason: str = "", now=None) -> int:
    """Store the changed figures as new current entries, superseding the old
    ones; returns how many changed. On a certified month only a correction
    (with a reason, by someone who may correct) is taken. All or nothing."""
    reason = (reason or "").strip()
    now = now or clock.now()
    try:
        with write_transaction():
            certified = certification_of(gp.block_id, month) is not None
            if certified and not may_correct(actor, gp.block_id):
                raise MisError(locked_message(gp, month), 409)
            if certified and not reason:
                raise MisError(_("Give the reason for the correction."))
            if len(reason) > REASON_MAX:
                raise MisError(_("Use at most %(max)d characters.", max=REASON_MAX))
            changed = _supersede(gp, month, values, actor, reason, certified, now)
            if changed and certified:
                audit.record(
                    "mis.corrected",
                    "gram_panchayat",
                    gp.id,
                    actor=actor,
                    month=months.key(month),
                    figures=changed,
                    reason=reason,
                )
    except pw.IntegrityError as err:
        # Two saves of the same GP and month at once: the index kept one.
        raise MisError(
            _("These figures were saved by someone else just now. Check them and save again."),
            409,
        ) from err
    return changed


def _supersede(gp, month, values, actor, reason, certified, now) -> int:
    current = current_entries(gp.id, month)
    changed = 0
    for indicator_id, (target, achievement) in values.items():
        old = current.get(indicator_id)
        if old is not None and (old.target, old.achievement) == (target, achievement):
            continue
        if old is not None:
            Entry.update(is_current=False).where(Entry.id == old.id).execute()
        Entry.create(
            indicator=indicator_id,
            gram_panchayat=gp.id,
            month=month,
            target=target,
            achievement=achievement,
            supersedes=old.id if old is not None else None,
            kind="correction" if certified else "entry",
            reason=reason,
            entered_by=actor.id,
            entered_at=now,
        )
        changed += 1
    return changed


# --- reporting and certifying -------------------------------------------------

# Why a gram panchayat gets no SMS reminder: the reminder goes to the first
# active GP staff account of the GP that has a mobile number.
NOT_TOLD = {
    "no_account": _l("No staff account of the gram panchayat"),
    "no_mobile": _l("Its staff account has no mobile number"),
}


def gp_contacts(gp_ids) -> tuple[dict[int, str], dict[int, str]]:
    """({GP id: mobile the reminder goes to}, {GP id: why none, a NOT_TOLD
    key}) for the GPs of `gp_ids` (a list or a subquery of ids), in one query."""
    mobiles, accounts = {}, set()
    rows = (
        User.select(User.gram_panchayat, User.mobile)
        .where((User.role == "gp_staff") & User.is_active_account & User.gram_panchayat.in_(gp_ids))
        .order_by(User.id)
        .tuples()
    )
    for gp_id, mobile in rows:
        accounts.add(gp_id)
        if mobile and gp_id not in mobiles:
            mobiles[gp_id] = mobile
    ids = gp_ids if isinstance(gp_ids, list | set | tuple) else [i for (i,) in gp_ids.tuples()]
    why = {
        gp_id: ("no_mobile" if gp_id in accounts else "no_account")
        for gp_id in ids
        if gp_id not in mobiles
    }
    return mobiles, why


def untold_gps(user, month: dt.date, indicator_ids: list[int], limit: int = 100):
    """The GPs of the user's area that are chased for `month` (not every
    figure entered, block not certified) but get no SMS, with the reason:
    (count, [(GP, block name, reason label)] of at most `limit`)."""
    certified = Certification.select(Certification.block).where(Certification.month == month)
    chased = GramPanchayat.select(GramPanchayat.id).where(
        gp_condition(user)
        & GramPanchayat.id.not_in(complete_gps(month, indicator_ids))
        & GramPanchayat.block.not_in(certified)
    )
    _mobiles, why = gp_contacts(chased)
    gps = (
        GramPanchayat.select(GramPanchayat, Block)
        .join(Block)
        .where(GramPanchayat.id.in_(list(why)))
        .order_by(Block.name_en, GramPanchayat.name_en, GramPanchayat.id)
        .limit(limit)
        if why
        else []
    )
    return len(why), [(gp, gp.block.name, NOT_TOLD[why[gp.id]]) for gp in gps]


def complete_gps(month: dt.date, indicator_ids: list[int]):
    """Subquery: the GPs with a current figure of every indicator of the month."""
    return (
        Entry.select(Entry.gram_panchayat)
        .where((Entry.month == month) & Entry.is_current & Entry.indicator.in_(indicator_ids))
        .group_by(Entry.gram_panchayat)
        .having(pw.fn.COUNT(Entry.id) >= len(indicator_ids))
    )


def missing_count(block_id: int, month: dt.date, indicator_ids: list[int]) -> int:
    query = GramPanchayat.select().where(GramPanchayat.block == block_id)
    if indicator_ids:
        query = query.where(GramPanchayat.id.not_in(complete_gps(month, indicator_ids)))
    return query.count()


def certify(block, month: dt.date, actor, now=None) -> Certification:
    """The block office head certifies the block's month for every scheme."""
    if not may_certify(actor, block.id):
        raise MisError(_("Only the head of this block's panchayat samiti may certify."), 403)
    if month >= months.current_month(now):
        raise MisError(_("A month can be certified only after it has ended."), 409)
    indicator_ids = [i.id for i in active_indicators(month)]
    if not indicator_ids:
        raise MisError(_("No scheme reports figures for this month."), 409)
    with write_transaction():
        if certification_of(block.id, month) is not None:
            raise MisError(_("This month is already certified."), 409)
        missing = missing_count(block.id, month, indicator_ids)
        if missing:
            raise MisError(
                ngettext(
                    "%(num)d gram panchayat has not entered all its figures for this "
                    "month. A month is certified when every one has.",
                    "%(num)d gram panchayats have not entered all their figures for this "
                    "month. A month is certified when every one has.",
                    missing,
                ),
                409,
            )
        certification = Certification.create(
            block=block.id, month=month, certified_by=actor.id, certified_at=now or clock.now()
        )
        audit.record("mis.certified", "block", block.id, actor=actor, month=months.key(month))
    return certification


# --- indicators -------------------------------------------------------------------


def add_indicator(scheme_id, code, names, unit, max_monthly, from_month, actor) -> Indicator:
    name_en, name_hi, name_mr = (n.strip() for n in names)
    with write_transaction():
        if (
            Indicator.select()
            .where((Indicator.scheme == scheme_id) & (Indicator.code == code))
            .exists()
        ):
            raise MisError(_("This scheme already has an indicator with this code."), 409)
        position = (
            Indicator.select(pw.fn.MAX(Indicator.position))
            .where(Indicator.scheme == scheme_id)
            .scalar()
            or 0
        )
        indicator = Indicator.create(
            scheme=scheme_id,
            code=code,
            name_en=name_en,
            name_hi=name_hi,
            name_mr=name_mr,
            unit=unit,
            max_monthly=max_monthly,
            position=position + 1,
            from_month=from_month,
        )
        audit.record("mis.indicator_added", "mis_indicator", indicator.id, actor=actor, code=code)
    return indicator


def set_indicator_active(indicator, active: bool, actor, now=None) -> dt.date | None:
    """Retiring an indicator stops asking for it from the month being
    reported now (last month), unless a block has already certified that
    month with it; the figures of every month up to the last one asked for
    stay in the roll-ups. Returns that last month (None when asked again)."""
    until = None
    if not active:
        until = months.reporting_month(now)
        if not Certification.select().where(Certification.month == until).exists():
            until = months.shift(until, -1)
    with write_transaction():
        Indicator.update(is_active=active, until_month=until).where(
            Indicator.id == indicator.id
        ).execute()
        action = "mis.indicator_resumed" if active else "mis.indicator_retired"
        extra = {} if until is None else {"until": months.key(until)}
        audit.record(action, "mis_indicator", indicator.id, actor=actor, **extra)
    return until
