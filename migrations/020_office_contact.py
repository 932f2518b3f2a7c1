"""The address and enquiry phone of each office, which the acknowledgement
prints under "where to ask"."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    # Nullable: SQLite adds the columns in place instead of rebuilding
    # "office", which users, applications and the directory refer to.
    migrator.add_fields(
        "office",
        address_en=pw.CharField(max_length=250, default="", null=True),
        address_local=pw.CharField(max_length=250, default="", null=True),
        phone=pw.CharField(max_length=15, default="", null=True),
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields("office", "address_en", "address_local", "phone")
