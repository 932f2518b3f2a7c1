"""Public tracking: IDs are checked before any lookup, the page shows the
status, history, office and due date with the name masked, says whether a
scanned acknowledgement is genuine, comes as HTML, text and JSON, and is
rate-limited per client."""

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from blueprints.applications import ids, signing
from blueprints.track.services import first_letter, mask_name
from core import clock
from tests.helpers import text
from tests.test_budget import page_over_budget
from tests.track.factories import add_event, filed_at_csc


def wrong_check(app_id: str) -> str:
    """The same ID with another check letter: one mistyped character."""
    letter = app_id[-1]
    return app_id[:-1] + ("A" if letter != "A" else "B")


@pytest.fixture
def application(make, place):
    return make(filed_at_csc, place, number=4213)


# --- the form and the ID checks ---------------------------------------------------


def test_form_asks_for_the_id(client):
    response = client.get("/track")
    assert response.status_code == 200
    page = text(response)
    assert 'name="id"' in page and 'method="get"' in page
    assert "Application ID" in page


def test_wrong_shape_is_refused_with_the_typed_value_kept(client):
    response = client.get("/track?id=hello-123")
    assert response.status_code == 400
    page = text(response)
    assert "That is not an application ID" in page
    assert 'value="hello-123"' in page and 'aria-invalid="true"' in page


def test_wrong_check_letter_is_a_typo_and_never_looked_up(client, make, place):
    # A row stored under the mistyped ID must still not be shown.
    good = ids.format_id("AUR", 2026, 77)
    typo = wrong_check(good)
    make(filed_at_csc, place, app_id=typo, applicant_name_en="Somebody Else")
    for url in (f"/track?id={typo}", f"/track/{typo}"):
        response = client.get(url)
        assert response.status_code == 400, url
        page = text(response)
        assert "One character of this ID is mistyped; check it on the acknowledgement" in page, url
        assert "S****" not in page and "Income certificate" not in page


def test_another_districts_id_is_refused_as_such(client):
    theirs = ids.format_id("PUN", 2026, 4213)
    response = client.get(f"/track?id={theirs}")
    assert response.status_code == 400
    assert "This ID is of another district" in text(response)


