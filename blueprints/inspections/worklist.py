"""The inspections' lines of the home worklist (blueprints/home/lines.py, core/worklist.py).

- The district manager and a block or tehsil officer: the inspections of
  this week not yet reported, and last week's reports missing (their time
  ran out: urgent), over the inspectors of their area, as the weekly report
  they link to counts them (services.inspector_scope).
- Every inspector (a gram sevak, a clerk, an officer): their own
  inspections to make this week, and on the Monday after, last week's still
  to be filed. An inspection exists only once the week is drawn, and the
  draw is what tells the inspector (draw.draw_week): nothing here is shown
  before. No one else, not the staff of the centre's gram panchayat, ever
  sees another's inspection (services.visible_inspections).
- The CSC operator: the open instructions of their centre's filed reports,
  those past their date urgent. Never an inspection: it is a surprise.

A grouped count per line kind, over the (week) and (csc, status) indexes."""

import peewee as pw
from flask import url_for
from flask_babel import ngettext

from blueprints.inspections import services as svc
from blueprints.inspections.draw import current_week, shift_week, week_start
from blueprints.inspections.models import INSPECTOR_ROLES, Inspection, Inspector, Instruction
from core import clock
from core.i18n import indian_number
from core.worklist import Line, counted

REVIEWERS = ("district_manager", "block_officer")


def _unreported(weeks, condition) -> dict[str, int]:
    """{week: inspections not reported} of the inspectors `condition` selects."""
    return dict(
        Inspection.select(Inspection.week, pw.fn.COUNT(Inspection.id))
        .join(Inspector)
        .where(Inspection.week.in_(weeks) & (Inspection.status == "scheduled") & condition)
        .group_by(Inspection.week)
        .tuples()
    )


def _area_lines(user, this_week, last_week, today) -> list[Line]:
    counts = _unreported([this_week, last_week], svc.inspector_scope(user))
    due, missing = counts.get(this_week, 0), counts.get(last_week, 0)
    found = []
    # Last week's reports may still be filed on the Monday after (report_deadline).
    if missing and today > svc.report_deadline(Inspection(week_start=week_start(last_week))):
        found.append(
            Line(
                ngettext(
                    "%(n)s inspection report missing for last week",
                    "%(n)s inspection reports missing for last week",
                    missing,
                    n=indian_number(missing),
                ),
                url_for("inspections.weekly", week=last_week),
                missing,
                urgent=True,
            )
        )
    found += counted(
        due,
        "%(n)s inspection due this week in your area",
        "%(n)s inspections due this week in your area",
        url_for("inspections.weekly"),
    )
    return found


def _own_lines(user, this_week, last_week, today) -> list[Line]:
    counts = _unreported([this_week, last_week], Inspector.user == user.id)
    due, late = counts.get(this_week, 0), counts.get(last_week, 0)
    found = []
    if late and today <= svc.report_deadline(Inspection(week_start=week_start(last_week))):
        found.append(
            Line(
                ngettext(
                    "%(n)s report of last week's inspection to file today",
                    "%(n)s reports of last week's inspections to file today",
                    late,
                    n=indian_number(late),
                ),
                url_for("inspections.index", week=last_week),
                late,
            )
        )
    found += counted(
        due,
        "%(n)s centre for you to inspect this week",
        "%(n)s centres for you to inspect this week",
        url_for("inspections.index"),
    )
    return found


def _instruction_lines(user, today) -> list[Line]:
    late = pw.fn.SUM(pw.Case(None, [(Instruction.due_date < today, 1)], 0))
    total, overdue = (
        Instruction.select(pw.fn.COUNT(Instruction.id), late)
        .where((Instruction.csc == user.csc_id) & (Instruction.status == "open"))
        .tuples()
        .get()
    )
    total, overdue = int(total or 0), int(overdue or 0)
    url = url_for("inspections.instructions")
    found = []
    found += counted(
        overdue,
        "%(n)s instruction from an inspection past its date",
        "%(n)s instructions from inspections past their date",
        url,
        urgent=True,
    )
    found += counted(
        total - overdue,
        "%(n)s open instruction from an inspection",
        "%(n)s open instructions from inspections",
        url,
    )
    return found


def lines(user) -> list[Line]:
    today = clock.today_ist()
    if user.role == "csc_operator":
        return _instruction_lines(user, today) if user.csc_id else []
    if user.role not in INSPECTOR_ROLES:
        return []
    this_week = current_week()
    last_week = shift_week(this_week, -1)
    found = []
    if user.role in REVIEWERS:
        found += _area_lines(user, this_week, last_week, today)
    return found + _own_lines(user, this_week, last_week, today)
