"""Task reminders: tasks and each assignee's part of them."""

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


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    @migrator.create_model
    class Task(pw.Model):
        id = pw.AutoField()
        title = pw.CharField(max_length=200)
        details = pw.TextField(default="")
        priority = pw.CharField(default="normal", max_length=8)
        due_on = pw.DateField(index=True)
        assigned_by = _fk(migrator, "user", "assigned_by_id")
        source = pw.CharField(default="", index=True, max_length=60)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "task"

    @migrator.create_model
    class TaskAssignee(pw.Model):
        id = pw.AutoField()
        task = _fk(migrator, "task", "task_id")
        employee = _fk(migrator, "employee", "employee_id")
        office = _fk(migrator, "office", "office_id")
        done_at = pw.DateTimeField(null=True)
        remark = pw.CharField(default="", max_length=500)
        done_via = pw.CharField(default="", max_length=6)
        done_by = _fk(migrator, "user", "done_by_id", null=True)
        link_nonce = pw.CharField(default="", max_length=16)

        class Meta:
            table_name = "task_assignee"
            indexes = [
                (("task", "employee"), True),
                (("employee", "done_at"), False),
                (("office", "done_at"), False),
            ]


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    for table in ("task_assignee", "task"):
        migrator.remove_model(table)
