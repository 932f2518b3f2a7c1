"""Coverage by block against hand-made data; the worklist of uncovered gram
panchayats; the pipeline; the chart; the downloads equal the screen."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest

from blueprints.cscs.models import CscProposal
from blueprints.masters.models import GramPanchayat
from core import clock
from core.db import db
from tests.helpers import text


@pytest.fixture
def covered(app, reg):
    """Block 0 (Paithan): GP00 covered by CSC0 (filed 2 days ago); GP01 only an
    inactive CSC (filed 40 days ago) and a suspended one; GPX0 a proposed CSC
    whose opening is approved (so uncovered, in the pipeline).
    Block 1 (Kannad): GP10 covered by CSC1, opened 3 days ago, nothing filed;
    GP11 a proposed CSC and a closed one (uncovered); GPX1 nothing, population
    unknown (uncovered)."""
    p = reg.place
    today = clock.today_ist()
    with app.app_context(), db.connection_context():
        extra0 = GramPanchayat.create(
            code="GPX0", name_en="Wadgaon", name_local="वडगाव", block=p.blocks[0], population=9000
        )
        GramPanchayat.create(code="GPX1", name_en="Nimgaon", name_local="निमगाव", block=p.blocks[1])
        from blueprints.masters.models import Csc

        Csc.update(opened_on=today - dt.timedelta(days=3)).where(Csc.id == p.cscs[1].id).execute()
    reg.file(p.cscs[0], days_ago=2)
    reg.file(reg.add_csc(p.gps[1], "INACT"), days_ago=40)
    reg.add_csc(p.gps[1], "SUSP", status="suspended")
    approved = reg.add_csc(extra0, "APPR", status="proposed")
    with app.app_context(), db.connection_context():
        CscProposal.create(csc=approved.id, kind="open", state="approved", reason="ok")
    reg.add_csc(p.gps[3], "PROP", status="proposed")
    reg.add_csc(p.gps[3], "SHUT", status="closed", opened_on=today - dt.timedelta(days=900))
    return reg


EXPECTED = {
    # block: (gps, working, inactive only, uncovered, proposed, approved, opened)
    "Paithan": (3, 1, 1, 1, 0, 1, 0),
    "Kannad": (3, 1, 0, 2, 1, 0, 1),
}


def table_rows(body: str, heading: str) -> dict[str, list[str]]:
    """{row heading: [cell texts]} of the table after `heading`."""
    part = body[body.index(heading) :]
    part = part[: part.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", part, re.S):
        name, rest = row.split("</th>", 1)
        rows[name] = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", rest)]
    return rows


def test_coverage_by_block(covered, login_as):
    body = text(login_as("district_manager").get("/cscs/coverage"))
    by_block = table_rows(body, "<h2>By block</h2>")
    for block, figures in EXPECTED.items():
        assert by_block[block] == [str(n) for n in figures[:4]], block
    assert by_block["Total"] == ["6", "2", "1", "3"]
    pipeline = table_rows(body, "<h2>From proposal to opening</h2>")
    for block, figures in EXPECTED.items():
        assert pipeline[block] == [str(n) for n in figures[4:]], block
    assert pipeline["Total"] == ["1", "1", "1"]


def test_a_block_officer_sees_the_block_only(covered, login_as):
    body = text(login_as("block_officer").get("/cscs/coverage"))
    by_block = table_rows(body, "<h2>By block</h2>")
    assert set(by_block) == {"Paithan", "Total"}
    assert by_block["Total"] == ["3", "1", "1", "1"]


def test_the_chart_reads_without_colour(covered, login_as):
    body = text(login_as("district_manager").get("/cscs/coverage"))
    svg = body[body.index("<svg") : body.index("</svg>") + 6]
    assert '<title id="cv-bars-t">' in svg and "<desc" in svg
    # Patterns, not only colours, and the words of the legend.
    assert 'fill="url(#cv-hatch)"' in svg and 'fill="url(#cv-dots)"' in svg
    for words in ("Covered: a working CSC", "Inactive CSC only", "No active CSC"):
        assert words in svg
    assert "<title>Kannad — No active CSC: 2</title>" in svg
    assert "Paithan: Covered: a working CSC 1, Inactive CSC only 1, No active CSC 1" in svg
    assert "style=" not in svg  # the CSP forbids inline styles


def worklist_codes(body: str) -> list[str]:
    return re.findall(r'<small class="mono muted" translate="no">([^<]+)</small>', body)


def test_the_worklist_of_uncovered_gps(covered, login_as):
    browser = login_as("district_manager")
    body = text(browser.get("/cscs/coverage/uncovered"))
    # Largest population first, unknown last: GPX0 9,000, GP11 2,500, GPX1 —.
    assert worklist_codes(body) == ["GPX0", "GP11", "GPX1"]
    assert "3 gram panchayats." in body
    assert worklist_codes(text(browser.get("/cscs/coverage/uncovered?sort=population"))) == [
        "GP11",
        "GPX0",
        "GPX1",
    ]
    # By name: Deulgaon Kannad, Nimgaon, Wadgaon.
    assert worklist_codes(text(browser.get("/cscs/coverage/uncovered?sort=name"))) == [
        "GP11",
        "GPX1",
        "GPX0",
    ]
    # The ones with a CSC in the pipeline say so; the others offer a proposal.
    rows = body.split("<tr>")
    gpx1 = next(r for r in rows if "GPX1" in r)
    assert "Propose a CSC" in gpx1
    assert "proposed</span>" in next(r for r in rows if "GP11" in r)


def test_worklist_filters_and_bad_values(covered, login_as):
    p = covered.place
    browser = login_as("district_manager")
    body = text(browser.get(f"/cscs/coverage/uncovered?block={p.blocks[1].id}"))
    assert worklist_codes(body) == ["GP11", "GPX1"]
    response = browser.get("/cscs/coverage/uncovered?sort=biggest")
    assert response.status_code == 400
    assert "“biggest” is not an order this list can be sorted in." in text(response)
    assert worklist_codes(text(response)) == ["GPX0", "GP11", "GPX1"]
    bdo = login_as("block_officer")
    response = bdo.get(f"/cscs/coverage/uncovered?block={p.blocks[1].id}")
    assert response.status_code == 400
    assert worklist_codes(text(response)) == ["GPX0"]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_downloads_match_the_screen(covered, login_as):
    browser = login_as("district_manager")
    body = text(browser.get("/cscs/coverage"))
    screen = table_rows(body, "<h2>By block</h2>")
    rows = csv_rows(browser.get("/cscs/coverage?format=csv"))
    assert rows[0] == [
        "Block",
        "Gram panchayats",
        "Covered: a working CSC",
        "Inactive CSC only",
        "No active CSC",
    ]
    assert {r[0]: r[1:] for r in rows[1:]} == screen
    pipeline = csv_rows(browser.get("/cscs/coverage?format=csv&table=pipeline"))
    assert {r[0]: r[1:] for r in pipeline[1:]} == table_rows(
        body, "<h2>From proposal to opening</h2>"
    )

    worklist = csv_rows(browser.get("/cscs/coverage/uncovered?format=csv&sort=name"))
    assert [r[0] for r in worklist[1:]] == ["GP11", "GPX1", "GPX0"]
    assert worklist[2][3] == "" and worklist[3][3] == "9000"

    response = browser.get("/cscs/coverage?format=xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    assert book.sheetnames == ["Coverage by block", "Pipeline", "Uncovered gram panchayats"]
    sheet = [list(r) for r in book["Coverage by block"].iter_rows(values_only=True)]
    assert {r[0]: [str(v) for v in r[1:]] for r in sheet[1:]} == screen
    uncovered = [r[0] for r in book["Uncovered gram panchayats"].iter_rows(values_only=True)]
    assert uncovered[1:] == ["GPX0", "GP11", "GPX1"]


def test_registry_download_matches_the_list(covered, login_as):
    browser = login_as("district_manager")
    body = text(browser.get("/cscs/?inactive=1"))
    on_screen = re.findall(r'<small class="mono muted" translate="no">([^<]+)</small>', body)
    rows = csv_rows(browser.get("/cscs/?format=csv&inactive=1"))
    assert [r[0] for r in rows[1:]] == on_screen == ["INACT"]
    assert rows[1][6] == "yes"
    response = browser.get(f"/cscs/?format=xlsx&block={covered.place.blocks[1].id}")
    book = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    codes = [r[0] for r in book.active.iter_rows(values_only=True)][1:]
    assert codes == ["CSC1", "PROP", "SHUT"]


def test_marathi_coverage_page(covered, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "mr")
    body = text(browser.get("/cscs/coverage"))
    assert "पैठण" in body and "कन्नड" in body
