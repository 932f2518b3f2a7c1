"""The alerts sent about applications near or past their service level."""

import json

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import POSTS, User
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel
from core.notify import Notification

ALERT_STATUSES = {
    "queued": _l("Told"),
    "could_not_tell": _l("Could not be told"),
}
ALERT_REASONS = {
    "": "",
    "no_mobile": _l("no mobile number"),
    "no_email": _l("no email address"),
    "vacant": _l("no one holds the charge"),
}


class AlertRecord(BaseModel):
    """One person told (or not) on one day, over one channel, about the
    applications of one office. The day's digest of a person is the set of
    their records of that day and channel, sent as one message.

    `key` is the uniqueness rule: day, recipient (a user, or the vacant
    post), office and channel. A second run, or a concurrent one, fails to
    insert the same key and so sends nothing."""

    key = pw.CharField(max_length=120, unique=True)
    day = pw.DateField()
    user = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    post = pw.CharField(max_length=20)
    # The block or tehsil of a vacant post; the user's charge otherwise.
    place_id = pw.IntegerField(null=True)
    office = pw.ForeignKeyField(Office, on_delete="RESTRICT")
    channel = pw.CharField(max_length=5, default="")  # sms | email | "" (vacant)
    status = pw.CharField(max_length=16)  # queued | could_not_tell
    reason = pw.CharField(max_length=12, default="")
    warnings = pw.IntegerField(default=0)
    breaches = pw.IntegerField(default=0)
    # Primary keys of the applications in this office's part of the digest.
    application_ids = pw.TextField(default="[]")
    notification = pw.ForeignKeyField(Notification, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "alert_record"
        indexes = ((("office", "day"), False), (("day", "user"), False))

    @property
    def ids(self) -> list[int]:
        return json.loads(self.application_ids or "[]")

    @property
    def post_label(self):
        return POSTS.get(self.post, self.post)

    @property
    def status_label(self):
        return ALERT_STATUSES.get(self.status, self.status)

    @property
    def reason_label(self):
        return ALERT_REASONS.get(self.reason, self.reason)


MODELS = (AlertRecord,)
