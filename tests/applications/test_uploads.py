"""Uploads at the counter are checked by content: a photo cut off by a
dropping link is refused, even after WeasyPrint has told Pillow to accept
truncated images for the whole process."""

import pytest

from blueprints.applications.uploads import UploadError, accept
from core.pdf import pdf_bytes  # noqa: F401 (the import switches Pillow's setting)
from tests.applications.conftest import photo_bytes


def test_a_whole_photo_is_stored_smaller_without_its_exif(app):
    with app.test_request_context():
        stored = accept(photo_bytes())
    assert stored.mimetype == "image/jpeg"
    assert stored.size < len(photo_bytes())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_photo_cut_off_in_transit_is_refused(app, fmt):
    data = photo_bytes(size=(800, 600), fmt=fmt, exif_gps=False)
    with app.test_request_context(), pytest.raises(UploadError):
        accept(data[: len(data) * 2 // 3])
