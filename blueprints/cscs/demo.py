"""Demo registry data for the demo district's CSCs: operators, connectivity,
equipment, opening dates, a status history for every centre, the pipeline's
proposals (some approved) and a few closures proposed for inactive centres.
Deterministic (seeded) and bulk-inserted; run after the demo applications so
that "inactive" is what those applications make it."""

import datetime as dt
import random

from blueprints.accounts.models import User
from blueprints.cscs.models import CscProposal, CscStatusChange
from blueprints.cscs.services import activity_window, inactive_condition
from blueprints.masters.models import Block, Csc, GramPanchayat
from core import clock
from core.db import db

BATCH = 500
FIRST = ["Amol", "Sunita", "Ganesh", "Kavita", "Sachin", "Manisha", "Vitthal", "Rekha", "Nitin"]
LAST = ["Patil", "Jadhav", "Shinde", "Pawar", "Kale", "Gaikwad", "Wagh", "More", "Sonawane"]
CONNECTIVITY = {"fibre": 22, "broadband": 18, "4g": 38, "3g": 12, "2g": 6, "none": 4}
EQUIPMENT = (
    "1 computer, 1 laser printer, biometric device, UPS",
    "2 computers, 1 inkjet printer, scanner, biometric device, UPS, webcam",
    "1 laptop, 1 printer (not working), biometric device",
    "1 computer, 1 thermal printer, iris scanner, UPS, webcam",
)
# Closures proposed by the demo block officer for this many inactive centres
# of the demo block, so the closure workflow has something to decide.
CLOSURES_PROPOSED = 3


def _at(day: dt.date, hour: int = 11) -> dt.datetime:
    """11:00 IST on `day`, as naive UTC."""
    return clock.from_ist(dt.datetime.combine(day, dt.time(hour)))


def _insert(model, rows):
    for i in range(0, len(rows), BATCH):
        model.insert_many(rows[i : i + BATCH]).execute()


def seed_demo(echo=print) -> int:
    """Fill the registry of every demo CSC; returns the history rows made.
    Does nothing when a history exists already."""
    if CscStatusChange.select().exists():
        return 0
    rng = random.Random(2031)
    today = clock.today_ist()
    users = {u.username: u.id for u in User.select(User.id, User.username)}
    collector, cdo = users.get("collector"), users.get("cdo")
    bdo = users.get("bdo.paithan")
    demo_block = Block.select(Block.id).where(Block.code == "BL-PTN").scalar()
    kinds, weights = zip(*CONNECTIVITY.items(), strict=True)
    cscs = list(
        Csc.select(Csc.id, Csc.status, GramPanchayat.block.alias("block_id"))
        .join(GramPanchayat)
        .order_by(Csc.code)
        .objects()
    )
    history, proposals = [], []
    with db.atomic():
        for csc in cscs:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            fields = {
                "operator_name": name if csc.status != "proposed" or rng.random() < 0.5 else "",
                "operator_mobile": f"97{rng.randint(10**7, 10**8 - 1)}",
                "operator_email": f"vle{csc.id}@example.in" if rng.random() < 0.3 else "",
                "connectivity": rng.choices(kinds, weights)[0],
                "equipment": rng.choice(EQUIPMENT),
            }
            opened = None
            if csc.status != "proposed":
                # Most opened years ago; one in forty in the last three weeks.
                back = rng.randint(1, 20) if rng.random() < 0.025 else rng.randint(90, 3600)
                opened = today - dt.timedelta(days=back)
                fields["opened_on"] = opened
            Csc.update(fields).where(Csc.id == csc.id).execute()
            if csc.status == "proposed":
                proposed_on = today - dt.timedelta(days=rng.randint(5, 120))
                approved = rng.random() < 0.4
                reason = "No CSC in this gram panchayat; requested by the gram sabha."
                history.append(_row(csc.id, proposed_on, bdo, "proposed", "", "proposed", reason))
                proposal = {
                    "csc": csc.id,
                    "kind": "open",
                    "state": "open",
                    "reason": reason,
                    "proposed_by": bdo,
                    "proposed_at": _at(proposed_on),
                }
                if approved:
                    decided = proposed_on + dt.timedelta(days=rng.randint(2, 4))
                    proposal.update(
                        state="approved",
                        decided_by=collector,
                        decided_at=_at(decided, 15),
                        decision_reason="Approved in the e-governance review.",
                    )
                    history.append(
                        _row(
                            csc.id,
                            decided,
                            collector,
                            "opening_approved",
                            "proposed",
                            "proposed",
                            "Approved in the e-governance review.",
                        )
                    )
                proposals.append(proposal)
                continue
            history.append(
                _row(
                    csc.id,
                    opened,
                    None,
                    "recorded",
                    "",
                    "active",
                    "From the DSP's list of centres.",
                )
            )
            if csc.status == "suspended":
                day = today - dt.timedelta(days=rng.randint(10, 60))
                reason = "Overcharging complaints found at a surprise inspection."
                history.append(
                    _row(csc.id, day, collector, "suspended", "active", "suspended", reason)
                )
            elif csc.status == "closed":
                day = today - dt.timedelta(days=rng.randint(30, 300))
                reason = "Not functional: the operator has left the village."
                history.append(
                    _row(csc.id, day, bdo, "closure_proposed", "active", "active", reason)
                )
                history.append(
                    _row(
                        csc.id,
                        day + dt.timedelta(days=3),
                        cdo,
                        "closure_approved",
                        "active",
                        "closed",
                        "Confirmed by the block officer's visit.",
                        pending=0,
                    )
                )
        _insert(CscStatusChange, history)
        _insert(CscProposal, proposals)
        closing = _propose_closures(demo_block, bdo, today)
    echo(
        f"  CSC registry: {len(history) + closing} history rows, "
        f"{len(proposals) + closing} proposals"
    )
    return len(history) + closing


def _row(csc_id, day, actor, change, from_status, to_status, reason, pending=None) -> dict:
    return {
        "csc": csc_id,
        "at": _at(day),
        "actor": actor,
        "change": change,
        "from_status": from_status,
        "to_status": to_status,
        "reason": reason,
        "pending_applications": pending,
    }


def _propose_closures(block_id, proposer, today) -> int:
    """Closures proposed for a few inactive centres of the demo block."""
    if block_id is None:
        return 0
    window = activity_window()
    inactive = list(
        Csc.select(Csc.id)
        .join(GramPanchayat)
        .where((GramPanchayat.block == block_id) & inactive_condition(window))
        .order_by(Csc.code)
        .limit(CLOSURES_PROPOSED)
    )
    reason = "No application for over a month; the centre was found shut twice."
    day = today - dt.timedelta(days=1)
    for csc in inactive:
        CscProposal.create(
            csc=csc.id, kind="close", reason=reason, proposed_by=proposer, proposed_at=_at(day)
        )
        CscStatusChange.create(
            **_row(csc.id, day, proposer, "closure_proposed", "active", "active", reason)
        )
    return len(inactive)
