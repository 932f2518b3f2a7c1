"""The eligibility finder: each rule includes or excludes, unanswered
questions never exclude, and the reasons read in the user's language."""

import pytest

from blueprints.schemes.finder import Answers, check, find
from tests.factories import make_user
from tests.schemes.factories import make_scheme

PENSION = {"min_age": 65, "income_max": 21000, "area": "rural"}
GIRLS = {"max_age": 10, "genders": ["female"]}
SC_FARMER = {"categories": ["sc", "st"], "occupations": ["farmer"]}


@pytest.mark.parametrize(
    ("rules", "answers", "fits"),
    [
        (PENSION, Answers(age=70, income=18000, area="rural"), True),
        (PENSION, Answers(age=64, income=18000, area="rural"), False),
        (PENSION, Answers(age=65), True),  # the lower bound is inclusive
        (PENSION, Answers(age=70, income=21001), False),
        (PENSION, Answers(age=70, income=21000), True),
        (PENSION, Answers(age=70, area="urban"), False),
        (GIRLS, Answers(age=10, gender="female"), True),
        (GIRLS, Answers(age=11, gender="female"), False),
        (GIRLS, Answers(age=4, gender="male"), False),
        (SC_FARMER, Answers(category="st", occupation="farmer"), True),
        (SC_FARMER, Answers(category="obc", occupation="farmer"), False),
        (SC_FARMER, Answers(category="sc", occupation="student"), False),
        ({}, Answers(age=30, gender="male", income=10**7), True),
    ],
)
def test_each_rule_includes_or_excludes(ctx, rules, answers, fits):
    assert (check(rules, answers) is not None) is fits


def test_unanswered_questions_never_exclude_but_say_what_to_check(ctx):
    match = check(PENSION, Answers())
    assert match is not None
    assert match.reasons == []
    assert len(match.to_check) == 3
    assert any("65" in text for text in match.to_check)
    assert any("₹21,000" in text for text in match.to_check)


def test_reasons_name_the_answers(ctx):
    match = check(PENSION, Answers(age=70, income=180000 // 10, area="rural"))
    text = " ".join(match.reasons)
    assert "70" in text and "65" in text and "₹18,000" in text and "₹21,000" in text


def test_open_schemes_say_so_and_closer_matches_come_first(ctx):
    class S:
        def __init__(self, rules):
            self.rules = rules

    loose, tight = S({}), S(PENSION)
    found = find([loose, tight], Answers(age=70, income=100, area="rural"))
    assert [m.scheme for m in found] == [tight, loose]
    assert "every resident" in found[1].reasons[0]


@pytest.fixture
def schemes(app, place):
    with app.app_context():
        admin = make_user("admin", place, username="scheme-admin")
        pension = make_scheme(
            place.zp,
            admin,
            code="SGNY",
            rules=PENSION,
            photo=False,
            titles={"en": "Old Age Pension", "hi": "वृद्धावस्था पेंशन", "mr": "वृद्धापकाळ निवृत्तीवेतन"},
        )
        girls = make_scheme(
            place.zp,
            admin,
            code="SSY",
            rules=GIRLS,
            photo=False,
            titles={"en": "Girl Savings", "hi": "बालिका बचत", "mr": "मुलगी बचत"},
        )
    return pension, girls


def test_finder_page_lists_fitting_schemes_with_reasons(client, schemes):
    page = client.get("/schemes/finder?age=70&income=20000&area=rural").get_data(as_text=True)
    assert "Old Age Pension" in page and "Girl Savings" not in page
    assert "1 scheme may suit you" in page
    assert "Your annual income ₹20,000 is within the limit of ₹21,000." in page


def test_finder_explains_in_marathi(client, schemes):
    client.set_cookie("lang", "mr")
    page = client.get("/schemes/finder?age=6&gender=female").get_data(as_text=True)
    assert "मुलगी बचत" in page and "वृद्धापकाळ" not in page
    assert "तुमचे वय 6" in page


def test_finder_refuses_bad_answers_with_a_message(client, schemes):
    response = client.get("/schemes/finder?age=abc&income=-5&gender=robot")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter an age from 0 to 120" in page
    assert "Enter the income in whole rupees" in page
    assert "Choose one of the options in the list." in page
    assert "may suit you" not in page


def test_finder_with_javascript_answers_a_fragment(client, schemes):
    response = client.get("/schemes/finder?age=70", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="matches"')
    assert "<html" not in html and "Old Age Pension" in html
