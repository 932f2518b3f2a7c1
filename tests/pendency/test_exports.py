"""Exports hold the rows and numbers of the screen, with its filters and in
its order; the review summary is a one-page PDF that prints Devanagari."""

import csv
import io
import re
import shutil
import subprocess

import openpyxl
import pytest

from tests.helpers import ROW_ID, report_pdf, text
from tests.pendency.helpers import all_listed, as_int, cells_of


@pytest.fixture
def spread(district, place):
    other = {"office": place.tehsil_offices[1], "gp": place.gps[2]}
    for age in (0, 4, 9, 15):
        district.file(age)
    for age in (1, 12):
        district.file(age, service=district.caste, **other)
    district.file(9, status="approved", decided_age=1)
    district.file(6, status="delivered", decided_age=3, **other)
    return place


def screen_rows(body: str) -> list[list[str]]:
    """The rows of the service x office table, totals last, as shown."""
    table = body.split('id="by-service"', 1)[1].split("</table>", 1)[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>", 1)[1], re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        rows.append(cells)
    return rows


def normalise(row) -> list[str]:
    """A CSV/XLSX row as the screen writes it: 67 -> 67%, totals spanning."""
    out = ["" if v is None else str(v) for v in row]
    if out[-1] and not out[-1].endswith("%"):
        out[-1] += "%"
    if not out[-1]:
        out[-1] = "—"
    return out


def test_csv_rows_equal_the_screen(spread, manager, district):
    for query in ("", "?sort=pending", f"?service={district.caste.id}&sort=late&dir=asc"):
        screen = screen_rows(text(manager.get(f"/pendency/{query}")))
        sep = "&" if query else "?"
        response = manager.get(f"/pendency/{query}{sep}format=csv")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        assert "attachment" in response.headers["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
        assert rows[0][:3] == ["Service", "Office", "0–3 days"]
        body = [normalise(r) for r in rows[1:]]
        # The screen's total row spans the two name columns.
        total = body[-1]
        assert [total[0], *total[2:]] == screen[-1]
        assert body[:-1] == screen[:-1]
        assert len(body) > 1


def test_xlsx_sheets_equal_the_screen(spread, manager):
    screen = screen_rows(text(manager.get("/pendency/?sort=pending")))
    response = manager.get("/pendency/?sort=pending&format=xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["By service and office", "Pending by block", "Week by week"]
    rows = [list(r) for r in book["By service and office"].iter_rows(min_row=2, values_only=True)]
    body = [normalise(r) for r in rows]
    assert body[:-1] == screen[:-1]
    assert book["By service and office"]["C1"].font.bold
    places = list(book["Pending by block"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[1] for r in places) == ["Kannad", "Paithan"]
    weeks = list(book["Week by week"].iter_rows(min_row=2, values_only=True))
    assert len(weeks) == 13 and weeks[-1][2] == sum(w[2] for w in weeks[:-1])


def test_the_area_and_trend_csv_match_their_tables(spread, manager):
    body = text(manager.get("/pendency/?area=tehsil"))
    rows = list(
        csv.reader(
            io.StringIO(
                manager.get("/pendency/?area=tehsil&format=csv&table=area")
                .get_data()
                .decode("utf-8-sig")
            )
        )
    )
    assert rows[0][0] == "Tehsil"
    for name, *numbers in rows[1:]:
        assert cells_of(body, f"<td>{name}</td>")[1:] == numbers
    trend = list(
        csv.reader(
            io.StringIO(
                manager.get("/pendency/?format=csv&table=trend").get_data().decode("utf-8-sig")
            )
        )
    )
    assert trend[0] == ["Week from", "Week to", "Received", "Disposed"]
    assert len(trend) == 14


def test_the_list_csv_holds_the_listed_applications(spread, manager, district):
    url = "/pendency/applications?bucket=over7"
    shown = all_listed(manager, url)
    response = manager.get(url + "&format=csv")
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0][:4] == ["Application ID", "Service", "Office", "Applicant"]
    page = text(manager.get(url))
    ids_in_order = re.findall(r'translate="no">([^<]+)</a>', page)
    assert [r[0] for r in rows[1:]] == ids_in_order
    assert len(rows) - 1 == len(shown)
    book = openpyxl.load_workbook(io.BytesIO(manager.get(url + "&format=xlsx").data))
    sheet = book.active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ids_in_order


def test_an_export_of_names_is_recorded(app, spread, manager):
    from core.audit import AuditEvent
    from core.db import db

    manager.get("/pendency/applications?format=csv&bucket=over7")
    with app.app_context(), db.connection_context():
        event = AuditEvent.select().where(AuditEvent.action == "pendency.exported").get()
    assert '"bucket": "over7"' in event.detail


pdf_tools = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _run(tool, data, tmp_path, *args):
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    return subprocess.run(
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


@pdf_tools
def test_the_review_summary_is_one_page_with_the_figures(spread, manager, tmp_path):
    response = report_pdf(manager, "/pendency/summary.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "Pages:           1" in _run("pdfinfo", response.data, tmp_path)
    words = _run("pdftotext", response.data, tmp_path, "-layout")
    assert "Pendency review: Aurangabad" in words
    assert "Most applications over 7 days old" in words
    assert "Income certificate" in words and "Paithan" in words


@pdf_tools
@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_the_review_summary_prints_devanagari(lang, spread, manager, tmp_path):
    manager.set_cookie("lang", lang)
    response = report_pdf(manager, "/pendency/summary.pdf")
    assert response.data.startswith(b"%PDF")
    assert "Devanagari" in _run("pdffonts", response.data, tmp_path)
    # pdftotext cannot undo the reordering of shaped Devanagari (see
    # tests/core/test_pdf.py): check the font and that the words are there.
    words = _run("pdftotext", response.data, tmp_path)
    assert re.search(r"[\u0900-\u097F]{3,}", words)
    assert "पैठण" in words  # the block, a name without reordered vowel signs


def test_the_numbers_of_the_summary_are_those_of_the_dashboard(spread, manager, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    body = text(manager.get("/pendency/"))
    total = as_int(body.split("<h3>Pending</h3>", 1)[1].split("</a>", 1)[0].rsplit(">", 1)[1])
    words = _run(
        "pdftotext", report_pdf(manager, "/pendency/summary.pdf").data, tmp_path, "-layout"
    )
    first_row = [line for line in words.splitlines() if line.strip()][3]
    assert first_row.split()[0] == str(total)
    assert ROW_ID.findall(body) == []  # the dashboard names no applicant
