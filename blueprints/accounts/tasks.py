"""The accounts' periodic task: old session rows and sign-in counts go."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from huey import crontab

from core.periodic import scheduled


# 03:00 IST is 21:30 UTC (huey reads crontabs in UTC), when nobody signs in.
@scheduled(
    crontab(minute="30", hour="21"),
    _l("Sign-in records: drop old sessions and spent lock-outs"),
    _l("Every day at 03:00 IST"),
    lease_seconds=3600,
)
def sweep_sign_in_records():
    from blueprints.accounts import sessions, throttle

    return {
        "sessions": sessions.sweep(current_app.config["SESSION_KEEP_DAYS"]),
        "throttles": throttle.sweep(),
    }
