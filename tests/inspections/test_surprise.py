"""A scheduled inspection is a surprise: the operator of the centre sees no
page, message or count that changes when it is drawn; only the instructions
of a filed report reach the operator."""

import re

from blueprints.inspections.draw import current_week, draw_week
from blueprints.inspections.models import Inspection
from blueprints.masters.models import Csc
from core.notify import Notification
from tests.inspections.factories import filed, make_inspector, schedule
from tests.inspections.walk import walk_values
from tests.test_access import get_rules, master_rows, may_see, rule_for, url_values, urls_for_rule

TOKENS = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+"')


def operator_pages(app, place, browser) -> dict[str, str]:
    """Every page the operator may open, as the operator sees it."""
    values = {**url_values(app, place, browser.user), **walk_values(app, place, browser.user)}
    pages = {}
    for rule in get_rules(app):
        if rule.endpoint in ("home.language", "static", "asset"):
            continue
        if not may_see(rule_for(app, rule.endpoint), "csc_operator"):
            continue
        for url in urls_for_rule(app, rule, values, master_rows(place)):
            response = browser.get(url, follow_redirects=True)
            if response.mimetype != "text/html":  # PDFs carry the time they were made
                pages[url] = response.mimetype
                continue
            pages[url] = TOKENS.sub(r'\1"', response.get_data(as_text=True))
    return pages


def test_the_operator_sees_nothing_change_when_the_week_is_drawn(app, place, login_as):
    operator = login_as("csc_operator", mobile="9811111111")
    with app.app_context():
        Csc.update(operator_mobile="9822222222").where(Csc.id == place.cscs[0].id).execute()
        inspector = make_inspector(place, "gp_staff", mobile="9700000001", min_per_week=1)
    before = operator_pages(app, place, operator)
    assert len(before) >= 5 and "/inspections/instructions" in before
    # A page that differs on every visit (a fresh TOTP secret) tells nothing.
    again = operator_pages(app, place, operator)
    volatile = {url for url in before if before[url] != again[url]}
    assert not volatile & {"/", "/inspections/instructions", "/applications/"}
    with app.app_context():
        draw_week(current_week())
        drawn = Inspection.get(Inspection.inspector == inspector.id)
        assert drawn.csc_id == place.cscs[0].id  # the operator's own centre
        recipients = {n.recipient for n in Notification.select()}
    after = operator_pages(app, place, operator)
    changed = [url for url in before if before[url] != after[url] and url not in volatile]
    assert changed == []
    # The inspectors (this one and the walk's), and nobody else.
    assert recipients == {"9700000001", "9700000099"}
    for url in ("/inspections/", f"/inspections/{drawn.id}", f"/inspections/{drawn.id}/report"):
        assert operator.get(url).status_code == 403, url
    assert operator.get("/inspections/weekly").status_code == 403


def test_the_operator_sees_instructions_only_once_the_report_is_filed(app, place, login_as):
    operator = login_as("csc_operator")
    with app.app_context():
        inspector = make_inspector(place)
        inspection = schedule(inspector, place.cscs[0])
    page = operator.get("/inspections/instructions").get_data(as_text=True)
    assert "No instructions for your centre." in page
    with app.app_context():
        filed(inspection, findings=["board_displayed"])
    page = operator.get("/inspections/instructions").get_data(as_text=True)
    assert "Display the CSC board outside the centre." in page
    assert inspector.user.full_name not in page  # who inspected is not the point
