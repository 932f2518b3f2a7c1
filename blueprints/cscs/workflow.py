"""What may happen to a CSC, by whom: the status changes (each one
transaction that writes the status, the proposal, an append-only history row
and an audit event, or nothing at all), a new centre proposed, and the
registry's details edited."""

import datetime as dt
from dataclasses import dataclass

import peewee as pw
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from blueprints.cscs.models import CscProposal, CscStatusChange
from blueprints.cscs.services import (
    DECIDER_ROLES,
    MANAGER_ROLES,
    Refused,
    is_opening_approved,
    open_proposal,
    parse_pk,
    pending_count,
    pick,
)
from blueprints.masters.models import Block, Csc, GramPanchayat, Village
from core import audit, clock
from core.access import gp_condition
from core.db import is_postgres, write_transaction
from core.i18n import indian_date

REASON_MAX = 500


# --- status changes -------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    name: str
    label: object
    change: str
    from_statuses: tuple
    to_status: str | None  # None: the status stays
    roles: tuple
    # What must hold beyond the status: "opening_pending", "opening_approved",
    # "no_proposal" or "closure" (a closure proposal is open).
    needs: str = ""


ACTIONS = {
    a.name: a
    for a in (
        Action(
            "approve_opening",
            _l("Approve the opening"),
            "opening_approved",
            ("proposed",),
            None,
            DECIDER_ROLES,
            "opening_pending",
        ),
        Action(
            "open",
            _l("Record the opening"),
            "opened",
            ("proposed",),
            "active",
            DECIDER_ROLES,
            "opening_approved",
        ),
        Action(
            "reject_opening",
            _l("Reject the proposal"),
            "opening_rejected",
            ("proposed",),
            "closed",
            DECIDER_ROLES,
        ),
        Action("suspend", _l("Suspend"), "suspended", ("active",), "suspended", DECIDER_ROLES),
        Action(
            "reactivate", _l("Reactivate"), "reactivated", ("suspended",), "active", DECIDER_ROLES
        ),
        Action(
            "propose_closure",
            _l("Propose closure"),
            "closure_proposed",
            ("active", "suspended"),
            None,
            MANAGER_ROLES,
            "no_proposal",
        ),
        Action(
            "approve_closure",
            _l("Approve the closure"),
            "closure_approved",
            ("active", "suspended"),
            "closed",
            DECIDER_ROLES,
            "closure",
        ),
        Action(
            "reject_closure",
            _l("Reject the closure"),
            "closure_rejected",
            ("active", "suspended"),
            None,
            DECIDER_ROLES,
            "closure",
        ),
    )
}


def _needs_met(action: Action, proposal: CscProposal | None, approved: bool) -> bool:
    if action.needs == "opening_pending":
        return not approved
    if action.needs == "opening_approved":
        return approved
    if action.needs == "no_proposal":
        return proposal is None
    if action.needs == "closure":
        return proposal is not None and proposal.kind == "close"
    return True


def allowed_actions(csc: Csc, user, proposal: CscProposal | None, approved: bool) -> list[Action]:
    return [
        a
        for a in ACTIONS.values()
        if user.role in a.roles
        and csc.status in a.from_statuses
        and _needs_met(a, proposal, approved)
    ]


def _person(user) -> str:
    if user is None:
        return "—"
    return pick(user.full_name, user.full_name_local)


def _needs_refusal(action: Action, proposal: CscProposal | None) -> str:
    if action.needs == "opening_pending":
        return _("The opening of this CSC is already approved.")
    if action.needs == "opening_approved":
        return _("The opening must be approved by the district manager first.")
    if action.needs == "no_proposal":
        if proposal is None:
            return _("A closure of this CSC is already proposed.")
        return _(
            "A closure of this CSC was already proposed on %(day)s by %(name)s. "
            "The district manager must approve or reject it first.",
            day=indian_date(proposal.proposed_at),
            name=_person(proposal.proposed_by),
        )
    return _("No closure is proposed for this CSC.")


def _lock(csc_id: int) -> Csc:
    """The CSC, re-read inside the write transaction. PostgreSQL locks the
    row; SQLite's IMMEDIATE transaction already holds the write lock."""
    query = Csc.select().where(Csc.id == csc_id)
    if is_postgres():
        query = query.for_update()
    return query.get()


