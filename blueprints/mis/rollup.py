"""Roll-ups of a month's figures: gram panchayat → block → district, with the
share of the target achieved, and the reporting status of every block.

A GP has reported a month when it has a current figure of every indicator
of that month (all schemes); a block's month is done when certified. Each
function is a fixed number of queries, whatever the number of rows."""

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from blueprints.accounts.models import User
from blueprints.masters.models import Block, GramPanchayat, Office
from blueprints.mis.models import Certification, Entry
from blueprints.mis.services import complete_gps
from core.access import gp_condition
from core.db import page_of

GP_PAGE = 50


@dataclass
class Cell:
    target: int = 0
    achievement: int = 0
    gps: int = 0  # GPs that gave this figure

    @property
    def share(self) -> float | None:
        """Achievement as a percentage of the target; None without a target."""
        if not self.target:
            return None
        return 100.0 * self.achievement / self.target

    def add(self, other: "Cell") -> None:
        self.target += other.target
        self.achievement += other.achievement
        self.gps += other.gps


@dataclass
class Row:
    id: int | None
    name: str
    code: str = ""
    gps: int = 0  # GPs in the row's area (1 for a GP)
    reported: int = 0  # of them, those with every figure of the month
    cells: dict = field(default_factory=dict)  # indicator id -> Cell
    certified: Certification | None = None
    office: str = ""  # the block office, for the reminders list

    def cell(self, indicator_id: int) -> Cell:
        return self.cells.get(indicator_id) or Cell()

    @property
    def missing(self) -> int:
        return self.gps - self.reported


def _sums(where, group, month, indicator_ids) -> dict:
    """{(group value, indicator id): Cell} of the current figures."""
    if not indicator_ids:
        return {}
    query = (
        Entry.select(
            group,
            Entry.indicator,
            pw.fn.SUM(Entry.target),
            pw.fn.SUM(Entry.achievement),
            pw.fn.COUNT(Entry.id),
        )
        .join(GramPanchayat, on=(Entry.gram_panchayat == GramPanchayat.id))
        .where(
            (Entry.month == month) & Entry.is_current & Entry.indicator.in_(indicator_ids) & where
        )
        .group_by(group, Entry.indicator)
    )
    return {
        (key, ind): Cell(int(t or 0), int(a or 0), int(n)) for key, ind, t, a, n in query.tuples()
    }


def block_rows(user, month: dt.date, shown_ids: list[int], all_ids: list[int]):
    """One row per block of the user's area, and the total (the district, or
    the user's area). Sums of the indicators shown; reporting over all."""
    area = gp_condition(user)
    blocks = (
        Block.select(
            Block.id,
            Block.code,
            Block.name_en,
            Block.name_local,
            pw.fn.COUNT(GramPanchayat.id).alias("gps"),
        )
        .join(GramPanchayat, on=(GramPanchayat.block == Block.id))
        .where(area)
        .group_by(Block.id, Block.code, Block.name_en, Block.name_local)
        .order_by(Block.name_en)
    )
    sums = _sums(area, GramPanchayat.block, month, shown_ids)
    reported = {}
    if all_ids:
        reported = dict(
            GramPanchayat.select(GramPanchayat.block, pw.fn.COUNT(GramPanchayat.id))
            .where(area & GramPanchayat.id.in_(complete_gps(month, all_ids)))
            .group_by(GramPanchayat.block)
            .tuples()
        )
    certified = {
        c.block_id: c
        for c in Certification.select(Certification, User)
        .join(User)
        .where(Certification.month == month)
    }
    offices = {
        o.block_id: o.name
        for o in Office.select(Office.block, Office.name_en, Office.name_local).where(
            (Office.kind == "block_office") & Office.block.is_null(False)
        )
    }
    rows, total = [], Row(None, "")
    for block in blocks:
        row = Row(
            block.id,
            block.name,
            block.code,
            gps=block.gps,
            reported=reported.get(block.id, 0),
            certified=certified.get(block.id),
            office=offices.get(block.id, ""),
        )
        for ind in shown_ids:
            row.cells[ind] = sums.get((block.id, ind), Cell())
            total.cells.setdefault(ind, Cell()).add(row.cells[ind])
        total.gps += row.gps
        total.reported += row.reported
        rows.append(row)
    return rows, total


def _gp_query(user, block_id: int, month, all_ids, missing_only: bool):
    query = (
        GramPanchayat.select(
            GramPanchayat.id, GramPanchayat.code, GramPanchayat.name_en, GramPanchayat.name_local
        )
        .where((GramPanchayat.block == block_id) & gp_condition(user))
        .order_by(GramPanchayat.name_en, GramPanchayat.id)
    )
    if missing_only and all_ids:
        query = query.where(GramPanchayat.id.not_in(complete_gps(month, all_ids)))
    return query


def gp_rows(user, block_id, month, shown_ids, all_ids, page=None, missing_only=False):
    """The GPs of a block (one page of them, or all when page is None), each
    with its figures; has_next says whether another page follows."""
    query = _gp_query(user, block_id, month, all_ids, missing_only)
    if page is None:
        gps, has_next = list(query), False
    else:
        gps, has_next = page_of(query, page, GP_PAGE)
    ids = [gp.id for gp in gps]
    sums = _sums(GramPanchayat.id.in_(ids), GramPanchayat.id, month, shown_ids) if ids else {}
    complete = set()
    if ids and all_ids:
        complete = {
            gp_id
            for (gp_id,) in complete_gps(month, all_ids)
            .where(Entry.gram_panchayat.in_(ids))
            .tuples()
        }
    rows = []
    for gp in gps:
        row = Row(gp.id, gp.name, gp.code, gps=1, reported=int(gp.id in complete))
        for ind in shown_ids:
            row.cells[ind] = sums.get((gp.id, ind), Cell())
        rows.append(row)
    return rows, has_next


def block_total(user, block_id, month, shown_ids, all_ids) -> Row:
    """The whole block's sums (every page), within the user's area."""
    area = (GramPanchayat.block == block_id) & gp_condition(user)
    total = Row(None, "")
    total.gps = GramPanchayat.select().where(area).count()
    if all_ids:
        total.reported = (
            GramPanchayat.select()
            .where(area & GramPanchayat.id.in_(complete_gps(month, all_ids)))
            .count()
        )
    sums = _sums(area, GramPanchayat.block, month, shown_ids)
    for ind in shown_ids:
        total.cells[ind] = sums.get((block_id, ind), Cell())
    return total
