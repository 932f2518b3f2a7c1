"""The outbox: every message is a row first, delivered by huey (immediate in
tests) through a real HTTP gateway on 127.0.0.1, retried, never sent twice."""

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import tasks
from core.db import db
from core.notify import MAX_ATTEMPTS, Notification, deliver, queue

MOBILE = "9812345678"


class Gateway:
    """A tiny SMS gateway: records each POST and answers with `status`."""

    def __init__(self):
        self.received = []
        self.status = 200
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                gateway.received.append({k: v[0] for k, v in form.items()})
                self.send_response(gateway.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ctx(app, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with app.app_context(), db.connection_context():
        yield app


@pytest.fixture
def gateway(ctx):
    server = Gateway()
    ctx.config["SMS_GATEWAY_URL"] = server.url
    yield server
    server.close()


def reload(note) -> Notification:
    return Notification.get_by_id(note.id)


def test_without_a_gateway_the_message_waits(ctx):
    ctx.config["SMS_GATEWAY_URL"] = ""
    note = reload(queue("sms", MOBILE, "Your certificate is ready"))
    assert note.status == "queued"
    assert "SMS_GATEWAY_URL" in note.last_error
    assert note.attempts == 0  # waiting for a gateway is not a failed attempt
    assert Notification.select().count() == 1


def test_message_is_sent_through_the_gateway(gateway):
    note = reload(queue("sms", MOBILE, "अर्ज मंजूर: Your certificate is ready"))
    assert note.status == "sent"
    assert note.sent_at is not None
    assert (note.attempts, note.last_error) == (1, "")
    assert gateway.received == [{"to": MOBILE, "text": "अर्ज मंजूर: Your certificate is ready"}]


def test_failing_gateway_is_retried_then_given_up(gateway):
    gateway.status = 500
    note = queue("sms", MOBILE, "hello")
    for attempt in range(1, MAX_ATTEMPTS):
        note = reload(note)
        assert (note.attempts, note.status) == (attempt, "queued")
        assert "500" in note.last_error
        assert deliver(note.id) == ("failed" if attempt + 1 == MAX_ATTEMPTS else "queued")
    note = reload(note)
    assert (note.attempts, note.status) == (MAX_ATTEMPTS, "failed")
    assert len(gateway.received) == MAX_ATTEMPTS
    assert deliver(note.id) == "failed"
    assert len(gateway.received) == MAX_ATTEMPTS


def test_dedupe_key_keeps_one_row_and_one_message(gateway):
    first = queue("sms", MOBILE, "Application 12 approved", dedupe_key="app-12-approved")
    second = queue("sms", MOBILE, "Application 12 approved", dedupe_key="app-12-approved")
    assert first.id == second.id
    assert Notification.select().count() == 1
    assert len(gateway.received) == 1


def test_delivering_twice_sends_once(gateway):
    note = queue("sms", MOBILE, "hello")
    assert deliver(note.id) == "sent"
    tasks.deliver_notification(note.id)
    assert len(gateway.received) == 1
    assert reload(note).attempts == 1


def test_missing_row_is_reported_not_raised(ctx):
    assert deliver(987654) == "missing"


def test_empty_recipient_is_not_stored(ctx):
    assert queue("sms", "", "hello") is None
    assert Notification.select().count() == 0


def test_periodic_task_retries_waiting_messages(ctx):
    ctx.config["SMS_GATEWAY_URL"] = ""
    waiting = [queue("sms", MOBILE, f"message {i}") for i in range(2)]
    assert {reload(n).status for n in waiting} == {"queued"}

    server = Gateway()
    try:
        ctx.config["SMS_GATEWAY_URL"] = server.url
        tasks.retry_queued_notifications()
        assert {reload(n).status for n in waiting} == {"sent"}
        assert sorted(r["text"] for r in server.received) == ["message 0", "message 1"]
        tasks.retry_queued_notifications()
        assert len(server.received) == 2
    finally:
        server.close()


def test_email_without_smtp_host_waits(ctx):
    ctx.config["SMTP_HOST"] = ""
    note = reload(queue("email", "citizen@example.org", "Body", subject="Certificate"))
    assert note.status == "queued"
    assert "SMTP_HOST" in note.last_error
