"""The CSC registry: the operator, opening date, connectivity and equipment of
each centre; the append-only history of its status changes; the proposals to
open or close one, at most one open per centre; and an index that answers
"when did this CSC last file an application?" with one index seek."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    # Nullable columns: SQLite adds them in place instead of rebuilding "csc",
    # which every application and user row refers to.
    migrator.add_fields(
        "csc",
        operator_name=pw.CharField(max_length=120, default="", null=True),
        operator_mobile=pw.CharField(max_length=10, default="", null=True),
        operator_email=pw.CharField(max_length=120, default="", null=True),
        opened_on=pw.DateField(null=True),
        connectivity=pw.CharField(max_length=10, default="", null=True),
        equipment=pw.TextField(default="", null=True),
    )

    @migrator.create_model
    class CscStatusChange(pw.Model):
        id = pw.AutoField()
        csc = pw.ForeignKeyField(
            column_name="csc_id",
            field="id",
            model=migrator.orm["csc"],
            on_delete="RESTRICT",
            backref="+",
        )
        at = pw.DateTimeField()
        actor = pw.ForeignKeyField(
            column_name="actor_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        change = pw.CharField(max_length=20)
        from_status = pw.CharField(default="", max_length=12)
        to_status = pw.CharField(max_length=12)
        reason = pw.TextField(default="")
        pending_applications = pw.IntegerField(null=True)

        class Meta:
            table_name = "csc_status_change"
            indexes = [(("csc", "at"), False)]

    @migrator.create_model
    class CscProposal(pw.Model):
        id = pw.AutoField()
        csc = pw.ForeignKeyField(
            column_name="csc_id",
            field="id",
            model=migrator.orm["csc"],
            on_delete="RESTRICT",
            backref="+",
        )
        kind = pw.CharField(max_length=8)
        state = pw.CharField(default="open", max_length=10)
        reason = pw.TextField(default="")
        proposed_by = pw.ForeignKeyField(
            column_name="proposed_by_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        proposed_at = pw.DateTimeField()
        decided_by = pw.ForeignKeyField(
            column_name="decided_by_id",
            field="id",
            model=migrator.orm["user"],
            null=True,
            on_delete="RESTRICT",
            backref="+",
        )
        decided_at = pw.DateTimeField(null=True)
        decision_reason = pw.TextField(default="")

        class Meta:
            table_name = "csc_proposal"
            indexes = [(("csc", "kind", "state"), False)]

    # A second proposal while one is open fails in the database too, however
    # the two requests race.
    migrator.sql(
        "CREATE UNIQUE INDEX csc_proposal_one_open ON csc_proposal (csc_id) WHERE state = 'open'"
    )
    migrator.add_index("application", "csc", "submitted_at")
    _append_only(migrator, database, "csc_status_change")


def _append_only(migrator, database, table):
    """As for audit_event (002) and application_event (003)."""
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION zila_append_only();"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            migrator.sql(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
            )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.drop_index("application", "csc", "submitted_at")
    migrator.sql("DROP INDEX IF EXISTS csc_proposal_one_open")
    migrator.remove_model("csc_proposal")
    migrator.remove_model("csc_status_change")
    migrator.remove_fields(
        "csc",
        "operator_name",
        "operator_mobile",
        "operator_email",
        "opened_on",
        "connectivity",
        "equipment",
    )
