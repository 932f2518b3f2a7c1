"""Pendency test helpers: applications at known IST ages, made straight
through the models, and readers for the numbers and links of a page."""

import datetime as dt
import itertools
import re
import uuid
from html import unescape

from blueprints.applications.models import Application
from blueprints.catalogue.models import Service
from core import clock
from core.db import db
from tests.factories import make_income_and_caste, make_user
from tests.helpers import listed, next_link

_numbers = itertools.count(1)


def ist_noon(day: dt.date) -> dt.datetime:
    """Noon IST of `day` as stored (naive UTC): far from any day boundary."""
    return clock.from_ist(dt.datetime.combine(day, dt.time(12)))


class District:
    """Two services and a CSC operator; `file()` makes an application of a
    given age in IST days, addressed to tehsil office 0 from GP 0 unless told."""

    def __init__(self, app, place):
        self.app = app
        self.place = place
        with app.app_context():
            self.operator = make_user("csc_operator", place, username="vle-pendency")
            self.income, self.caste = make_income_and_caste(place)
            # A longer service level: its applications reach "over 7 days"
            # long before their due date.
            Service.update(sla_days=21).where(Service.id == self.caste.id).execute()
            self.caste.sla_days = 21

    def file(
        self,
        age: int,
        *,
        service=None,
        office=None,
        gp=None,
        status="submitted",
        due_in: int | None = None,
        decided_age: int | None = None,
        **fields,
    ) -> Application:
        """Submitted `age` IST days ago; due `due_in` days from today (by
        default the service level from submission); decided `decided_age`
        days ago when given."""
        today = clock.today_ist()
        service = service or self.income
        number = next(_numbers)
        submitted_day = today - dt.timedelta(days=age)
        due = (
            today + dt.timedelta(days=due_in)
            if due_in is not None
            else submitted_day + dt.timedelta(days=service.sla_days)
        )
        row = {
            "app_id": f"AUR26-{number:07d}-P",
            "service": service,
            "csc": self.place.cscs[0],
            "operator": self.operator,
            "office": office or self.place.tehsil_offices[0],
            "gram_panchayat": gp or self.place.gps[0],
            "status": status,
            "applicant_name_local": f"सविता पाटील {number}",
            "applicant_name_en": f"Savita Patil {number}",
            "mobile": "9876543210",
            "language": "mr",
            "submit_token": uuid.uuid4().hex,
            "submitted_at": ist_noon(submitted_day),
            "due_date": due,
            "decided_at": ist_noon(today - dt.timedelta(days=decided_age))
            if decided_age is not None
            else None,
            **fields,
        }
        with self.app.app_context(), db.connection_context():
            return Application.create(**row)


LINK = re.compile(r'<a href="(/pendency/applications[^"]*)"[^>]*>([\d,]+%?)</a>')


def number_links(html: str) -> list[tuple[str, str]]:
    """(url, number as shown) of every linked number of a pendency page."""
    return [(unescape(url), shown) for url, shown in LINK.findall(html)]


def as_int(shown: str) -> int:
    return int(shown.replace(",", ""))


def all_listed(browser, url) -> list[int]:
    """Every application of a list, following its Next links."""
    ids = []
    for _ in range(1000):
        response = browser.get(url)
        ids += listed(response)
        url = next_link(response)
        if url is None:
            return ids
    raise AssertionError("the pager never ends")


def cells_of(html: str, anchor: str) -> list[str]:
    """The cell texts of the table row that contains `anchor`."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        if anchor in row:
            return [
                re.sub(r"<[^>]+>", "", cell).strip()
                for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            ]
    raise AssertionError(f"no row with {anchor!r}")
