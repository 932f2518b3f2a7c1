"""Video-conference rooms of the collectorate, tehsils, blocks and
municipalities; their faults; the DM's and CDO's review meetings, who was
invited (a room, so a post: the SDM's, BDO's or chief officer's), who joined,
and the action points that follow (each a task of the task reminders)."""

import peewee as pw
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import User
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import clock
from core.db import BaseModel

ROOM_STATUSES = {"working": _l("Working"), "faulty": _l("Faulty")}

# Who a meeting invites "by kind": the room of every office of that kind.
# SDMs and tehsildars sit in the tehsil office, BDOs in the panchayat samiti,
# chief officers (EOs) in the municipal office.
INVITE_KINDS = {
    "sdm": (_l("All SDMs and tehsildars"), "tehsil_office"),
    "bdo": (_l("All BDOs"), "block_office"),
    "eo": (_l("All municipal chief officers (EOs)"), "municipal_office"),
}

MEETING_STATUSES = {
    "scheduled": _l("Scheduled"),
    "held": _l("Held"),
    "cancelled": _l("Cancelled"),
}

ACTION_STATUSES = {"open": _l("Open"), "closed": _l("Closed")}


class VcRoom(BaseModel):
    """A room with VC equipment. `status` and `faulty_since` mirror the open
    fault (VcFault), kept in the same transaction, so that lists need no join."""

    office = pw.ForeignKeyField(Office, backref="vc_rooms", on_delete="RESTRICT")
    name_en = pw.CharField(max_length=120)
    name_local = pw.CharField(max_length=120, default="")
    equipment = pw.CharField(max_length=300, default="")
    bridge_number = pw.CharField(max_length=20, default="")
    meeting_code = pw.CharField(max_length=40, default="")
    join_link = pw.CharField(max_length=300, default="")
    sip_address = pw.CharField(max_length=120, default="")
    contact_user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    contact_name = pw.CharField(max_length=120, default="")
    contact_mobile = pw.CharField(max_length=10, default="")
    contact_email = pw.CharField(max_length=120, default="")
    status = pw.CharField(max_length=8, default="working", choices=list(ROOM_STATUSES.items()))
    faulty_since = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "vc_room"

    @property
    def name(self) -> str:
        from flask_babel import get_locale

        locale = get_locale()
        if locale is not None and locale.language != "en" and self.name_local:
            return self.name_local
        return self.name_en

    @property
    def status_label(self):
        return ROOM_STATUSES.get(self.status, self.status)


class VcFault(BaseModel):
    room = pw.ForeignKeyField(VcRoom, backref="faults", on_delete="RESTRICT")
    reported_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    reported_at = pw.DateTimeField(default=clock.now)
    description = pw.CharField(max_length=500)
    closed_at = pw.DateTimeField(null=True)
    closed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    close_remark = pw.CharField(max_length=300, default="")

    class Meta:
        table_name = "vc_fault"
        indexes = ((("room", "closed_at"), False),)


class VcMeeting(BaseModel):
    title = pw.CharField(max_length=200)
    agenda = pw.TextField(default="")
    starts_at = pw.DateTimeField(index=True)  # naive UTC
    ends_at = pw.DateTimeField()
    host_room = pw.ForeignKeyField(VcRoom, backref="+", on_delete="RESTRICT")
    organiser = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    status = pw.CharField(
        max_length=10, default="scheduled", choices=list(MEETING_STATUSES.items())
    )
    minutes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=clock.now)

    class Meta:
        table_name = "vc_meeting"

    @property
    def status_label(self):
        return MEETING_STATUSES.get(self.status, self.status)


class VcInvitee(BaseModel):
    """One invited room. invited_at / reminded_at record that its messages
    were queued (their dedupe keys make a second queueing a no-op)."""

    meeting = pw.ForeignKeyField(VcMeeting, backref="invitees", on_delete="CASCADE")
    room = pw.ForeignKeyField(VcRoom, backref="+", on_delete="RESTRICT")
    invited_at = pw.DateTimeField(null=True)
    reminded_at = pw.DateTimeField(null=True)
    joined = pw.BooleanField(null=True)  # None: not yet recorded

    class Meta:
        table_name = "vc_invitee"
        indexes = ((("meeting", "room"), True),)


VC_BASE_MODELS = (VcRoom, VcFault, VcMeeting, VcInvitee)


class VcActionPoint(BaseModel):
    """An action point of a meeting, owned by an employee (the holder of a
    post). Its reminders are a task of the task reminders (assignments):
    task_id is that Task's id, kept without a foreign key so that this
    area's migration does not depend on that one's."""

    meeting = pw.ForeignKeyField(VcMeeting, backref="action_points", on_delete="RESTRICT")
    text = pw.CharField(max_length=300)
    owner = pw.ForeignKeyField(Employee, backref="+", on_delete="RESTRICT")
    due_on = pw.DateField()
    status = pw.CharField(max_length=6, default="open", choices=list(ACTION_STATUSES.items()))
    task_id = pw.IntegerField(null=True, index=True)
    created_by = pw.ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_at = pw.DateTimeField(default=clock.now)
    closed_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "vc_action_point"
        indexes = ((("owner", "status"), False),)

    @property
    def status_label(self):
        return ACTION_STATUSES.get(self.status, self.status)


MODELS = (*VC_BASE_MODELS, VcActionPoint)
