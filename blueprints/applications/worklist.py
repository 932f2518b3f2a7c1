"""The CSC operator's lines of the home worklist (blueprints/home/lines.py, core/worklist.py):
applications sent back for documents, drafts to finish, and today's filings
and collections. Four aggregate queries over the CSC's own applications."""

import peewee as pw
from flask import url_for
from flask_babel import ngettext

from blueprints.applications.models import Application, LedgerLine
from core import clock
from core.i18n import indian_number, rupees
from core.worklist import Line, counted


def lines(user) -> list[Line]:
    if user.role != "csc_operator":
        return []
    mine = Application.select().where(Application.csc == user.csc_id)
    sent_back = mine.where(Application.status == "awaiting_documents").count()
    drafts = mine.where(Application.status == "draft").count()
    since = clock.ist_day_start(clock.today_ist())
    filed = mine.where(Application.submitted_at >= since).count()
    collected = (
        LedgerLine.select(pw.fn.COALESCE(pw.fn.SUM(LedgerLine.amount), 0))
        .where((LedgerLine.csc == user.csc_id) & (LedgerLine.at >= since))
        .scalar()
    )
    found = []
    found += counted(
        sent_back,
        "%(n)s application sent back for documents",
        "%(n)s applications sent back for documents",
        url_for("applications.index", status="awaiting_documents"),
        urgent=True,
    )
    found += counted(
        drafts,
        "%(n)s draft to finish",
        "%(n)s drafts to finish",
        url_for("applications.index", _anchor="drafts"),
    )
    found.append(
        Line(
            ngettext(
                "Filed today: %(n)s application, %(money)s collected",
                "Filed today: %(n)s applications, %(money)s collected",
                filed,
                n=indian_number(filed),
                money=rupees(collected),
            ),
            url_for("applications.index"),
            filed,
        )
    )
    return found
