"""Printed documents carry Devanagari that a reader (and pdftotext) can read."""

import shutil
import subprocess

import pytest

from tests.helpers import pdf_text, report_pdf

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_fonts(data: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout


def test_office_list_prints_in_english(login_as, tmp_path):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    response = report_pdf(browser, "/masters/offices.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data, tmp_path)
    assert "Offices of Aurangabad district" in text
    assert "Tehsil Office Paithan" in text


@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_office_list_prints_devanagari_with_an_embedded_font(lang, login_as, tmp_path):
    browser = login_as("district_manager")
    browser.set_cookie("lang", lang)
    response = report_pdf(browser, "/masters/offices.pdf")
    assert response.data.startswith(b"%PDF")
    # pdftotext cannot undo the glyph reordering of shaped Devanagari (the
    # i-matra, the reph), so the check is on what it can see: the embedded
    # Devanagari font and characters of the local names.
    assert "Noto-Sans-Devanagari" in pdf_fonts(response.data, tmp_path)
    text = pdf_text(response.data, tmp_path)
    assert "औरंगाबाद" in text
    assert "TO0" in text and "English" not in text


def test_office_list_pdf_is_scoped_to_the_jurisdiction(login_as, tmp_path):
    browser = login_as("block_officer")
    browser.set_cookie("lang", "en")
    text = pdf_text(report_pdf(browser, "/masters/offices.pdf").data, tmp_path)
    assert "Panchayat Samiti Paithan" in text
    assert "Panchayat Samiti Kannad" not in text
