"""Messages to the applicant on submission and on every status change. Each
event queues at most one SMS and one email (dedupe keys), in the applicant's
language; huey delivers them through the outbox.

SMS texts are short on purpose: English must fit one 160-character GSM part,
Hindi and Marathi (Unicode, 70 characters a part) at most two. So the SMS
names no office and carries no link; the email adds the tracking link."""

from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.applications.models import Application, ApplicationEvent
from blueprints.applications.statuses import OPEN_STATUSES, STATUS_LABELS
from core import notify
from core.links import public_url

# A service name longer than this is cut at a word in an SMS.
SMS_SERVICE_CHARS = 28


def _short(name: str, limit: int = SMS_SERVICE_CHARS) -> str:
    if len(name) <= limit:
        return name
    # Cut at a space, so that no Devanagari letter loses its vowel sign.
    cut = name[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,-(")
    return (cut or name[:limit]) + "..."


def _due(application: Application) -> str:
    return application.due_date.strftime("%d-%m-%Y") if application.due_date else ""


def _status_sentence(application: Application, status: str) -> str:
    """One sentence on `status`, in the active locale."""
    if status == "submitted":
        return _(
            "Application %(id)s for %(service)s received. Due by %(due)s.",
            id=application.app_id,
            service=_short(application.service.name_in(application.language)),
            due=_due(application),
        )
    if status == "scrutiny":
        return _("Application %(id)s is under scrutiny.", id=application.app_id)
    if status == "awaiting_documents":
        return _(
            "Application %(id)s: documents needed. Please visit your CSC.", id=application.app_id
        )
    if status == "approved":
        return _("Application %(id)s is approved.", id=application.app_id)
    if status == "rejected":
        return _(
            "Application %(id)s is rejected. Ask your CSC for the reason.", id=application.app_id
        )
    if status == "delivered":
        if application.certificate_no:
            return _(
                "Application %(id)s delivered. Certificate no. %(no)s.",
                id=application.app_id,
                no=application.certificate_no[:30],
            )
        return _("Application %(id)s is delivered.", id=application.app_id)
    return _(
        "Application %(id)s: %(status)s.",
        id=application.app_id,
        status=STATUS_LABELS.get(status, status),
    )


def sms_text(application: Application, event: ApplicationEvent) -> str:
    with force_locale(application.language):
        return _status_sentence(application, event.to_status)


def status_reply(application: Application) -> str:
    """The answer to "STATUS <ID>": the current status, and the due date
    while the application is open."""
    with force_locale(application.language):
        text = _status_sentence(application, application.status)
        if (
            application.status in OPEN_STATUSES
            and application.status != "submitted"
            and application.due_date
        ):
            text += " " + _("Due by %(due)s.", due=_due(application))
        return text


def on_event(event_id: int) -> None:
    event = ApplicationEvent.get_by_id(event_id)
    application = Application.get_by_id(event.application_id)
    text = sms_text(application, event)
    if application.mobile:
        notify.queue("sms", application.mobile, text, dedupe_key=f"app-event:{event.id}:sms")
    if application.email:
        with force_locale(application.language):
            subject = _("Application %(id)s", id=application.app_id)
            body = text
            link = (
                public_url("track.status", app_id=application.app_id) if application.app_id else ""
            )
            if link:
                body += "\n\n" + _("Follow it online: %(url)s", url=link)
        notify.queue(
            "email",
            application.email,
            body,
            subject=subject,
            dedupe_key=f"app-event:{event.id}:email",
        )
