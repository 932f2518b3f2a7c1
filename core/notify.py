"""The notification outbox. Every SMS and email is first a row here, so that
nothing is lost when a gateway is down; huey delivers it and retries.

Backends (config NOTIFY_BACKEND, a comma-separated list):
  log   writes the message to the app log and marks it sent (the demo default)
  smtp  email through SMTP_HOST:SMTP_PORT
  http  SMS through the HTTP gateway at SMS_GATEWAY_URL
Each channel uses its live backend when listed, else "log" when listed, else
its messages wait in the outbox until a backend is configured.

Every SMS keeps to its parts budget (SMS_MAX_PARTS, sms_fits), checked in
queue(): one longer only carries the rest of what it says behind one link.

A failed attempt is retried with exponential backoff (next_attempt_at) up to
MAX_ATTEMPTS, then the message is "failed". A channel whose gateway keeps
failing, or refuses our credentials, raises a GatewayAlert that the
administrators see."""

import datetime as dt
import json
import math
import os
import re
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import peewee as pw
from flask import current_app
from flask_babel import lazy_gettext as _l

from core import clock
from core.db import BaseModel, db

MAX_ATTEMPTS = 5
# While one worker sends a message, no other may pick it up; longer than any
# gateway timeout, so that only a crashed worker's message is picked up again.
CLAIM_SECONDS = 300

DEFAULTS = {
    "NOTIFY_BACKEND": os.environ.get("NOTIFY_BACKEND", "log"),
    # First retry after this many seconds, then twice as long each time.
    "NOTIFY_BACKOFF_SECONDS": 60,
    "NOTIFY_BACKOFF_MAX_SECONDS": 6 * 3600,
    # An alert after this many failures in a row of one channel within the window.
    "GATEWAY_ALERT_FAILURES": 3,
    "GATEWAY_ALERT_WINDOW_SECONDS": 600,
    "SMTP_TIMEOUT": 20,
    "SMTP_USER": os.environ.get("SMTP_USER", ""),
    "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
    "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS") == "1",
    "SMS_GATEWAY_TOKEN": os.environ.get("SMS_GATEWAY_TOKEN", ""),
    "SMS_GATEWAY_TOKEN_HEADER": os.environ.get("SMS_GATEWAY_TOKEN_HEADER", "Authorization"),
    "SMS_GATEWAY_TOKEN_PREFIX": os.environ.get("SMS_GATEWAY_TOKEN_PREFIX", "Bearer "),
    # The request body; {to}, {text}, {sender} and {unicode} are filled in,
    # URL-encoded for a form body, as JSON strings for a JSON body.
    "SMS_GATEWAY_BODY": os.environ.get("SMS_GATEWAY_BODY", "to={to}&text={text}"),
    "SMS_GATEWAY_CONTENT_TYPE": os.environ.get(
        "SMS_GATEWAY_CONTENT_TYPE", "application/x-www-form-urlencoded"
    ),
    "SMS_GATEWAY_TIMEOUT": 10,
    "SMS_SENDER_ID": os.environ.get("SMS_SENDER_ID", ""),
    # The most SMS parts a message may take (sms_fits); a longer one must
    # keep its words within it and put the rest behind one link.
    "SMS_MAX_PARTS": 2,
    # An SMS over its budget is refused (SmsOverBudget) instead of being
    # logged and sent: on in tests, so that a message that grew is caught.
    "SMS_BUDGET_STRICT": None,
}

CHANNEL_LABELS = {"sms": _l("SMS"), "email": _l("Email")}
LIVE_BACKEND = {"email": "smtp", "sms": "http"}


def setting(name: str):
    return current_app.config.get(name, DEFAULTS.get(name))


class Notification(BaseModel):
    channel = pw.CharField(max_length=5, choices=[("sms", "SMS"), ("email", "Email")])
    recipient = pw.CharField(max_length=120)
    subject = pw.CharField(max_length=200, default="")
    body = pw.TextField()
    # queued: waiting for a gateway or a retry; sent; failed: gave up
    status = pw.CharField(max_length=8, default="queued", index=True)
    attempts = pw.IntegerField(default=0)
    last_error = pw.TextField(default="")
    created_at = pw.DateTimeField(default=clock.now, index=True)
    sent_at = pw.DateTimeField(null=True)
    # Lets a caller queue the same message twice without sending it twice.
    dedupe_key = pw.CharField(max_length=120, null=True, unique=True)
    # Not to be tried before this time (backoff), and a worker's claim while
    # it sends; NULL: try at the next chance.
    next_attempt_at = pw.DateTimeField(null=True, index=True)


