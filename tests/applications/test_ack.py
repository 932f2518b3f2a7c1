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


# --- a slip that prints right (issue 15) ------------------------------------

MM = 72 / 25.4  # PDF points in a millimetre
SMS_NUMBER = "9223166166"


def pdf_pages(data: bytes, tmp_path) -> list[tuple[float, float]]:
    """(width, height) of each page in mm, as poppler reads the PDF."""
    path = tmp_path / "pages.pdf"
    path.write_bytes(data)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return [(float(w) / MM, float(h) / MM) for w, h in sizes]


def lowest_text_mm(data: bytes, tmp_path) -> float:
    """How far down the first page the lowest word ends, in mm."""
    path = tmp_path / "bbox.pdf"
    path.write_bytes(data)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return max(float(y) for y in re.findall(r'yMax="([\d.]+)"', boxes)) / MM


def longest_demo_application(app) -> int:
    """The demo application whose slip is the longest (the service with the
    most documents and questions, the longest names), with every document
    its service asks for received, as filed at the counter."""
    from blueprints.accounts.demo import seed_demo as seed_users
    from blueprints.applications.demo import seed_demo as seed_applications
    from blueprints.applications.models import Application, ApplicationDocument
    from blueprints.catalogue.demo import seed_demo as seed_services
    from blueprints.masters.demo import seed_demo as seed_masters
    from core.db import db
    from tests.helpers import quiet

    def length(a):
        names = (a.applicant_name_en, a.relation_name, a.csc.name_en, a.office.name_en)
        return (4 * len(a.service.documents), 2 * len(a.service.fields), sum(map(len, names)))

    with app.app_context(), db.connection_context():
        seed_masters(echo=quiet)
        seed_users(echo=quiet)
        seed_services(echo=quiet)
        seed_applications(count=600, echo=quiet)
        longest = max(Application.select(), key=length)
        for n, doc in enumerate(longest.service.documents):
            ApplicationDocument.create(
                application=longest,
                doc_key=doc["key"],
                original_name=f"{doc['key']}.pdf",
                mimetype="application/pdf",
                size=120_000,
                stored_name=f"demo-{longest.id}-{n}.pdf",
                sha256="0" * 64,
            )
        return longest.id


def demo_collector(app):
    import pyotp

    from blueprints.accounts.models import User
    from blueprints.masters.demo_data import DEMO_PASSWORD, DEMO_TOTP_SECRET
    from tests.helpers import Browser

    with app.app_context():
        user = User.get(User.username == "collector")
    browser = Browser(app.test_client())
    browser.login(user, password=DEMO_PASSWORD, code=pyotp.TOTP(DEMO_TOTP_SECRET).now())
    return browser


@needs_poppler
def test_the_roll_slip_is_one_piece_as_long_as_its_content(app, tmp_path):
    """It was an 80 x 297 mm page that ran onto a second one with 260 mm of
    blank paper; a roll is cut where the slip ends."""
    app.config["SMS_INBOUND_NUMBER"] = SMS_NUMBER
    pk = longest_demo_application(app)
    collector = demo_collector(app)
    response = collector.get(f"/applications/{pk}/acknowledgement.pdf?size=roll")
    assert response.status_code == 200
    pages = pdf_pages(response.data, tmp_path)
    assert len(pages) == 1, pages
    width, height = pages[0]
    assert abs(width - 80) < 0.5
    assert height < 250, height  # far from an A4-long page, even for the longest
    # Cut just below the last line: the 3 mm margin and a line's leading.
    assert height - lowest_text_mm(response.data, tmp_path) < 6
    text = pdf_text(response.data, tmp_path, name="roll.pdf", layout=False)
    assert "delivered." in text.split("STATUS")[-1]  # the foot is all there


