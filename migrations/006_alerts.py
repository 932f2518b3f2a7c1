"""One-week disposal alerts: who holds which charge, the district holidays,
the record of every alert, the runs of the periodic tasks; services may
count their service level in working days."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields("service", working_days=pw.BooleanField(default=False))

    @migrator.create_model
    class ChargeAssignment(pw.Model):
        id = pw.AutoField()
        post = pw.CharField(max_length=20)
        office = pw.ForeignKeyField(
            column_name="office_id",
            field="id",
            model=migrator.orm["office"],
            null=True,
            on_delete="RESTRICT",
        )
        block = pw.ForeignKeyField(
            column_name="block_id",
            field="id",
            model=migrator.orm["block"],
            null=True,
            on_delete="RESTRICT",
        )
        tehsil = pw.ForeignKeyField(
            column_name="tehsil_id",
            field="id",
            model=migrator.orm["tehsil"],
            null=True,
            on_delete="RESTRICT",
        )
        user = pw.ForeignKeyField(
            column_name="user_id", field="id", model=migrator.orm["user"], on_delete="RESTRICT"
        )
        reason = pw.CharField(default="regular", max_length=12)
        instead_of = pw.ForeignKeyField(
            column_name="instead_of_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        from_date = pw.DateField()
        to_date = pw.DateField(null=True)
        note = pw.CharField(default="", max_length=200)
        created_by = pw.ForeignKeyField(
            column_name="created_by_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "charge_assignment"
            indexes = [(("post", "from_date"), False)]

    @migrator.create_model
    class Holiday(pw.Model):
        id = pw.AutoField()
        date = pw.DateField(unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(default="", max_length=120)

        class Meta:
            table_name = "holiday"

    @migrator.create_model
    class AlertRecord(pw.Model):
        id = pw.AutoField()
        key = pw.CharField(max_length=120, unique=True)
        day = pw.DateField()
        user = pw.ForeignKeyField(
            column_name="user_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        post = pw.CharField(max_length=20)
        place_id = pw.IntegerField(null=True)
        office = pw.ForeignKeyField(
            column_name="office_id",
            field="id",
            model=migrator.orm["office"],
            on_delete="RESTRICT",
            backref="+",
        )
        channel = pw.CharField(default="", max_length=5)
        status = pw.CharField(max_length=16)
        reason = pw.CharField(default="", max_length=12)
        warnings = pw.IntegerField(default=0)
        breaches = pw.IntegerField(default=0)
        application_ids = pw.TextField(default="[]")
        notification = pw.ForeignKeyField(
            column_name="notification_id",
            field="id",
            model=migrator.orm["notification"],
            null=True,
            on_delete="SET NULL",
            backref="+",
        )
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "alert_record"
            indexes = [(("office", "day"), False), (("day", "user"), False)]

    @migrator.create_model
    class TaskRun(pw.Model):
        id = pw.AutoField()
        task = pw.CharField(max_length=60)
        started_at = pw.DateTimeField()
        finished_at = pw.DateTimeField(null=True)
        ok = pw.BooleanField(null=True)
        summary = pw.TextField(default="")

        class Meta:
            table_name = "task_run"
            indexes = [(("task", "id"), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model("task_run")
    migrator.remove_model("alert_record")
    migrator.remove_model("holiday")
    migrator.remove_model("charge_assignment")
    migrator.remove_fields("service", "working_days")
