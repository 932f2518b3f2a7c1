"""The last month an MIS indicator was asked for (empty while it still is),
so that stopping an indicator keeps its figures of the months it was asked
for in the roll-up, the month's completeness and its certification."""

import datetime as dt

import peewee as pw
from peewee_migrate import Migrator


def _as_date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])  # SQLite hands back text


def _month_before(month: dt.date) -> dt.date:
    return (month.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _backfill(database):
    """Indicators stopped before this column: asked for up to their last
    month with figures, or never if they have none."""
    rows = database.execute_sql(
        "SELECT i.id, i.from_month, (SELECT MAX(e.month) FROM mis_entry e"
        " WHERE e.indicator_id = i.id) FROM mis_indicator i WHERE NOT i.is_active"
    ).fetchall()
    for indicator_id, from_month, last in rows:
        until = _as_date(last) or _month_before(_as_date(from_month))
        database.execute_sql(
            f"UPDATE mis_indicator SET until_month = {database.param} WHERE id = {database.param}",
            (until, indicator_id),
        )


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.add_fields("mis_indicator", until_month=pw.DateField(null=True))
    migrator.run(_backfill, database)


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    migrator.remove_fields("mis_indicator", "until_month")
