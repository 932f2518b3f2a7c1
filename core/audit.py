"""Append-only history of status changes, security events and views of personal
data. The model refuses updates and deletes; migration 002 adds database
triggers so that raw SQL cannot rewrite history either."""

import json

import peewee as pw
from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from core import clock
from core.db import BaseModel

# What each recorded action means, for the history pages in every language.
ACTION_LABELS = {
    "login": _l("Signed in"),
    "logout": _l("Signed out"),
    "account.created": _l("Account created"),
    "account.locked": _l("Account locked after wrong attempts"),
    "account.unlocked": _l("Account unlocked"),
    "account.activated": _l("Account activated"),
    "account.deactivated": _l("Account deactivated"),
    "password.changed": _l("Password changed"),
    "2fa.enrolled": _l("Two-step sign-in set up"),
    "2fa.reset": _l("Two-step sign-in reset"),
    "2fa.recovery_code_used": _l("Recovery code used"),
    "2fa.recovery_codes_issued": _l("New recovery codes made"),
    "master.renamed": _l("Names changed"),
    "service.created": _l("Service added"),
    "service.updated": _l("Service changed"),
    "application.viewed": _l("Application viewed"),
    "document.viewed": _l("Document viewed"),
    "queue.viewed": _l("Desk queue viewed"),
    "charge.assigned": _l("Charge given"),
    "charge.ended": _l("Charge ended"),
    "holiday.added": _l("Holiday added"),
    "holiday.deleted": _l("Holiday removed"),
    "csc.proposed": _l("CSC proposed"),
    "csc.opening_approved": _l("CSC opening approved"),
    "csc.opening_rejected": _l("CSC proposal rejected"),
    "csc.opened": _l("CSC opened"),
    "csc.suspended": _l("CSC suspended"),
    "csc.reactivated": _l("CSC reactivated"),
    "csc.closure_proposed": _l("CSC closure proposed"),
    "csc.closure_approved": _l("CSC closed"),
    "csc.closure_rejected": _l("CSC closure rejected"),
    "csc.updated": _l("CSC details changed"),
    "inspection.reported": _l("Inspection report filed"),
    "instruction.complied": _l("Instruction marked complied with"),
    "inspector.saved": _l("Inspector added or changed"),
    "employee.personal_viewed": _l("Employee's personal details viewed"),
    "employee.transferred": _l("Employee transferred"),
    "cadre.retirement_age": _l("Retirement age of a cadre changed"),
    "employees.import_checked": _l("Employee import checked (dry run)"),
    "employees.import_started": _l("Employee import started"),
    "mis.certified": _l("Scheme figures certified for the month"),
    "mis.corrected": _l("Scheme figures corrected after certification"),
    "mis.indicator_added": _l("Scheme indicator added"),
    "mis.indicator_retired": _l("Scheme indicator no longer asked for"),
    "mis.indicator_resumed": _l("Scheme indicator asked for again"),
    "directory.entry_saved": _l("Directory entry added or changed"),
    "directory.entry_removed": _l("Directory entry removed"),
    "directory.confirmed": _l("Directory entries confirmed for the quarter"),
    "vc_room.saved": _l("VC room added or changed"),
    "vc_fault.reported": _l("VC room fault reported"),
    "vc_fault.closed": _l("VC room fault closed"),
    "vc_meeting.scheduled": _l("VC meeting scheduled"),
    "vc_meeting.recorded": _l("VC meeting attendance recorded"),
    "vc_meeting.cancelled": _l("VC meeting cancelled"),
    "vc_action.added": _l("VC action point added"),
    "task.created": _l("Task assigned"),
    "task.done": _l("Task marked done"),
    "punches.imported": _l("Attendance punches imported"),
    "leave.recorded": _l("Leave recorded"),
    "timing.changed": _l("Office timings changed"),
}
OBJECT_LABELS = {
    "user": _l("User"),
    "tehsil": _l("Tehsil"),
    "block": _l("Block"),
    "gram_panchayat": _l("Gram panchayat"),
    "village": _l("Village"),
    "office": _l("Office"),
    "service": _l("Service"),
    "application": _l("Application"),
    "csc": _l("CSC"),
    "inspection": _l("Inspection"),
    "instruction": _l("Instruction"),
    "employee": _l("Employee"),
    "cadre": _l("Cadre"),
    "import_job": _l("Import"),
    "mis_indicator": _l("Scheme indicator"),
    "vc_room": _l("VC room"),
    "vc_meeting": _l("VC meeting"),
    "task": _l("Task"),
    "punch_import": _l("Punch import"),
}


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
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def object_label(self):
        return OBJECT_LABELS.get(self.object_type, self.object_type)

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
