"""A CSC is inactive when it is active but submitted no application in the
last CSC_INACTIVE_DAYS days; every list and the detail page say so."""

import datetime as dt

from blueprints.cscs import services as svc
from blueprints.masters.models import Csc
from core import clock
from core.db import db
from tests.helpers import text


def listed_inactive(body: str) -> set[str]:
    """Codes of the rows that carry the "inactive" tag."""
    codes = set()
    for row in body.split("<tr>")[1:]:
        if '<span class="tag warn">inactive</span>' in row:
            start = row.index('translate="no">') + len('translate="no">')
            codes.add(row[start : row.index("<", start)])
    return codes


def test_inactive_is_computed_from_submitted_applications(app, reg, login_as):
    p = reg.place
    today = clock.today_ist()
    recent = p.cscs[0]
    reg.file(recent, days_ago=3)
    stale = reg.add_csc(p.gps[1], "STALE")
    reg.file(stale, days_ago=31)
    # p.cscs[1] (CSC1) files nothing at all.
    new = reg.add_csc(p.gps[3], "NEW", opened_on=today - dt.timedelta(days=5))
    old_new = reg.add_csc(p.gps[3], "OLDNEW", opened_on=today - dt.timedelta(days=45))
    suspended = reg.add_csc(p.gps[1], "SUSP", status="suspended")
    draft_only = reg.add_csc(p.gps[2], "DRAFTONLY")
    draft = reg.file(draft_only, days_ago=1, status="draft")
    with app.app_context(), db.connection_context():
        from blueprints.applications.models import Application

        Application.update(submitted_at=None).where(Application.id == draft.id).execute()

    browser = login_as("district_manager")
    body = text(browser.get("/cscs/"))
    assert listed_inactive(body) == {"STALE", "CSC1", "OLDNEW", "DRAFTONLY"}
    # A suspended centre is not expected to file, a new one has the window to start.
    assert "SUSP" in body and "NEW" in body

    only = text(browser.get("/cscs/?inactive=1"))
    assert listed_inactive(only) == {"STALE", "CSC1", "OLDNEW", "DRAFTONLY"}
    for code in ("CSC0", ">NEW<", "SUSP"):
        assert code not in only
    assert "4 CSCs." in only

    detail = text(browser.get(f"/cscs/{stale.id}"))
    assert '<span class="tag warn">inactive</span>' in detail
    assert "Applications in the last 30 days</dt><dd>0</dd>" in detail
    detail = text(browser.get(f"/cscs/{recent.id}"))
    assert "inactive</span>" not in detail
    assert "Applications in the last 30 days</dt><dd>1</dd>" in detail
    for csc in (new, suspended, old_new):
        assert browser.get(f"/cscs/{csc.id}").status_code == 200


def test_the_window_is_configurable(app, reg, login_as):
    p = reg.place
    reg.file(p.cscs[0], days_ago=12)
    reg.file(p.cscs[1], days_ago=5)
    app.config["CSC_INACTIVE_DAYS"] = 10
    browser = login_as("district_manager")
    body = text(browser.get("/cscs/"))
    assert listed_inactive(body) == {"CSC0"}
    assert "in the last 10 days" in body
    app.config["CSC_INACTIVE_DAYS"] = 15
    assert listed_inactive(text(browser.get("/cscs/"))) == set()


def test_inactive_condition_agrees_with_the_detail_figures(app, reg):
    """The SQL condition (used by lists, coverage and the inspections' draw)
    and the detail page's own computation say the same for every CSC."""
    p = reg.place
    today = clock.today_ist()
    reg.file(p.cscs[0], days_ago=29)
    reg.file(reg.add_csc(p.gps[1], "EDGE"), days_ago=31)
    reg.add_csc(p.gps[1], "FRESH", opened_on=today)
    reg.add_csc(p.gps[3], "PROP", status="proposed")
    with app.test_request_context(), db.connection_context():
        window = svc.activity_window()
        by_sql = {
            code for (code,) in Csc.select(Csc.code).where(svc.inactive_condition(window)).tuples()
        }
        by_detail = {c.code for c in Csc.select() if svc.activity_of(c, window).inactive}
        working = {
            code for (code,) in Csc.select(Csc.code).where(svc.working_condition(window)).tuples()
        }
    assert by_sql == by_detail == {"CSC1", "EDGE"}
    assert working == {"CSC0", "FRESH"}
