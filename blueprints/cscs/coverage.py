"""Gram panchayat coverage by block, the worklist of uncovered gram
panchayats and the proposal-to-opening pipeline.

A gram panchayat is
- *covered* when at least one of its CSCs is active and working (not
  inactive, see services.inactive_condition);
- *covered by an inactive CSC only* when it has active CSCs but every one is
  inactive;
- *uncovered* when none of its CSCs is active (a proposed, suspended or
  closed centre serves nobody), or it has none at all.

Each table is one query over the user's area, whatever its size."""

import datetime as dt
from dataclasses import dataclass, fields

import peewee as pw
from flask_babel import gettext as _

from blueprints.cscs.services import (
    OPENED_RECENTLY_DAYS,
    PAGE_SIZE,
    Window,
    opening_approved,
    pick,
    scoped_block,
    shown,
    working_condition,
)
from blueprints.masters.models import Block, Csc, GramPanchayat
from core.access import gp_condition

COUNT_KEYS = ("gps", "working", "inactive_only", "uncovered", "proposed", "approved", "opened")
# How the worklist may be ordered: largest population first is the default,
# as a new centre serves most people there.
SORTS = ("-population", "population", "name")


@dataclass
class BlockCoverage:
    id: int | None
    code: str
    name_en: str
    name_local: str
    gps: int = 0
    working: int = 0
    inactive_only: int = 0
    uncovered: int = 0
    proposed: int = 0
    approved: int = 0
    opened: int = 0

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_local)

    @property
    def counts(self) -> dict:
        return {key: getattr(self, key) for key in COUNT_KEYS}


@dataclass
class Coverage:
    blocks: list[BlockCoverage]
    total: BlockCoverage
    opened_since: dt.date


def _sum_flag(condition):
    return pw.fn.SUM(pw.Case(None, [(condition, 1)], 0))


def coverage(user, window: Window) -> Coverage:
    """Per block of the user's area: GPs covered, covered by an inactive CSC
    only, uncovered; and the pipeline. Two queries."""
    in_area = GramPanchayat.select(GramPanchayat.id).where(gp_condition(user))
    per_gp = (
        Csc.select(
            Csc.gram_panchayat.alias("gp_id"),
            pw.fn.MAX(pw.Case(None, [(Csc.status == "active", 1)], 0)).alias("has_active"),
            pw.fn.MAX(pw.Case(None, [(working_condition(window), 1)], 0)).alias("has_working"),
        )
        .where(Csc.gram_panchayat.in_(in_area))
        .group_by(Csc.gram_panchayat)
        .alias("per_gp")
    )
    has_active = pw.fn.COALESCE(per_gp.c.has_active, 0)
    has_working = pw.fn.COALESCE(per_gp.c.has_working, 0)
    gp_rows = (
        GramPanchayat.select(
            Block.id,
            Block.code,
            Block.name_en,
            Block.name_local,
            pw.fn.COUNT(GramPanchayat.id).alias("gps"),
            _sum_flag(has_working == 1).alias("working"),
            _sum_flag((has_active == 1) & (has_working == 0)).alias("inactive_only"),
        )
        .join(Block)
        .switch(GramPanchayat)
        .join(per_gp, pw.JOIN.LEFT_OUTER, on=(per_gp.c.gp_id == GramPanchayat.id))
        .where(gp_condition(user))
        .group_by(Block.id, Block.code, Block.name_en, Block.name_local)
        .order_by(Block.name_en)
        .dicts()
    )
    blocks = {}
    for r in gp_rows:
        gps, working, inactive = int(r["gps"]), int(r["working"] or 0), int(r["inactive_only"] or 0)
        blocks[r["id"]] = BlockCoverage(
            r["id"],
            r["code"],
            r["name_en"],
            r["name_local"],
            gps=gps,
            working=working,
            inactive_only=inactive,
            uncovered=gps - working - inactive,
        )
    opened_since = window.today - dt.timedelta(days=OPENED_RECENTLY_DAYS)
    approved = opening_approved()
    pipeline = (
        Csc.select(
            GramPanchayat.block.alias("block_id"),
            _sum_flag((Csc.status == "proposed") & ~approved).alias("proposed"),
            _sum_flag((Csc.status == "proposed") & approved).alias("approved"),
            _sum_flag((Csc.status != "proposed") & (Csc.opened_on >= opened_since)).alias("opened"),
        )
        .join(GramPanchayat)
        .where(gp_condition(user) & ((Csc.status == "proposed") | (Csc.opened_on >= opened_since)))
        .group_by(GramPanchayat.block)
        .dicts()
    )
    for r in pipeline:
        block = blocks.get(r["block_id"])
        if block is not None:
            block.proposed = int(r["proposed"] or 0)
            block.approved = int(r["approved"] or 0)
            block.opened = int(r["opened"] or 0)
    rows = list(blocks.values())
    total = BlockCoverage(None, "", _("Total"), _("Total"))
    for f in fields(BlockCoverage):
        if f.name in COUNT_KEYS:
            setattr(total, f.name, sum(getattr(b, f.name) for b in rows))
    return Coverage(rows, total, opened_since)


