"""Government schemes: the scheme, versions of its information, the photos of
a version, and the append-only history of changes."""

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
    class Scheme(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        level = pw.CharField(max_length=20, index=True)
        office = _fk(migrator, "office", "office_id")
        title_en = pw.CharField(default="", max_length=200)
        title_hi = pw.CharField(default="", max_length=200)
        title_mr = pw.CharField(default="", max_length=200)
        is_published = pw.BooleanField(default=False, index=True)
        published_at = pw.DateTimeField(null=True)
        year = pw.CharField(default="", max_length=9)
        status = pw.CharField(default="open", max_length=10)
        groups = pw.CharField(default="", max_length=200)
        rules_json = pw.TextField(default="{}")
        search_text = pw.TextField(default="")
        service = _fk(migrator, "service", "service_id", null=True, on_delete="SET NULL")
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "scheme"

    @migrator.create_model
    class SchemeVersion(pw.Model):
        id = pw.AutoField()
        scheme = _fk(migrator, "scheme", "scheme_id")
        number = pw.IntegerField()
        state = pw.CharField(default="draft", max_length=10)
        level = pw.CharField(max_length=20)
        year = pw.CharField(default="", max_length=9)
        status = pw.CharField(default="open", max_length=10)
        service = _fk(migrator, "service", "service_id", null=True, on_delete="SET NULL")
        titles_json = pw.TextField(default="{}")
        texts_json = pw.TextField(default="{}")
        groups = pw.CharField(default="", max_length=200)
        rules_json = pw.TextField(default="{}")
        created_by = _fk(migrator, "user", "created_by_id")
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()
        submitted_by = _fk(migrator, "user", "submitted_by_id", null=True)
        submitted_at = pw.DateTimeField(null=True)
        decided_by = _fk(migrator, "user", "decided_by_id", null=True)
        decided_at = pw.DateTimeField(null=True)
        remark = pw.CharField(default="", max_length=500)

        class Meta:
            table_name = "scheme_version"
            indexes = [(("scheme", "number"), True), (("scheme", "state"), False)]

    @migrator.create_model
    class SchemePhoto(pw.Model):
        id = pw.AutoField()
        version = _fk(migrator, "scheme_version", "version_id")
        position = pw.IntegerField(default=0)
        stored_small = pw.CharField(max_length=80)
        stored_large = pw.CharField(max_length=80)
        width = pw.IntegerField()
        height = pw.IntegerField()
        size = pw.IntegerField()
        sha256 = pw.CharField(max_length=64)
        alt_json = pw.TextField(default="{}")
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "scheme_photo"
            indexes = [(("version", "position"), False)]

    @migrator.create_model
    class SchemeHistory(pw.Model):
        id = pw.AutoField()
        scheme = _fk(migrator, "scheme", "scheme_id")
        version = _fk(migrator, "scheme_version", "version_id", null=True)
        action = pw.CharField(max_length=20)
        actor = _fk(migrator, "user", "actor_id")
        at = pw.DateTimeField()
        changed = pw.CharField(default="", max_length=500)
        remark = pw.CharField(default="", max_length=500)

        class Meta:
            table_name = "scheme_history"
            indexes = [(("scheme", "at"), False)]

    # The history is evidence of who changed a public page: not even raw SQL
    # may rewrite or erase it.
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql(
            """
            CREATE OR REPLACE FUNCTION zila_scheme_history_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'scheme_history is append-only';
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        migrator.sql(
            "CREATE TRIGGER scheme_history_append_only BEFORE UPDATE OR DELETE "
            "ON scheme_history FOR EACH ROW "
            "EXECUTE FUNCTION zila_scheme_history_append_only();"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            migrator.sql(
                f"CREATE TRIGGER scheme_history_no_{event.lower()} BEFORE {event} "
                "ON scheme_history BEGIN SELECT RAISE(ABORT, 'scheme_history is append-only'); END;"
            )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql("DROP TRIGGER IF EXISTS scheme_history_append_only ON scheme_history;")
        migrator.sql("DROP FUNCTION IF EXISTS zila_scheme_history_append_only();")
    else:
        for event in ("update", "delete"):
            migrator.sql(f"DROP TRIGGER IF EXISTS scheme_history_no_{event};")
    for table in ("scheme_history", "scheme_photo", "scheme_version", "scheme"):
        migrator.remove_model(table)
