"""The inspections' periodic task: the Monday draw."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from huey import crontab

from blueprints.inspections.draw import current_week, draw_week
from core.periodic import scheduled


def weekly_draw(now: dt.datetime | None = None) -> dict:
    """Draw the current ISO week (IST) for every active inspector not yet
    drawn for it; a second run in the week adds nothing."""
    return draw_week(current_week(now), now)


# Monday 07:00 IST is 01:30 UTC (huey reads crontabs in UTC; 1 is Monday).
# Exclusive for an hour; the draw's lock and its unique keys keep one set of
# inspections a week in any case.
@scheduled(
    crontab(minute="30", hour="1", day_of_week="1"),
    _l("Weekly surprise CSC inspections: draw the week"),
    _l("Every Monday at 07:00 IST"),
    lease_seconds=3600,
)
def weekly_inspections():
    return weekly_draw()
