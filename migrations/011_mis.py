"""Scheme progress (MIS): indicators, monthly figures of each gram panchayat
(kept as a history: a change supersedes, never edits) and the certification
of a block's month."""

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


# Columns of a figure that no UPDATE may touch: only is_current moves.
FROZEN = (
    "indicator_id",
    "gram_panchayat_id",
    "month",
    "target",
    "achievement",
    "supersedes_id",
    "kind",
    "reason",
    "entered_by_id",
    "entered_at",
)


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class MisIndicator(pw.Model):
        id = pw.AutoField()
        scheme = _fk(migrator, "scheme", "scheme_id")
        code = pw.CharField(max_length=30)
        name_en = pw.CharField(max_length=200)
        name_hi = pw.CharField(default="", max_length=200)
        name_mr = pw.CharField(default="", max_length=200)
        unit = pw.CharField(default="count", max_length=10)
        max_monthly = pw.BigIntegerField()
        position = pw.IntegerField(default=0)
        from_month = pw.DateField()
        is_active = pw.BooleanField(default=True)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "mis_indicator"
            indexes = [(("scheme", "code"), True)]

    @migrator.create_model
    class MisEntry(pw.Model):
        id = pw.AutoField()
        indicator = _fk(migrator, "mis_indicator", "indicator_id")
        gram_panchayat = _fk(migrator, "gram_panchayat", "gram_panchayat_id")
        month = pw.DateField()
        target = pw.BigIntegerField()
        achievement = pw.BigIntegerField()
        is_current = pw.BooleanField(default=True)
        supersedes = pw.ForeignKeyField(
            "self", column_name="supersedes_id", null=True, on_delete="RESTRICT", backref="+"
        )
        kind = pw.CharField(default="entry", max_length=12)
        reason = pw.CharField(default="", max_length=300)
        entered_by = _fk(migrator, "user", "entered_by_id")
        entered_at = pw.DateTimeField()

        class Meta:
            table_name = "mis_entry"
            indexes = [
                (("month", "indicator"), False),
                (("gram_panchayat", "month"), False),
            ]

    @migrator.create_model
    class MisCertification(pw.Model):
        id = pw.AutoField()
        block = _fk(migrator, "block", "block_id")
        month = pw.DateField()
        certified_by = _fk(migrator, "user", "certified_by_id")
        certified_at = pw.DateTimeField()

        class Meta:
            table_name = "mis_certification"
            indexes = [(("block", "month"), True)]

    # One current figure per indicator, GP and month, however two saves race.
    migrator.sql(
        "CREATE UNIQUE INDEX mis_entry_one_current "
        "ON mis_entry (indicator_id, gram_panchayat_id, month) WHERE is_current"
    )
    _frozen(migrator, database)


def _frozen(migrator, database):
    """Figures and certifications are history: no delete, no rewrite."""
    if isinstance(database, pw.PostgresqlDatabase):
        new = ", ".join(f"NEW.{c}" for c in FROZEN)
        old = ", ".join(f"OLD.{c}" for c in FROZEN)
        migrator.sql(
            f"""
            CREATE OR REPLACE FUNCTION zila_mis_entry_frozen() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'DELETE' OR ROW({new}) IS DISTINCT FROM ROW({old}) THEN
                RAISE EXCEPTION 'MIS figures are kept as history';
              END IF;
              RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        migrator.sql(
            "CREATE TRIGGER mis_entry_frozen BEFORE UPDATE OR DELETE ON mis_entry "
            "FOR EACH ROW EXECUTE FUNCTION zila_mis_entry_frozen();"
        )
        migrator.sql(
            "CREATE TRIGGER mis_certification_frozen BEFORE UPDATE OR DELETE "
            "ON mis_certification FOR EACH ROW EXECUTE FUNCTION zila_append_only();"
        )
        return
    columns = ", ".join(FROZEN)
    migrator.sql(
        f"CREATE TRIGGER mis_entry_frozen BEFORE UPDATE OF {columns} ON mis_entry "
        "BEGIN SELECT RAISE(ABORT, 'MIS figures are kept as history'); END;"
    )
    for table in ("mis_entry", "mis_certification"):
        migrator.sql(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'MIS figures are kept as history'); END;"
        )
    migrator.sql(
        "CREATE TRIGGER mis_certification_no_update BEFORE UPDATE ON mis_certification "
        "BEGIN SELECT RAISE(ABORT, 'MIS figures are kept as history'); END;"
    )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql("DROP TRIGGER IF EXISTS mis_entry_frozen ON mis_entry;")
        migrator.sql("DROP TRIGGER IF EXISTS mis_certification_frozen ON mis_certification;")
        migrator.sql("DROP FUNCTION IF EXISTS zila_mis_entry_frozen();")
    for table in ("mis_certification", "mis_entry", "mis_indicator"):
        migrator.remove_model(table)
