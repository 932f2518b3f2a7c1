"""The public list, a scheme's page and the open data: filters in the URL,
Devanagari search, language fallback, caching, and bad filter values."""

import csv
import io
import json

import pytest

from blueprints.schemes.models import Scheme
from tests.factories import make_user
from tests.schemes.factories import make_scheme


@pytest.fixture
def catalogue(app, place):
    with app.app_context():
        admin = make_user("admin", place, username="scheme-admin")
        kisan = make_scheme(place.zp, admin, code="PM-KISAN", groups=("farmers",))
        pension = make_scheme(
            place.collectorate, admin, code="SGNY", groups=("senior",), level="state",
            titles={"en": "Sanjay Gandhi Niradhar Anudan", "mr": "संजय गांधी निराधार अनुदान"},
            texts={"objective": {"en": "Monthly help to destitute persons.",
                                 "mr": "निराधार व्यक्तींना दरमहा अर्थसहाय्य."}},
        )  # fmt: skip
        draft = make_scheme(place.zp, admin, code="DRAFT", publish=False,
                            titles={"en": "Unpublished Scheme"})  # fmt: skip
    return kisan, pension, draft


def test_list_filters_by_level_department_and_group(client, place, catalogue):
    page = client.get("/schemes/").get_data(as_text=True)
    assert "Test Kisan Scheme" in page and "Sanjay Gandhi" in page
    assert "Unpublished Scheme" not in page
    page = client.get("/schemes/?level=state").get_data(as_text=True)
    assert "Sanjay Gandhi" in page and "Test Kisan Scheme" not in page
    page = client.get(f"/schemes/?office={place.zp.id}").get_data(as_text=True)
    assert "Test Kisan Scheme" in page and "Sanjay Gandhi" not in page
    page = client.get("/schemes/?group=senior").get_data(as_text=True)
    assert "Sanjay Gandhi" in page and "Test Kisan Scheme" not in page


def test_search_works_on_devanagari_and_latin(client, catalogue):
    page = client.get("/schemes/?q=निराधार").get_data(as_text=True)
    assert "Sanjay Gandhi" in page and "Test Kisan Scheme" not in page
    page = client.get("/schemes/?q=KISAN").get_data(as_text=True)
    assert "Test Kisan Scheme" in page and "Sanjay Gandhi" not in page
    page = client.get("/schemes/?q=किसानों").get_data(as_text=True)  # Hindi text
    assert "Test Kisan Scheme" in page
    assert "No scheme fits" in client.get("/schemes/?q=%25+nothing").get_data(as_text=True)


def test_search_finds_a_word_typed_in_the_other_script(client, catalogue):
    # "Niradhar" appears in English only in the title; निराधार in Marathi.
    # Typed the other way round, each finds the scheme by its sound.
    page = client.get("/schemes/?q=niradhaar").get_data(as_text=True)
    assert "Sanjay Gandhi" in page and "Test Kisan Scheme" not in page
    page = client.get("/schemes/?q=अर्थसहाय्य").get_data(as_text=True)
    assert "Sanjay Gandhi" in page
    page = client.get("/schemes/?q=arthasahayya").get_data(as_text=True)
    assert "Sanjay Gandhi" in page and "Test Kisan Scheme" not in page
    page = client.get("/schemes/?q=dara+maha").get_data(as_text=True)  # दरमहा, split
    assert "No scheme fits" in page


def test_bad_filter_values_are_named_and_left_out(client, catalogue):
    response = client.get("/schemes/?level=galactic&group=%3Cscript%3E&office=abc&q=" + "x" * 101)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert (
        "This filter was not recognised and was left out: "
        "level, beneficiary group, department, search words." in page
    )
    assert "<script>" not in page
    assert "Test Kisan Scheme" in page and "Sanjay Gandhi" in page


