"""The office queue: its own office's open work, oldest first, filtered and
paged by keyset in a constant number of queries, as a page or a fragment."""

import datetime as dt
import re

import pytest

from blueprints.applications.models import Application
from core import clock
from tests.factories import make_plain_service
from tests.helpers import ROW_ID, count_queries, listed, next_link, prev_link, text
from tests.test_budget import page_over_budget


def test_queue_lists_own_office_open_work_oldest_first(office, clerk, place):
    middle = office.file(age_days=3)
    oldest = office.file(age_days=6, service=office.caste)
    newest = office.file(age_days=1, status="scrutiny")
    theirs = office.file(age_days=9, office=place.tehsil_offices[1])
    delivered = office.file(age_days=8, status="delivered")
    rejected = office.file(age_days=8, status="rejected")
    draft = office.file(age_days=7, status="draft")

    response = clerk.get("/desk/")
    assert listed(response) == [oldest.id, middle.id, newest.id]
    body = text(response)
    for hidden in (theirs, delivered, rejected, draft):
        assert hidden.app_id not in body


def test_each_row_says_what_a_clerk_needs(app, office, clerk):
    today = clock.today_ist()
    overdue = office.file(age_days=10, due_date=today - dt.timedelta(days=3))
    due_today = office.file(age_days=7, due_date=today, service=office.caste)
    waiting = office.file(
        age_days=5,
        status="awaiting_documents",
        due_date=today + dt.timedelta(days=4),
        paused_since=clock.now() - dt.timedelta(days=2),
    )
    fresh = office.file(
        age_days=1,
        due_date=today + dt.timedelta(days=6),
        submitted_at=dt.datetime(2026, 11, 20, 20, 0),  # 01:30 on 21 Nov in India
    )

    body = text(clerk.get("/desk/"))
    rows = dict(zip(ROW_ID.findall(body), body.split("<tr>")[2:], strict=True))
    assert f'href="/applications/{overdue.id}"' in body and overdue.app_id in body
    # Overdue is said in words inside the tag, not by colour alone.
    assert '<span class="tag bad">Overdue by 3 days</span>' in rows[str(overdue.id)]
    assert "Due today" in rows[str(due_today.id)]
    assert "Caste certificate" in rows[str(due_today.id)]
    # The clock stood still when the documents were asked for, two days ago.
    assert "Clock paused" in rows[str(waiting.id)] and "6 days left" in rows[str(waiting.id)]
    assert "Waiting for documents from the applicant" in rows[str(waiting.id)]
    assert "21 Nov 2026, 01:30" in rows[str(fresh.id)]
    assert "6 days left" in rows[str(fresh.id)]
    assert "Income certificate" in rows[str(fresh.id)]
    assert fresh.applicant_name_en in rows[str(fresh.id)]


def test_names_follow_the_page_language(office, clerk):
    application = office.file()
    clerk.set_cookie("lang", "mr")
    body = text(clerk.get("/desk/"))
    assert "उत्पन्नाचा दाखला" in body  # the service's Marathi name
    assert application.applicant_name_local in body
    assert application.applicant_name_en not in body
    clerk.set_cookie("lang", "hi")
    assert "आय प्रमाण पत्र" in text(clerk.get("/desk/"))


def test_filters_by_service_and_status(office, clerk, place):
    income = office.file(age_days=4)
    caste = office.file(age_days=3, service=office.caste)
    scrutiny = office.file(age_days=2, status="scrutiny")
    approved = office.file(age_days=1, status="approved", service=office.caste)

    assert listed(clerk.get(f"/desk/?service={office.caste.id}")) == [caste.id, approved.id]
    assert listed(clerk.get("/desk/?status=scrutiny")) == [scrutiny.id]
    both = clerk.get(f"/desk/?service={office.income.id}&status=submitted")
    assert listed(both) == [income.id]
    assert 'value="submitted" selected' in text(both)
    assert f'value="{office.income.id}" selected' in text(both)
    # Nonsense in the URL is ignored, never an error.
    everything = [income.id, caste.id, scrutiny.id, approved.id]
    junk_values = (
        "service=abc",
        "service=99999999999999999999",
        "status=draft",
        "status=delivered",
        "after=yesterday",
        "after=2025-01-01T00:00:00,99999999999999999999",
        "before=2025-01-01T00:00:00,x",
    )
    for junk in junk_values:
        assert listed(clerk.get(f"/desk/?{junk}")) == everything