class GatewayAlert(BaseModel):
    """A run of failures of one channel. It becomes visible (raised_at) after
    GATEWAY_ALERT_FAILURES failures in a row within the window, or at once on
    an authentication error, and is resolved by the next successful send."""

    channel = pw.CharField(max_length=5)
    reason = pw.CharField(max_length=10, default="failing")  # failing | auth
    detail = pw.TextField(default="")
    failures = pw.IntegerField(default=0)
    first_failure_at = pw.DateTimeField()
    last_failure_at = pw.DateTimeField()
    raised_at = pw.DateTimeField(null=True, index=True)
    resolved_at = pw.DateTimeField(null=True, index=True)

    class Meta:
        table_name = "gateway_alert"

    @property
    def channel_label(self):
        return CHANNEL_LABELS.get(self.channel, self.channel)


class GatewayNotConfigured(RuntimeError):
    """Not a failure of the message: it waits for a backend to be set up."""


class GatewayError(RuntimeError):
    """The gateway failed this time (refused, non-2xx, timeout): retry later."""


class GatewayAuthError(GatewayError):
    """The gateway refused our credentials: no retry will help until an
    administrator fixes the configuration, so alert at once."""


class PermanentFailure(RuntimeError):
    """This message can never be delivered (e.g. the address is refused)."""


# --- SMS length --------------------------------------------------------------

# GSM 03.38: the default alphabet (one septet each) and its extension table
# (two septets each: escape + character).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


def is_gsm(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def sms_parts(text: str) -> int:
    """How many SMS parts `text` takes: 160 GSM septets in one part (153 each
    when concatenated); anything outside GSM goes as UCS-2, 70 UTF-16 units
    in one part (67 each when concatenated)."""
    if is_gsm(text):
        septets = sum(2 if ch in GSM_EXTENSION else 1 for ch in text)
        return 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)


LINK = re.compile(r"https?://\S+")


class SmsOverBudget(ValueError):
    """An SMS longer than its parts budget with no link to carry the rest."""


def sms_budget() -> int:
    return int(setting("SMS_MAX_PARTS"))


def sms_fits(text: str, parts: int | None = None) -> bool:
    """Whether an SMS keeps to its budget (`parts`, else SMS_MAX_PARTS): it
    takes no more parts than that, or it carries exactly one link and its
    words without the link do (the rest of what there is to say is behind
    the link: a page cannot be made shorter than its address)."""
    budget = sms_budget() if parts is None else parts
    if sms_parts(text) <= budget:
        return True
    links = LINK.findall(text)
    return len(links) == 1 and sms_parts(LINK.sub("", text)) <= budget


def clip(text: str, size: int) -> str:
    """`text` cut to `size` characters with an ellipsis: a title in an SMS."""
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def first_fitting(*texts: str) -> str:
    """The first of `texts` (fullest first) that keeps to the SMS budget,
    else the last, the shortest."""
    for text in texts:
        if sms_fits(text):
            return text
    return texts[-1]


def with_title_fitted(say, title: str, sizes=(40, 24, 12)) -> str:
    """`say(title)` with the whole title if that SMS keeps to its budget,
    else with the title cut to the first of `sizes` that does."""
    return first_fitting(say(title), *(say(clip(title, size)) for size in sizes))


def _check_sms_budget(body: str) -> None:
    if sms_fits(body):
        return
    strict = setting("SMS_BUDGET_STRICT")
    if strict is None:
        strict = current_app.testing
    message = (
        f"SMS of {sms_parts(body)} parts is over its budget of {sms_budget()} "
        f"without one link to carry the rest: {body[:80]!r}"
    )
    if strict:
        raise SmsOverBudget(message)
    # In production a message is never lost for its length: sent, and logged.
    current_app.logger.error(message)


