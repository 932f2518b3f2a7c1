"""The notification outbox. Every SMS and email is first a row here, so that
nothing is lost when a gateway is down; huey delivers it and retries."""

import smtplib
import urllib.parse
import urllib.request
from email.message import EmailMessage

import peewee as pw
from flask import current_app

from core.db import BaseModel, utcnow

MAX_ATTEMPTS = 5


class Notification(BaseModel):
    channel = pw.CharField(max_length=5, choices=[("sms", "SMS"), ("email", "Email")])
    recipient = pw.CharField(max_length=120)
    subject = pw.CharField(max_length=200, default="")
    body = pw.TextField()
    # queued: waiting for a gateway; sent; failed: gave up after MAX_ATTEMPTS
    status = pw.CharField(max_length=8, default="queued", index=True)
    attempts = pw.IntegerField(default=0)
    last_error = pw.TextField(default="")
    created_at = pw.DateTimeField(default=utcnow, index=True)
    sent_at = pw.DateTimeField(null=True)
    # Lets a caller queue the same message twice without sending it twice.
    dedupe_key = pw.CharField(max_length=120, null=True, unique=True)


class GatewayNotConfigured(RuntimeError):
    pass


def queue(channel: str, recipient: str, body: str, subject: str = "", dedupe_key=None):
    """Store a message and ask huey to deliver it. Returns the row (existing
    one when dedupe_key was already used)."""
    if not recipient:
        return None
    if dedupe_key:
        existing = Notification.get_or_none(Notification.dedupe_key == dedupe_key)
        if existing:
            return existing
    note = Notification.create(
        channel=channel, recipient=recipient, body=body, subject=subject, dedupe_key=dedupe_key
    )
    from tasks import deliver_notification

    deliver_notification(note.id)
    return note


def _send_email(note: Notification):
    host = current_app.config["SMTP_HOST"]
    if not host:
        raise GatewayNotConfigured("SMTP_HOST is not set")
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = note.recipient
    msg["Subject"] = note.subject
    msg.set_content(note.body)
    with smtplib.SMTP(host, current_app.config["SMTP_PORT"], timeout=20) as smtp:
        smtp.send_message(msg)


def _send_sms(note: Notification):
    url = current_app.config["SMS_GATEWAY_URL"]
    if not url:
        raise GatewayNotConfigured("SMS_GATEWAY_URL is not set")
    data = urllib.parse.urlencode({"to": note.recipient, "text": note.body}).encode()
    with urllib.request.urlopen(url, data=data, timeout=20) as resp:  # noqa: S310
        if resp.status >= 300:
            raise RuntimeError(f"SMS gateway answered {resp.status}")


def deliver(note_id: int) -> str:
    """Try to send one message; idempotent, so a task that runs twice is safe."""
    note = Notification.get_or_none(Notification.id == note_id)
    if note is None or note.status != "queued":
        return note.status if note else "missing"
    sender = _send_sms if note.channel == "sms" else _send_email
    try:
        sender(note)
    except GatewayNotConfigured as exc:
        # Not a failure of this message: it waits for a gateway to be set up.
        note.last_error = str(exc)
        note.save()
        return "queued"
    except Exception as exc:  # a gateway's failure must not lose the message
        note.attempts += 1
        note.last_error = str(exc)[:500]
        note.status = "failed" if note.attempts >= MAX_ATTEMPTS else "queued"
        note.save()
        return note.status
    note.status = "sent"
    note.sent_at = utcnow()
    note.attempts += 1
    note.last_error = ""
    note.save()
    return "sent"
