"""The outbox's backoff (when a message may be tried again) and the alerts
raised when a gateway starts failing."""

import peewee as pw
from peewee_migrate import Migrator


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields("notification", next_attempt_at=pw.DateTimeField(null=True))

    @migrator.create_model
    class GatewayAlert(pw.Model):
        id = pw.AutoField()
        channel = pw.CharField(max_length=5)
        reason = pw.CharField(default="failing", max_length=10)
        detail = pw.TextField(default="")
        failures = pw.IntegerField(default=0)
        first_failure_at = pw.DateTimeField()
        last_failure_at = pw.DateTimeField()
        raised_at = pw.DateTimeField(index=True, null=True)
        resolved_at = pw.DateTimeField(index=True, null=True)

        class Meta:
            table_name = "gateway_alert"


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_model("gateway_alert")
    migrator.remove_fields("notification", "next_attempt_at")
