"""Every number of the dashboard is a link to the applications behind it,
and the list holds exactly that many; filters live in the URL and survive
paging; the district total reaches one overdue application in three clicks
with plain links (no JavaScript)."""

import re

import pytest

from core import clock
from tests.helpers import listed, next_link, text
from tests.pendency.helpers import all_listed, as_int, number_links


@pytest.fixture
def mixed(district, place):
    """A small district with a bit of everything: two services, two offices,
    both blocks, every age group, past due, disposed in time and late."""
    income, caste = district.income, district.caste
    other = {"office": place.tehsil_offices[1], "gp": place.gps[2]}
    for age in (0, 1, 3, 5, 6, 8, 12, 40):
        district.file(age)
    for age in (2, 9, 30):
        district.file(age, service=caste)
    for age in (4, 11):
        district.file(age, status="scrutiny", **other)
    district.file(8, status="awaiting_documents", paused_since=None)
    district.file(9, status="approved", decided_age=1)
    district.file(5, status="delivered", decided_age=2)
    district.file(20, status="rejected", decided_age=3, service=caste, **other)
    district.file(70, status="delivered", decided_age=60)
    return income, caste


def test_every_number_lists_exactly_that_many(mixed, manager):
    body = text(manager.get("/pendency/"))
    links = number_links(body)
    assert len(links) > 30
    for url, shown in links:
        rows = all_listed(manager, url)
        if shown.endswith("%"):
            continue  # the share links to the disposed it is the share of
        assert len(rows) == as_int(shown), (url, shown, len(rows))
        assert len(set(rows)) == len(rows), url


def test_the_list_says_how_many_and_links_each_application(mixed, manager):
    response = manager.get("/pendency/applications?bucket=overdue")
    body = text(response)
    ids = listed(response)
    assert f"{len(ids)} applications" in body
    for pk in ids:
        assert manager.get(f"/applications/{pk}").status_code == 200


def test_three_clicks_from_the_district_total_to_an_overdue_application(mixed, manager):
    # 1. The dashboard, as a plain page (no HX-Request header: JavaScript off).
    dashboard = text(manager.get("/pendency/"))
    table = dashboard.split('id="by-service"', 1)[1]
    breach = re.search(r'<a href="(/pendency/applications\?[^"]*bucket=overdue[^"]*)"', table)
    assert breach, "no past-due count links to its list"
    # 2. The list of one office and service's overdue applications.
    listing = manager.get(breach.group(1).replace("&amp;", "&"))
    assert listing.status_code == 200
    first = re.search(r'<a href="(/applications/\d+)"', text(listing))
    # 3. One overdue application.
    application = manager.get(first.group(1))
    assert application.status_code == 200
    assert "Overdue by" in text(listing)


def test_filters_survive_paging(app, district, manager, place):
    """120 past-due income applications at office 0 among others: the list
    of them pages by 50 and every page keeps every filter."""
    for age in range(8, 68):
        district.file(age)
        district.file(age, due_in=-1)
        district.file(age, service=district.caste, due_in=-1)
    url = (
        f"/pendency/applications?service={district.income.id}"
        f"&office={place.tehsil_offices[0].id}&bucket=overdue"
    )
    seen, pages = [], 0
    while url:
        response = manager.get(url)
        body = text(response)
        assert f"service={district.income.id}" in url and "bucket=overdue" in url
        assert "Caste certificate</td>" not in body
        seen += listed(response)
        url = next_link(response)
        pages += 1
    assert pages == 3 and len(seen) == len(set(seen)) == 120


def test_paging_back_returns_the_same_rows(district, manager):
    for age in range(8, 130):
        district.file(age)
    first = manager.get("/pendency/applications?bucket=over7")
    second = manager.get(next_link(first))
    back = re.search(r'<a href="([^"]+)"[^>]* rel="prev"', text(second)).group(1)
    assert listed(manager.get(back.replace("&amp;", "&"))) == listed(first)


def test_the_list_is_oldest_first(district, manager):
    made = [district.file(age) for age in (9, 30, 12)]
    assert listed(manager.get("/pendency/applications?bucket=over7")) == [
        made[1].id,
        made[2].id,
        made[0].id,
    ]


def test_a_week_of_the_trend_lists_what_was_received(mixed, manager):
    body = text(manager.get("/pendency/"))
    today = clock.today_ist().isoformat()
    week = [u for u, _ in number_links(body) if "show=received" in u and f"to={today}" in u]
    assert week
    rows = all_listed(manager, week[0])
    shown = dict(number_links(body))[week[0]]
    assert len(rows) == as_int(shown)


def test_sorting_by_a_count_orders_the_rows(mixed, manager, place):
    for column in ("pending", "over7", "late"):
        for direction in ("", "&dir=asc"):
            body = text(manager.get(f"/pendency/?sort={column}{direction}"))
            table = body.split('id="by-service"', 1)[1].split("<tfoot>", 1)[0]
            index = ("0-3", "4-7", "over7", "overdue", "pending", "in_time", "late").index(column)
            values = []
            for row in re.findall(r"<tr><td>.*?</tr>", table, re.S):
                cells = re.findall(r'<td class="n">(.*?)</td>', row)
                values.append(as_int(re.sub(r"<[^>]+>", "", cells[index])))
            expected = sorted(values, reverse=not direction)
            assert values == expected, (column, direction, values)
            assert 'aria-sort="' in body


def test_sort_and_filter_links_work_without_javascript(mixed, manager):
    body = text(manager.get("/pendency/"))
    sort = re.search(r'<a href="(/pendency/\?sort=pending)" data-hx-get="\1"', body)
    assert sort, "a sort heading is a plain link too"
    assert manager.get(sort.group(1)).status_code == 200
    form = re.search(r'<form class="search" method="get" action="/pendency/"', body)
    assert form, "the filters are a plain GET form"
