"""Inbound SMS: "STATUS <ID>" posted by the gateway with the shared secret is
answered by an SMS in the application's language, queued in the outbox and
delivered through a real (local) HTTP gateway."""

import pytest

from blueprints.applications import ids
from core.notify import Notification
from tests.core.test_notify import Gateway
from tests.track.factories import add_event, filed_at_csc

SECRET = "inbound-shared-secret"
CITIZEN = "9876543210"


@pytest.fixture(autouse=True)
def inbound(app):
    app.config.update(SMS_INBOUND_SECRET=SECRET, SMS_REPLY_LOCALE="en")


@pytest.fixture
def gateway(app):
    server = Gateway()
    app.config.update(NOTIFY_BACKEND="http", SMS_GATEWAY_URL=server.url)
    yield server
    server.close()


def post(client, token=SECRET, **form):
    headers = {"X-Zila-Token": token} if token is not None else {}
    return client.post("/sms/inbound", data=form, headers=headers)


def outbox(app):
    with app.app_context():
        return [(n.recipient, n.body) for n in Notification.select().order_by(Notification.id)]


def test_wrong_or_missing_secret_is_refused(app, client):
    assert post(client, token="guess", **{"from": CITIZEN, "text": "STATUS x"}).status_code == 403
    assert post(client, token=None, **{"from": CITIZEN, "text": "STATUS x"}).status_code == 403
    assert outbox(app) == []


def test_without_a_configured_secret_the_webhook_is_off(app, client):
    app.config["SMS_INBOUND_SECRET"] = ""
    assert post(client, token="", **{"from": CITIZEN, "text": "STATUS x"}).status_code == 403


def test_status_reply_is_queued_and_sent_in_the_applications_language(
    app, client, make, place, gateway
):
    application = make(filed_at_csc, place, language="hi", number=4213)
    typed = "  status   " + application.app_id.lower().replace("-", " ") + " "
    response = post(client, **{"from": "+91 98765 43210", "text": typed})
    assert response.status_code == 200
    reply = response.get_json()["reply"]
    assert application.app_id in reply
    assert "आय प्रमाण पत्र" in reply  # the service in the applicant's language (Hindi)
    assert outbox(app) == [(CITIZEN, reply)]
    assert gateway.received == [{"to": CITIZEN, "text": reply}]


def test_status_reply_gives_the_current_status_and_due_date(app, client, make, place):
    application = make(filed_at_csc, place, language="en")
    make(add_event, application, "scrutiny")
    reply = post(client, **{"from": CITIZEN, "text": f"STATUS {application.app_id}"}).get_json()[
        "reply"
    ]
    assert "under scrutiny" in reply
    assert application.due_date.strftime("%d-%m-%Y") in reply


def test_bad_ids_get_a_reply_that_says_what_is_wrong(app, client, make, place):
    good = ids.format_id("AUR", 2026, 31)
    typo = good[:-1] + ("A" if good[-1] != "A" else "B")
    replies = {
        name: post(client, **{"from": CITIZEN, "text": f"STATUS {arg}"}).get_json()["reply"]
        for name, arg in {
            "shape": "12345",
            "check": typo,
            "unknown": good,
            "district": ids.format_id("PUN", 2026, 31),
        }.items()
    }
    assert "not an application ID" in replies["shape"] and "STATUS AUR" in replies["shape"]
    assert "mistyped" in replies["check"]
    assert "No application has the ID" in replies["unknown"]
    assert "another district" in replies["district"]
    assert [body for _to, body in outbox(app)] == list(replies.values())


def test_unknown_command_gets_help(app, client):
    for message in ("hello", "", "STATUS"):
        response = post(client, **{"from": CITIZEN, "text": message})
        assert response.status_code == 200
        reply = response.get_json()["reply"]
        assert "send: STATUS AUR" in reply


def test_json_body_and_gateway_retries_are_answered_once(app, client, make, place):
    application = make(filed_at_csc, place, language="en")
    payload = {"from": CITIZEN, "text": f"STATUS {application.app_id}", "id": "gw-123"}
    for _ in range(2):
        response = client.post("/sms/inbound", json=payload, headers={"X-Zila-Token": SECRET})
        assert response.status_code == 200
    assert len(outbox(app)) == 1


def test_a_sender_without_a_number_is_refused(app, client):
    assert post(client, **{"from": "abc", "text": "STATUS x"}).status_code == 400
    assert outbox(app) == []


def test_one_number_cannot_make_us_send_without_end(app, client):
    app.config["SMS_INBOUND_SENDER_LIMIT"] = "2 per hour"
    codes = [post(client, **{"from": CITIZEN, "text": "hello"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert len(outbox(app)) == 2
    # Another number is still answered.
    assert post(client, **{"from": "9000000001", "text": "hello"}).status_code == 200


def test_the_webhook_is_rate_limited(app, client):
    app.config["SMS_INBOUND_RATE_LIMIT"] = "3 per minute"
    codes = [post(client, token="x", **{"from": CITIZEN, "text": "hi"}).status_code]
    codes += [
        post(client, **{"from": f"98000000{i:02d}", "text": "hi"}).status_code for i in range(3)
    ]
    assert codes == [403, 200, 200, 429]
    assert len(outbox(app)) == 2


def test_a_malformed_json_body_is_refused(client):
    response = client.post("/sms/inbound", json=["STATUS"], headers={"X-Zila-Token": SECRET})
    assert response.status_code == 400
