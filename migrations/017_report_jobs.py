"""Report PDFs made in huey (core.report_jobs): the request to replay and
the file it made."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class ReportJob(pw.Model):
        id = pw.AutoField()
        key = pw.CharField(max_length=32, unique=True)
        kind = pw.CharField(max_length=40)
        path = pw.CharField(max_length=200)
        query = pw.TextField(default="")
        locale = pw.CharField(max_length=5)
        owner = pw.ForeignKeyField(
            column_name="owner_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        state = pw.CharField(default="queued", max_length=10)
        filename = pw.CharField(default="", max_length=120)
        stored_name = pw.CharField(default="", max_length=80)
        size = pw.IntegerField(default=0)
        created_at = pw.DateTimeField()
        finished_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "report_job"
            indexes = [(("created_at",), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model("report_job")