# --- queueing ----------------------------------------------------------------


def queue(channel: str, recipient: str, body: str, subject: str = "", dedupe_key=None):
    """Store a message and ask huey to deliver it. Returns the row, whose
    `queued` says whether this call queued it: False when dedupe_key was
    already used (the row is then the earlier one, nothing new is sent).
    None without a recipient. Count a send only when `queued`."""
    if not recipient:
        return None
    if channel == "sms":
        _check_sms_budget(body)
    if dedupe_key:
        existing = Notification.get_or_none(Notification.dedupe_key == dedupe_key)
        if existing:
            existing.queued = False
            return existing
    try:
        with db.atomic():
            note = Notification.create(
                channel=channel,
                recipient=recipient,
                body=body,
                subject=header_text(subject)[:200],
                dedupe_key=dedupe_key,
            )
    except pw.IntegrityError:
        # A concurrent caller stored the same dedupe_key first.
        existing = Notification.get(Notification.dedupe_key == dedupe_key)
        existing.queued = False
        return existing
    note.queued = True
    from core.notify_tasks import deliver_notification

    deliver_notification(note.id)
    return note


def was_queued(note) -> bool:
    """Whether a queue() call queued a new message (not a duplicate, not
    dropped for want of a recipient)."""
    return bool(note is not None and getattr(note, "queued", False))


