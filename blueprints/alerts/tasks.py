"""The alerts' periodic task: the morning digests."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from huey import crontab

from core import clock
from core.periodic import scheduled


def digests(now: dt.datetime | None = None) -> dict:
    """The morning digests for today (IST) by the portal's clock."""
    from blueprints.alerts.services import send_digests

    return send_digests(clock.today_ist(now))


# 08:00 IST is 02:30 UTC (huey reads crontabs in UTC). Exclusive for up to an
# hour; the alert records' unique key stops a second send in any case.
@scheduled(
    crontab(minute="30", hour="2"),
    _l("Morning alerts: applications near or past their service level"),
    _l("Every day at 08:00 IST"),
    lease_seconds=3600,
)
def morning_alerts():
    return digests()