def test_htmx_asks_for_the_results_fragment_only(client, catalogue):
    response = client.get("/schemes/?level=central", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="scheme-results"')
    assert "Test Kisan Scheme" in html and "<html" not in html
    assert "HX-Request" in response.headers["Vary"]


def test_public_pages_are_cacheable_and_revalidate(client, catalogue):
    kisan = catalogue[0]
    response = client.get(f"/schemes/{kisan.id}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=300"
    etag = response.headers["ETag"]
    again = client.get(f"/schemes/{kisan.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data


def test_signed_in_pages_stay_private(login_as, catalogue):
    browser = login_as("gp_staff")
    response = browser.get("/schemes/")
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_a_page_falls_back_to_the_language_that_has_text_and_says_so(client, catalogue):
    pension = catalogue[1]
    client.set_cookie("lang", "hi")
    page = client.get(f"/schemes/{pension.id}").get_data(as_text=True)
    assert '<h1 lang="mr">संजय गांधी निराधार अनुदान</h1>' in page
    assert "निराधार व्यक्तींना दरमहा अर्थसहाय्य." in page
    assert "इस पृष्ठ का कुछ भाग अभी हिन्दी में नहीं लिखा गया है; वह मराठी में दिखाया गया है।" in page
    client.set_cookie("lang", "mr")
    page = client.get(f"/schemes/{pension.id}").get_data(as_text=True)
    assert "<h1>संजय गांधी निराधार अनुदान</h1>" in page and "अद्याप" not in page


def test_marathi_page_of_a_full_scheme(client, catalogue):
    client.set_cookie("lang", "mr")
    page = client.get(f"/schemes/{catalogue[0].id}").get_data(as_text=True)
    assert "चाचणी किसान योजना" in page and "उद्दिष्ट" in page and "शेतकऱ्यांना मदत." in page
    assert 'alt="शेतात शेतकरी"' in page


def test_unpublished_and_missing_schemes_answer_404(client, catalogue):
    assert client.get(f"/schemes/{catalogue[2].id}").status_code == 404
    assert client.get("/schemes/99999999999").status_code == 404


def test_open_data_in_csv_and_json(client, catalogue):
    data = json.loads(client.get("/schemes/open-data.json").get_data(as_text=True))
    codes = {s["code"]: s for s in data["schemes"]}
    assert set(codes) == {"PM-KISAN", "SGNY"}
    assert codes["SGNY"]["title"]["mr"] == "संजय गांधी निराधार अनुदान"
    assert codes["PM-KISAN"]["text"]["objective"]["hi"] == "किसानों की सहायता।"
    response = client.get("/schemes/open-data.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert {r["code"] for r in rows} == {"PM-KISAN", "SGNY"}
    assert next(r for r in rows if r["code"] == "PM-KISAN")["groups"] == "farmers"


def test_contract_title_falls_back(app, catalogue):
    with app.app_context():
        pension = Scheme.get(Scheme.code == "SGNY")
        assert pension.title("hi") == "संजय गांधी निराधार अनुदान"
        assert pension.title("en") == "Sanjay Gandhi Niradhar Anudan"


@pytest.fixture
def demo_schemes(app):
    from blueprints.accounts.demo import seed_demo as seed_users
    from blueprints.catalogue.demo import seed_demo as seed_services
    from blueprints.masters.demo import seed_demo as seed_masters
    from blueprints.schemes.demo import seed_demo
    from core.db import db
    from tests.helpers import quiet

    with app.app_context(), db.connection_context():
        seed_masters(echo=quiet)
        seed_users(echo=quiet)
        seed_services(echo=quiet)
        seed_demo(echo=quiet)


def _found(client, q, lang="en"):
    client.set_cookie("lang", lang)
    page = client.get("/schemes/", query_string={"q": q}).get_data(as_text=True)
    with client.application.app_context():
        titles = {s.code: s.title(lang) for s in Scheme.select()}
    shown = [(page.find(f">{title}<"), code) for code, title in titles.items()]
    return [code for at, code in sorted(shown) if at >= 0]


def test_search_finds_the_schemes_a_word_names_best_first(client, demo_schemes):
    # "farm" is a whole word of the PM-KISAN and farm-pond texts, the start
    # of "farmers" in BAKSY's, and in no other scheme (not by its sound).
    found = _found(client, "farm")
    assert set(found) == {"PM-KISAN", "MTS", "BAKSY"}
    assert found[-1] == "BAKSY"
    # A whole word before the start of one ("pensioners"); either script.
    assert _found(client, "pension")[0] == "SHRAVANBAL"
    assert _found(client, "निराधार", "mr")[0] == "SGNY"
    assert _found(client, "shettale")[0] == "MTS"
    assert _found(client, "शेततळे", "hi")[0] == "MTS"
    assert _found(client, "farm pond") == ["MTS"]  # every word
