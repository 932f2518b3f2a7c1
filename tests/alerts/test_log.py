"""The full alert log behind the dashboard's "who was told" (ten rows):
every record, newest first, a keyset page at a time, for the offices its
reader may see; the dashboard links to it."""

import datetime as dt
import re

import pytest

from blueprints.alerts.models import AlertRecord
from core import clock
from core.db import db
from tests.helpers import text

NEXT = re.compile(r'href="([^"]+)" rel="next"')
PREV = re.compile(r'href="([^"]+)" rel="prev"')
STAMP = dt.datetime(2026, 3, 2, 2, 30)


def records(app, office, count, *, start=0, status="queued", reason="", ties=False):
    """`count` records of `office`, one a day going back from today, the
    later ones made earlier; `ties`: two at a time in the same instant."""
    today = clock.today_ist()
    rows = [
        {
            "key": f"K{n:03d}",
            "day": today - dt.timedelta(days=n),
            "post": "office_head",
            "office": office.id,
            "channel": "sms",
            "status": status,
            "reason": reason,
            "breaches": n + 1,
            "created_at": STAMP - dt.timedelta(hours=n // 2 if ties else n),
        }
        for n in range(start, start + count)
    ]
    with app.app_context(), db.connection_context():
        AlertRecord.insert_many(rows).execute()


def overdue_counts(body: str) -> list[int]:
    return [int(n) for n in re.findall(r"(\d+) overdue", body)]


def test_the_log_pages_every_record_newest_first_and_back(app, place, login_as):
    records(app, place.tehsil_offices[0], 120, ties=True)
    dm = login_as("district_manager")
    url, seen, pages = "/alerts/log", [], []
    while url:
        response = dm.get(url)
        assert response.status_code == 200
        body = text(response)
        pages.append(url)
        seen += overdue_counts(body)
        found = NEXT.search(body)
        url = found.group(1).replace("&amp;", "&") if found else None
    # Newest first, of two records of one instant the later id first;
    # none twice, none left out.
    order = [n + 1 for n in sorted(range(120), key=lambda n: (n // 2, -n))]
    assert seen == order
    assert len(pages) == 3
    back = text(dm.get(pages[-1]))
    previous = PREV.search(back).group(1).replace("&amp;", "&")
    assert overdue_counts(text(dm.get(previous))) == order[50:100]


def test_the_log_keeps_to_the_readers_offices(app, place, login_as):
    records(app, place.tehsil_offices[0], 3)
    records(app, place.tehsil_offices[1], 2, start=3)
    head = login_as("office_head")  # of tehsil office 0
    body = text(head.get("/alerts/log"))
    assert overdue_counts(body) == [1, 2, 3]
    assert head.get(f"/alerts/log?office_id={place.tehsil_offices[1].id}").status_code == 404
    assert head.get("/alerts/log?office_id=nonsense").status_code == 404
    dm = login_as("district_manager")
    one = text(dm.get(f"/alerts/log?office_id={place.tehsil_offices[1].id}"))
    assert overdue_counts(one) == [4, 5]
    assert login_as("csc_operator").get("/alerts/log").status_code == 403


def test_a_garbled_cursor_reads_the_first_page(app, place, login_as):
    records(app, place.tehsil_offices[0], 2)
    dm = login_as("district_manager")
    for bad in ("after=yesterday", "before=2026-01-01,99999999999999", "after=,"):
        response = dm.get(f"/alerts/log?{bad}")
        assert response.status_code == 200, bad
        assert overdue_counts(text(response)) == [1, 2], bad


@pytest.mark.parametrize(
    ("lang", "link", "untold"),
    [
        ("en", "The full alert log, every day and page", "could not be told: no mobile number"),
        ("hi", "पूरा अलर्ट लॉग, हर दिन और पृष्ठ", None),
        ("mr", "इशाऱ्यांची संपूर्ण नोंदवही, प्रत्येक दिवस आणि पान", None),
    ],
)
def test_the_dashboard_links_to_the_log_in_each_language(app, place, login_as, lang, link, untold):
    records(app, place.tehsil_offices[0], 12, status="could_not_tell", reason="no_mobile")
    dm = login_as("district_manager")
    dm.set_cookie("lang", lang)
    dashboard = text(dm.get("/pendency/"))
    assert link in dashboard and 'href="/alerts/log"' in dashboard
    log = dm.get("/alerts/log")
    assert log.status_code == 200
    body = text(log)
    assert len(re.findall(r"<tr>\s*<td>", body)) == 12  # more than the dashboard's ten
    if untold:
        assert untold in body
    else:
        assert "Alert log" not in body and "could not be told" not in body
