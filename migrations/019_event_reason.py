"""The reason an office gives the applicant when it asks for documents or
rejects: a code from a fixed, translated list, shown on public tracking in
place of the office's free-text remark."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    # Nullable: SQLite adds the column in place instead of rebuilding the
    # append-only table (whose triggers refuse the copy's updates).
    migrator.add_fields(
        "application_event", reason=pw.CharField(max_length=24, default="", null=True)
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields("application_event", "reason")
