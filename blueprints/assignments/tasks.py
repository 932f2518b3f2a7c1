"""The daily task-reminder run, registered with tasks.py's @scheduled
(tasks.py imports this module at its end)."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core.periodic import scheduled


# 09:00 IST is 03:30 UTC (huey reads crontabs in UTC): before offices open,
# after the 08:00 alerts. Exclusive for an hour; the (employee, day) dedupe
# key keeps one SMS a day per employee in any case.
@scheduled(
    crontab(minute="30", hour="3"),
    _l("Task reminders: one SMS a day to each employee with a task due"),
    _l("Every day at 09:00 IST"),
    lease_seconds=3600,
)
def task_reminders():
    from blueprints.assignments.reminders import send_reminders

    return send_reminders()