@needs_poppler
def test_on_a4_the_words_at_the_foot_do_not_run_together(app, filed, operator, tmp_path):
    """ "/ Orसेवा": the foot's paragraphs stood side by side without a gap."""
    app.config["SMS_INBOUND_NUMBER"] = SMS_NUMBER
    data = operator.get(f"/applications/{filed.id}/acknowledgement.pdf?size=a4").data
    text = pdf_text(data, tmp_path, name="a4.pdf", layout=True)
    foot = text[text.index("http") - 200 :]
    glued = re.findall(r"[A-Za-z:.][\u0900-\u097f]|[\u0900-\u097f][A-Za-z]", foot)
    assert not glued, foot
    # Each sentence reads whole, with no word of a column beside it between.
    assert re.search(r"Keep this slip until\s+the service is delivered", text), foot
    assert re.search(rf"Or send this SMS to\s+{SMS_NUMBER}:\s+STATUS {filed.app_id}", text), foot


@pytest.mark.parametrize(
    ("lang", "sms_line"),
    [
        ("en", f"Or send this SMS to {SMS_NUMBER}:"),
        ("hi", f"या यह SMS {SMS_NUMBER} पर भेजें:"),
        ("mr", f"किंवा हा SMS {SMS_NUMBER} या क्रमांकावर पाठवा:"),
    ],
)
def test_the_slip_gives_the_sms_number_or_no_sms_line(
    app, place, service, operator, lang, sms_line
):
    """It said "send this SMS to the district" and printed no number."""
    with app.app_context():
        mine = make_application(place, service, operator.user, language=lang)
    url = f"/applications/{mine.id}/acknowledgement"
    app.config["SMS_INBOUND_NUMBER"] = SMS_NUMBER
    page = operator.get(url).get_data(as_text=True)
    assert sms_line in page
    assert f"STATUS {mine.app_id}" in page
    app.config["SMS_INBOUND_NUMBER"] = ""
    page = operator.get(url).get_data(as_text=True)
    assert "SMS" not in page and "STATUS" not in page


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Government of Maharashtra", "Aurangabad district", "Phone"]),
        ("hi", ["महाराष्ट्र सरकार", "ज़िला औरंगाबाद", "फ़ोन", "Government of Maharashtra"]),
        ("mr", ["महाराष्ट्र शासन", "जिल्हा औरंगाबाद", "फोन", "Government of Maharashtra"]),
    ],
)
def test_the_slip_says_where_to_come_back(app, place, service, operator, lang, words, tmp_path):
    """The district, the disposing office's address and phone, and the CSC's
    code, name and phone, on the page and on both PDFs."""
    from blueprints.masters.models import Csc, Office

    with app.app_context():
        Office.update(
            address_en="Near the bus stand, Paithan 431107",
            address_local="बसस्थानकाजवळ, पैठण ४३११०७",
            phone="02431-223344",
        ).where(Office.id == place.tehsil_offices[0].id).execute()
        Csc.update(operator_mobile="9765432109").where(Csc.id == place.cscs[0].id).execute()
        mine = make_application(place, service, operator.user, language=lang)
    page = operator.get(f"/applications/{mine.id}/acknowledgement").get_data(as_text=True)
    for word in words:
        assert word in page, word
    address = "Near the bus stand, Paithan 431107"
    for fact in (address, "02431-223344", place.cscs[0].code, place.cscs[0].name_en, "9765432109"):
        assert fact in page, fact
    if lang != "en":
        assert "बसस्थानकाजवळ, पैठण ४३११०७" in page and place.cscs[0].name_local in page
    for size in ("a4", "roll"):
        data = operator.get(f"/applications/{mine.id}/acknowledgement.pdf?size={size}").data
        text = " ".join(pdf_text(data, tmp_path, name=f"{size}.pdf", layout=False).split())
        for fact in ("Maharashtra", address, "02431-223344", place.cscs[0].code, "9765432109"):
            assert fact in text, (size, fact)


def test_the_roll_is_laid_out_once(filed, operator, monkeypatch):
    """Printed at the counter while the citizen waits: cutting the page to
    its content costs no second layout."""
    import weasyprint

    layouts = []
    render = weasyprint.HTML.render

    def counted(self, *args, **kwargs):
        layouts.append(1)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counted)
    response = operator.get(f"/applications/{filed.id}/acknowledgement.pdf?size=roll")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert len(layouts) == 1
    assert len(response.data) < 60_000  # a 2G link brings it in seconds
