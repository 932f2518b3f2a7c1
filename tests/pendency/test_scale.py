"""The dashboard at a realistic size: 13 services x 60 offices and a dozen
blocks. The number of queries does not grow with them (no N+1), the page
stays within the 14 KB budget, an htmx request gets the fragment alone, and
the charts are drawn in SVG that reads without colour or inline styles."""

import datetime as dt
import re
import uuid
from html.parser import HTMLParser

import pytest

from blueprints.applications.models import Application
from blueprints.catalogue.models import Service
from blueprints.masters.models import Block, GramPanchayat, Office
from core import clock
from core.db import db
from tests.helpers import count_queries, text
from tests.pendency.helpers import number_links
from tests.test_budget import page_over_budget


def _bulk_district(app, place, district, services=13, offices=60, blocks=12):
    """Services x offices with applications in every column of every cell."""
    with app.app_context(), db.connection_context():
        service_ids = [district.income.id, district.caste.id]
        for i in range(services - 2):
            service_ids.append(
                Service.create(
                    code=f"S{i:02d}",
                    name_en=f"A service with a long official name number {i:02d}",
                    name_hi=f"एक लंबे आधिकारिक नाम वाली सेवा {i:02d}",
                    name_mr=f"लांब अधिकृत नावाची सेवा {i:02d}",
                    department=place.collectorate,
                    disposing_level="tehsil",
                ).id
            )
        office_ids = [place.tehsil_offices[0].id, place.tehsil_offices[1].id]
        for i in range(offices - 2):
            office_ids.append(
                Office.create(
                    code=f"OF{i:02d}",
                    name_en=f"Office of the Sub-Divisional Officer, Circle {i:02d}",
                    name_local=f"उपविभागीय अधिकारी कार्यालय, मंडळ {i:02d}",
                    level="district",
                    kind="collectorate_branch",
                ).id
            )
        gp_ids = [place.gps[0].id, place.gps[2].id]
        for i in range(blocks - 2):
            block = Block.create(
                code=f"XB{i:02d}",
                name_en=f"Block number {i:02d}",
                name_local=f"तालुका क्रमांक {i:02d}",
                tehsil=place.tehsils[i % 2],
            )
            gp_ids.append(
                GramPanchayat.create(
                    code=f"XG{i:02d}",
                    name_en=f"Gram panchayat {i:02d}",
                    name_local=f"ग्रामपंचायत {i:02d}",
                    block=block,
                ).id
            )
        today = clock.today_ist()
        now = clock.now()
        rows = []
        n = 0
        for s in service_ids:
            for o in office_ids:
                for age, status, decided in (
                    (1, "submitted", None),
                    (5, "scrutiny", None),
                    (9, "submitted", None),
                    (12, "delivered", 2),
                    (6, "rejected", 1),
                ):
                    n += 1
                    day = today - dt.timedelta(days=age)
                    at = clock.from_ist(dt.datetime.combine(day, dt.time(12)))
                    rows.append(
                        {
                            "app_id": f"BULK-{n:06d}",
                            "service": s,
                            "csc": place.cscs[0].id,
                            "operator": district.operator.id,
                            "office": o,
                            "gram_panchayat": gp_ids[n % len(gp_ids)],
                            "status": status,
                            "submit_token": uuid.uuid4().hex,
                            "created_at": now,
                            "updated_at": now,
                            "submitted_at": at,
                            "due_date": day + dt.timedelta(days=7),
                            "decided_at": now - dt.timedelta(days=decided) if decided else None,
                        }
                    )
        with db.atomic():
            for i in range(0, len(rows), 500):
                Application.insert_many(rows[i : i + 500]).execute()
    return service_ids, office_ids


def queries_for(browser, url) -> int:
    with count_queries() as log:
        assert browser.get(url).status_code == 200
    return len(log)


def test_the_number_of_queries_does_not_grow_with_the_district(app, place, district, manager):
    district.file(3)
    district.file(9, status="approved", decided_age=1)
    manager.get("/pendency/")
    small = {url: queries_for(manager, url) for url in URLS}
    _bulk_district(app, place, district)
    large = {url: queries_for(manager, url) for url in URLS}
    assert large == small
    assert small["/pendency/"] <= 16, small


