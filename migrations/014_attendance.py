"""Biometric attendance: office timings, punch imports, punches (unique per
employee and instant, so a re-import adds nothing) and leave records."""

import datetime as dt

import peewee as pw
from peewee_migrate import Migrator


def _fk(migrator, table, column, null=False, unique=False):
    return pw.ForeignKeyField(
        column_name=column,
        field="id",
        model=migrator.orm[table],
        null=null,
        unique=unique,
        on_delete="RESTRICT",
        backref="+",
    )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class OfficeTiming(pw.Model):
        id = pw.AutoField()
        office = _fk(migrator, "office", "office_id", unique=True)
        starts_at = pw.TimeField(default=dt.time(10, 0))
        grace_minutes = pw.IntegerField(default=10)
        half_day_after = pw.TimeField(default=dt.time(14, 0))
        min_minutes = pw.IntegerField(default=240)
        updated_at = pw.DateTimeField()
        updated_by = _fk(migrator, "user", "updated_by_id", null=True)

        class Meta:
            table_name = "office_timing"

    @migrator.create_model
    class PunchImport(pw.Model):
        id = pw.AutoField()
        original_name = pw.CharField(default="", max_length=200)
        sha256 = pw.CharField(max_length=64)
        rows = pw.IntegerField(default=0)
        added = pw.IntegerField(default=0)
        already = pw.IntegerField(default=0)
        first_day = pw.DateField(null=True)
        last_day = pw.DateField(null=True)
        created_by = _fk(migrator, "user", "created_by_id", null=True)
        created_at = pw.DateTimeField(index=True)

        class Meta:
            table_name = "punch_import"

    @migrator.create_model
    class Punch(pw.Model):
        id = pw.AutoField()
        employee = _fk(migrator, "employee", "employee_id")
        punched_at = pw.DateTimeField()
        day = pw.DateField()
        batch = _fk(migrator, "punch_import", "batch_id", null=True)

        class Meta:
            table_name = "punch"
            indexes = [(("employee", "punched_at"), True), (("day", "employee"), False)]

    @migrator.create_model
    class Leave(pw.Model):
        id = pw.AutoField()
        employee = _fk(migrator, "employee", "employee_id")
        from_date = pw.DateField()
        to_date = pw.DateField()
        kind = pw.CharField(default="casual", max_length=10)
        note = pw.CharField(default="", max_length=200)
        created_by = _fk(migrator, "user", "created_by_id", null=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "leave_record"
            indexes = [(("employee", "from_date"), False), (("from_date", "to_date"), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in ("leave_record", "punch", "punch_import", "office_timing"):
        migrator.remove_model(table)
