"""Video-conference rooms, their faults, review meetings, their invited
rooms and the action points that follow."""

import peewee as pw
from peewee_migrate import Migrator


def _fk(migrator, table, column, null=False, on_delete="RESTRICT"):
    return pw.ForeignKeyField(
        column_name=column,
        field="id",
        model=migrator.orm[table],
        null=null,
        on_delete=on_delete,
        backref="+",
    )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class VcRoom(pw.Model):
        id = pw.AutoField()
        office = _fk(migrator, "office", "office_id")
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(default="", max_length=120)
        equipment = pw.CharField(default="", max_length=300)
        bridge_number = pw.CharField(default="", max_length=20)
        meeting_code = pw.CharField(default="", max_length=40)
        join_link = pw.CharField(default="", max_length=300)
        sip_address = pw.CharField(default="", max_length=120)
        contact_user = _fk(migrator, "user", "contact_user_id", null=True)
        contact_name = pw.CharField(default="", max_length=120)
        contact_mobile = pw.CharField(default="", max_length=10)
        contact_email = pw.CharField(default="", max_length=120)
        status = pw.CharField(default="working", max_length=8)
        faulty_since = pw.DateTimeField(null=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "vc_room"

    @migrator.create_model
    class VcFault(pw.Model):
        id = pw.AutoField()
        room = _fk(migrator, "vc_room", "room_id")
        reported_by = _fk(migrator, "user", "reported_by_id")
        reported_at = pw.DateTimeField()
        description = pw.CharField(max_length=500)
        closed_at = pw.DateTimeField(null=True)
        closed_by = _fk(migrator, "user", "closed_by_id", null=True)
        close_remark = pw.CharField(default="", max_length=300)

        class Meta:
            table_name = "vc_fault"
            indexes = [(("room", "closed_at"), False)]

    @migrator.create_model
    class VcMeeting(pw.Model):
        id = pw.AutoField()
        title = pw.CharField(max_length=200)
        agenda = pw.TextField(default="")
        starts_at = pw.DateTimeField(index=True)
        ends_at = pw.DateTimeField()
        host_room = _fk(migrator, "vc_room", "host_room_id")
        organiser = _fk(migrator, "user", "organiser_id")
        status = pw.CharField(default="scheduled", max_length=10)
        minutes = pw.TextField(default="")
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "vc_meeting"

    @migrator.create_model
    class VcInvitee(pw.Model):
        id = pw.AutoField()
        meeting = _fk(migrator, "vc_meeting", "meeting_id", on_delete="CASCADE")
        room = _fk(migrator, "vc_room", "room_id")
        invited_at = pw.DateTimeField(null=True)
        reminded_at = pw.DateTimeField(null=True)
        joined = pw.BooleanField(null=True)

        class Meta:
            table_name = "vc_invitee"
            indexes = [(("meeting", "room"), True)]

    @migrator.create_model
    class VcActionPoint(pw.Model):
        id = pw.AutoField()
        meeting = _fk(migrator, "vc_meeting", "meeting_id")
        text = pw.CharField(max_length=300)
        owner = _fk(migrator, "employee", "owner_id")
        due_on = pw.DateField()
        status = pw.CharField(default="open", max_length=6)
        task_id = pw.IntegerField(null=True, index=True)
        created_by = _fk(migrator, "user", "created_by_id")
        created_at = pw.DateTimeField()
        closed_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "vc_action_point"
            indexes = [(("owner", "status"), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in ("vc_action_point", "vc_invitee", "vc_meeting", "vc_fault", "vc_room"):
        migrator.remove_model(table)