URLS = (
    "/pendency/",
    "/pendency/?sort=pending&page=2&area=tehsil",
    "/pendency/applications?bucket=over7",
    "/pendency/applications?show=late",
    "/pendency/?format=csv",
)


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_pages_fit_the_budget_at_13_services_by_60_offices(lang, app, place, district, manager):
    _bulk_district(app, place, district)
    manager.set_cookie("lang", lang)
    body = text(manager.get("/pendency/"))
    assert len(number_links(body)) > 400, "the first page should be a full one"
    assert 'rel="next"' in body
    for url in (
        "/pendency/",
        "/pendency/?page=16",
        "/pendency/?area=tehsil&sort=late",
        "/pendency/applications",
        "/pendency/applications?show=disposed",
    ):
        assert page_over_budget(manager, url) is None


def test_an_htmx_request_gets_the_fragment(district, manager):
    district.file(9)
    response = manager.get("/pendency/?sort=pending", headers={"HX-Request": "true"})
    body = text(response)
    assert body.startswith('<div id="pendency-view"')
    assert "<html" not in body and "<form" not in body
    assert "HX-Request" in response.headers["Vary"]
    full = text(manager.get("/pendency/?sort=pending"))
    assert body.strip() in full  # the page includes the same markup
    listing = manager.get("/pendency/applications?bucket=over7", headers={"HX-Request": "true"})
    assert text(listing).startswith('<div id="pendency-list"')
    # A boosted navigation is a whole page.
    boosted = manager.get("/pendency/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in text(boosted)


class Targets(HTMLParser):
    """Each link, and whether it has an htmx request of its own or sits under
    an element that sets an htmx target (which a boosted link would inherit)."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.links: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append((attrs.get("href", ""), "data-hx-get" in attrs, any(self.stack)))
        if tag not in ("a", "input", "br", "meta", "link", "img", "circle", "rect", "line"):
            self.stack.append("data-hx-target" in attrs)

    def handle_endtag(self, tag):
        if tag not in ("a", "input", "br", "meta", "link", "img") and self.stack:
            self.stack.pop()


def test_htmx_targets_only_the_links_that_redraw_the_view(app, place, district, manager):
    _bulk_district(app, place, district, services=3, offices=20, blocks=2)
    for url in ("/pendency/", "/pendency/applications?bucket=over7"):
        parser = Targets()
        parser.feed(text(manager.get(url)))
        drill = [
            (href, under)
            for href, own, under in parser.links
            if href.startswith(("/pendency/applications?", "/applications/")) and not own
        ]
        assert drill and not [href for href, under in drill if under], url
        redraw = [(href, under) for href, own, under in parser.links if own]
        assert redraw and all(under for _href, under in redraw), url
    body = text(manager.get("/pendency/"))
    assert re.search(
        r'<a href="/pendency/\?page=2" data-hx-get="/pendency/\?page=2" rel="next"', body
    )
    assert 'data-hx-push-url="true"' in body


def test_the_charts_read_without_colour(district, manager):
    for age in (1, 2, 5, 9):
        district.file(age)
    body = text(manager.get("/pendency/"))
    svgs = re.findall(r"<svg .*?</svg>", body, re.S)
    assert len(svgs) == 2
    bars, trend = svgs
    assert '<title id="pz-bars-t">Pending applications by age</title>' in bars
    assert "<desc id=" in bars and "0–3 days: 2; 4–7 days: 1; Over 7 days: 1" in bars
    assert ">Over 7 days: 1</text>" in bars and "url(#pz-hatch)" in bars
    assert '<title id="pz-trend-t">' in trend and ">Received</text>" in trend
    assert 'stroke-dasharray="6 3"' in trend  # the second line differs in dash, not colour only
    # The CSP forbids inline styles: presentation attributes only.
    assert " style=" not in body


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_counts_are_grouped_as_the_num_filter_groups_them(lang, app):
    from blueprints.pendency.views import grouped
    from core.i18n import indian_number

    with app.test_request_context(headers={"Cookie": f"lang={lang}"}):
        for n in (0, 7, 999, 1000, 12345, 123456, 1234567, 123456789, 1000000000):
            assert grouped(n) == indian_number(n), n