def test_service_filter_offers_only_services_with_work_here(app, office, clerk, place):
    with app.app_context():
        pension = make_plain_service(place, "OAP", "Old age pension", "वृद्धावस्था पेंशन", "वृद्धापकाळ")
        make_plain_service(place, "RATION", "Ration card change", "राशन कार्ड", "शिधापत्रिका")
    office.file(service=office.income)
    office.file(service=pension, office=place.tehsil_offices[1])
    office.file(service=office.caste, status="delivered")

    body = text(clerk.get("/desk/"))
    options = re.findall(r'<option value="(\d+)"', body)
    assert options == [str(office.income.id)]
    assert "Old age pension" not in body and "Ration card change" not in body


def test_keyset_pages_are_disjoint_and_cover_the_queue(app, office, clerk, place):
    office.bulk(120)
    office.bulk(30, office=place.tehsil_offices[1])
    with app.app_context():
        expected = [
            a.id
            for a in Application.select(Application.id)
            .where(Application.office == place.tehsil_offices[0])
            .order_by(Application.submitted_at, Application.id)
        ]

    pages, url = [], "/desk/"
    while url:
        response = clerk.get(url)
        pages.append(listed(response))
        url = next_link(response)
    assert [len(p) for p in pages] == [50, 50, 20]
    assert sum(pages, []) == expected
    assert 'rel="prev"' not in text(clerk.get("/desk/"))

    # Back from the last page is exactly the middle page, and from there the first.
    last = clerk.get(next_link(clerk.get(next_link(clerk.get("/desk/")))))
    middle = clerk.get(prev_link(last))
    assert listed(middle) == pages[1]
    first = clerk.get(prev_link(middle))
    assert listed(first) == pages[0]
    assert prev_link(first) is None


def test_applications_of_the_same_moment_are_neither_lost_nor_repeated(app, office, clerk):
    """A batch synced from a CSC that was offline can share one timestamp."""
    office.bulk(75)
    with app.app_context():
        Application.update(submitted_at=dt.datetime(2025, 3, 1, 10, 0)).execute()
        everything = [a.id for a in Application.select(Application.id).order_by(Application.id)]
    first = clerk.get("/desk/")
    second = clerk.get(next_link(first))
    assert listed(first) + listed(second) == everything
    assert listed(clerk.get(prev_link(second))) == listed(first)


def test_paging_keeps_the_filters(office, clerk):
    office.bulk(240)  # statuses cycle, so 60 of each
    response = clerk.get("/desk/?status=scrutiny")
    url = next_link(response)
    assert "status=scrutiny" in url and "after=" in url
    second = clerk.get(url)
    assert len(listed(response)) == 50 and len(listed(second)) == 10
    assert not set(listed(response)) & set(listed(second))
    assert text(second).count("Under scrutiny") == 10 + 1  # rows + the filter's option


def test_a_page_costs_the_same_queries_wherever_it_is(office, clerk):
    office.bulk(5)
    with count_queries() as few:
        assert len(listed(clerk.get("/desk/"))) == 5
    office.bulk(200, start=dt.datetime(2025, 6, 1))
    with count_queries() as first:
        response = clerk.get("/desk/")
    assert len(listed(response)) == 50
    url = next_link(clerk.get(next_link(clerk.get(next_link(response)))))
    with count_queries() as fourth:
        assert len(listed(clerk.get(url))) == 50
    # No query per row: five rows cost what fifty cost, on any page.
    assert len(few) == len(first) == len(fourth)
    # The rows, joined to their service, come from one statement; the only
    # other one on applications finds the services for the filter.
    assert len(fourth.touching("application")) == 2
    assert len([sql for sql in fourth if 'JOIN "service"' in sql]) == 1


