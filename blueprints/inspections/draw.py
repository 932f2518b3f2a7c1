"""The weekly draw of surprise inspections.

Each active inspector gets at least their minimum of centres for the ISO
week, from the active CSCs of their block or tehsil, one per gram panchayat
while there are gram panchayats left. Centres are drawn weighted
(Efraimidis-Spirakis: the largest u ** (1 / weight)) towards those not
inspected for long, inactive ones, ones with overdue applications and ones
with complaints or open instructions. The random numbers come from a seed
made of the district's secret, the week and the inspector, so a week's draw
can be repeated (tests) but not guessed from outside.

A week is drawn once: the unique keys (week, centre) and (week, inspector,
slot), a WeeklyDraw row per inspector and a lock (SQLite's write lock, a
PostgreSQL advisory lock) make a second run, or a run on another consumer at
the same moment, find the week drawn and do nothing. An inspector added
during the week is drawn by the next run, from the centres still free."""

import datetime as dt
import hashlib
import json
import random
import zlib
from dataclasses import dataclass, field

import peewee as pw
from flask import current_app

from blueprints.applications.models import Application
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.inspections.models import (
    COMPLAINT_ITEMS,
    Inspection,
    Inspector,
    Instruction,
    WeeklyDraw,
)
from blueprints.masters.models import Block, Csc, GramPanchayat
from core import clock
from core.db import db, is_postgres, write_transaction

DEFAULT_PER_WEEK = 2
# Findings of overcharging or documents kept count as complaints this long.
COMPLAINT_DAYS = 180


# --- weeks ------------------------------------------------------------------


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def current_week(now: dt.datetime | None = None) -> str:
    return week_of(clock.today_ist(now))


def parse_week(text: str) -> str | None:
    """'2026-W47' (as an <input type=week> sends it), or None."""
    text = (text or "").strip().upper()
    if len(text) != 8 or text[4:6] != "-W" or not (text[:4] + text[6:]).isdigit():
        return None
    try:
        dt.date.fromisocalendar(int(text[:4]), int(text[6:]), 1)
    except ValueError:
        return None
    return text


def week_start(week: str) -> dt.date:
    return dt.date.fromisocalendar(int(week[:4]), int(week[6:]), 1)


def shift_week(week: str, weeks: int) -> str:
    return week_of(week_start(week) + dt.timedelta(weeks=weeks))


# --- weights ----------------------------------------------------------------


@dataclass
class Centre:
    id: int
    gp_id: int
    block_id: int
    tehsil_id: int
    weight: float = 1.0
    reasons: list = field(default_factory=list)


def weigh(
    last_inspected: dt.date | None,
    inactive: bool,
    overdue: int,
    complaints: int,
    as_of: dt.date,
) -> tuple[float, list[str]]:
    """A centre's weight in the draw (1 for a centre with nothing against
    it, inspected last week) and the reasons that raised it."""
    weight, reasons = 1.0, []
    if last_inspected is None:
        weight += 4
        reasons.append("never")
    else:
        # Up to +4 as the last inspection recedes towards three months.
        weight += min((as_of - last_inspected).days / 7, 12) / 3
    if inactive:
        weight += 3
        reasons.append("inactive")
    if overdue:
        weight += min(overdue, 10) / 2
        reasons.append("overdue")
    if complaints:
        weight += min(complaints, 5)
        reasons.append("complaints")
    return weight, reasons


def centres(as_of: dt.date) -> dict[int, Centre]:
    """Every active CSC of the district, weighted as of a day (the week's
    Monday, so that a week's draw depends on the week, not on the hour)."""
    midnight = clock.ist_day_start(as_of)
    rows = (
        Csc.select(Csc.id, Csc.gram_panchayat, GramPanchayat.block, Block.tehsil)
        .join(GramPanchayat)
        .join(Block)
        .where(Csc.status == "active")
        .order_by(Csc.id)
        .tuples()
    )
    found = {cid: Centre(cid, gp, block, tehsil) for cid, gp, block, tehsil in rows}
    if not found:
        return found
    last_inspected = dict(
        Inspection.select(Inspection.csc, pw.fn.MAX(Inspection.week_start))
        .where((Inspection.status == "reported") & (Inspection.week_start < as_of))
        .group_by(Inspection.csc)
        .tuples()
    )
    # The registry's own rule, so that "inactive" means the same on every page.
    from blueprints.cscs.services import activity_window, inactive_condition

    window = activity_window(midnight)
    inactive = {cid for (cid,) in Csc.select(Csc.id).where(inactive_condition(window)).tuples()}
    overdue = dict(
        Application.select(Application.csc, pw.fn.COUNT(Application.id))
        .where(Application.status.in_(OPEN_STATUSES) & (Application.due_date < as_of))
        .group_by(Application.csc)
        .tuples()
    )
    complaints = dict(
        Instruction.select(Instruction.csc, pw.fn.COUNT(Instruction.id))
        .where(
            (Instruction.status == "open")
            | (
                Instruction.item.in_(COMPLAINT_ITEMS)
                & (Instruction.created_at > midnight - dt.timedelta(days=COMPLAINT_DAYS))
            )
        )
        .group_by(Instruction.csc)
        .tuples()
    )
    for cid, centre in found.items():
        last = last_inspected.get(cid)
        if isinstance(last, str):  # SQLite hands back MAX() of a date as text
            last = dt.date.fromisoformat(last)
        centre.weight, centre.reasons = weigh(
            last, cid in inactive, overdue.get(cid, 0), complaints.get(cid, 0), as_of
        )
    return found


