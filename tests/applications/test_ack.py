"""The acknowledgement: bilingual, QR to a signed tracking link, A4 and roll."""

import re
import shutil
import subprocess

import pytest

from blueprints.applications.signing import sign, verify
from tests.factories import make_application
from tests.helpers import pdf_text

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture
def filed(app, place, service, operator):
    with app.app_context():
        return make_application(place, service, operator.user, language="mr")


def test_signature_verifies_only_its_own_id(app):
    with app.app_context():
        assert verify("AUR26-0000001-K", sign("AUR26-0000001-K"))
        assert not verify("AUR26-0000002-K", sign("AUR26-0000001-K"))
        assert not verify("AUR26-0000001-K", "")


def test_printable_html_acknowledgement(filed, operator):
    page = operator.get(f"/applications/{filed.id}/acknowledgement").get_data(as_text=True)
    assert filed.app_id in page
    assert "पावती" in page or "पोच" in page or "Acknowledgement" in page
    assert "<svg" in page  # the QR code, inline
    signed = re.search(r"/track/" + re.escape(filed.app_id) + r"\?s=([0-9a-f]{16})", page)
    assert signed, "the slip carries a signed tracking link"


@needs_poppler
@pytest.mark.parametrize("size", ["a4", "roll"])
def test_pdf_acknowledgement_in_both_sizes(filed, operator, size, tmp_path):
    response = operator.get(f"/applications/{filed.id}/acknowledgement.pdf?size={size}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data, tmp_path, name="ack.pdf", layout=False)
    assert filed.app_id in text
    assert "Acknowledgement" in text
    assert "₹53.50" in text  # the total fee, with the user charge line above it
    assert "Ramu Patil" in text
    # Devanagari is shaped, and its conjuncts (त्प, न्न) map back to text.
    # (pdftotext cannot undo a reph's reordering, so words with र्य are not
    # compared here; the page was checked by eye as an image.)
    assert "रामू पाटील" in text
    assert "उत्पन्नाचा दाखला" in text
    # The roll is 80 mm wide.
    path = tmp_path / "ack.pdf"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    width_pt = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    width_mm = width_pt * 25.4 / 72
    assert abs(width_mm - (80 if size == "roll" else 210)) < 1


def test_the_slip_links_to_the_public_url_whatever_host_was_asked(app, filed, operator):
    """Host: evil.example printed http://evil.example/track/... on the slip.
    Here the host is let through, as a second name of the server would be."""
    app.config["TRUSTED_HOSTS"] = [*(app.config["TRUSTED_HOSTS"] or ["localhost"]), "evil.example"]
    session = operator.client.get_cookie("zila", domain="localhost")
    operator.client.set_cookie("zila", session.value, domain="evil.example")
    url = f"/applications/{filed.id}/acknowledgement"
    page = operator.get(url, headers={"Host": "evil.example"}).get_data(as_text=True)
    assert f"http://127.0.0.1:5000/track/{filed.app_id}?s=" in page
    assert "evil.example" not in page
    app.config["PUBLIC_URL"] = "https://zila.aur.example"
    page = operator.get(url, headers={"Host": "evil.example"}).get_data(as_text=True)
    assert f"https://zila.aur.example/track/{filed.app_id}?s=" in page


def test_other_cscs_cannot_print_it(filed, login_as):
    theirs = login_as("csc_operator", which=1)
    assert theirs.get(f"/applications/{filed.id}/acknowledgement.pdf").status_code == 404


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbarimg (zbar-tools) or pdftoppm (poppler-utils) is not installed",
)
def test_the_printed_qr_opens_tracking_that_says_genuine(filed, operator, client, tmp_path):
    pdf = tmp_path / "ack.pdf"
    pdf.write_bytes(operator.get(f"/applications/{filed.id}/acknowledgement.pdf").data)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    png = next(tmp_path.glob("page*.png"))
    url = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"/track/{filed.app_id}?s=" in url
    path = url.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "genuine" in page
    # A slip with a forged signature is not called genuine.
    forged = client.get(
        f"/track/{filed.app_id}?s=0000000000000000", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)
    assert "could not be verified" in forged
