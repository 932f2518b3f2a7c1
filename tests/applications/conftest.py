import io

import pytest
from PIL import Image

from tests.factories import make_service
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture
def service(app, place):
    return make_service(place)


@pytest.fixture
def operator(login_as):
    return login_as("csc_operator")


def photo_bytes(size=(2400, 1800), fmt="JPEG", exif_gps=True) -> bytes:
    img = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    if exif_gps and fmt == "JPEG":
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # camera make
        exif[0x8825] = {1: "N", 2: (18.0, 30.0, 0.0)}  # GPS
        img.save(out, fmt, exif=exif)
    else:
        img.save(out, fmt)
    return out.getvalue()


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
