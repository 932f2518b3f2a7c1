"""Scheme photos: checked by content, EXIF stripped, resized into small
variants, alt text required in every language, nothing half-saved."""

import io

import pytest
from PIL import Image

from blueprints.schemes import services as svc
from blueprints.schemes.art import illustration
from blueprints.schemes.models import SchemePhoto
from core.db import write_transaction
from tests.schemes.factories import ALTS, make_scheme


@pytest.fixture
def scheme(app, dept):
    with app.app_context():
        return make_scheme(dept.office, dept.clerk.user, dept.head.user, photo=False)


def _jpeg_with_exif() -> bytes:
    img = Image.open(io.BytesIO(illustration("house", 3))).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def _post(browser, scheme, data: bytes, name="photo.jpg", alts=ALTS):
    form = {f"alt_{lang}": text for lang, text in alts.items()}
    form["photo"] = (io.BytesIO(data), name)
    return browser.form_post(
        f"/schemes/manage/{scheme.id}/photos", data=form, content_type="multipart/form-data"
    )


def test_photo_is_resized_into_small_variants_without_exif(app, dept, scheme, uploads_here):
    original = _jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif().get(0x010F) == "PhoneMaker"
    response = _post(dept.clerk, scheme, original)
    assert response.status_code == 303
    with app.app_context():
        photo = SchemePhoto.get()
    small = uploads_here / photo.stored_small
    large = uploads_here / photo.stored_large
    with Image.open(small) as img:
        assert img.width == 360 and img.format == "JPEG" and not img.getexif()
    with Image.open(large) as img:
        assert img.width == 800 and not img.getexif()
    assert small.stat().st_size < 30_000 and large.stat().st_size < 80_000
    page = dept.clerk.get(f"/schemes/manage/{scheme.id}/preview").get_data(as_text=True)
    assert 'loading="lazy"' in page and " 360w" in page and " 800w" in page
    assert 'alt="A farmer in a field"' in page
    # Text comes before any photo in the page.
    assert page.index("Objective") < page.index("<img")


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(app, dept, scheme, uploads_here):
    response = _post(dept.clerk, scheme, b"<html><script>alert(1)</script></html>", "x.jpg")
    assert response.status_code == 400
    assert "This file is not a photo." in response.get_data(as_text=True)
    _nothing_saved(app, scheme, uploads_here)


def test_a_truncated_image_is_refused(app, dept, scheme, uploads_here):
    response = _post(dept.clerk, scheme, _jpeg_with_exif()[:800])
    assert response.status_code == 400
    _nothing_saved(app, scheme, uploads_here)


def test_alt_text_is_required_in_every_language(app, dept, scheme, uploads_here):
    response = _post(dept.clerk, scheme, illustration("field"), alts={**ALTS, "mr": " "})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Describe the photo in every language" in page and 'id="alt_mr-err"' in page
    _nothing_saved(app, scheme, uploads_here)


def test_a_photo_over_the_cap_is_refused(app, dept, scheme, uploads_here):
    response = _post(dept.clerk, scheme, b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10))
    assert response.status_code == 400
    assert "larger than 5 MB" in response.get_data(as_text=True)
    _nothing_saved(app, scheme, uploads_here)


def _nothing_saved(app, scheme, uploads_here):
    with app.app_context():
        assert SchemePhoto.select().count() == 0
        assert svc.open_version(scheme.id) is None
    assert not uploads_here.exists() or not any(uploads_here.iterdir())


def test_draft_photos_are_private_published_ones_public(app, client, dept, scheme):
    assert _post(dept.clerk, scheme, illustration("pond")).status_code == 303
    with app.app_context():
        photo = SchemePhoto.get()
    assert client.get(f"/schemes/photos/{photo.id}.jpg").status_code == 404
    assert dept.clerk.get(f"/schemes/photos/{photo.id}.jpg").status_code == 200
    overview = f"/schemes/manage/{scheme.id}"
    dept.clerk.form_post(overview, f"{overview}/submit")
    dept.head.form_post(overview, f"{overview}/decide", data={"decision": "approve"})
    response = client.get(f"/schemes/photos/{photo.id}-small.jpg")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert response.headers["Cache-Control"].startswith("public")
    assert client.get("/schemes/photos/99999999999.jpg").status_code == 404


def test_no_file_and_an_oversized_request_get_a_message_beside_the_field(
    app, dept, scheme, uploads_here
):
    url = f"/schemes/manage/{scheme.id}/photos"
    empty = dept.clerk.form_post(url, data={f"alt_{k}": v for k, v in ALTS.items()})
    assert empty.status_code == 400
    assert "Choose a photo to upload." in empty.get_data(as_text=True)
    huge = _post(dept.clerk, scheme, b"0" * (9 * 1024 * 1024))
    assert huge.status_code == 413
    page = huge.get_data(as_text=True)
    assert "This photo is larger than 5 MB." in page and 'id="photo-err"' in page
    _nothing_saved(app, scheme, uploads_here)


def _publish(dept, scheme):
    overview = f"/schemes/manage/{scheme.id}"
    assert dept.clerk.form_post(overview, f"{overview}/submit").status_code == 303
    decided = dept.head.form_post(overview, f"{overview}/decide", data={"decision": "approve"})
    assert decided.status_code == 303


def test_a_photo_leaves_the_disk_when_no_version_but_a_superseded_one_shows_it(
    app, dept, scheme, uploads_here
):
    assert _post(dept.clerk, scheme, illustration("pond")).status_code == 303
    assert _post(dept.clerk, scheme, illustration("field")).status_code == 303
    _publish(dept, scheme)
    with app.app_context():
        pond, field = svc.photos_of(svc.published_version(scheme.id).id)
    pond_files = {pond.stored_small, pond.stored_large}
    field_files = {field.stored_small, field.stored_large}
    assert {p.name for p in uploads_here.iterdir()} == pond_files | field_files
    # A new draft without the pond photo: the published page still shows it.
    photos = f"/schemes/manage/{scheme.id}/photos"
    with app.app_context(), write_transaction():
        draft = svc._draft_for_edit(scheme, dept.clerk.user)
    with app.app_context():
        [draft_pond, draft_field] = svc.photos_of(draft.id)
    removed = dept.clerk.form_post(photos, f"{photos}/{draft_pond.id}/remove")
    assert removed.status_code == 303
    assert {p.name for p in uploads_here.iterdir()} == pond_files | field_files
    # Published, the draft supersedes the version that showed it: it goes.
    _publish(dept, scheme)
    assert {p.name for p in uploads_here.iterdir()} == field_files
    response = dept.clerk.get(f"/schemes/photos/{draft_field.id}.jpg")
    assert response.status_code == 200
