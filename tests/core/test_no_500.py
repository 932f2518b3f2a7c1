"""Inputs that once answered 500 (the hostile probe's list): each answers a
4xx with a message, and nothing is half-written. tests/test_hostile.py walks
every route with such values; these pin the cases found, one by one."""

import io

import pytest

from blueprints.applications.models import Application
from core.ids import MAX_ID, parse_id, same_secret
from tests.applications.test_filing import file_to_review
from tests.fixtures import english  # noqa: F401

TOO_BIG = str(MAX_ID + 1)

pytestmark = pytest.mark.usefixtures("english")


def test_ids_are_positive_ascii_numbers_within_64_bits():
    assert parse_id("42") == 42 and parse_id(" 7 ") == 7
    for bad in ("0", "-1", TOO_BIG, "1" * 30, "४२", "²", "4e2", "", None, "0x10"):
        assert parse_id(bad) is None, bad
    assert same_secret("abc", "abc") and not same_secret("abc", "अबक") and not same_secret("", "")


def test_an_id_beyond_64_bits_in_a_path_is_not_found(app, login_as, place):
    from tests.factories import make_application, make_service

    operator = login_as("csc_operator")
    with app.app_context():
        pk = make_application(place, make_service(place), operator.user).id
    for url in (f"/applications/{pk}/documents/{TOO_BIG}", f"/applications/{TOO_BIG}"):
        assert operator.get(url).status_code == 404, url


def test_a_submit_token_in_another_script_is_a_wrong_token(app, login_as, place):
    from tests.factories import make_service

    with app.app_context():
        service = make_service(place)
    operator = login_as("csc_operator")
    pk = file_to_review(operator, service, place)
    response = operator.form_post(
        f"/applications/{pk}/review", f"/applications/{pk}/submit", data={"token": "टोकन" * 8}
    )
    assert response.status_code == 400
    with app.app_context():
        assert Application.get_by_id(pk).status == "draft"


def test_an_oversized_upload_is_judged_by_access_first(app, client, login_as, place):
    big = {"file": (io.BytesIO(b"x" * (9 * 1024 * 1024)), "big.jpg"), "doc_key": "photo"}
    anonymous = client.post(
        "/applications/1/documents", data=big, content_type="multipart/form-data"
    )
    assert anonymous.status_code in (302, 303) and "/login" in anonymous.location
    officer = login_as("block_officer")
    refused = officer.post(
        "/applications/1/documents",
        data={"file": (io.BytesIO(b"x" * (9 * 1024 * 1024)), "big.jpg")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 403
    assert "Upload the documents" not in refused.get_data(as_text=True)


def test_row_ids_beyond_64_bits_in_forms_are_refused(login_as, place):
    admin = login_as("admin")
    ended = admin.form_post(
        "/alerts/charges", "/alerts/charges/end", data={"row_id": TOO_BIG, "to_date": "2026-03-20"}
    )
    assert ended.status_code == 303
    assert "That charge does not exist." in admin.get("/alerts/charges").get_data(as_text=True)
    operator = login_as("csc_operator")
    complied = operator.form_post(
        "/account",
        "/inspections/instructions",
        data={"row_id": TOO_BIG, "remark": "done"},
    )
    assert 300 <= complied.status_code < 500


def test_a_report_period_outside_the_calendar_is_a_message(login_as):
    manager = login_as("district_manager")
    for day in ("9999-12-31", "0001-01-01"):
        response = manager.get(f"/reports/user-charges?from={day}&to={day}")
        assert response.status_code == 400, day
        assert "is not a date" in response.get_data(as_text=True)


def test_a_time_with_a_zone_is_not_a_time(login_as, place):
    head = login_as("office_head")
    url = f"/attendance/offices/{place.tehsil_offices[0].id}/timing"
    response = head.form_post(
        url,
        data={
            "starts_at": "2026-13",
            "grace_minutes": "²",
            "half_day_after": "14:00",
            "min_hours": "4",
        },
    )
    assert response.status_code == 400
    assert "Write the time as HH:MM" in response.get_data(as_text=True)


def test_a_tracking_signature_in_another_script_is_not_genuine(app, login_as, place):
    from tests.factories import make_application, make_service, make_user

    with app.app_context():
        service = make_service(place)
        application = make_application(place, service, make_user("csc_operator", place))
    admin = login_as("admin")
    for signature in ("नमस्ते", "😀", "\u202eabc"):
        response = admin.get(f"/track/{application.app_id}", query_string={"s": signature})
        assert response.status_code == 200, signature
        assert "genuine" not in response.get_data(as_text=True)


def test_a_nul_character_is_refused_with_a_message(login_as):
    """PostgreSQL refuses NUL in any string; it answered 500 on every search."""
    manager = login_as("district_manager")
    for url in ("/directory/?q=a%00b", "/masters/gram-panchayats?q=a%00b", "/report-jobs/%00"):
        response = manager.get(url)
        assert response.status_code == 400, url
        assert "(NUL)" in response.get_data(as_text=True)
