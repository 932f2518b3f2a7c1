"""Messages to the applicant on submission and on every status change. Each
event queues at most one SMS and one email (dedupe keys), in the applicant's
language; huey delivers them through the outbox."""

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.applications.models import Application, ApplicationEvent
from core import notify


def sms_text(app: Application, event: ApplicationEvent) -> str:
    with force_locale(app.language):
        status = str(app.status_label)
        if event.to_status == "submitted":
            return _(
                "Application %(id)s received for %(service)s. Due by %(due)s.",
                id=app.app_id,
                service=app.service.name_in(app.language),
                due=app.due_date.strftime("%d-%m-%Y"),
            )
        return _("Application %(id)s: %(status)s.", id=app.app_id, status=status)


def on_event(event_id: int) -> None:
    event = ApplicationEvent.get_by_id(event_id)
    app = Application.get_by_id(event.application_id)
    if app.mobile:
        notify.queue(
            "sms", app.mobile, sms_text(app, event), dedupe_key=f"app-event:{event.id}:sms"
        )
    if app.email:
        with force_locale(app.language):
            subject = _("Application %(id)s", id=app.app_id)
        body = sms_text(app, event)
        if current_app and app.app_id:
            body += "\n" + url_for("track.status", app_id=app.app_id, _external=True)
        notify.queue(
            "email", app.email, body, subject=subject, dedupe_key=f"app-event:{event.id}:email"
        )