def test_htmx_gets_the_table_alone(office, clerk):
    application = office.file()
    full = clerk.get("/desk/")
    assert "HX-Request" in full.headers["Vary"]
    with count_queries() as log:
        fragment = clerk.get(
            "/desk/?status=submitted", headers={"HX-Request": "true", "HX-Target": "desk-queue"}
        )
    body = text(fragment)
    assert fragment.status_code == 200
    assert body.startswith('<div id="desk-queue">') and "<html" not in body
    assert application.app_id in body
    assert len(log.touching("application")) == 1  # no filter form, no services query
    assert "HX-Request" in fragment.headers["Vary"]
    # The fragment is exactly what the page shows.
    assert body.strip() in text(clerk.get("/desk/?status=submitted"))
    # A boosted link (navigation) gets the whole page.
    boosted = clerk.get("/desk/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in text(boosted)


def test_the_pager_works_without_javascript(office, clerk):
    office.bulk(60)
    body = text(clerk.get("/desk/"))
    nav = body[body.index('<nav class="pager"') :]
    assert 'rel="next"' in nav and "Next" in nav
    # Plain links carry the same URL htmx fetches.
    assert re.search(r'href="([^"]+)" data-hx-get="\1" rel="next"', nav)


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_fifty_rows_fit_the_first_round_trip(app, office, clerk, lang):
    office.bulk(
        60,
        applicant_name_en="Dnyaneshwar Balasaheb Kulkarni-Deshmukh",
        applicant_name_local="ज्ञानेश्वर बाळासाहेब कुलकर्णी-देशमुख",
    )
    clerk.set_cookie("lang", lang)
    assert len(listed(clerk.get("/desk/"))) == 50
    assert page_over_budget(clerk, "/desk/") is None


@pytest.mark.parametrize("role", ["csc_operator", "gp_staff", "block_officer", "admin"])
def test_the_queue_is_for_office_staff(login_as, role):
    assert login_as(role).get("/desk/").status_code == 403


def test_the_head_sees_the_same_queue(office, head, clerk):
    office.file()
    office.file(status="approved")
    assert listed(head.get("/desk/")) == listed(clerk.get("/desk/"))
    assert len(listed(head.get("/desk/"))) == 2


def test_the_desk_finds_an_application_by_id_name_or_mobile(office, clerk, place):
    """Issue 15: the same rule as the CSC's own list (applications.search)."""
    office.bulk(60)  # the one looked for is not on the first page
    wanted = office.file(
        age_days=0.1,
        applicant_name_en="Sunita Patil",
        applicant_name_local="सुनीता पाटील",
        mobile="9822012345",
    )
    elsewhere = office.file(
        office=place.tehsil_offices[1], applicant_name_en="Sunita Patil", mobile="9822012345"
    )
    closed = office.file(status="delivered", applicant_name_en="Sunita Patil")
    assert wanted.id not in listed(clerk.get("/desk/"))
    for q in (wanted.app_id, wanted.app_id.lower(), "sunita", "सुनीता", "9822012345", "2345"):
        assert listed(clerk.get("/desk/", query_string={"q": q})) == [wanted.id], q
    # Searching keeps the other filters, and they keep the search.
    both = clerk.get("/desk/", query_string={"q": "Sunita", "status": "scrutiny"})
    assert listed(both) == []
    assert "No open application here matches “Sunita”." in text(both)
    assert 'value="Sunita"' in text(both)
    assert listed(clerk.get("/desk/", query_string={"q": elsewhere.app_id})) == []
    assert closed.id not in listed(clerk.get("/desk/", query_string={"q": "Sunita"}))
    paged = clerk.get("/desk/", query_string={"q": "Savita"})
    assert "q=Savita" in next_link(paged)
    assert len(listed(paged)) == 50 and len(listed(clerk.get(next_link(paged)))) == 10


@pytest.mark.parametrize(
    "lang, label", [("hi", "आवेदन क्रमांक, नाम या मोबाइल"), ("mr", "अर्ज क्रमांक, नाव किंवा मोबाईल")]
)
def test_the_desk_search_box_reads_in_hindi_and_marathi(office, clerk, lang, label):
    clerk.set_cookie("lang", lang)
    assert label in text(clerk.get("/desk/"))
