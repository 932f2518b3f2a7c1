"""The employee register's line of the home worklist
(blueprints/home/lines.py, core/worklist.py) for the establishment: the employees who reach
superannuation this month (IST) and are not yet marked retired, a link to
the retirements list (by date, so this month's come first). One count over
the retires_on index."""

from flask import url_for
from flask_babel import ngettext

from blueprints.employees.register import ESTABLISHMENT, retirements_due
from core import clock
from core.i18n import indian_number
from core.worklist import Line


def lines(user) -> list[Line]:
    if user.role != ESTABLISHMENT:
        return []
    # Within one month of today: up to the first of the next month.
    retiring = retirements_due(clock.today_ist(), 1).count()
    if not retiring:
        return []
    return [
        Line(
            ngettext(
                "%(n)s employee retires this month",
                "%(n)s employees retire this month",
                retiring,
                n=indian_number(retiring),
            ),
            url_for("employees.retirements"),
            retiring,
        )
    ]
