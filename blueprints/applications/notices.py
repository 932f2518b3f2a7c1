"""Messages to the applicant on submission and on every status change. Each
event queues at most one SMS and one email (dedupe keys), in the applicant's
language; huey delivers them through the outbox.

SMS texts are short on purpose: English must fit one 160-character GSM part,
Hindi and Marathi (Unicode, 70 characters a part) at most two. So the SMS
names no office and carries no link; the email adds the tracking link."""

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.applications.models import (
    OPEN_STATUSES,
    STATUSES,
    Application,
    ApplicationEvent,
)
from core import notify

# A service name longer than this is cut at a word in an SMS.
SMS_SERVICE_CHARS = 28


def _short(name: str, limit: int = SMS_SERVICE_CHARS) -> str:
    if len(name) <= limit:
        return name
    # Cut at a space, so that no Devanagari letter loses its vowel sign.
    cut = name[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,-(")
    return (cut or name[:limit]) + "..."


def _due(app: Application) -> str:
    return app.due_date.strftime("%d-%m-%Y") if app.due_date else ""


def _status_sentence(app: Application, status: str) -> str:
    """One sentence on `status`, in the active locale."""
    if status == "submitted":
        return _(
            "Application %(id)s for %(service)s received. Due by %(due)s.",
            id=app.app_id,
            service=_short(app.service.name_in(app.language)),
            due=_due(app),
        )
    if status == "scrutiny":
        return _("Application %(id)s is under scrutiny.", id=app.app_id)
    if status == "awaiting_documents":
        return _("Application %(id)s: documents needed. Please visit your CSC.", id=app.app_id)
    if status == "approved":
        return _("Application %(id)s is approved.", id=app.app_id)
    if status == "rejected":
        return _("Application %(id)s is rejected. Ask your CSC for the reason.", id=app.app_id)
    if status == "delivered":
        if app.certificate_no:
            return _(
                "Application %(id)s delivered. Certificate no. %(no)s.",
                id=app.app_id,
                no=app.certificate_no[:30],
            )
        return _("Application %(id)s is delivered.", id=app.app_id)
    return _("Application %(id)s: %(status)s.", id=app.app_id, status=STATUSES.get(status, status))


def sms_text(app: Application, event: ApplicationEvent) -> str:
    with force_locale(app.language):
        return _status_sentence(app, event.to_status)


def status_reply(app: Application) -> str:
    """The answer to "STATUS <ID>": the current status, and the due date
    while the application is open."""
    with force_locale(app.language):
        text = _status_sentence(app, app.status)
        if app.status in OPEN_STATUSES and app.status != "submitted" and app.due_date:
            text += " " + _("Due by %(due)s.", due=_due(app))
        return text


def tracking_url(app_id: str) -> str:
    """The public tracking page's address, for emails: PUBLIC_URL when the
    deployment sets it (behind a proxy the request's host may be internal),
    else the address of the current request."""
    base = current_app.config.get("PUBLIC_URL", "")
    if base:
        return f"{base.rstrip('/')}/track/{app_id}"
    if has_request_context():
        return url_for("track.status", app_id=app_id, _external=True)
    return ""


def on_event(event_id: int) -> None:
    event = ApplicationEvent.get_by_id(event_id)
    app = Application.get_by_id(event.application_id)
    text = sms_text(app, event)
    if app.mobile:
        notify.queue("sms", app.mobile, text, dedupe_key=f"app-event:{event.id}:sms")
    if app.email:
        with force_locale(app.language):
            subject = _("Application %(id)s", id=app.app_id)
            body = text
            link = tracking_url(app.app_id) if app.app_id else ""
            if link:
                body += "\n\n" + _("Follow it online: %(url)s", url=link)
        notify.queue(
            "email", app.email, body, subject=subject, dedupe_key=f"app-event:{event.id}:email"
        )
