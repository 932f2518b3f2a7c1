"""Append-only history of status changes, security events and views of personal
data. The model refuses updates and deletes; migration 002 adds database
triggers so that raw SQL cannot rewrite history either."""

import json

import peewee as pw
from flask import has_request_context, request
from flask_login import current_user

from core import audit_labels, clock
from core.db import BaseModel


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(BaseModel):
    at = pw.DateTimeField(default=clock.now, index=True)
    actor_id = pw.IntegerField(null=True, index=True)
    action = pw.CharField(max_length=60, index=True)
    object_type = pw.CharField(max_length=40)
    object_id = pw.CharField(max_length=40, null=True)
    detail = pw.TextField(default="{}")
    ip = pw.CharField(max_length=45, null=True)

    class Meta:
        table_name = "audit_event"
        indexes = ((("object_type", "object_id"), False),)

    def save(self, *args, **kwargs):
        if self.id is not None:
            raise AppendOnlyError("audit events are append-only")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnlyError("audit events are append-only")

    @property
    def action_label(self):
        return audit_labels.action_label(self.action)

    @property
    def object_label(self):
        return audit_labels.object_label(self.object_type)

    @property
    def details(self) -> dict:
        return json.loads(self.detail or "{}")


def _row(action: str, obj_type: str, obj_id, actor, detail: dict) -> dict:
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    return {
        "actor_id": getattr(actor, "id", actor),
        "action": action,
        "object_type": obj_type,
        "object_id": None if obj_id is None else str(obj_id),
        "detail": json.dumps(detail, ensure_ascii=False, default=str),
        "ip": request.remote_addr if has_request_context() else None,
    }


def record(action: str, obj_type: str, obj_id=None, actor=None, **detail) -> AuditEvent:
    return AuditEvent.create(**_row(action, obj_type, obj_id, actor, detail))


def record_many(action: str, obj_type: str, items, actor=None) -> int:
    """One event per (obj_id, detail) of `items`, in one INSERT: a list that
    shows personal data records every row it shows without a write per row."""
    rows = [_row(action, obj_type, obj_id, actor, detail) for obj_id, detail in items]
    for batch in pw.chunked(rows, 100):  # within any database's bound parameters
        AuditEvent.insert_many(batch).execute()
    return len(rows)


def actor_names(events) -> dict:
    """actor id -> username for a page of events, in one query."""
    from blueprints.accounts.models import User

    ids = {e.actor_id for e in events if e.actor_id}
    if not ids:
        return {}
    return dict(User.select(User.id, User.username).where(User.id.in_(ids)).tuples())
