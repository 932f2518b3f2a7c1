"""The demo schemes' rules say what their eligibility text says: a dozen
citizens, each answering every question of the finder, against every demo
scheme, with the schemes each one should be shown written out."""

import pytest

from blueprints.schemes.demo_data import SCHEMES
from blueprints.schemes.finder import Answers, check
from tests.factories import make_user
from tests.schemes.factories import make_scheme


def person(age, gender, category, occupation, income, area, disability):
    return Answers(
        age=age,
        gender=gender,
        category=category,
        occupation=occupation,
        income=income,
        area=area,
        disability=disability,
    )


PROFILES = {
    "girl of 5": (
        person(5, "female", "general", "student", 100_000, "rural", "no"),
        {"MJPJAY", "SSY", "MKB"},
    ),
    "SC boy of 5 with a disability": (
        person(5, "male", "sc", "student", 20_000, "rural", "yes"),
        {"MJPJAY", "ZP-CESS-BC", "ZP-DIVYANG-5"},
    ),
    "girl of 17 in a town": (
        person(17, "female", "obc", "student", 200_000, "urban", "no"),
        {"MJPJAY"},
    ),
    "SC farmer of 30": (
        person(30, "male", "sc", "farmer", 100_000, "rural", "no"),
        {"PMAY-G", "PM-KISAN", "RAMAI", "MJPJAY", "MTS", "ZP-CESS-BC", "BAKSY"},
    ),
    "SC farmer of 30 above the income limits": (
        person(30, "male", "sc", "farmer", 200_000, "rural", "no"),
        {"PMAY-G", "PM-KISAN", "MJPJAY", "MTS"},
    ),
    "woman of 30 with a disability in a town": (
        person(30, "female", "general", "homemaker", 18_000, "urban", "yes"),
        {"SGNY", "MJPJAY"},
    ),
    "VJNT labourer of 30 with a disability in a village": (
        person(30, "female", "vjnt", "farm_labourer", 15_000, "rural", "yes"),
        {"PMAY-G", "SGNY", "MJPJAY", "ZP-CESS-BC", "ZP-DIVYANG-5"},
    ),
    "farmer of 61": (
        person(61, "male", "general", "farmer", 200_000, "rural", "no"),
        {"PMAY-G", "PM-KISAN", "MJPJAY", "MTS"},
    ),
    "SC woman of 61 in a town": (
        person(61, "female", "sc", "homemaker", 20_000, "urban", "no"),
        {"RAMAI", "SGNY", "MJPJAY"},
    ),
    "woman of 65": (
        person(65, "female", "general", "homemaker", 20_000, "rural", "no"),
        {"PMAY-G", "SHRAVANBAL", "MJPJAY"},
    ),
    "ST man of 65 with a disability": (
        person(65, "male", "st", "unemployed", 10_000, "rural", "yes"),
        {"PMAY-G", "SHRAVANBAL", "MJPJAY", "ZP-DIVYANG-5"},
    ),
    "SBC farmer of 80 in a town": (
        person(80, "male", "sbc", "farmer", 50_000, "urban", "no"),
        {"PM-KISAN", "MJPJAY"},
    ),
    "OBC woman of 80 with a disability": (
        person(80, "female", "obc", "unemployed", 12_000, "rural", "yes"),
        {"PMAY-G", "SHRAVANBAL", "MJPJAY", "ZP-DIVYANG-5"},
    ),
}


@pytest.mark.parametrize("profile", list(PROFILES))
def test_each_profile_is_shown_exactly_the_demo_schemes_it_may_have(ctx, profile):
    answers, expected = PROFILES[profile]
    shown = {spec["code"] for spec in SCHEMES if check(spec["rules"], answers) is not None}
    assert {spec["code"] for spec in SCHEMES} >= expected
    assert shown == expected, f"{profile}: shown {sorted(shown - expected)}, "
    f"not shown {sorted(expected - shown)}"


def _rules(code):
    return next(spec["rules"] for spec in SCHEMES if spec["code"] == code)


def test_the_disability_fund_is_not_open_to_every_resident(ctx):
    match = check(_rules("ZP-DIVYANG-5"), Answers())
    assert match.reasons == []
    assert "Only for persons with a disability of 40% and above." in match.to_check
    assert check(_rules("ZP-DIVYANG-5"), Answers(disability="no")) is None


def test_the_age_bounds_are_read_as_the_text_says(ctx):
    # "Below 65" takes 64, not 65; "65 or older" takes 65; "below 10" not 10.
    assert check(_rules("SGNY"), Answers(age=64)) is not None
    assert check(_rules("SGNY"), Answers(age=65)) is None
    assert check(_rules("SHRAVANBAL"), Answers(age=65)) is not None
    assert check(_rules("SSY"), Answers(age=9, gender="female")) is not None
    assert check(_rules("SSY"), Answers(age=10, gender="female")) is None


@pytest.fixture
def divyang(app, place):
    with app.app_context():
        admin = make_user("admin", place, username="scheme-admin")
        return make_scheme(
            place.zp,
            admin,
            code="ZP-DIVYANG-5",
            rules=_rules("ZP-DIVYANG-5"),
            photo=False,
            titles={"en": "Disability Fund", "hi": "दिव्यांग निधि", "mr": "दिव्यांग निधी"},
        )


@pytest.mark.parametrize(
    ("lang", "question", "reason"),
    [
        ("en", "Do you have a disability?", "You have a disability"),
        ("hi", "क्या आपको दिव्यांगता है?", "आपको दिव्यांगता है"),
        ("mr", "तुम्हाला दिव्यांगत्व आहे का?", "तुम्हाला दिव्यांगत्व आहे"),
    ],
)
def test_the_finder_asks_about_disability(client, divyang, lang, question, reason):
    client.set_cookie("lang", lang)
    page = client.get("/schemes/finder").get_data(as_text=True)
    assert question in page and 'name="disability"' in page
    # A plain GET form: the answer works with JavaScript off.
    page = client.get("/schemes/finder?disability=yes&area=rural").get_data(as_text=True)
    assert divyang.title(lang) in page and reason in page
    page = client.get("/schemes/finder?disability=no&area=rural").get_data(as_text=True)
    assert divyang.title(lang) not in page.split('id="matches"')[1]
