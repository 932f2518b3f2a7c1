"""Make the audit history append-only in the database itself, so that not even
raw SQL from a future bug can rewrite or erase it."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql(
            """
            CREATE OR REPLACE FUNCTION zila_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only';
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        migrator.sql(
            "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION zila_append_only();"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            migrator.sql(
                f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
                "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;"
            )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event;")
        migrator.sql("DROP FUNCTION IF EXISTS zila_append_only();")
    else:
        for event in ("update", "delete"):
            migrator.sql(f"DROP TRIGGER IF EXISTS audit_event_no_{event};")