@dataclass
class Change:
    action: str
    reason: str
    opened_on: dt.date | None = None
    acknowledged: bool = False
    pending_seen: int | None = None


def change_status(csc_id: int, user, change: Change) -> CscStatusChange:
    """Do one action on a CSC, or refuse with nothing written.

    Raises Refused(403) for a role that may not take the action, and
    Refused(409 or 400) for a change not possible now or incomplete."""
    action = ACTIONS.get(change.action)
    if action is None:
        raise Refused(_("That is not an action on a CSC."), 400)
    if user.role not in action.roles:
        raise Refused(_("Your role may not do this: %(action)s.", action=action.label), 403)
    reason = (change.reason or "").strip()
    if not reason:
        raise Refused(_("Write the reason for this change."), 400)
    if len(reason) > REASON_MAX:
        raise Refused(_("Use at most %(max)d characters.", max=REASON_MAX), 400)
    with write_transaction():
        csc = _lock(csc_id)
        if csc.status not in action.from_statuses:
            raise Refused(
                _(
                    "This CSC is now “%(status)s”: “%(action)s” is not possible from that status.",
                    status=csc.status_label,
                    action=action.label,
                )
            )
        proposal = open_proposal(csc.id)
        approved = is_opening_approved(csc.id)
        if not _needs_met(action, proposal, approved):
            raise Refused(_needs_refusal(action, proposal))
        if (
            action.name in ("approve_opening", "approve_closure")
            and proposal is not None
            and proposal.proposed_by_id == user.id
        ):
            raise Refused(
                _("You proposed this yourself: another district manager must approve it."), 403
            )
        pending = None
        if action.name == "approve_closure":
            pending = pending_count(csc.id)
            if pending and not change.acknowledged:
                raise Refused(
                    ngettext(
                        "This CSC has %(num)s pending application. Look at the list and tick "
                        "“I have seen the %(num)s pending application” before approving the "
                        "closure.",
                        "This CSC has %(num)s pending applications. Look at the list and tick "
                        "“I have seen the %(num)s pending applications” before approving the "
                        "closure.",
                        pending,
                    ),
                    400,
                )
            if pending and change.pending_seen != pending:
                raise Refused(
                    _(
                        "The number of pending applications is now %(n)s, not the %(seen)s you "
                        "saw. Look at the list again before approving the closure.",
                        n=pending,
                        seen=change.pending_seen if change.pending_seen is not None else 0,
                    )
                )
        opened_on = None
        if action.name == "open":
            opened_on = change.opened_on or clock.today_ist()
            if opened_on > clock.today_ist():
                raise Refused(_("The date cannot be in the future."), 400)
        return _apply(csc, action, user, reason, proposal, pending, opened_on)


def _apply(csc, action, user, reason, proposal, pending, opened_on) -> CscStatusChange:
    now = clock.now()
    new_status = action.to_status or csc.status
    updates = {}
    if new_status != csc.status:
        updates[Csc.status] = new_status
    if opened_on is not None:
        updates[Csc.opened_on] = opened_on
    if updates:
        done = Csc.update(updates).where((Csc.id == csc.id) & (Csc.status == csc.status)).execute()
        if done != 1:  # pragma: no cover - the row lock makes this a can't-happen
            raise Refused(_("Someone changed this CSC just now. Look at it again."))
    decided = {"decided_by": user.id, "decided_at": now, "decision_reason": reason}
    if action.name == "approve_opening":
        if proposal is not None:
            CscProposal.update(state="approved", **decided).where(
                CscProposal.id == proposal.id
            ).execute()
        else:  # a centre proposed before the registry kept proposals
            CscProposal.create(csc=csc.id, kind="open", state="approved", **decided)
    elif action.name == "reject_opening" and proposal is not None:
        CscProposal.update(state="rejected", **decided).where(
            CscProposal.id == proposal.id
        ).execute()
    elif action.name == "propose_closure":
        try:
            with write_transaction():
                CscProposal.create(csc=csc.id, kind="close", reason=reason, proposed_by=user.id)
        except pw.IntegrityError as err:
            raise Refused(_needs_refusal(action, open_proposal(csc.id))) from err
    elif action.name in ("approve_closure", "reject_closure"):
        state = "approved" if action.name == "approve_closure" else "rejected"
        CscProposal.update(state=state, **decided).where(CscProposal.id == proposal.id).execute()
    row = CscStatusChange.create(
        csc=csc.id,
        at=now,
        actor=user.id,
        change=action.change,
        from_status=csc.status,
        to_status=new_status,
        reason=reason,
        pending_applications=pending,
    )
    detail = {"reason": reason, "from": csc.status, "to": new_status}
    if pending is not None:
        detail["pending_acknowledged"] = pending
    if opened_on is not None:
        detail["opened_on"] = opened_on.isoformat()
    audit.record(f"csc.{action.change}", "csc", csc.id, actor=user, **detail)
    return row


