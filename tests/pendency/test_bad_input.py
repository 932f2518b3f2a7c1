"""Filters that cannot be understood get a message in words and the
unfiltered view, with status 400 -- never an error page or a 500."""

import pytest

from core import clock
from tests.helpers import ROW_ID, listed, text
from tests.pendency.helpers import number_links


@pytest.fixture
def some(district, place):
    for age in (1, 5, 9):
        district.file(age)
    district.file(9, status="approved", decided_age=1)
    return place


BAD = {
    "office=abc": "There is no office “abc” in your area.",
    "office=999999": "There is no office “999999” in your area.",
    "office=-3": "There is no office “-3” in your area.",
    "office=99999999999999999999": "There is no office “99999999999999999999”",
    "service=0": "There is no service “0”.",
    "block=x1": "There is no block “x1” in your area.",
    "tehsil=%F0%9F%98%80": "There is no tehsil “😀” in your area.",
    "bucket=old": "“old” is not an age group.",
    "show=everything": "“everything” is not a list to show.",
    "status=lost": "“lost” is not a status of a pending application.",
    "sort=name": "“name” is not a column to sort by.",
    "dir=sideways": "“sideways” is not a sort order.",
    "area=village": "“village” is not a way to group places.",
    "format=pdf": "“pdf” is not a file format: choose CSV or XLSX.",
    "from=2026-13-45": "The start date “2026-13-45” is not a date.",
    "to=yesterday": "The end date “yesterday” is not a date.",
    "from=2026-05-01&to=2026-04-01": "The start date is after the end date.",
    "from=2020-01-01&to=2026-01-01": "Choose a period of at most a year.",
    "office=" + "9" * 500: "There is no office “" + "9" * 20 + "…”",
}


@pytest.mark.parametrize("query", list(BAD))
@pytest.mark.parametrize("path", ["/pendency/", "/pendency/applications"])
def test_a_bad_filter_says_so_and_shows_the_unfiltered_view(query, path, some, manager):
    plain = manager.get(path)
    response = manager.get(f"{path}?{query}")
    assert response.status_code == 400, response.status_code
    body = text(response)
    assert BAD[query] in body.replace("&#34;", '"')
    assert 'class="flash error" role="alert"' in body
    # The unfiltered view: the same figures and rows as the plain page.
    if path == "/pendency/":
        assert [n for _u, n in number_links(body)] == [n for _u, n in number_links(text(plain))]
    else:
        assert ROW_ID.findall(body) == ROW_ID.findall(text(plain))
        assert len(ROW_ID.findall(body)) == 4


def test_an_export_with_a_bad_filter_answers_the_page_not_a_file(some, manager):
    response = manager.get("/pendency/?format=csv&office=nope")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    response = manager.get("/pendency/applications?format=xlsx&bucket=nope")
    assert response.status_code == 400 and response.mimetype == "text/html"


def test_a_garbled_cursor_starts_at_the_first_page(some, manager):
    for cursor in ("after=yesterday,1", "before=2026-01-01", "after=,", "after=2026-01-01,-5"):
        response = manager.get(f"/pendency/applications?{cursor}")
        assert response.status_code == 200, cursor
        assert len(listed(response)) == 4


def test_unknown_parameters_are_ignored(some, manager):
    response = manager.get("/pendency/?utm_source=whatsapp&fbclid=x")
    assert response.status_code == 200


def test_a_good_period_is_kept_in_every_link(some, manager):
    today = clock.today_ist().isoformat()
    body = text(manager.get(f"/pendency/?from=2026-01-01&to={today}"))
    before_trend, rest = body.split("<details>", 1)
    links = number_links(before_trend + rest.split("</details>", 1)[1])
    assert links and all(f"from=2026-01-01&to={today}" in url for url, _ in links)


def test_a_huge_page_number_is_an_empty_page_not_an_error(some, manager):
    for page in ("99999", "-1", "x"):
        assert manager.get(f"/pendency/?page={page}").status_code == 200
