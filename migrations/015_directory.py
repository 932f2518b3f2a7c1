"""The staff directory: an entry per post (office + designation) with its
extension, landline and e-mail, and each office's quarterly confirmation."""

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
    class DirectoryEntry(pw.Model):
        id = pw.AutoField()
        office = _fk(migrator, "office", "office_id")
        designation = _fk(migrator, "designation", "designation_id")
        extension = pw.CharField(default="", max_length=6)
        landline = pw.CharField(default="", max_length=15)
        email = pw.CharField(default="", max_length=120)
        is_head = pw.BooleanField(default=False)
        listed = pw.BooleanField(default=True)
        sort = pw.IntegerField(default=100)
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "directory_entry"
            indexes = [(("office", "designation"), True)]

    @migrator.create_model
    class DirectoryConfirmation(pw.Model):
        id = pw.AutoField()
        office = _fk(migrator, "office", "office_id")
        quarter = pw.CharField(max_length=7)
        confirmed_by = _fk(migrator, "user", "confirmed_by_id")
        confirmed_at = pw.DateTimeField()

        class Meta:
            table_name = "directory_confirmation"
            indexes = [(("office", "quarter"), True)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in ("directory_confirmation", "directory_entry"):
        migrator.remove_model(table)