# --- a new centre, and the registry's details -------------------------------------


def gp_in_scope(user, code: str) -> GramPanchayat | None:
    code = (code or "").strip().upper()
    if not code:
        return None
    return (
        GramPanchayat.select(GramPanchayat, Block)
        .join(Block)
        .where((GramPanchayat.code == code) & gp_condition(user))
        .first()
    )


def gp_by_id(user, text) -> GramPanchayat | None:
    pk = parse_pk(str(text or ""))
    if pk is None:
        return None
    return (
        GramPanchayat.select(GramPanchayat, Block)
        .join(Block)
        .where((GramPanchayat.id == pk) & gp_condition(user))
        .first()
    )


def villages_of(gp_id: int) -> list[Village]:
    return list(
        Village.select(Village.id, Village.name_en, Village.name_local, Village.code)
        .where(Village.gram_panchayat == gp_id)
        .order_by(Village.name_en)
    )


def code_taken(code: str, except_id: int | None = None) -> bool:
    query = Csc.select().where(Csc.code == code)
    if except_id is not None:
        query = query.where(Csc.id != except_id)
    return query.exists()


REGISTRY_FIELDS = (
    "operator_name",
    "operator_mobile",
    "operator_email",
    "connectivity",
    "equipment",
)


def propose_new(user, gp: GramPanchayat, values: dict, reason: str) -> Csc:
    """A new centre in the pipeline: status "proposed" with an open opening
    proposal. One proposal at a time per gram panchayat."""
    if user.role not in MANAGER_ROLES:
        message = _("Your role may not do this: %(action)s.", action=_("Propose a new CSC"))
        raise Refused(message, 403)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Write the reason for this change."), 400)
    with write_transaction():
        waiting = (
            Csc.select(Csc.code)
            .where((Csc.gram_panchayat == gp.id) & (Csc.status == "proposed"))
            .first()
        )
        if waiting is not None:
            raise Refused(
                _(
                    "A CSC (%(code)s) is already proposed in this gram panchayat. "
                    "Decide on it before proposing another.",
                    code=waiting.code,
                )
            )
        if code_taken(values["code"]):
            raise Refused(_("Another CSC already has the code %(code)s.", code=values["code"]))
        now = clock.now()
        csc = Csc.create(gram_panchayat=gp.id, status="proposed", **values)
        CscProposal.create(
            csc=csc.id, kind="open", reason=reason, proposed_by=user.id, proposed_at=now
        )
        CscStatusChange.create(
            csc=csc.id,
            at=now,
            actor=user.id,
            change="proposed",
            from_status="",
            to_status="proposed",
            reason=reason,
        )
        audit.record("csc.proposed", "csc", csc.id, actor=user, reason=reason, code=csc.code)
    return csc


def update_details(csc: Csc, user, values: dict) -> dict:
    """Write the registry's details; returns {field: [before, after]} of what
    changed (recorded in the audit history)."""
    changes = {}
    for name, value in values.items():
        before = getattr(csc, name)
        if (before or None) != (value or None):
            changes[name] = [
                before.isoformat() if isinstance(before, dt.date) else before,
                value.isoformat() if isinstance(value, dt.date) else value,
            ]
    if not changes:
        return changes
    with write_transaction():
        if "code" in changes and code_taken(values["code"], except_id=csc.id):
            raise Refused(_("Another CSC already has the code %(code)s.", code=values["code"]))
        Csc.update({getattr(Csc, name): values[name] for name in changes}).where(
            Csc.id == csc.id
        ).execute()
        audit.record("csc.updated", "csc", csc.id, actor=user, changes=changes)
    return changes
