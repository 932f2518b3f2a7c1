"""The employee register: cadres, designations, employees with their search
keys and append-only postings, sanctioned posts, and import jobs."""

import peewee as pw
from peewee_migrate import Migrator


def _fk(migrator, table, column, null=False, on_delete="RESTRICT", unique=False):
    return pw.ForeignKeyField(
        column_name=column,
        field="id",
        model=migrator.orm[table],
        null=null,
        on_delete=on_delete,
        unique=unique,
        backref="+",
    )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Cadre(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_hi = pw.CharField(default="", max_length=120)
        name_mr = pw.CharField(default="", max_length=120)
        retirement_age = pw.IntegerField(default=58)

        class Meta:
            table_name = "cadre"

    @migrator.create_model
    class Designation(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_hi = pw.CharField(default="", max_length=120)
        name_mr = pw.CharField(default="", max_length=120)
        cadre = _fk(migrator, "cadre", "cadre_id")
        service_class = pw.CharField(default="III", max_length=3)

        class Meta:
            table_name = "designation"

    @migrator.create_model
    class Employee(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(index=True, max_length=120)
        name_local = pw.CharField(default="", max_length=120)
        designation = _fk(migrator, "designation", "designation_id")
        office = _fk(migrator, "office", "office_id")
        status = pw.CharField(default="working", max_length=10)
        date_of_birth = pw.DateField()
        joined_on = pw.DateField()
        retires_on = pw.DateField(index=True)
        mobile_official = pw.CharField(default="", index=True, max_length=10)
        email_official = pw.CharField(default="", max_length=120)
        mobile_personal = pw.CharField(default="", max_length=10)
        address = pw.TextField(default="")
        user = _fk(migrator, "user", "user_id", null=True, unique=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "employee"
            indexes = [(("office", "designation", "status"), False)]

    @migrator.create_model
    class EmployeeKey(pw.Model):
        id = pw.AutoField()
        employee = _fk(migrator, "employee", "employee_id", on_delete="CASCADE")
        key = pw.CharField(max_length=40)

        class Meta:
            table_name = "employee_key"
            indexes = [(("key", "employee"), True)]

    @migrator.create_model
    class Posting(pw.Model):
        id = pw.AutoField()
        employee = _fk(migrator, "employee", "employee_id")
        office = _fk(migrator, "office", "office_id")
        designation = _fk(migrator, "designation", "designation_id")
        order_no = pw.CharField(default="", max_length=60)
        order_date = pw.DateField(null=True)
        from_date = pw.DateField()
        created_at = pw.DateTimeField()
        created_by = _fk(migrator, "user", "created_by_id", null=True)

        class Meta:
            table_name = "posting"
            indexes = [(("employee", "from_date"), False)]

    @migrator.create_model
    class SanctionedPost(pw.Model):
        id = pw.AutoField()
        office = _fk(migrator, "office", "office_id")
        designation = _fk(migrator, "designation", "designation_id")
        sanctioned = pw.IntegerField(default=0)

        class Meta:
            table_name = "sanctioned_post"
            indexes = [(("office", "designation"), True)]

    @migrator.create_model
    class ImportJob(pw.Model):
        id = pw.AutoField()
        kind = pw.CharField(max_length=10)
        state = pw.CharField(default="checked", max_length=10)
        original_name = pw.CharField(default="", max_length=200)
        stored_name = pw.CharField(default="", max_length=80)
        sha256 = pw.CharField(default="", max_length=64)
        total = pw.IntegerField(default=0)
        done = pw.IntegerField(default=0)
        created = pw.IntegerField(default=0)
        changed = pw.IntegerField(default=0)
        unchanged = pw.IntegerField(default=0)
        refused = pw.IntegerField(default=0)
        report_json = pw.TextField(default="[]")
        error = pw.TextField(default="")
        created_by = _fk(migrator, "user", "created_by_id", null=True)
        created_at = pw.DateTimeField()
        finished_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "import_job"


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in (
        "import_job",
        "sanctioned_post",
        "posting",
        "employee_key",
        "employee",
        "designation",
        "cadre",
    ):
        migrator.remove_model(table)
