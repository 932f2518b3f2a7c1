"""The pendency lines of the home worklist (blueprints/home/lines.py, core/worklist.py) for
the district manager and a block or tehsil officer: open applications of
their jurisdiction past their due date and older than the one-week rule,
each a link to the pendency list filtered to them, whose rows lead to the
application (two clicks from home). The same counts as that list."""

from flask import url_for

from blueprints.pendency import listing
from blueprints.pendency.filters import parse
from core import clock
from core.worklist import Line, counted

ROLES = ("district_manager", "block_officer")


def lines(user) -> list[Line]:
    if user.role not in ROLES:
        return []
    today = clock.today_ist()
    defaults, _errors = parse({}, user)
    overdue = listing.count(user, defaults.without(bucket="overdue"), today)
    old = listing.count(user, defaults.without(bucket="over7"), today)
    found = []
    found += counted(
        overdue,
        "%(n)s application past its due date",
        "%(n)s applications past their due date",
        url_for("pendency.applications", bucket="overdue"),
        urgent=True,
    )
    found += counted(
        old,
        "%(n)s application pending over 7 days",
        "%(n)s applications pending over 7 days",
        url_for("pendency.applications", bucket="over7"),
    )
    return found