def backend_for(channel: str) -> str:
    chosen = {b.strip().lower() for b in str(setting("NOTIFY_BACKEND") or "").split(",")}
    if LIVE_BACKEND[channel] in chosen:
        return LIVE_BACKEND[channel]
    if "log" in chosen:
        return "log"
    return ""


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed attempt: 1, 2, 4, 8... minutes."""
    base = int(setting("NOTIFY_BACKOFF_SECONDS"))
    seconds = min(base * 2 ** max(0, attempts - 1), int(setting("NOTIFY_BACKOFF_MAX_SECONDS")))
    return dt.timedelta(seconds=seconds)


# --- backends ----------------------------------------------------------------


def _send_log(note: Notification):
    current_app.logger.info(
        "notify[log] %s to %s: %s%s",
        note.channel,
        note.recipient,
        f"[{note.subject}] " if note.subject else "",
        note.body,
    )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_text(value: str) -> str:
    """A header value with no control characters: a CR/LF from a title (a VC
    meeting's) would add a header of its author's, and EmailMessage refuses
    it outright."""
    return " ".join(_CONTROL.sub(" ", value or "").split())


def _send_email(note: Notification):
    host = setting("SMTP_HOST")
    if not host:
        raise GatewayNotConfigured("SMTP_HOST is not set")
    sender = header_text(setting("MAIL_FROM"))
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = header_text(note.recipient)
    msg["Subject"] = header_text(note.subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(idstring=f"n{note.id}", domain=sender.rpartition("@")[2] or None)
    msg.set_content(note.body)
    try:
        with smtplib.SMTP(host, int(setting("SMTP_PORT")), timeout=setting("SMTP_TIMEOUT")) as smtp:
            if setting("SMTP_STARTTLS"):
                smtp.starttls()
            if setting("SMTP_USER"):
                smtp.login(setting("SMTP_USER"), setting("SMTP_PASSWORD"))
            smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError as exc:
        raise GatewayAuthError(f"mail server refused the login: {exc.smtp_code}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentFailure(f"mail server refused the address {note.recipient}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise GatewayError(f"mail server: {exc}") from exc


_PLACEHOLDER = re.compile(r"\{(to|text|sender|unicode)\}")


def gateway_body(template: str, content_type: str, values: dict) -> str:
    """Fill the gateway's body template; each value is encoded for the body's
    type, so a message with & or quotes cannot break the request."""
    if "json" in content_type:
        return _PLACEHOLDER.sub(lambda m: json.dumps(values[m.group(1)]), template)
    return _PLACEHOLDER.sub(lambda m: urllib.parse.quote_plus(str(values[m.group(1)])), template)


def _send_sms(note: Notification):
    url = setting("SMS_GATEWAY_URL")
    if not url:
        raise GatewayNotConfigured("SMS_GATEWAY_URL is not set")
    content_type = setting("SMS_GATEWAY_CONTENT_TYPE")
    body = gateway_body(
        setting("SMS_GATEWAY_BODY"),
        content_type,
        {
            "to": note.recipient,
            "text": note.body,
            "sender": setting("SMS_SENDER_ID"),
            "unicode": 0 if is_gsm(note.body) else 1,
        },
    )
    request = urllib.request.Request(  # noqa: S310 (the URL is the administrator's)
        url, data=body.encode(), method="POST", headers={"Content-Type": content_type}
    )
    if setting("SMS_GATEWAY_TOKEN"):
        request.add_header(
            setting("SMS_GATEWAY_TOKEN_HEADER"),
            f"{setting('SMS_GATEWAY_TOKEN_PREFIX')}{setting('SMS_GATEWAY_TOKEN')}",
        )
    try:
        with urllib.request.urlopen(request, timeout=setting("SMS_GATEWAY_TIMEOUT")) as resp:  # noqa: S310
            status = resp.status
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            raise GatewayAuthError(f"SMS gateway refused the token ({exc.code})") from exc
        raise GatewayError(f"SMS gateway answered {exc.code}") from exc
    except TimeoutError as exc:
        raise GatewayError("SMS gateway timed out") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise GatewayError("SMS gateway timed out") from exc
        raise GatewayError(f"SMS gateway unreachable: {reason}") from exc
    if not 200 <= status < 300:
        raise GatewayError(f"SMS gateway answered {status}")


SENDERS = {"log": _send_log, "smtp": _send_email, "http": _send_sms}


# --- delivery ----------------------------------------------------------------


def _claim(note_id: int, now: dt.datetime) -> bool:
    """Take the message for this worker, if it is queued and due. The
    conditional update lets only one of two concurrent workers send it."""
    due = Notification.next_attempt_at.is_null() | (Notification.next_attempt_at <= now)
    return (
        Notification.update(next_attempt_at=now + dt.timedelta(seconds=CLAIM_SECONDS))
        .where((Notification.id == note_id) & (Notification.status == "queued") & due)
        .execute()
        == 1
    )


def deliver(note_id: int, now: dt.datetime | None = None) -> str:
    """Try to send one message if it is due; idempotent, so a task that runs
    twice is safe. Returns the message's status afterwards."""
    now = now or clock.now()
    note = Notification.get_or_none(Notification.id == note_id)
    if note is None:
        return "missing"
    if note.status != "queued" or not _claim(note.id, now):
        return note.status
    backend = backend_for(note.channel)
    fields = {}
    try:
        if not backend:
            raise GatewayNotConfigured(
                f"no backend for {note.channel} in NOTIFY_BACKEND={setting('NOTIFY_BACKEND')!r}"
            )
        SENDERS[backend](note)
    except GatewayNotConfigured as exc:
        fields = {"last_error": str(exc), "next_attempt_at": None}
    except PermanentFailure as exc:
        fields = {"attempts": note.attempts + 1, "last_error": str(exc)[:500], "status": "failed"}
    except Exception as exc:  # a failure must not lose the message
        attempts = note.attempts + 1
        fields = {"attempts": attempts, "last_error": str(exc)[:500]}
        if attempts >= MAX_ATTEMPTS:
            fields.update(status="failed", next_attempt_at=None)
        else:
            fields.update(next_attempt_at=now + backoff(attempts))
        # Only the gateway's own failures count against its health: a message
        # the portal could not build says nothing about the mail server.
        if backend != "log" and isinstance(exc, GatewayError):
            gateway_failed(note.channel, str(exc), auth=isinstance(exc, GatewayAuthError), now=now)
    else:
        fields = {
            "status": "sent",
            "sent_at": clock.now(),
            "attempts": note.attempts + 1,
            "last_error": "",
            "next_attempt_at": None,
        }
        if backend != "log":
            gateway_worked(note.channel, now)
    Notification.update(**fields).where(Notification.id == note.id).execute()
    return fields.get("status", "queued")


def due_ids(now: dt.datetime | None = None, limit: int = 500) -> list[int]:
    now = now or clock.now()
    return [
        n.id
        for n in Notification.select(Notification.id)
        .where(
            (Notification.status == "queued")
            & (Notification.next_attempt_at.is_null() | (Notification.next_attempt_at <= now))
        )
        .order_by(Notification.id)
        .limit(limit)
    ]


# --- gateway alerts ----------------------------------------------------------


def _open_alert(channel: str):
    return (
        GatewayAlert.select()
        .where((GatewayAlert.channel == channel) & GatewayAlert.resolved_at.is_null())
        .order_by(GatewayAlert.id.desc())
        .first()
    )


def gateway_failed(channel: str, error: str, *, auth: bool = False, now=None) -> GatewayAlert:
    now = now or clock.now()
    window = dt.timedelta(seconds=int(setting("GATEWAY_ALERT_WINDOW_SECONDS")))
    with db.atomic():
        alert = _open_alert(channel)
        if alert is not None and alert.raised_at is None and alert.first_failure_at < now - window:
            # The earlier failures were too long ago to count as "starts failing".
            alert.failures, alert.first_failure_at = 0, now
        if alert is None:
            alert = GatewayAlert(channel=channel, first_failure_at=now, failures=0)
        alert.failures += 1
        alert.last_failure_at = now
        alert.detail = error[:500]
        if auth:
            alert.reason = "auth"
        newly_raised = alert.raised_at is None and (
            auth or alert.failures >= int(setting("GATEWAY_ALERT_FAILURES"))
        )
        if newly_raised:
            alert.raised_at = now
        alert.save()
    if newly_raised:
        current_app.logger.error("gateway alert: %s channel failing: %s", channel, error)
        _tell_admins(alert)
    return alert


def gateway_worked(channel: str, now=None) -> None:
    now = now or clock.now()
    open_ = (GatewayAlert.channel == channel) & GatewayAlert.resolved_at.is_null()
    GatewayAlert.delete().where(open_ & GatewayAlert.raised_at.is_null()).execute()
    GatewayAlert.update(resolved_at=now).where(
        open_ & GatewayAlert.raised_at.is_null(False)
    ).execute()


def active_alerts() -> list[GatewayAlert]:
    """Alerts the administrators must see: raised and not yet resolved."""
    return list(
        GatewayAlert.select()
        .where(GatewayAlert.raised_at.is_null(False) & GatewayAlert.resolved_at.is_null())
        .order_by(GatewayAlert.raised_at.desc())
    )


# --- the outbox page -------------------------------------------------------------

OUTBOX_STATUSES = ("queued", "sent", "failed")
SEARCH_MAX = 100


def outbox(search: str = "", channel: str = "", status: str = ""):
    """Messages whose recipient, subject or text contains `search` (any
    case), of one channel and status when given; for paging newest first
    on (created_at, id) with core.paging.keyset_page."""
    query = Notification.select()
    search = " ".join((search or "").split())[:SEARCH_MAX]
    if search:
        query = query.where(
            Notification.recipient.contains(search)
            | Notification.subject.contains(search)
            | Notification.body.contains(search)
        )
    if channel:
        query = query.where(Notification.channel == channel)
    if status:
        query = query.where(Notification.status == status)
    return query


def _tell_admins(alert: GatewayAlert) -> None:
    """Tell the administrators over the other channel, the one still working."""
    from flask_babel import force_locale
    from flask_babel import gettext as _

    from blueprints.accounts.models import User
    from core.i18n import ist_datetime, message_locale

    other = "email" if alert.channel == "sms" else "sms"
    field = User.email if other == "email" else User.mobile
    admins = User.select(field).where(
        (User.role == "admin") & (User.is_active_account == True) & (field != "")  # noqa: E712
    )
    with force_locale(message_locale()):
        text = _(
            "Zila: the %(channel)s gateway is failing since %(at)s. See the outbox.",
            channel=str(alert.channel_label),
            at=ist_datetime(alert.first_failure_at),
        )
    for (address,) in admins.tuples():
        queue(
            other,
            address,
            text,
            subject=text if other == "email" else "",
            dedupe_key=f"gateway-alert:{alert.id}:{other}:{address}",
        )
