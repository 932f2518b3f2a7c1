"""The body of the Monday task that tasks.py schedules."""

import datetime as dt

from blueprints.inspections.draw import current_week, draw_week


def weekly_draw(now: dt.datetime | None = None) -> dict:
    """Draw the current ISO week (IST) for every active inspector not yet
    drawn for it; a second run in the week adds nothing."""
    return draw_week(current_week(now), now)
