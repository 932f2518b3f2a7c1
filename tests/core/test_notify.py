"""The outbox: every message is a row first, delivered by huey (immediate in
tests) through a real SMTP server (aiosmtpd) and a real HTTP gateway on
127.0.0.1, retried with backoff, never sent twice; a failing gateway raises
an alert the administrators see."""

import datetime as dt
import email
import email.policy
import json
import logging
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from core import clock, notify, notify_tasks
from core.db import db
from core.notify import MAX_ATTEMPTS, GatewayAlert, Notification, deliver, queue, sms_parts
from tests.helpers import without_proxy

MOBILE = "9812345678"


class Gateway:
    """A tiny SMS gateway: records each POST and answers with `status`,
    after `delay` seconds."""

    def __init__(self):
        self.received = []
        self.headers = []
        self.raw = []
        self.status = 200
        self.delay = 0.0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length).decode()
                gateway.raw.append(raw)
                gateway.headers.append(dict(self.headers))
                if "json" in self.headers.get("Content-Type", ""):
                    gateway.received.append(json.loads(raw))
                else:
                    form = urllib.parse.parse_qs(raw)
                    gateway.received.append({k: v[0] for k, v in form.items()})
                if gateway.delay:
                    time.sleep(gateway.delay)
                self.send_response(gateway.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class EphemeralController(Controller):
    """aiosmtpd on a port the OS picks, so parallel runs never collide."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self):
        return [
            email.message_from_bytes(e.content, policy=email.policy.default) for e in self.envelopes
        ]


def start_smtp(**kwargs):
    inbox = Inbox()
    controller = EphemeralController(inbox, hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    return inbox, controller


@pytest.fixture
def ctx(app, monkeypatch):
    without_proxy(monkeypatch)
    app.config["NOTIFY_BACKEND"] = "smtp,http"
    with app.app_context(), db.connection_context():
        yield app


@pytest.fixture
def gateway(ctx):
    server = Gateway()
    ctx.config["SMS_GATEWAY_URL"] = server.url
    yield server
    server.close()


@pytest.fixture
def smtp(ctx):
    inbox, controller = start_smtp()
    ctx.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, MAIL_FROM="zila@aur.test")
    yield inbox
    controller.stop()


def reload(note) -> Notification:
    return Notification.get_by_id(note.id)


def later(note) -> dt.datetime:
    """A moment when the message's backoff is over."""
    return reload(note).next_attempt_at + dt.timedelta(seconds=1)


# --- backends ------------------------------------------------------------------


def test_log_backend_is_the_default_and_marks_sent(app, caplog):
    with app.app_context(), db.connection_context():
        assert app.config.get("NOTIFY_BACKEND", notify.DEFAULTS["NOTIFY_BACKEND"]) == "log"
        with caplog.at_level(logging.INFO):
            note = reload(queue("sms", MOBILE, "अर्ज मंजूर: certificate ready"))
        assert (note.status, note.last_error, note.attempts) == ("sent", "", 1)
        assert "अर्ज मंजूर: certificate ready" in caplog.text and MOBILE in caplog.text


def test_without_a_gateway_the_message_waits(ctx):
    ctx.config["SMS_GATEWAY_URL"] = ""
    note = reload(queue("sms", MOBILE, "Your certificate is ready"))
    assert note.status == "queued"
    assert "SMS_GATEWAY_URL" in note.last_error
    assert note.attempts == 0  # waiting for a gateway is not a failed attempt
    assert Notification.select().count() == 1


def test_a_channel_without_a_backend_waits(ctx, gateway):
    ctx.config["NOTIFY_BACKEND"] = "smtp"
    note = reload(queue("sms", MOBILE, "hello"))
    assert note.status == "queued" and "NOTIFY_BACKEND" in note.last_error
    assert gateway.received == []


def test_message_is_sent_through_the_gateway(gateway):
    note = reload(queue("sms", MOBILE, "अर्ज मंजूर: Your certificate is ready"))
    assert note.status == "sent"
    assert note.sent_at is not None
    assert (note.attempts, note.last_error) == (1, "")
    assert gateway.received == [{"to": MOBILE, "text": "अर्ज मंजूर: Your certificate is ready"}]


def test_gateway_body_template_and_token(ctx, gateway):
    ctx.config.update(
        SMS_GATEWAY_TOKEN="s3cret-token",
        SMS_GATEWAY_CONTENT_TYPE="application/json",
        SMS_GATEWAY_BODY='{"mobile": {to}, "message": {text}, "unicode": {unicode}}',
    )
    text = 'Say "hi" & बाय'
    assert reload(queue("sms", MOBILE, text)).status == "sent"
    assert gateway.received == [{"mobile": MOBILE, "message": text, "unicode": 1}]
    assert gateway.headers[0]["Authorization"] == "Bearer s3cret-token"


def test_form_body_is_url_encoded(ctx, gateway):
    ctx.config["SMS_GATEWAY_BODY"] = "msisdn={to}&msg={text}&unicode={unicode}&x=1"
    queue("sms", MOBILE, "A&B=C ok")
    assert gateway.received == [{"msisdn": MOBILE, "msg": "A&B=C ok", "unicode": "0", "x": "1"}]


def test_email_goes_through_a_real_smtp_server(smtp):
    note = reload(queue("email", "citizen@example.org", "आपला अर्ज मंजूर झाला.", subject="अर्ज AUR26"))
    assert note.status == "sent"
    [envelope] = smtp.envelopes
    assert envelope.mail_from == "zila@aur.test"
    assert envelope.rcpt_tos == ["citizen@example.org"]
    [message] = smtp.messages()
    assert message["Subject"] == "अर्ज AUR26"
    assert message.get_content().strip() == "आपला अर्ज मंजूर झाला."


def test_a_line_break_in_a_subject_cannot_add_a_header(smtp):
    """A CR/LF typed into a title (a VC meeting's) would make EmailMessage
    refuse the subject, or, written raw, add a header of the sender's."""
    subject = "VC review: Kharif\r\nBcc: everyone@evil.example\x00\x1b"
    note = reload(queue("email", "citizen@example.org", "Body", subject=subject))
    assert note.status == "sent", note.last_error
    [message] = smtp.messages()
    assert message["Subject"] == "VC review: Kharif Bcc: everyone@evil.example"
    assert message["Bcc"] is None
    assert smtp.envelopes[0].rcpt_tos == ["citizen@example.org"]
    assert GatewayAlert.select().count() == 0


def test_only_the_gateways_own_failures_count_against_it(ctx, smtp, monkeypatch):
    def broken(note):
        raise ValueError("a message the portal built wrongly")

    monkeypatch.setitem(notify.SENDERS, "smtp", broken)
    notes = [queue("email", "citizen@example.org", "Body", subject=f"S{i}") for i in range(4)]
    assert {reload(n).status for n in notes} == {"queued"}
    assert all("built wrongly" in reload(n).last_error for n in notes)
    assert GatewayAlert.select().count() == 0


def test_email_without_smtp_host_waits(ctx):
    ctx.config["SMTP_HOST"] = ""
    note = reload(queue("email", "citizen@example.org", "Body", subject="Certificate"))
    assert note.status == "queued"
    assert "SMTP_HOST" in note.last_error


# --- retries and backoff -------------------------------------------------------


def test_failing_gateway_backs_off_then_gives_up(gateway):
    gateway.status = 500
    note = queue("sms", MOBILE, "hello")
    waits = []
    tried_at = clock.now()
    for attempt in range(1, MAX_ATTEMPTS):
        row = reload(note)
        assert (row.attempts, row.status) == (attempt, "queued")
        assert "500" in row.last_error
        # Not due yet: nothing is sent before the backoff is over.
        assert deliver(note.id, now=row.next_attempt_at - dt.timedelta(seconds=5)) == "queued"
        assert len(gateway.received) == attempt
        waits.append(round((row.next_attempt_at - tried_at).total_seconds() / 60))
        tried_at = later(note)
        assert deliver(note.id, now=tried_at) == (
            "failed" if attempt + 1 == MAX_ATTEMPTS else "queued"
        )
    assert waits == [1, 2, 4, 8]  # minutes, doubling
    row = reload(note)
    assert (row.attempts, row.status) == (MAX_ATTEMPTS, "failed")
    assert len(gateway.received) == MAX_ATTEMPTS
    assert deliver(note.id, now=clock.now() + dt.timedelta(days=1)) == "failed"
    assert len(gateway.received) == MAX_ATTEMPTS


def test_a_timeout_is_a_failure(ctx, gateway):
    ctx.config["SMS_GATEWAY_TIMEOUT"] = 0.3
    gateway.delay = 1.0
    note = reload(queue("sms", MOBILE, "hello"))
    assert (note.status, note.attempts) == ("queued", 1)
    assert "timed out" in note.last_error
    assert note.next_attempt_at > clock.now()


def test_the_sweep_sends_only_what_is_due(ctx, gateway):
    gateway.status = 503
    failed = queue("sms", MOBILE, "backing off")
    gateway.status = 200
    ctx.config["SMS_GATEWAY_URL"] = ""
    waiting = queue("sms", MOBILE, "waiting for a gateway")
    ctx.config["SMS_GATEWAY_URL"] = gateway.url
    assert notify.due_ids() == [waiting.id]
    notify_tasks.retry_queued_notifications()
    assert reload(waiting).status == "sent" and reload(failed).status == "queued"
    assert notify.due_ids(now=later(failed)) == [failed.id]


def test_periodic_task_retries_waiting_messages(ctx):
    ctx.config["SMS_GATEWAY_URL"] = ""
    waiting = [queue("sms", MOBILE, f"message {i}") for i in range(2)]
    assert {reload(n).status for n in waiting} == {"queued"}

    server = Gateway()
    try:
        ctx.config["SMS_GATEWAY_URL"] = server.url
        notify_tasks.retry_queued_notifications()
        assert {reload(n).status for n in waiting} == {"sent"}
        assert sorted(r["text"] for r in server.received) == ["message 0", "message 1"]
        notify_tasks.retry_queued_notifications()
        assert len(server.received) == 2
    finally:
        server.close()


# --- never twice -----------------------------------------------------------------


def test_dedupe_key_keeps_one_row_and_one_message(gateway):
    first = queue("sms", MOBILE, "Application 12 approved", dedupe_key="app-12-approved")
    second = queue("sms", MOBILE, "Application 12 approved", dedupe_key="app-12-approved")
    assert first.id == second.id
    assert Notification.select().count() == 1
    assert len(gateway.received) == 1
    # The caller learns that the second call queued nothing, to count only sends.
    assert first.queued is True and second.queued is False
    assert notify.was_queued(first) and not notify.was_queued(second)
    assert not notify.was_queued(queue("sms", "", "nobody to tell"))


def test_delivering_twice_sends_once(gateway):
    note = queue("sms", MOBILE, "hello")
    assert deliver(note.id) == "sent"
    notify_tasks.deliver_notification(note.id)
    assert len(gateway.received) == 1
    assert reload(note).attempts == 1


def test_a_message_another_worker_is_sending_is_left_alone(ctx, gateway):
    ctx.config["SMS_GATEWAY_URL"] = ""
    note = queue("sms", MOBILE, "hello")
    ctx.config["SMS_GATEWAY_URL"] = gateway.url
    assert notify._claim(note.id, clock.now())  # another worker took it
    assert deliver(note.id) == "queued"
    assert gateway.received == []


def test_missing_row_is_reported_not_raised(ctx):
    assert deliver(987654) == "missing"


def test_empty_recipient_is_not_stored(ctx):
    assert queue("sms", "", "hello") is None
    assert Notification.select().count() == 0


# --- gateway alerts ----------------------------------------------------------------


def test_three_failures_in_a_row_raise_an_alert_and_success_clears_it(ctx, gateway):
    gateway.status = 502
    queue("sms", MOBILE, "one")
    queue("sms", MOBILE, "two")
    assert notify.active_alerts() == []  # two failures may be a blip
    queue("sms", MOBILE, "three")
    [alert] = notify.active_alerts()
    assert (alert.channel, alert.reason, alert.failures) == ("sms", "failing", 3)
    assert "502" in alert.detail

    gateway.status = 200
    assert reload(queue("sms", MOBILE, "four")).status == "sent"
    assert notify.active_alerts() == []
    assert GatewayAlert.get_by_id(alert.id).resolved_at is not None


def test_failures_spread_over_more_than_the_window_raise_nothing(ctx, gateway):
    gateway.status = 500
    start = clock.now()
    for minutes in (0, 6, 12):
        notify.gateway_failed("sms", "500", now=start + dt.timedelta(minutes=minutes))
    assert notify.active_alerts() == []


def test_a_refused_token_raises_an_alert_at_once(ctx, gateway):
    gateway.status = 401
    note = reload(queue("sms", MOBILE, "hello"))
    assert note.status == "queued" and "token" in note.last_error
    [alert] = notify.active_alerts()
    assert (alert.channel, alert.reason) == ("sms", "auth")


def test_a_refused_mail_login_raises_an_alert_at_once(ctx):
    def refuse(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=False, handled=False)

    inbox, controller = start_smtp(authenticator=refuse, auth_require_tls=False)
    try:
        ctx.config.update(
            SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, SMTP_USER="zila", SMTP_PASSWORD="x"
        )
        note = reload(queue("email", "citizen@example.org", "Body", subject="S"))
    finally:
        controller.stop()
    assert note.status == "queued" and "login" in note.last_error
    assert inbox.envelopes == []
    [alert] = notify.active_alerts()
    assert (alert.channel, alert.reason) == ("email", "auth")


def test_admins_hear_of_a_failing_sms_gateway_by_email(ctx, gateway, smtp, place):
    from tests.factories import make_user

    make_user("admin", place, email="admin@aur.test")
    gateway.status = 500
    for i in range(3):
        queue("sms", MOBILE, f"message {i}")
    [message] = smtp.messages()
    assert message["To"] == "admin@aur.test"
    # In the district's language (the test district's is Marathi); was
    # English whatever the district (issue 15).
    assert "SMS" in message.get_content() and "आउटबॉक्स" in message.get_content()


def test_alerts_show_on_the_admin_fragment(app):
    with app.app_context(), db.connection_context():
        notify.gateway_failed("sms", "SMS gateway refused the token (401)", auth=True)
        notify.gateway_failed("email", "mail server: connection refused")  # not raised yet
        alerts = notify.active_alerts()
    assert [a.channel for a in alerts] == ["sms"]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        from flask import render_template

        html = render_template("admin/_gateway_alerts.html", gateway_alerts=alerts)
        assert "SMS" in html and "credentials" in html and "(401)" in html
        assert render_template("admin/_gateway_alerts.html", gateway_alerts=[]).strip() == ""


# --- SMS length ------------------------------------------------------------------


def test_sms_parts_gsm_and_unicode():
    assert sms_parts("a" * 160) == 1
    assert sms_parts("a" * 161) == 2
    assert sms_parts("a" * 306) == 2
    assert sms_parts("a" * 307) == 3
    assert sms_parts("€" * 80) == 1  # extension characters take two septets
    assert sms_parts("€" * 81) == 2
    assert sms_parts("क" * 70) == 1
    assert sms_parts("क" * 71) == 2
    assert sms_parts("क" * 134) == 2
    assert sms_parts("क" * 135) == 3
    # One Devanagari letter turns the whole message into Unicode.
    assert sms_parts("a" * 70 + "क") == 2


def test_messages_are_in_the_districts_language_unless_one_is_configured(ctx):
    from core.i18n import message_locale

    ctx.config.pop("CLI_LOCALE", None)
    for district in ("mr", "hi", "en"):
        ctx.config["DEFAULT_LOCALE"] = district
        assert message_locale() == district  # was "en" whatever the district
    ctx.config["CLI_LOCALE"] = "hi"  # an installation may name another
    assert message_locale() == "hi"
    ctx.config["CLI_LOCALE"] = "xx"  # not a language of the portal: the district's
    assert message_locale() == "en"


LINK = "https://zila.example/assignments/m/MjI.axMGJw.IJjMDoP0_s4hGfCkvd6Mans0CR4"


def test_an_sms_keeps_to_its_parts_budget_or_carries_the_rest_behind_one_link(ctx):
    from core.notify import sms_fits

    assert sms_fits("क" * 134) and not sms_fits("क" * 135)  # two Unicode parts
    assert sms_fits("a" * 306) and not sms_fits("a" * 307)  # two GSM parts
    assert sms_fits("क" * 60, parts=1) and not sms_fits("क" * 71, parts=1)
    # Over the budget only because of its link: the rest is behind it.
    assert sms_fits("क" * 120 + " " + LINK)
    assert not sms_fits("क" * 135 + " " + LINK)  # its words alone are over
    assert not sms_fits("क" * 100 + f" {LINK} {LINK}")  # two links: which one?


def test_queue_refuses_an_sms_over_its_budget_without_a_link(ctx, caplog):
    from core.notify import SmsOverBudget

    with pytest.raises(SmsOverBudget):
        queue("sms", MOBILE, "क" * 135)
    assert Notification.select().count() == 0
    queue("sms", MOBILE, "क" * 120 + " " + LINK)  # the link carries the rest
    queue("email", "a@example.org", "क" * 1000)  # an e-mail has no parts
    assert Notification.select().count() == 2
    # In production a message is never lost for its length: logged and sent.
    ctx.config["SMS_BUDGET_STRICT"] = False
    with caplog.at_level(logging.ERROR):
        assert queue("sms", MOBILE, "क" * 135) is not None
    assert any("over its budget" in r.getMessage() for r in caplog.records)
