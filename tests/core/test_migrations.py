"""Schema migrations keep rows, run once, and make the history append-only."""

import os

import peewee as pw
import pytest

from core import audit
from core.audit import AppendOnlyError, AuditEvent
from core.db import db, make_database
from core.migrate import migrate, router

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.fixture
def fresh_sqlite(tmp_path):
    """An empty SQLite file bound to the shared proxy, restored afterwards."""
    previous = db.obj
    db.initialize(make_database("", str(tmp_path / "fresh.db")))
    try:
        with db.connection_context():
            yield db
    finally:
        db.initialize(previous)


def insert_rows_of_the_first_schema():
    """Plain SQL with only the columns 001 knows, as an old deployment has."""
    db.execute_sql(
        "INSERT INTO district (code, name_en, name_local, state_en, state_local) "
        "VALUES ('AUR', 'Aurangabad', 'औरंगाबाद', 'Maharashtra', 'महाराष्ट्र')"
    )
    db.execute_sql(
        'INSERT INTO "user" (username, full_name, full_name_local, role, password_hash, '
        "mobile, email, is_active_account, session_version, failed_logins, totp_last_step, "
        "created_at) VALUES ('old-admin', 'Old Admin', '', 'admin', 'x', '', '', 1, 1, 0, 0, "
        "'2024-01-01 00:00:00')"
    )
    db.execute_sql(
        "INSERT INTO audit_event (at, action, object_type, object_id, detail) "
        "VALUES ('2024-01-01 00:00:00', 'account.created', 'user', '1', '{}')"
    )


def count(table: str) -> int:
    return db.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


@pytest.mark.skipif(ON_POSTGRES, reason="upgrade from an old SQLite file; PG is migrated fresh")
def test_upgrade_keeps_rows_and_then_has_nothing_to_do(fresh_sqlite):
    assert migrate("001_initial") == ["001_initial"]
    assert router().diff, "there should be later migrations left to apply"
    insert_rows_of_the_first_schema()

    applied = migrate()
    assert "001_initial" not in applied
    assert "002_audit_append_only" in applied
    assert (count("district"), count("user"), count("audit_event")) == (1, 1, 1)
    name = db.execute_sql('SELECT username FROM "user"').fetchone()[0]
    assert name == "old-admin"

    assert migrate() == []
    assert router().diff == []


@pytest.mark.skipif(ON_POSTGRES, reason="upgrade from an old SQLite file; PG is migrated fresh")
def test_old_rows_become_append_only_after_upgrade(fresh_sqlite):
    migrate("001_initial")
    insert_rows_of_the_first_schema()
    # Before 002 nothing stops a rewrite; that is what 002 is for.
    db.execute_sql("UPDATE audit_event SET detail = '{\"before\": 1}'")
    migrate()
    with pytest.raises(pw.DatabaseError), db.atomic():
        db.execute_sql("UPDATE audit_event SET action = 'login'")
    with pytest.raises(pw.DatabaseError), db.atomic():
        db.execute_sql("DELETE FROM audit_event")
    row = db.execute_sql("SELECT action, detail FROM audit_event").fetchone()
    assert row == ("account.created", '{"before": 1}')


def test_audit_history_is_append_only_in_the_database(app):
    with app.app_context(), db.connection_context():
        event = audit.record("login", "user", 7, actor=None, how="password")
        p = db.param
        for sql in (
            f"UPDATE audit_event SET action = 'logout' WHERE id = {p}",
            f"DELETE FROM audit_event WHERE id = {p}",
        ):
            with pytest.raises(pw.DatabaseError), db.atomic():
                db.execute_sql(sql, (event.id,))
        with pytest.raises(pw.DatabaseError), db.atomic():
            AuditEvent.update(action="logout").execute()
        with pytest.raises(pw.DatabaseError), db.atomic():
            AuditEvent.delete().execute()

        event.action = "logout"
        with pytest.raises(AppendOnlyError):
            event.save()
        with pytest.raises(AppendOnlyError):
            event.delete_instance()

        stored = AuditEvent.get_by_id(event.id)
        assert (stored.action, stored.details) == ("login", {"how": "password"})
        assert AuditEvent.select().count() == 1
        # Appending still works.
        audit.record("logout", "user", 7, actor=None)
        assert AuditEvent.select().count() == 2


def test_migrated_test_database_is_up_to_date(app):
    with app.app_context(), db.connection_context():
        assert migrate() == []


@pytest.mark.skipif(ON_POSTGRES, reason="upgrade from an old SQLite file; PG is migrated fresh")
def test_indicators_stopped_before_024_keep_the_months_they_have_figures_of(fresh_sqlite):
    todo = router().todo
    before = todo[todo.index("021_indicator_until") - 1]
    migrate(before)
    db.execute_sql("PRAGMA foreign_keys = OFF")  # bare rows, without their scheme and GPs
    for n, active in ((1, 1), (2, 0), (3, 0)):
        db.execute_sql(
            "INSERT INTO mis_indicator (id, scheme_id, code, name_en, name_hi, name_mr, unit, "
            "max_monthly, position, from_month, is_active, created_at) VALUES "
            f"({n}, 1, 'i{n}', 'I', '', '', 'count', 10, {n}, '2026-03-01', {active}, "
            "'2026-01-01 00:00:00')"
        )
    for month in ("2026-03-01", "2026-05-01"):
        db.execute_sql(
            "INSERT INTO mis_entry (indicator_id, gram_panchayat_id, month, target, achievement, "
            "is_current, kind, reason, entered_by_id, entered_at) VALUES "
            f"(2, 1, '{month}', 1, 1, 1, 'entry', '', 1, '2026-06-01 00:00:00')"
        )
    db.execute_sql("PRAGMA foreign_keys = ON")
    assert "021_indicator_until" in migrate("021_indicator_until")
    until = dict(db.execute_sql("SELECT id, until_month FROM mis_indicator").fetchall())
    # Asked for: still (1); up to its last figures (2); never, having none (3).
    assert {k: str(v) if v else None for k, v in until.items()} == {
        1: None,
        2: "2026-05-01",
        3: "2026-02-01",
    }
