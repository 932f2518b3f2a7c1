"""The directory's periodic task, registered with tasks.py's @scheduled."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core.periodic import scheduled


# Monday 10:30 IST is 05:00 UTC (huey reads crontabs in UTC). The dedupe key
# (office, ISO week, mobile) keeps it to one SMS a week however often it runs.
@scheduled(
    crontab(minute="0", hour="5", day_of_week="1"),
    _l("Directory: remind office heads who have not confirmed this quarter"),
    _l("Every Monday at 10:30 IST"),
    lease_seconds=3600,
)
def directory_confirmation_reminders():
    from blueprints.directory.services import remind_unconfirmed

    return remind_unconfirmed()
