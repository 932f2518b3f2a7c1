"""Sending an application back to the office after it asked for documents:
only once a document has been uploaded since it asked, from a page that
shows the application (not a draft) waiting for documents."""

import re

import pytest

from blueprints.applications.models import Application, ApplicationDocument, ApplicationEvent
from blueprints.applications.workflow import transition
from tests.applications.conftest import photo_bytes
from tests.applications.test_filing import upload
from tests.factories import make_application, make_user
from tests.helpers import csrf_from, text


@pytest.fixture
def sent_back(app, operator, service, place):
    """A submitted application of ours, with a photo uploaded at filing,
    that the office has since sent back for documents."""
    with app.test_request_context():
        application = make_application(place, service, operator.user)
        ApplicationDocument.create(
            application=application.id,
            doc_key="photo",
            original_name="old.jpg",
            mimetype="image/jpeg",
            size=1000,
            stored_name="filed-photo.jpg",
            sha256="0" * 64,
        )
        clerk = make_user("office_user", place)
        transition(application.id, "ask_documents", clerk, "Attach the ration card, please.")
    return application


def resubmit(operator, application):
    page = text(operator.get(f"/applications/{application.id}/documents"))
    token = re.search(r'name="token" type="hidden" value="([0-9a-f]+)"', page).group(1)
    return operator.post(
        f"/applications/{application.id}/resubmit",
        data={"csrf_token": csrf_from(page), "token": token},
    )


def events(application) -> int:
    return ApplicationEvent.select().where(ApplicationEvent.application == application.id).count()


def test_nothing_uploaded_since_it_was_sent_back_is_refused(app, operator, sent_back):
    before = events(sent_back)
    response = resubmit(operator, sent_back)
    assert response.status_code == 400
    body = text(response)
    assert "No document was uploaded since the office asked for them" in body
    assert "Sent back to the office with the documents." not in body
    assert 'id="error-summary"' in body
    assert Application.get_by_id(sent_back.id).status == "awaiting_documents"
    assert events(sent_back) == before
    # Once a document asked for is uploaded, it goes back.
    assert upload(operator, sent_back.id, "ration", photo_bytes(), "ration.jpg").status_code == 303
    done = resubmit(operator, sent_back)
    assert done.status_code == 303
    assert Application.get_by_id(sent_back.id).status == "scrutiny"
    assert events(sent_back) == before + 1
    page = text(operator.get(done.location))
    assert "Sent back to the office with the documents." in page


def test_the_page_shows_the_application_waiting_not_a_draft(app, operator, sent_back):
    body = text(operator.get(f"/applications/{sent_back.id}/documents"))
    crumbs = body[body.index('class="crumbs"') : body.index("</p>", body.index('class="crumbs"'))]
    assert sent_back.app_id in crumbs and "Draft" not in crumbs
    assert f"#{sent_back.id}" not in body
    assert "Waiting for documents from the applicant" in body
    assert 'aria-label="Steps"' not in body  # no filing steps
    assert "Attach the ration card, please." in body  # what the office asked
    assert "Send back to the office" in body
    assert 'action="/applications/' in body and "/resubmit" in body


@pytest.mark.parametrize(
    "lang, refusal",
    [
        ("hi", "कार्यालय द्वारा माँगे जाने के बाद कोई दस्तावेज़ अपलोड नहीं हुआ"),
        ("mr", "कार्यालयाने मागितल्यानंतर एकही कागदपत्र अपलोड झाले नाही"),
    ],
)
def test_the_refusal_reads_in_hindi_and_marathi(app, operator, sent_back, lang, refusal):
    operator.set_cookie("lang", lang)
    response = resubmit(operator, sent_back)
    assert response.status_code == 400
    assert refusal in text(response)