# --- the worklist of uncovered gram panchayats ----------------------------------


@dataclass(frozen=True)
class WorklistFilters:
    block: Block | None = None
    sort: str = "-population"
    fmt: str = ""

    def args(self) -> dict:
        args = {"block": self.block.id if self.block else None}
        if self.sort != "-population":
            args["sort"] = self.sort
        return {k: v for k, v in args.items() if v}


def parse_worklist_args(args, user) -> tuple[WorklistFilters, list[str]]:
    errors: list[str] = []
    block = scoped_block(user, args.get("block", ""), errors)
    sort = (args.get("sort") or "").strip() or "-population"
    if sort not in SORTS:
        message = _("“%(value)s” is not an order this list can be sorted in.", value=shown(sort))
        errors.append(message)
        sort = "-population"
    fmt = (args.get("format") or "").strip()
    if fmt and fmt not in ("csv", "xlsx"):
        errors.append(_("“%(value)s” is not a download format.", value=shown(fmt)))
        fmt = ""
    return WorklistFilters(block, sort, fmt), errors


@dataclass
class UncoveredGp:
    id: int
    code: str
    name_en: str
    name_local: str
    population: int | None
    block_en: str
    block_local: str
    in_pipeline: bool

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_local)

    @property
    def block_name(self) -> str:
        return pick(self.block_en, self.block_local)


def _uncovered_conditions(user, filters: WorklistFilters) -> list:
    active_here = pw.fn.EXISTS(
        Csc.select(pw.SQL("1")).where(
            (Csc.gram_panchayat == GramPanchayat.id) & (Csc.status == "active")
        )
    )
    conditions = [gp_condition(user), ~active_here]
    if filters.block is not None:
        conditions.append(GramPanchayat.block == filters.block.id)
    return conditions


def _uncovered_query(user, filters: WorklistFilters):
    proposed_here = pw.fn.EXISTS(
        Csc.select(pw.SQL("1")).where(
            (Csc.gram_panchayat == GramPanchayat.id) & (Csc.status == "proposed")
        )
    )
    tie = (GramPanchayat.name_en, GramPanchayat.id)
    if filters.sort == "name":
        order = tie
    elif filters.sort == "population":
        order = (GramPanchayat.population.asc(nulls="LAST"), *tie)
    else:
        order = (GramPanchayat.population.desc(nulls="LAST"), *tie)
    return (
        GramPanchayat.select(
            GramPanchayat.id,
            GramPanchayat.code,
            GramPanchayat.name_en,
            GramPanchayat.name_local,
            GramPanchayat.population,
            Block.name_en.alias("block_en"),
            Block.name_local.alias("block_local"),
            pw.Case(None, [(proposed_here, 1)], 0).alias("in_pipeline"),
        )
        .join(Block)
        .where(*_uncovered_conditions(user, filters))
        .order_by(*order)
    )


def _to_gp(d: dict) -> UncoveredGp:
    return UncoveredGp(
        d["id"],
        d["code"],
        d["name_en"],
        d["name_local"],
        d["population"],
        d["block_en"],
        d["block_local"],
        bool(d["in_pipeline"]),
    )


def uncovered_page(user, filters: WorklistFilters, page: int):
    rows = [
        _to_gp(d)
        for d in _uncovered_query(user, filters)
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
        .dicts()
    ]
    total = (
        GramPanchayat.select(pw.fn.COUNT(GramPanchayat.id))
        .join(Block)
        .where(*_uncovered_conditions(user, filters))
        .scalar()
    )
    return rows[:PAGE_SIZE], total, len(rows) > PAGE_SIZE


def uncovered_rows(user, filters: WorklistFilters) -> list[UncoveredGp]:
    return [_to_gp(d) for d in _uncovered_query(user, filters).dicts()]
