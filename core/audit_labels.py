"""What each action and record type in the audit history means, in the
reader's language: one mapping of key -> label for every page that shows
the history (core/audit.AuditEvent.action_label). A key recorded anywhere
must be listed here (tests/core/test_audit_labels.py walks the code for
them); one that is not, say from a newer area, reads as "an action" with
its key rather than failing or passing for a translated label."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

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
    "account.sessions_ended": _l("All sessions of the account signed out"),
    "session.ended": _l("A session signed out from the account page"),
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
    "pendency.list_viewed": _l("Pending applications list viewed"),
    "pendency.exported": _l("Pending applications list downloaded"),
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
    "employee.edited": _l("Employee details edited"),
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
    "holiday": _l("Holiday"),
    "pendency": _l("Pendency"),
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


def action_label(key: str) -> str:
    label = ACTION_LABELS.get(key)
    if label is not None:
        return str(label)
    return _("Other action (%(key)s)", key=key)


def object_label(key: str) -> str:
    label = OBJECT_LABELS.get(key)
    if label is not None:
        return str(label)
    return key.replace("_", " ")
