"""The date of birth: its hint is true whether the browser shows a calendar
(in its own order) or a plain box (lynx, where the date is typed day first),
and what the hint tells a person to type is accepted."""

import datetime as dt
import re

import pytest

from blueprints.applications.models import Application
from tests.applications.test_filing import fill_applicant, start
from tests.helpers import text


def hint(page: str) -> str:
    return re.search(r'<small id="date_of_birth-hint" class="hint">([^<]*)</small>', page).group(1)


@pytest.mark.parametrize(
    "lang, example",
    [
        ("en", "For example 15 Aug 1990."),
        ("hi", "उदाहरण: 15 अग॰ 1990।"),
        ("mr", "उदाहरण: 15 ऑग 1990."),
    ],
)
def test_the_hint_names_the_month_and_says_what_to_type(
    app, operator, service, place, lang, example
):
    pk = start(operator, service)
    operator.set_cookie("lang", lang)
    page = text(operator.get(f"/applications/{pk}/applicant"))
    shown = hint(page)
    # No order is claimed for the calendar: the example names the month.
    assert example in shown and "15-08-1990" in shown
    assert "Year-month-day" not in shown and "1980-05-31" not in shown
    assert 'type="date"' in page  # a calendar where the browser has one


@pytest.mark.parametrize(
    "typed", ["15-08-1990", "15/08/1990", "1990-08-15", "१५-०८-१९९०", " 15.08.1990 "]
)
def test_the_date_typed_as_the_hint_says_is_accepted(app, operator, service, place, typed):
    pk = start(operator, service)
    assert fill_applicant(operator, pk, place, date_of_birth=typed).status_code == 303
    assert Application.get_by_id(pk).date_of_birth == dt.date(1990, 8, 15)


def test_a_date_that_cannot_be_read_is_refused_beside_the_field(app, operator, service, place):
    pk = start(operator, service)
    response = fill_applicant(operator, pk, place, date_of_birth="31-02-1990")
    assert response.status_code == 400
    assert "Enter a real date, day-month-year, like 25-03-1980." in text(response)
    assert Application.get_by_id(pk).date_of_birth is None
