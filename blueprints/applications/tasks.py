"""The uploads' periodic task: the nightly sweep of files no row names."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core import storage
from core.periodic import scheduled


# 02:30 IST is 21:00 UTC (huey reads crontabs in UTC), when the counters are
# closed. The folder is shared: the documents of applications, the photos of
# inspections and of scheme pages (core.storage finds every row naming one).
@scheduled(
    crontab(minute="0", hour="21"),
    _l("Uploads: remove files that no document or photo uses any more"),
    _l("Every night at 02:30 IST"),
    lease_seconds=3600,
)
def sweep_uploads():
    return storage.sweep("uploads")
