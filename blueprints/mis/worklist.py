"""Scheme progress (MIS) lines of the home worklist (blueprints/home/lines.py, core/worklist.py).

- The district manager: for each month whose figures are due (tasks.due_months:
  from the 3rd of the month after, as far back as the reminders chase), the
  blocks that have not certified it, a link to mis.pending of that month.
- Gram panchayat staff: the due months their GP has not entered every figure
  of (and its block has not certified), a link to the GP's figures form of
  the oldest.

Past the 3rd a month is late, so the lines are urgent. A few queries, over
the (block, month) and (gram_panchayat, month) indexes, whatever the number
of gram panchayats."""

import datetime as dt

import peewee as pw
from flask import url_for
from flask_babel import ngettext

from blueprints.masters.models import Block, GramPanchayat
from blueprints.mis import months
from blueprints.mis.models import Certification, Entry, Indicator
from blueprints.mis.tasks import due_months
from core import clock
from core.i18n import indian_number
from core.worklist import Line


def _as_month(value) -> dt.date:
    # SQLite hands back the text of a grouped date.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _district_lines(due: list[dt.date]) -> list[Line]:
    with_gps = GramPanchayat.select(GramPanchayat.block)
    reporting = Block.select(Block.id).where(Block.id.in_(with_gps))
    blocks = reporting.count()
    certified = {
        _as_month(month): n
        for month, n in Certification.select(Certification.month, pw.fn.COUNT(Certification.id))
        .where(Certification.month.in_(due) & Certification.block.in_(reporting))
        .group_by(Certification.month)
        .tuples()
    }
    found = []
    for month in due:
        left = blocks - certified.get(month, 0)
        if left > 0:
            found.append(
                Line(
                    ngettext(
                        "%(n)s block has not certified the scheme figures of %(month)s",
                        "%(n)s blocks have not certified the scheme figures of %(month)s",
                        left,
                        n=indian_number(left),
                        month=months.label(month),
                    ),
                    url_for("mis.pending", month=months.key(month)),
                    left,
                    urgent=True,
                )
            )
    return found


def _gp_lines(gp_id: int, due: list[dt.date]) -> list[Line]:
    active = Indicator.select(Indicator.from_month).where(Indicator.is_active)
    starts = [_as_month(m) for (m,) in active.tuples()]
    asked = {month: sum(1 for start in starts if start <= month) for month in due}
    entered = {
        _as_month(month): n
        for month, n in Entry.select(Entry.month, pw.fn.COUNT(Entry.id))
        .join(Indicator)
        .where(
            (Entry.gram_panchayat == gp_id)
            & Entry.month.in_(due)
            & Entry.is_current
            & Indicator.is_active
            & (Indicator.from_month <= Entry.month)
        )
        .group_by(Entry.month)
        .tuples()
    }
    block = GramPanchayat.select(GramPanchayat.block).where(GramPanchayat.id == gp_id)
    certified = {
        _as_month(m)
        for (m,) in Certification.select(Certification.month)
        .where(Certification.month.in_(due) & (Certification.block == block))
        .tuples()
    }
    todo = [m for m in due if asked[m] and entered.get(m, 0) < asked[m] and m not in certified]
    if not todo:
        return []
    return [
        Line(
            ngettext(
                "%(n)s month of scheme figures to enter: %(month)s",
                "%(n)s months of scheme figures to enter, from %(month)s",
                len(todo),
                n=indian_number(len(todo)),
                month=months.label(todo[0]),
            ),
            url_for("mis.figures", gp_id=gp_id, month=months.key(todo[0])),
            len(todo),
            urgent=True,
        )
    ]


def lines(user) -> list[Line]:
    if user.role == "district_manager":
        due = due_months(clock.today_ist())
        return _district_lines(due) if due else []
    if user.role == "gp_staff" and user.gram_panchayat_id:
        due = due_months(clock.today_ist())
        return _gp_lines(user.gram_panchayat_id, due) if due else []
    return []
