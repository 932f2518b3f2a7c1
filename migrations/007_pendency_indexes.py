"""Indexes for the pendency dashboard at a million applications.

- (status, office, service, submitted_at, due_date, gram_panchayat) and
  (status, gram_panchayat, submitted_at, due_date): each open status is a
  range holding every column the pending counts read, in the order they are
  grouped in, so the counts by service x office and by gram panchayat
  stream through the index without touching the table or sorting;
- (decided_at, office, service, gram_panchayat, due_date): the applications
  decided in a period, with what deciding "in time" needs."""

import peewee as pw
from peewee_migrate import Migrator

CELLS = ("status", "office", "service", "submitted_at", "due_date", "gram_panchayat")
PLACES = ("status", "gram_panchayat", "submitted_at", "due_date")
DECIDED = ("decided_at", "office", "service", "gram_panchayat", "due_date")


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_index("application", *CELLS)
    migrator.add_index("application", *PLACES)
    migrator.add_index("application", *DECIDED)


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.drop_index("application", *DECIDED)
    migrator.drop_index("application", *PLACES)
    migrator.drop_index("application", *CELLS)
