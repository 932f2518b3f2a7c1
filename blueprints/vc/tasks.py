"""The VC meetings' periodic task, registered with tasks.py's @scheduled."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core.periodic import scheduled


# Every five minutes: a meeting entering its last hour gets its reminders
# within five minutes of the hour mark. Each invitee is claimed (reminded_at)
# before its messages are queued, and the messages carry dedupe keys, so an
# overlapping or repeated run sends nothing twice.
@scheduled(
    crontab(minute="*/5"),
    _l("VC meetings: reminders one hour before"),
    _l("Every five minutes"),
    lease_seconds=600,
)
def vc_meeting_reminders():
    from blueprints.vc.services import remind_due

    return remind_due()