def test_unknown_id_is_404_with_a_message(client):
    unknown = ids.format_id("AUR", 2026, 999999)
    for url in (f"/track?id={unknown}", f"/track/{unknown}"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "No application has this ID" in text(response)


def test_a_right_id_as_typed_redirects_to_its_page(client, application):
    typed = application.app_id.lower().replace("-", " ")
    response = client.get("/track", query_string={"id": f"  {typed} "})
    assert response.status_code == 303
    assert response.location.endswith(f"/track/{application.app_id}")
    loose = client.get(f"/track/{application.app_id.replace('-', '').lower()}?s=abc")
    assert loose.status_code == 301
    assert loose.location.endswith(f"/track/{application.app_id}?s=abc")


def test_a_draft_is_not_public(client, make, place):
    draft = make(filed_at_csc, place, status="draft")
    assert client.get(f"/track/{draft.app_id}").status_code == 404


# --- the status page --------------------------------------------------------------


def test_status_page_shows_what_the_citizen_needs(client, application):
    response = client.get(f"/track/{application.app_id}")
    assert response.status_code == 200
    page = text(response)
    assert application.app_id in page
    assert "Submitted" in page
    assert "Income certificate" in page
    assert "Tehsil Office Paithan" in page
    assert "R**** P****" in page
    assert "Rahul" not in page and "Patil" not in page and "9812345678" not in page
    assert "5 days left" in page


def test_name_is_masked_in_devanagari_for_marathi_readers(client, application):
    client.set_cookie("lang", "mr")
    page = text(client.get(f"/track/{application.app_id}"))
    assert "रा**** पा****" in page
    assert "राहुल" not in page and "पाटील" not in page


def test_masking_keeps_whole_letters():
    assert first_letter("राहुल") == "रा"
    assert first_letter("क्षमा") == "क्ष"  # a conjunct is one letter
    assert first_letter("श्रीकांत") == "श्री"
    assert first_letter("संजय") == "सं"  # with its anusvara
    assert first_letter("e\u0301lodie") == "e\u0301"  # combining accent stays
    assert mask_name("  Rahul   Kumar Patil ") == "R**** K**** P****"
    assert mask_name("") == ""


def test_timeline_shows_the_reason_never_the_remark(client, make, application):
    """Issue 14: the office's free-text remark on "awaiting documents" was
    public (these assertions pinned it); the page shows the reason picked
    from the fixed list instead."""
    make(add_event, application, "scrutiny", remark="internal: check with talathi")
    make(
        add_event,
        application,
        "awaiting_documents",
        remark="Bring the ration card of Ramesh Patil, Ward 2",
        reason="docs_missing",
        paused_since=clock.now(),
    )
    page = text(client.get(f"/track/{application.app_id}"))
    history = page.split("<h2>History</h2>")[1]
    assert history.index("Submitted") < history.index("Under scrutiny")
    assert history.index("Under scrutiny") < history.index("Waiting for documents from the")
    assert "A required document is missing" in page
    assert "ration card" not in page and "Ramesh" not in page
    assert "talathi" not in page
    assert "clock is paused" in page
    as_text = client.get(f"/track/{application.app_id}?format=txt").get_data(as_text=True)
    assert "A required document is missing" in as_text and "ration card" not in as_text
    events = client.get(f"/track/{application.app_id}?format=json").get_json()["events"]
    assert events[-1]["reason"] == "A required document is missing"
    assert "ration card" not in str(events)


def test_rejection_reason_is_shown(client, make, application):
    make(
        add_event,
        application,
        "rejected",
        remark="Income proof is for another person",
        reason="reject_genuine",
    )
    page = text(client.get(f"/track/{application.app_id}"))
    assert "Rejected" in page and "could not be verified" in page
    assert "Income proof is for another person" not in page
    assert "days left" not in page


def test_the_reason_reads_in_marathi(client, make, application):
    make(add_event, application, "rejected", remark="x", reason="reject_eligibility")
    client.set_cookie("lang", "mr")
    page = text(client.get(f"/track/{application.app_id}"))
    assert "सेवेच्या नियमांनुसार पात्र नाही" in page


def test_overdue_is_said_plainly(client, make, place):
    late = make(
        filed_at_csc,
        place,
        submitted_at=clock.now() - dt.timedelta(days=12),
        due_date=clock.today_ist() - dt.timedelta(days=3),
    )
    page = text(client.get(f"/track/{late.app_id}"))
    assert "overdue by 3 days" in page
    data = client.get(f"/track/{late.app_id}?format=json").get_json()
    assert data["overdue"] is True and data["days_left"] == -3


def test_a_scanned_acknowledgement_is_genuine(app, client, application):
    with app.app_context():
        signature = signing.sign(application.app_id)
    page = text(client.get(f"/track/{application.app_id}?s={signature}"))
    assert "This acknowledgement is genuine" in page
    assert "could not be verified" not in page


def test_a_forged_signature_is_not_verified(client, application):
    page = text(client.get(f"/track/{application.app_id}?s=0123456789abcdef"))
    assert "could not be verified" in page
    assert "is genuine" not in page
    plain = text(client.get(f"/track/{application.app_id}"))
    assert "genuine" not in plain and "verified" not in plain


# --- text and JSON ----------------------------------------------------------------


def test_plain_text_variant(client, application):
    response = client.get(f"/track/{application.app_id}?format=txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    body = text(response)
    assert "<" not in body
    assert "Status: Submitted" in body
    assert "Office: Tehsil Office Paithan" in body
    assert "Applicant: R**** P****" in body
    assert "- " in body and "Submitted" in body.split("History:")[1]


def test_json_variant(app, client, application):
    with app.app_context():
        signature = signing.sign(application.app_id)
    response = client.get(f"/track/{application.app_id}?format=json&s={signature}")
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["id"] == application.app_id
    assert (data["status"], data["status_label"]) == ("submitted", "Submitted")
    assert data["service"] == "Income certificate"
    assert data["office"] == "Tehsil Office Paithan"
    assert data["due_date"] == application.due_date.isoformat()
    assert data["overdue"] is False
    assert data["genuine"] is True
    assert data["submitted_at"].endswith("+05:30")
    assert [e["status"] for e in data["events"]] == ["submitted"]
    assert "Rahul" not in json.dumps(data, ensure_ascii=False)


def test_format_follows_the_accept_header_and_varies_on_it(client, application):
    url = f"/track/{application.app_id}"
    as_json = client.get(url, headers={"Accept": "application/json"})
    assert as_json.mimetype == "application/json"
    as_text = client.get(url, headers={"Accept": "text/plain"})
    assert as_text.mimetype == "text/plain"
    browser = client.get(url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.mimetype == "text/html"
    anything = client.get(url, headers={"Accept": "*/*"})
    assert anything.mimetype == "text/html"
    for response in (as_json, as_text, browser):
        assert "Accept" in response.headers["Vary"]
        assert response.headers["Cache-Control"] == "private, max-age=60"


def test_signed_in_pages_are_not_kept_in_the_cache(login_as, application):
    """A counter PC is shared: after sign-out the cached page must not come
    back with the operator's name in it."""
    operator = login_as("csc_operator")
    response = operator.get(f"/track/{application.app_id}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_errors_come_in_the_format_asked_for(client):
    typo = wrong_check(ids.format_id("AUR", 2026, 5))
    data = client.get(f"/track/{typo}?format=json")
    assert data.status_code == 400
    assert data.get_json()["reason"] == "check"
    plain = client.get("/track?id=nonsense&format=txt")
    assert plain.status_code == 400 and plain.mimetype == "text/plain"
    assert "not an application ID" in text(plain)


# --- limits and budgets -----------------------------------------------------------


def test_tracking_is_rate_limited_per_client(app, client, application):
    app.config["TRACK_RATE_LIMIT"] = "3 per minute"
    urls = ["/track", f"/track/{application.app_id}", "/track?id=nonsense"]
    assert [client.get(u).status_code for u in urls] == [200, 200, 400]
    refused = client.get(f"/track/{application.app_id}")
    assert refused.status_code == 429
    assert "looked up many applications" in text(refused)
    assert "Retry-After" in refused.headers
    as_json = client.get(f"/track/{application.app_id}?format=json")
    assert as_json.status_code == 429 and as_json.get_json()["reason"] == "rate_limit"
    # Another client is not affected.
    other = client.application.test_client()
    assert other.get("/track", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_a_long_history_fits_the_page_budget(client, make, application, lang):
    for i in range(15):
        make(add_event, application, "awaiting_documents", remark=f"Bring document {i} " * 8)
        make(add_event, application, "scrutiny")
    client.set_cookie("lang", lang)
    assert page_over_budget(client, f"/track/{application.app_id}") is None
    assert page_over_budget(client, "/track") is None


@pytest.mark.skipif(not shutil.which("lynx"), reason="lynx is not installed")
def test_the_page_reads_in_lynx(client, application):
    html = client.get(f"/track/{application.app_id}").get_data()
    dump = subprocess.run(
        ["lynx", "-dump", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8"],
        input=html,
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode()
    assert application.app_id in dump
    assert "Status" in dump and "Submitted" in dump and "Tehsil Office Paithan" in dump
    form = client.get("/track").get_data()
    dump = subprocess.run(
        ["lynx", "-dump", "-stdin"], input=form, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    assert "Application ID" in dump and "Track" in dump


# --- what a citizen types (issue 15) ------------------------------------------


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_the_example_in_the_refusal_is_a_valid_id_of_this_district(app, client, lang):
    client.set_cookie("lang", lang)
    response = client.get("/track?id=hello-123")
    assert response.status_code == 400
    examples = set(re.findall(r"[A-Z]{3}\d{2}-\d{7}-[A-Z]", text(response)))
    assert examples, "the message shows an example"
    for example in examples:
        assert ids.parse_id(example, district=app.config["DISTRICT_CODE"]) == example
    message = client.get("/track?id=hello-123&format=json").get_json()["error"]
    example = re.search(r"[A-Z]{3}\d{2}-\d{7}-[A-Z]", message).group(0)
    assert ids.parse_id(example, district=app.config["DISTRICT_CODE"]) == example


def test_a_letter_o_typed_for_a_zero_finds_the_application(client, application):
    typed = application.app_id.replace("0", "O").lower()
    assert "o" in typed
    response = client.get("/track", query_string={"id": typed})
    assert response.status_code == 303
    assert response.location.endswith(f"/track/{application.app_id}")
    moved = client.get(f"/track/{application.app_id.replace('0', 'O')}")
    assert moved.status_code == 301
    assert moved.location.endswith(f"/track/{application.app_id}")


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "Certificate number"), ("hi", "प्रमाणपत्र क्रमांक"), ("mr", "प्रमाणपत्र क्रमांक")],
)
def test_a_delivered_application_shows_its_certificate_number(
    client, make, application, lang, label
):
    """The SMS on delivery gave the number; the tracking page did not."""
    url = f"/track/{application.app_id}"
    make(add_event, application, "approved", certificate_no="INC/2026/000123")
    client.set_cookie("lang", lang)
    assert "INC/2026/000123" not in text(client.get(url))  # not before it is delivered
    make(add_event, application, "delivered")
    page = text(client.get(url))
    assert label in page and "INC/2026/000123" in page
    assert "INC/2026/000123" in client.get(f"{url}?format=txt").get_data(as_text=True)
    assert client.get(f"{url}?format=json").get_json()["certificate_no"] == "INC/2026/000123"
