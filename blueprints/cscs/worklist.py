"""The registry's lines of the home worklist (blueprints/home/lines.py, core/worklist.py) for
the district manager, who decides: CSC closures proposed and new centres
proposed, each waiting for a decision, each a link to the registry list
filtered to them. Two counts (CscProposal's open closures; the CSCs in the
"proposed" stage of the list's own filter)."""

from flask import url_for

from blueprints.cscs.models import CscProposal
from blueprints.cscs.services import DECIDER_ROLES, stage_condition
from blueprints.masters.models import Csc
from core.worklist import Line, counted


def lines(user) -> list[Line]:
    if user.role not in DECIDER_ROLES:
        return []
    # At most one open proposal per CSC (migration 008): a count of centres.
    closures = (
        CscProposal.select()
        .where((CscProposal.kind == "close") & (CscProposal.state == "open"))
        .count()
    )
    openings = Csc.select().where(stage_condition("proposed")).count()
    found = []
    found += counted(
        closures,
        "%(n)s CSC closure waiting for your decision",
        "%(n)s CSC closures waiting for your decision",
        url_for("cscs.index", closing="1"),
    )
    found += counted(
        openings,
        "%(n)s new CSC proposed, waiting for your decision",
        "%(n)s new CSCs proposed, waiting for your decision",
        url_for("cscs.index", status="proposed"),
    )
    return found
