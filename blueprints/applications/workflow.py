"""What may happen to a submitted application, by whom, and what it does to
the service-level clock. Every change is one transaction that writes the new
status and an append-only event; notifications follow from the event."""

import datetime as dt
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from blueprints.applications.models import Application, ApplicationDocument, ApplicationEvent
from blueprints.applications.statuses import CLOCK, STATUSES
from core import clock, sla
from core.db import db

DESK_ROLES = ("office_user", "office_head")


@dataclass(frozen=True)
class Action:
    name: str
    label: object
    from_statuses: tuple
    to_status: str
    roles: tuple
    remark_required: bool = False
    # Only once a document has been uploaded since the office asked for it.
    needs_new_document: bool = False


ACTIONS = {
    a.name: a
    for a in (
        Action("accept", _l("Accept for scrutiny"), ("submitted",), "scrutiny", DESK_ROLES),
        Action(
            "ask_documents",
            _l("Ask for documents"),
            ("submitted", "scrutiny"),
            "awaiting_documents",
            DESK_ROLES,
            remark_required=True,
        ),
        Action(
            "resubmit",
            _l("Resubmit with the documents asked for"),
            ("awaiting_documents",),
            "scrutiny",
            ("csc_operator",),
            needs_new_document=True,
        ),
        Action("approve", _l("Approve"), ("scrutiny",), "approved", ("office_head",)),
        Action(
            "reject",
            _l("Reject"),
            ("submitted", "scrutiny"),
            "rejected",
            ("office_head",),
            remark_required=True,
        ),
        Action("deliver", _l("Mark delivered"), ("approved",), "delivered", DESK_ROLES),
    )
}


class TransitionError(ValueError):
    """The action is not allowed now; the message is translated."""


def allowed_actions(application: Application, user) -> list[Action]:
    return [
        a
        for a in ACTIONS.values()
        if application.status in a.from_statuses and user.role in a.roles
    ]


def transition(
    application_id: int, action_name: str, actor, remark: str = "", reason: str = "", **fields
):
    """Apply an action; returns the new event. Raises TransitionError when the
    action does not fit the application's state or the actor's role. The
    reason (applications.reasons) is what public tracking shows."""
    from flask_babel import gettext as _

    from blueprints.applications import reasons

    action = ACTIONS.get(action_name)
    if action is None:
        raise TransitionError(_("That action does not exist."))
    if actor.role not in action.roles:
        raise TransitionError(_("Your role cannot do this."))
    remark = (remark or "").strip()
    if action.remark_required and not remark:
        raise TransitionError(_("Write a remark: the applicant will read it."))
    try:
        reason = reasons.for_action(action.name, reason)
    except ValueError:
        raise TransitionError(_("Choose one of the options in the list.")) from None
    with db.atomic():
        # Re-read inside the transaction: another desk may have acted first.
        application = Application.select().where(Application.id == application_id).get()
        if application.status not in action.from_statuses:
            raise TransitionError(
                _(
                    "This application is now “%(status)s”; refresh the page.",
                    status=application.status_label,
                )
            )
        if action.needs_new_document and not documents_since_asked(application):
            raise TransitionError(
                _(
                    "No document was uploaded since the office asked for them: "
                    "upload the documents asked for, then send it back."
                )
            )
        now = clock.now()
        updates = {"status": action.to_status, "updated_at": now}
        if action.to_status in CLOCK.paused:
            updates["paused_since"] = now
        if application.status in CLOCK.paused and application.paused_since:
            paused = sla.days_paused(clock.ist_date(application.paused_since), clock.ist_date(now))
            updates["paused_days"] = application.paused_days + paused
            updates["due_date"] = application.due_date + dt.timedelta(days=paused)
            updates["paused_since"] = None
        if STATUSES[action.to_status].decided and not STATUSES[application.status].decided:
            updates["decided_at"] = now
        updates.update(fields)
        changed = (
            Application.update(**updates)
            .where((Application.id == application.id) & (Application.status == application.status))
            .execute()
        )
        if changed != 1:
            raise TransitionError(_("Someone else changed this application; refresh the page."))
        event = ApplicationEvent.create(
            application=application.id,
            at=now,
            actor=actor.id,
            from_status=application.status,
            to_status=action.to_status,
            remark=remark,
            reason=reason,
        )
    from blueprints.applications.notices import on_event

    on_event(event.id)
    return event


def asked_for_documents(application: Application) -> ApplicationEvent | None:
    """The office's latest request for documents (its reason and remark)."""
    return (
        ApplicationEvent.select()
        .where(
            (ApplicationEvent.application == application.id)
            & (ApplicationEvent.to_status == "awaiting_documents")
        )
        .order_by(ApplicationEvent.id.desc())
        .first()
    )


def documents_since_asked(application: Application) -> list[str]:
    """The keys of the documents uploaded (or replaced) since the office last
    asked for documents."""
    since = application.paused_since
    if since is None:
        asked = asked_for_documents(application)
        since = asked.at if asked else None
    query = ApplicationDocument.select(ApplicationDocument.doc_key).where(
        ApplicationDocument.application == application.id
    )
    if since is not None:
        query = query.where(ApplicationDocument.uploaded_at >= since)
    return [key for (key,) in query.tuples()]


def clock_of(application: Application, today: dt.date | None = None) -> sla.Reading:
    """The service-level clock of one application (see statuses.CLOCK)."""
    paused_on = clock.ist_date(application.paused_since) if application.paused_since else None
    return CLOCK.read(
        application.status, application.due_date, today or clock.today_ist(), paused_on
    )
