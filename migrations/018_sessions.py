"""Server-side sessions (a row per signed-in browser, ended on logout, idle
expiry, password change and 2FA reset) and the sign-in throttle per account
and client address."""

import peewee as pw
from peewee_migrate import Migrator


def _user(migrator):
    return pw.ForeignKeyField(
        column_name="user_id",
        field="id",
        model=migrator.orm["user"],
        on_delete="CASCADE",
        backref="+",
    )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class UserSession(pw.Model):
        id = pw.AutoField()
        user = _user(migrator)
        token_hash = pw.CharField(max_length=64, unique=True)
        created_at = pw.DateTimeField()
        last_seen_at = pw.DateTimeField()
        user_agent = pw.CharField(default="", max_length=200)
        address = pw.CharField(default="", max_length=45)
        ended_at = pw.DateTimeField(null=True)
        end_reason = pw.CharField(default="", max_length=12)

        class Meta:
            table_name = "user_session"
            indexes = [(("user", "ended_at"), False)]

    @migrator.create_model
    class LoginThrottle(pw.Model):
        id = pw.AutoField()
        user = _user(migrator)
        address = pw.CharField(max_length=45)
        failures = pw.IntegerField(default=0)
        locked_until = pw.DateTimeField(null=True)

        class Meta:
            table_name = "login_throttle"
            indexes = [(("user", "address"), True)]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in ("login_throttle", "user_session"):
        migrator.remove_model(table)
