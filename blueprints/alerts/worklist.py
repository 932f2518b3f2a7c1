"""The alerts' line of the home worklist (blueprints/home/lines.py, core/worklist.py) for the
district manager: this morning's alerts (the records of today, IST), how
many offices they were about and how many people or vacant posts could not
be told, a link to the pendency dashboard's "who was told" table. One
grouped query over the (day, user) index."""

import peewee as pw
from flask import url_for
from flask_babel import ngettext

from blueprints.alerts.models import AlertRecord
from core import clock
from core.i18n import indian_number
from core.worklist import Line, counted


def lines(user) -> list[Line]:
    if user.role != "district_manager":
        return []
    told = pw.fn.SUM(pw.Case(None, [(AlertRecord.status == "queued", 1)], 0))
    # One row per person (or vacant post) told today: reached over a channel or not.
    rows = list(
        AlertRecord.select(AlertRecord.office, told)
        .where(AlertRecord.day == clock.today_ist())
        .group_by(AlertRecord.office, AlertRecord.user, AlertRecord.post, AlertRecord.place_id)
        .tuples()
    )
    if not rows:
        return []
    url = url_for("pendency.dashboard", _anchor="alerts")
    offices = len({office for office, _told in rows})
    untold = sum(1 for _office, reached in rows if not reached)
    found = [
        Line(
            ngettext(
                "This morning's alerts: %(n)s office with applications late or due soon",
                "This morning's alerts: %(n)s offices with applications late or due soon",
                offices,
                n=indian_number(offices),
            ),
            url,
            offices,
        )
    ]
    found += counted(
        untold,
        "%(n)s alert this morning could not be delivered",
        "%(n)s alerts this morning could not be delivered",
        url,
    )
    return found
