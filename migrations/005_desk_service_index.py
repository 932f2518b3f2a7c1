"""The desk queue filtered by one service reads a range of this index, so a
rare service costs the same as a common one at 100,000 applications."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_index("application", "office", "service", "status", "submitted_at")


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.drop_index("application", "office", "service", "status", "submitted_at")
