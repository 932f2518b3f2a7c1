"""What the applicant receives: every status SMS fits one GSM part in English
and at most two Unicode parts in Hindi and Marathi; the email carries the
tracking link, the SMS does not."""

import pytest

from blueprints.applications import notices
from blueprints.applications.models import ApplicationEvent
from blueprints.applications.statuses import STATUSES
from core.db import db
from core.notify import Notification, is_gsm, sms_parts
from tests.factories import make_service
from tests.track.factories import filed_at_csc

EVENT_STATUSES = [s for s in STATUSES if s != "draft"]


@pytest.fixture
def long_service(app, place):
    """A service with long names in all three languages: the worst case."""
    with app.app_context():
        return make_service(
            place,
            code="DOM",
            name_en="Age, nationality and domicile certificate",
            name_hi="आयु, राष्ट्रीयता और अधिवास प्रमाण पत्र",
            name_mr="वय, राष्ट्रीयत्व आणि अधिवास प्रमाणपत्र",
        )


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_every_status_sms_fits(app, place, long_service, lang):
    with app.app_context(), db.connection_context():
        application = filed_at_csc(
            place, long_service, language=lang, certificate_no="DOM/2026/PTN/0001234"
        )
        for status in EVENT_STATUSES:
            event = ApplicationEvent(application=application, to_status=status, from_status="x")
            for text in (notices.sms_text(application, event), _reply(application, status)):
                assert application.app_id in text, (status, text)
                if lang == "en":
                    assert is_gsm(text), (status, text)
                    assert sms_parts(text) == 1, (status, len(text), text)
                else:
                    assert sms_parts(text) <= 2, (status, len(text), text)


def _reply(application, status):
    application.status = status
    return notices.status_reply(application)


def test_sms_has_no_link_and_email_has_it(app, place):
    app.config["PUBLIC_URL"] = "https://zila.aur.example/"
    with app.app_context(), db.connection_context():
        application = filed_at_csc(place, language="en", email="citizen@example.org")
        event = ApplicationEvent.get(ApplicationEvent.application == application.id)
        notices.on_event(event.id)
        notices.on_event(event.id)  # a repeated event sends nothing new
        notes = {n.channel: n for n in Notification.select()}
    assert len(notes) == 2
    assert "http" not in notes["sms"].body
    assert f"https://zila.aur.example/track/{application.app_id}" in notes["email"].body
    assert notes["email"].subject == f"Application {application.app_id}"
    assert notes["sms"].body in notes["email"].body
    assert {n.status for n in notes.values()} == {"sent"}  # the log backend
