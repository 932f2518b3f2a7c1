"""The application's history names who took each step and their post (their
designation in the employee register on that day, else their role), never
their username (issue 15)."""

import datetime as dt

import pytest

from blueprints.applications.models import ApplicationEvent
from blueprints.employees.models import Posting
from core import clock
from tests.employees.factories import make_cadre, make_designation, make_employee
from tests.factories import make_application, make_user

POSTS = {
    "en": ("Asha Kulkarni", "Talathi", "Naib Tahsildar", "Test csc_operator", "CSC operator"),
    "hi": ("आशा कुलकर्णी", "तलाठी", "नायब तहसीलदार", "परीक्षा वापरकर्ता", "CSC संचालक"),
    "mr": ("आशा कुलकर्णी", "तलाठी", "नायब तहसीलदार", "परीक्षा वापरकर्ता", "CSC चालक"),
}


@pytest.fixture
def moved(app, place, service, operator):
    """Filed by the operator; scrutinised by a talathi who, from yesterday,
    is posted as naib tahsildar, and who then approved it."""
    with app.app_context():
        application = make_application(place, service, operator.user)
        officer = make_user(
            "office_user",
            place,
            username="asha.k",
            full_name="Asha Kulkarni",
            full_name_local="आशा कुलकर्णी",
        )
        cadre = make_cadre()
        talathi = make_designation(cadre, code="TLT", name_en="Talathi", name_hi="तलाठी",
                                   name_mr="तलाठी")  # fmt: skip
        naib = make_designation(cadre, code="NTAH", name_en="Naib Tahsildar",
                                name_hi="नायब तहसीलदार", name_mr="नायब तहसीलदार")  # fmt: skip
        employee = make_employee(
            place.tehsil_offices[0], naib, "E010", "Asha Kulkarni", "आशा कुलकर्णी", user=officer
        )
        today = clock.today_ist()
        Posting.create(employee=employee, office=place.tehsil_offices[0], designation=talathi,
                       from_date=dt.date(2010, 1, 1))  # fmt: skip
        Posting.create(employee=employee, office=place.tehsil_offices[0], designation=naib,
                       from_date=today - dt.timedelta(days=1))  # fmt: skip
        for days_ago, status, before in ((3, "scrutiny", "submitted"), (0, "approved", "scrutiny")):
            ApplicationEvent.create(
                application=application,
                at=clock.now() - dt.timedelta(days=days_ago),
                actor=officer,
                from_status=before,
                to_status=status,
            )
    return application


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_the_history_names_each_actor_and_their_post_never_the_username(moved, operator, lang):
    name, then, now, operator_name, operator_post = POSTS[lang]
    operator.set_cookie("lang", lang)
    page = operator.get(f"/applications/{moved.id}").get_data(as_text=True)
    history = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert "asha.k" not in history and "csc-operator-0" not in history
    assert f"{operator_name}, {operator_post}" in history
    # The post held on the day of each step: talathi then, naib tahsildar now.
    assert history.index(f"{name}, {then}") < history.index(f"{name}, {now}")
