"""Filing at the counter through the real forms, step by step."""

import io
import re

from blueprints.applications.ids import parse_id
from blueprints.applications.models import Application, ApplicationEvent, LedgerLine
from tests.applications.conftest import MINIMAL_PDF, photo_bytes

APPLICANT = {
    "applicant_name_local": "सुनीता पाटील",
    "applicant_name_en": "Sunita Patil",
    "relation_name": "Ramesh Patil",
    "gender": "f",
    "date_of_birth": "1985-04-12",
    "mobile": "9876543210",
    "email": "",
    "address": "Ward 2, near the temple",
    "aadhaar": "",
}


def start(browser, service, lang="mr"):
    response = browser.form_post(
        "/applications/new", data={"service": str(service.id), "language": lang}
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    pk = int(re.search(r"/applications/(\d+)/applicant", response.location).group(1))
    return pk


def fill_applicant(browser, pk, place, **overrides):
    data = {**APPLICANT, "village": str(place.villages[0].id), **overrides}
    return browser.form_post(f"/applications/{pk}/applicant", data=data)


def upload(browser, pk, key, data, name):
    return browser.form_post(
        f"/applications/{pk}/documents",
        data={"doc_key": key, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def file_to_review(browser, service, place):
    pk = start(browser, service)
    assert fill_applicant(browser, pk, place).status_code == 303
    assert (
        browser.form_post(f"/applications/{pk}/details", data={"annual_income": "85000"})
    ).status_code == 303
    assert upload(browser, pk, "photo", photo_bytes(), "photo.jpg").status_code == 303
    assert (
        browser.form_post(f"/applications/{pk}/fees", data={"fee_collected": "y"}).status_code
        == 303
    )
    return pk


def submit(browser, pk, confirm_repeat=False):
    """Submit from the review page; `confirm_repeat` ticks the box that says
    an application like an open one is not a repeat (filing.open_repeats)."""
    page = browser.get(f"/applications/{pk}/review").get_data(as_text=True)
    token = re.search(r'name="token" type="hidden" value="([0-9a-f]+)"', page).group(1)
    data = {"token": token, **({"repeat_confirmed": "y"} if confirm_repeat else {})}
    return browser.form_post(
        f"/applications/{pk}/review", f"/applications/{pk}/submit", data=data
    ), token


def test_operator_files_end_to_end(app, operator, service, place):
    pk = file_to_review(operator, service, place)
    response, _ = submit(operator, pk)
    assert response.status_code == 303
    assert response.location.endswith(f"/applications/{pk}")
    application = Application.get_by_id(pk)
    assert application.status == "submitted"
    assert parse_id(application.app_id) == application.app_id
    assert application.app_id.startswith("AUR")
    # Routed to the tehsil office of the CSC's tehsil, due in the SLA.
    assert application.office_id == place.tehsil_offices[0].id
    assert (application.due_date - application.submitted_at.date()).days in (7, 8)
    assert application.extra == {"annual_income": 85000}
    detail = operator.get(f"/applications/{pk}").get_data(as_text=True)
    assert application.app_id in detail
    # The fee is split into ledger lines that add up exactly.
    lines = {
        line.party: line.amount for line in LedgerLine.select().where(LedgerLine.application == pk)
    }
    assert lines == {"govt": 2000, "csc": 2680, "gp": 335, "society": 335}
    assert sum(lines.values()) == service.govt_fee + service.user_charge
    assert ApplicationEvent.select().where(ApplicationEvent.application == pk).count() == 1


def test_a_dropped_link_loses_nothing(app, operator, service, place):
    pk = start(operator, service)
    fill_applicant(operator, pk, place)
    # The operator comes back later: the draft is listed and resumes where it was.
    listing = operator.get("/applications/").get_data(as_text=True)
    assert f"/applications/{pk}/details" in listing
    page = operator.get(f"/applications/{pk}/applicant").get_data(as_text=True)
    assert "सुनीता पाटील" in page and "9876543210" in page


def test_bad_applicant_input_is_refused_beside_each_field(app, operator, service, place):
    pk = start(operator, service)
    response = fill_applicant(
        operator,
        pk,
        place,
        applicant_name_local="Sunita",
        mobile="987654321",
        date_of_birth="2999-01-01",
        aadhaar="1234 5678 9012",
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Write this name in Devanagari" in page
    assert "Enter a 10-digit mobile number." in page
    assert "cannot be in the future" in page
    assert "not a valid Aadhaar number" in page
    # What was typed stays in the form.
    assert 'value="Sunita Patil"' in page and 'value="987654321"' in page
    assert Application.get_by_id(pk).applicant_name_en == ""


def test_aadhaar_is_kept_masked_only(app, operator, service, place):
    from blueprints.applications.aadhaar import check_digit

    number = "23456789012" + check_digit("23456789012")
    pk = start(operator, service)
    assert fill_applicant(operator, pk, place, aadhaar=number).status_code == 303
    row = Application.get_by_id(pk)
    assert row.aadhaar_masked == f"XXXX-XXXX-{number[-4:]}"
    dumped = " ".join(
        str(v) for v in Application.select().where(Application.id == pk).dicts().get().values()
    )
    assert number not in dumped and number[:8] not in dumped


def test_documents_are_checked_by_content(app, operator, service, place):
    from PIL import Image

    from blueprints.applications.models import ApplicationDocument
    from core.storage import path_in

    pk = start(operator, service)
    # A text file named .jpg is refused with a message beside its field.
    response = upload(operator, pk, "photo", b"hello, not a photo", "photo.jpg")
    assert response.status_code == 400
    assert "not a readable photo or PDF" in response.get_data(as_text=True)
    # A PNG named .pdf is a photo: it is re-encoded small, without EXIF.
    assert upload(operator, pk, "photo", photo_bytes(fmt="PNG"), "scan.pdf").status_code == 303
    assert upload(operator, pk, "photo", photo_bytes(), "p.jpg").status_code == 303
    doc = ApplicationDocument.get(ApplicationDocument.application == pk)
    assert doc.mimetype == "image/jpeg" and doc.size < 400_000
    with app.app_context(), Image.open(path_in("uploads", doc.stored_name)) as img:
        assert max(img.size) == 1600
        assert not img.getexif()
    # A real PDF is kept as a PDF.
    assert upload(operator, pk, "ration", MINIMAL_PDF, "ration.pdf").status_code == 303
    assert ApplicationDocument.get(ApplicationDocument.doc_key == "ration").mimetype == (
        "application/pdf"
    )


def test_a_30_mb_upload_gets_a_message_on_the_page(app, operator, service, place):
    pk = start(operator, service)
    response = upload(operator, pk, "photo", b"\xff" * (30 * 1024 * 1024), "huge.jpg")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "larger than 5 MB" in page
    assert 'type="file"' in page  # still the upload page, ready for another try


def test_details_are_validated_by_the_services_definition(app, operator, service, place):
    pk = start(operator, service)
    fill_applicant(operator, pk, place)
    response = operator.form_post(f"/applications/{pk}/details", data={"annual_income": "lots"})
    assert response.status_code == 400
    assert Application.get_by_id(pk).extra == {}


def test_review_blocks_an_incomplete_draft(app, operator, service, place):
    pk = start(operator, service)
    fill_applicant(operator, pk, place)
    page = operator.get(f"/applications/{pk}/review").get_data(as_text=True)
    assert "Some required documents are not uploaded." in page
    assert "Confirm that the fee was collected." in page
    assert "Submit application" not in page


def test_other_cscs_drafts_are_not_found(app, login_as, service, place):
    ours = login_as("csc_operator")
    pk = start(ours, service)
    theirs = login_as("csc_operator", which=1)
    assert theirs.get(f"/applications/{pk}/applicant").status_code == 404
    assert theirs.get(f"/applications/{pk}").status_code == 404


def test_a_closed_csc_files_nothing(app, operator, service, place):
    pk = start(operator, service)
    place.cscs[0].status = "suspended"
    place.cscs[0].save()
    response = operator.get("/applications/new")
    assert response.status_code == 403
    assert "new applications cannot be filed" in response.get_data(as_text=True)
    # A draft begun before the suspension cannot be submitted either.
    assert Application.get_by_id(pk).status == "draft"
