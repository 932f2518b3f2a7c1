"""Who holds which charge, the district's holidays, the alerts sent about
applications near or past their service level."""

import json

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.masters.models import Block, Office, Tehsil
from core.db import BaseModel, utcnow
from core.notify import Notification

# A post is told, not a person: whoever holds its charge on the day.
# post -> what it is attached to ("office", "block", "tehsil" or None).
POSTS = {
    "desk": _l("Desk"),
    "office_head": _l("Office head"),
    "bdo": _l("Block development officer (BDO)"),
    "sdm": _l("SDM / tehsildar"),
    "district_manager": _l("District manager"),
}
POST_PLACE = {
    "desk": "office",
    "office_head": "office",
    "bdo": "block",
    "sdm": "tehsil",
    "district_manager": None,
}
# The more senior post wins when one person holds two for the same office.
POST_RANK = {post: rank for rank, post in enumerate(POSTS)}

CHARGE_REASONS = {
    "regular": _l("Regular charge"),
    "additional": _l("Additional charge"),
    "leave": _l("Leave substitute"),
}


class ChargeAssignment(BaseModel):
    """Who holds a post from one date to another (both inclusive; no end:
    until further orders). Ended by setting to_date, never deleted, so the
    history of who held what stays."""

    post = pw.CharField(max_length=20, choices=list(POSTS.items()))
    office = pw.ForeignKeyField(Office, null=True, on_delete="RESTRICT")
    block = pw.ForeignKeyField(Block, null=True, on_delete="RESTRICT")
    tehsil = pw.ForeignKeyField(Tehsil, null=True, on_delete="RESTRICT")
    user = pw.ForeignKeyField(User, backref="charges", on_delete="RESTRICT")
    reason = pw.CharField(max_length=12, default="regular", choices=list(CHARGE_REASONS.items()))
    # A leave substitute stands in for this person; none: for every holder.
    instead_of = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    from_date = pw.DateField()
    to_date = pw.DateField(null=True)
    note = pw.CharField(max_length=200, default="")
    created_by = pw.ForeignKeyField(User, null=True, on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=utcnow)

    class Meta:
        table_name = "charge_assignment"
        indexes = ((("post", "from_date"), False),)

    @property
    def post_label(self):
        return POSTS.get(self.post, self.post)

    @property
    def reason_label(self):
        return CHARGE_REASONS.get(self.reason, self.reason)

    @property
    def place_id(self):
        kind = POST_PLACE.get(self.post)
        return getattr(self, f"{kind}_id") if kind else None


class Holiday(BaseModel):
    """A district holiday: a service counted in working days skips it."""

    date = pw.DateField(unique=True)
    name_en = pw.CharField(max_length=120)
    name_local = pw.CharField(max_length=120, default="")

    @property
    def name(self) -> str:
        from core.i18n import current_language

        if current_language() != "en" and self.name_local:
            return self.name_local
        return self.name_en


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
    created_at = pw.DateTimeField(default=utcnow)

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


MODELS = (ChargeAssignment, Holiday, AlertRecord)
