"""Weekly surprise CSC inspections: inspectors, the week's draw, reports
with photos, and the instructions that follow from them."""

import peewee as pw
from peewee_migrate import Migrator


def _fk(migrator, table, column, null=False):
    return pw.ForeignKeyField(
        column_name=column,
        field="id",
        model=migrator.orm[table],
        null=null,
        on_delete="RESTRICT",
        backref="+",
    )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Inspector(pw.Model):
        id = pw.AutoField()
        user = pw.ForeignKeyField(
            column_name="user_id",
            field="id",
            model=migrator.orm["user"],
            on_delete="RESTRICT",
            unique=True,
            backref="+",
        )
        block = _fk(migrator, "block", "block_id", null=True)
        tehsil = _fk(migrator, "tehsil", "tehsil_id", null=True)
        min_per_week = pw.IntegerField(null=True)
        active = pw.BooleanField(default=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "inspector"

    @migrator.create_model
    class WeeklyDraw(pw.Model):
        id = pw.AutoField()
        week = pw.CharField(max_length=8)
        inspector = _fk(migrator, "inspector", "inspector_id")
        required = pw.IntegerField()
        scheduled = pw.IntegerField()
        drawn_at = pw.DateTimeField()

        class Meta:
            table_name = "weekly_draw"
            indexes = [(("week", "inspector"), True)]

    @migrator.create_model
    class Inspection(pw.Model):
        id = pw.AutoField()
        week = pw.CharField(max_length=8)
        week_start = pw.DateField(index=True)
        inspector = _fk(migrator, "inspector", "inspector_id")
        slot = pw.IntegerField()
        csc = _fk(migrator, "csc", "csc_id")
        status = pw.CharField(default="scheduled", max_length=10)
        reasons_json = pw.TextField(default="[]")
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "inspection"
            indexes = [
                (("week", "csc"), True),
                (("week", "inspector", "slot"), True),
                (("csc", "status"), False),
            ]

    @migrator.create_model
    class InspectionReport(pw.Model):
        id = pw.AutoField()
        inspection = pw.ForeignKeyField(
            column_name="inspection_id",
            field="id",
            model=migrator.orm["inspection"],
            on_delete="RESTRICT",
            unique=True,
            backref="+",
        )
        token = pw.CharField(max_length=64, unique=True)
        filed_by = _fk(migrator, "user", "filed_by_id")
        filed_at = pw.DateTimeField()
        checklist_json = pw.TextField(default="{}")
        latitude = pw.DecimalField(max_digits=9, decimal_places=6, null=True)
        longitude = pw.DecimalField(max_digits=9, decimal_places=6, null=True)
        remarks = pw.TextField(default="")
        rating = pw.IntegerField()

        class Meta:
            table_name = "inspection_report"

    @migrator.create_model
    class InspectionPhoto(pw.Model):
        id = pw.AutoField()
        report = _fk(migrator, "inspection_report", "report_id")
        original_name = pw.CharField(default="", max_length=200)
        stored_name = pw.CharField(max_length=80, unique=True)
        size = pw.IntegerField()
        sha256 = pw.CharField(max_length=64)

        class Meta:
            table_name = "inspection_photo"

    @migrator.create_model
    class Instruction(pw.Model):
        id = pw.AutoField()
        report = _fk(migrator, "inspection_report", "report_id")
        csc = _fk(migrator, "csc", "csc_id")
        item = pw.CharField(max_length=30)
        text = pw.CharField(default="", max_length=300)
        due_date = pw.DateField()
        status = pw.CharField(default="open", max_length=10)
        created_at = pw.DateTimeField()
        complied_at = pw.DateTimeField(null=True)
        complied_by = _fk(migrator, "user", "complied_by_id", null=True)
        compliance_remark = pw.CharField(default="", max_length=300)

        class Meta:
            table_name = "instruction"
            indexes = [(("csc", "status"), False), (("status", "due_date"), False)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in (
        "instruction",
        "inspection_photo",
        "inspection_report",
        "inspection",
        "weekly_draw",
        "inspector",
    ):
        migrator.remove_model(table)
