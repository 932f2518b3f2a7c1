"""Indexes for the pendency dashboard at a million applications.

- (status, office, service, submitted_at, due_date, gram_panchayat) and
  (status, gram_panchayat, submitted_at, due_date): each open status is a
  range holding every column the pending counts read, in the order they are
  grouped in, so the counts by service x office and by gram panchayat
  stream through the index without touching the table or sorting;
- (status, submitted_at, due_date, gram_panchayat): the drill-down list of
  the pending, read a status at a time in submission order, a page of it;
- (decided_at, office, service, gram_panchayat, due_date, status) and
  (submitted_at, office, service, gram_panchayat, status): the applications
  decided or received in a period, with what "in time" needs and every
  column a jurisdiction or a filter reads, so that an office's or a block's
  weekly counts are read from the index alone, as the district's are."""

import peewee as pw
from peewee_migrate import Migrator

CELLS = ("status", "office", "service", "submitted_at", "due_date", "gram_panchayat")
PLACES = ("status", "gram_panchayat", "submitted_at", "due_date")
LISTED = ("status", "submitted_at", "due_date", "gram_panchayat")
DECIDED = ("decided_at", "office", "service", "gram_panchayat", "due_date", "status")
RECEIVED = ("submitted_at", "office", "service", "gram_panchayat", "status")


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_index("application", *CELLS)
    migrator.add_index("application", *PLACES)
    migrator.add_index("application", *LISTED)
    migrator.add_index("application", *DECIDED)
    migrator.add_index("application", *RECEIVED)


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.drop_index("application", *RECEIVED)
    migrator.drop_index("application", *DECIDED)
    migrator.drop_index("application", *LISTED)
    migrator.drop_index("application", *PLACES)
    migrator.drop_index("application", *CELLS)