# --- choosing ---------------------------------------------------------------


def seed_for(week: str, inspector_id: int) -> int:
    secret = current_app.config.get("INSPECTION_SEED") or current_app.config["SECRET_KEY"]
    digest = hashlib.sha256(f"{secret}:{week}:{inspector_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def choose(candidates: list[Centre], n: int, seed: int) -> list[Centre]:
    """n centres, weighted, one per gram panchayat while there are any."""
    rng = random.Random(seed)
    keyed = [(rng.random() ** (1 / c.weight), c) for c in sorted(candidates, key=lambda c: c.id)]
    keyed.sort(key=lambda kc: (-kc[0], kc[1].id))
    picked, gps = [], set()
    for _key, centre in keyed:
        if len(picked) < n and centre.gp_id not in gps:
            picked.append(centre)
            gps.add(centre.gp_id)
    for _key, centre in keyed:
        if len(picked) < n and centre not in picked:
            picked.append(centre)
    return picked


def in_area(centre: Centre, inspector: Inspector) -> bool:
    if inspector.block_id:
        return centre.block_id == inspector.block_id
    return centre.tehsil_id == inspector.tehsil_id


def per_week(inspector: Inspector) -> int:
    if inspector.min_per_week:
        return inspector.min_per_week
    return int(current_app.config.get("INSPECTIONS_PER_WEEK", DEFAULT_PER_WEEK))


def _lock_id(week: str) -> int:
    return zlib.crc32(f"zila-inspections:{week}".encode())


def draw_week(week: str, now: dt.datetime | None = None, notify: bool = True) -> dict:
    """Draw `week` for every active inspector not yet drawn for it; tell
    each newly drawn inspector by SMS. Returns counts for the task's record."""
    now = now or clock.now()
    start = week_start(week)
    drawn: list[int] = []
    scheduled = 0
    try:
        with write_transaction():
            if is_postgres():
                db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_lock_id(week),))
            done = {
                i
                for (i,) in WeeklyDraw.select(WeeklyDraw.inspector)
                .where(WeeklyDraw.week == week)
                .tuples()
            }
            todo = [
                i
                for i in Inspector.select()
                .where(Inspector.active == True)  # noqa: E712
                .order_by(Inspector.id)
                if i.id not in done
            ]
            if todo:
                pool = centres(start)
                taken = {
                    c
                    for (c,) in Inspection.select(Inspection.csc)
                    .where(Inspection.week == week)
                    .tuples()
                }
            for inspector in todo:
                free = [c for c in pool.values() if c.id not in taken and in_area(c, inspector)]
                required = per_week(inspector)
                picks = choose(free, required, seed_for(week, inspector.id))
                WeeklyDraw.create(
                    week=week,
                    inspector=inspector,
                    required=required,
                    scheduled=len(picks),
                    drawn_at=now,
                )
                if picks:
                    Inspection.insert_many(
                        [
                            {
                                "week": week,
                                "week_start": start,
                                "inspector": inspector.id,
                                "slot": slot,
                                "csc": centre.id,
                                "reasons_json": json.dumps(centre.reasons),
                                "created_at": now,
                            }
                            for slot, centre in enumerate(picks, start=1)
                        ]
                    ).execute()
                taken.update(c.id for c in picks)
                drawn.append(inspector.id)
                scheduled += len(picks)
    except pw.IntegrityError:
        # Another run stored this week first (the lock makes this rare): its
        # set stands and this run adds nothing.
        return {"inspectors": 0, "inspections": 0, "already": 1}
    if notify:
        from blueprints.inspections.services import tell_inspector

        for inspector_id in drawn:
            tell_inspector(week, inspector_id)
    return {"inspectors": len(drawn), "inspections": scheduled, "already": len(done)}
