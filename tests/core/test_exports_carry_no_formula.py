"""Every export there is, fed formulas: the district's names, an officer's
name and an applicant's name are written as spreadsheet formulas, then every
GET route of the URL map is fetched as CSV and as XLSX (plain, `format=csv`,
`format=xlsx`) by the roles that see most; every cell of every CSV or XLSX
that comes back must read as text, never as a live formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.downloads import XLSX_MIMETYPE, looks_like_formula
from tests.test_access import get_rules, master_rows, url_values, urls_for_rule

FORMULAS = ('=HYPERLINK("http://x","y")', "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "\t=1")


def poison(place):
    """Every name the exports print, as a formula."""
    from blueprints.accounts.models import User
    from blueprints.masters.models import MODELS

    for n, model in enumerate(MODELS):
        fields = {
            name: FORMULAS[(n + i) % len(FORMULAS)]
            for i, name in enumerate(("name_en", "name_local", "name"))
            if name in model._meta.fields
        }
        if fields:
            model.update(**fields).execute()
    User.update(full_name=FORMULAS[0], full_name_local=FORMULAS[1]).execute()


def cells(response):
    if response.mimetype == "text/csv":
        yield from (
            c for row in csv.reader(io.StringIO(response.get_data(as_text=True))) for c in row
        )
    else:
        book = load_workbook(io.BytesIO(response.get_data()))
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (
                        f"a formula cell at {sheet.title}!{cell.coordinate}"
                    )
                    yield cell.value


@pytest.mark.parametrize("who", ["admin", "district_manager", "establishment"])
def test_no_export_carries_a_live_formula(who, app, login_as, place):
    browser = login_as(who)
    values = url_values(app, place, browser.user)  # makes the walk's application too
    with app.app_context():
        from blueprints.applications.models import Application

        Application.update(
            applicant_name_en=FORMULAS[2], applicant_name_local=FORMULAS[0]
        ).execute()
        poison(place)
    exports, found = set(), []
    for rule in get_rules(app):
        if rule.endpoint in ("static", "asset"):
            continue
        for url in urls_for_rule(app, rule, values, master_rows(place)):
            for query in ({}, {"format": "csv"}, {"format": "xlsx"}):
                response = browser.get(url, query_string=query)
                if response.mimetype not in ("text/csv", XLSX_MIMETYPE):
                    continue
                exports.add((rule.endpoint, response.mimetype))
                found += [f"{url}?{query}: {c!r}" for c in cells(response) if looks_like_formula(c)]
    assert found == [], "\n".join(found[:40])
    # The walk must really have met the exports, or it proves nothing.
    assert len({endpoint for endpoint, _ in exports}) >= 5, sorted(exports)
