"""The queue at district scale: 100,000 open applications in one office.
Query counts and the query plan are asserted; timings are only printed
(this machine is shared and noisy)."""

import time

from blueprints.applications.models import Application
from blueprints.desk.queue import queue_query
from core.db import db, is_postgres
from core.paging import Cursor
from tests.desk.test_queue import listed, next_link
from tests.helpers import count_queries, text

ROWS = 100_000


def timed(browser, url):
    started = time.perf_counter()
    with count_queries() as log:
        response = browser.get(url)
    return response, log, (time.perf_counter() - started) * 1000


def test_page_fifty_costs_what_page_one_costs_at_100000_rows(app, office, clerk, place):
    started = time.perf_counter()
    office.bulk(ROWS)
    office.bulk(2_000, office=place.tehsil_offices[1])
    print(f"\nseeded {ROWS:,} applications in {time.perf_counter() - started:.1f} s")
    with app.app_context():
        db.execute_sql("ANALYZE")  # as autovacuum would after a day's filings
        ordered = (
            Application.select(Application.id, Application.submitted_at)
            .where(Application.office == place.tehsil_offices[0])
            .order_by(Application.submitted_at, Application.id)
        )
        start_of_50 = ordered.offset(49 * 50 - 1).first()
        expected_50 = [a.id for a in ordered.offset(49 * 50).limit(50)]

    clerk.get("/desk/?status=submitted")  # compile the templates: time the queries
    first, first_log, first_ms = timed(clerk, "/desk/")
    assert len(listed(first)) == 50
    url = f"/desk/?after={Cursor(start_of_50.submitted_at, start_of_50.id)}"
    fiftieth, fiftieth_log, fiftieth_ms = timed(clerk, url)
    assert listed(fiftieth) == expected_50
    assert len(first_log) == len(fiftieth_log)
    assert len(fiftieth_log.touching("application")) == 2
    # Following the links gives the same pages.
    assert listed(clerk.get(next_link(first)))[0] == ordered.offset(50).first().id

    filtered, filtered_log, filtered_ms = timed(clerk, f"{url}&status=approved")
    assert len(listed(filtered)) == 50
    assert text(filtered).count("Approved") == 50 + 1
    assert len(filtered_log) == len(first_log)
    print(
        f"page 1: {first_ms:.1f} ms, page 50: {fiftieth_ms:.1f} ms, "
        f"page 50 of one status: {filtered_ms:.1f} ms ({len(first_log)} queries each)"
    )


def test_the_queue_reads_index_ranges_not_the_table(app, office, place):
    """SQLite's plan: every open status is a range of the (office, status,
    submitted_at) index; nothing scans the application table or sorts it."""
    office.bulk(2_000)
    with app.app_context():
        if is_postgres():
            return  # the planner differs; the query count test covers both
        db.execute_sql("ANALYZE")
        row = Application.select().order_by(Application.id).offset(900).first()
        cursor = Cursor(row.submitted_at, row.id)
        for query in (
            queue_query(place.tehsil_offices[0].id),
            queue_query(place.tehsil_offices[0].id, cursor=cursor),
            queue_query(place.tehsil_offices[0].id, cursor=cursor, backwards=True),
            queue_query(place.tehsil_offices[0].id, status="scrutiny", cursor=cursor),
        ):
            sql, params = query.sql()
            plan = [row[-1] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
            ranges = [p for p in plan if "INDEX application_office_id_status_submitted_at" in p]
            assert ranges and all("status=?" in p for p in ranges), plan
            assert not [p for p in plan if p.startswith("SCAN t1") or "SCAN application" in p]
