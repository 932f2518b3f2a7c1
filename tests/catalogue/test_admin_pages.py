"""The catalogue's administrator pages: create, edit, refuse bad input with
everything typed kept, audit, and who may see what."""

import json
import re

import pytest

from blueprints.catalogue.models import Service
from core.access import STAFF_ROLES
from core.audit import AuditEvent
from tests.helpers import quiet, unescaped_text
from tests.test_budget import page_over_budget

DOCUMENTS = "\n".join(
    [
        "photo | Photograph | फोटो | छायाचित्र | required",
        "# a comment line, skipped",
        "income_proof | Income proof | आय का प्रमाण | उत्पन्नाचा पुरावा | required",
        "ration_card | Ration card | राशन कार्ड | शिधापत्रिका | optional",
    ]
)
FIELDS = "\n".join(
    [
        "annual_income | number | Annual income | वार्षिक आय | वार्षिक उत्पन्न | required | 0-10000000",
        "caste | devanagari | Caste | जाति | जात | optional",
        "category | select | Category | वर्ग | प्रवर्ग | required | sc:Scheduled Caste:अनुसूचित"
        " जाति:अनुसूचित जाती; obc:Other Backward Class:अन्य पिछड़ा वर्ग:इतर मागास वर्ग",
        "",
        "marriage_date | date | Date of marriage | विवाह तिथि | विवाह दिनांक | optional | any",
        "bpl | yesno | On the BPL list | बीपीएल सूची में | दारिद्र्यरेषेखाली | required",
    ]
)


def service_form(department_id, **overrides) -> dict:
    return {
        "code": "inc-cert",  # stored in capitals
        "name_en": "Income certificate",
        "name_hi": "आय प्रमाण पत्र",
        "name_mr": "उत्पन्नाचा दाखला",
        "department": str(department_id),
        "disposing_level": "tehsil",
        "sla_days": "7",
        "govt_fee": "20",
        "user_charge": "33.60",
        "split_csc": "80",
        "split_gp": "10",
        "split_society": "10",
        "active": "y",
        "document_lines": DOCUMENTS,
        "field_lines": FIELDS,
        **overrides,
    }


def count(app) -> int:
    with app.app_context():
        return Service.select().count()


def events(app, action):
    with app.app_context():
        return list(AuditEvent.select().where(AuditEvent.action == action))


def test_admin_creates_a_service(app, admin, departments):
    data = service_form(departments["revenue"].id)
    response = admin.form_post("/services/new", data=data)
    assert response.status_code == 303, unescaped_text(response)
    assert response.location.endswith("/services/")
    page = unescaped_text(admin.get(response.location))
    assert "Saved: Income certificate." in page
    assert "Revenue Branch" in page
    assert "₹20" in page and "₹33.60" in page and "₹20.00" not in page
    with app.app_context():
        service = Service.get(Service.code == "INC-CERT")
        assert (service.govt_fee, service.user_charge) == (2000, 3360)
        assert service.department_id == departments["revenue"].id
        assert (service.split_csc, service.split_gp, service.split_society) == (80, 10, 10)
        assert service.active
        assert [d["key"] for d in service.documents] == ["photo", "income_proof", "ration_card"]
        assert service.documents[2]["required"] is False
        fields = {f["key"]: f for f in service.fields}
        assert fields["annual_income"]["max"] == 10_000_000
        assert [c["value"] for c in fields["category"]["choices"]] == ["sc", "obc"]
        assert fields["category"]["choices"][1]["mr"] == "इतर मागास वर्ग"
        assert fields["marriage_date"]["when"] == "any"
    [created] = events(app, "service.created")
    assert created.actor_id == admin.user.id
    assert created.object_type == "service" and created.object_id == str(service.id)


def test_list_shows_names_in_the_page_language_and_lakh_grouping(app, admin, departments):
    admin.form_post(
        "/services/new",
        data=service_form(departments["revenue"].id, govt_fee="100000", user_charge="1,234.5"),
    )
    admin.set_cookie("lang", "mr")
    page = unescaped_text(admin.get("/services/"))
    assert "उत्पन्नाचा दाखला" in page and "महसूल शाखा" in page
    assert "₹1,00,000" in page and "₹1,234.50" in page


def test_admin_edits_a_service_and_the_history_says_what_changed(app, admin, departments):
    admin.form_post("/services/new", data=service_form(departments["revenue"].id))
    with app.app_context():
        service_id = Service.get(Service.code == "INC-CERT").id
    url = f"/services/{service_id}/edit"
    page = unescaped_text(admin.get(url))
    # The stored definitions come back as the lines an administrator edits.
    assert "category | select | Category | वर्ग | प्रवर्ग | required | sc:Scheduled Caste:" in page
    assert (
        "marriage_date | date | Date of marriage | विवाह तिथि | विवाह दिनांक | optional | any"
        in (page)
    )
    assert 'value="33.60"' in page
    data = service_form(
        departments["supply"].id, user_charge="30", sla_days="15", active="", split_gp="15",
        split_society="5",
    )  # fmt: skip
    del data["active"]  # an unticked box is not sent
    response = admin.form_post(url, data=data)
    assert response.status_code == 303
    with app.app_context():
        service = Service.get_by_id(service_id)
        assert service.user_charge == 3000 and service.sla_days == 15
        assert service.department_id == departments["supply"].id
        assert not service.active
        assert service.split_gp == 15
    [updated] = events(app, "service.updated")
    assert updated.details["before"]["user_charge"] == 3360
    assert updated.details["after"]["user_charge"] == 3000
    assert "documents_json" not in updated.details["after"]
    assert "Inactive" in unescaped_text(admin.get("/services/"))


def test_split_must_add_up_to_100(app, admin, departments):
    data = service_form(departments["revenue"].id, split_csc="70", split_gp="10")
    response = admin.form_post("/services/new", data=data)
    assert response.status_code == 400
    page = unescaped_text(response)
    assert "The three shares add up to 90; they must add up to 100." in page
    assert "Nothing was saved." in page
    assert count(app) == 0
    assert events(app, "service.created") == []


def test_a_bad_definition_line_is_named_and_everything_typed_stays(app, admin, departments):
    fields = FIELDS.replace("caste | devanagari", "caste | numbr")
    documents = DOCUMENTS.replace("ration_card | Ration card | राशन कार्ड", "ration card | RC | RC")
    data = service_form(departments["revenue"].id, field_lines=fields, document_lines=documents)
    response = admin.form_post("/services/new", data=data)
    assert response.status_code == 400
    page = unescaped_text(response)
    assert "Line 2: unknown type 'numbr'" in page
    assert "Line 4: the key 'ration card' must start with a small English letter" in page
    assert "Line 4: write the Hindi label in Devanagari." in page
    assert fields in page and documents in page  # both boxes as typed
    assert 'value="Income certificate"' in page and 'value="33.60"' in page
    assert count(app) == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("n | number | N | न | न | required | 10-5", "Line 1: the smallest number is above"),
        ("n | number | N | न | न | required | lots", "Line 1: write the range of a number"),
        ("d | date | D | द | द | required | someday", "Line 1: a date takes past, future or any"),
        ("s | select | S | स | स | required | a:A:ए:ए", "Line 1: a select needs at least two"),
        ("s | select | S | स | स | required | a:A; b:B", "Line 1: write the choice 'a:A' as"),
        ("t | text | T | त | त | required | 5", "Line 1: type 'text' takes no options."),
        ("t | text | T | त | त", "Line 1: write 6 or 7 parts separated by |, found 5."),
        ("t | text | T | त | त | maybe", "Line 1: write required or optional, not 'maybe'."),
        ("data | text | T | त | त | required", "Line 1: the key 'data' is reserved"),
        ("validate_x | text | T | त | त | required", "Line 1: the key 'validate_x' is reserved"),
        ("t | text | T | त | त | required\nt | yesno | T | त | त | required", "Line 2: the key"),
    ],
)
def test_each_kind_of_bad_field_line_is_explained(app, admin, departments, line, message):
    data = service_form(departments["revenue"].id, field_lines=line)
    response = admin.form_post("/services/new", data=data)
    assert response.status_code == 400
    assert message in unescaped_text(response)
    assert count(app) == 0


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("abc", "Enter an amount in rupees, like 30 or 30.50."),
        ("30.505", "Enter an amount in rupees, like 30 or 30.50."),
        ("-5", "The amount cannot be negative."),
        ("100000.01", "The amount cannot be more than ₹1,00,000."),
        ("", "This field is required."),
    ],
)
def test_bad_fees_are_refused(app, admin, departments, amount, message):
    response = admin.form_post(
        "/services/new", data=service_form(departments["revenue"].id, govt_fee=amount)
    )
    assert response.status_code == 400
    page = unescaped_text(response)
    assert message in page
    assert re.search(rf'<input [^>]*name="govt_fee"[^>]*value="{re.escape(amount)}"', page)
    assert count(app) == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name_hi": "Aay praman patra"}, "Write this name in Devanagari."),
        ({"sla_days": "91"}, "Enter a number from 1 to 90."),
        ({"sla_days": "seven"}, "Enter a whole number, without decimals."),
        ({"department": "999999"}, "Choose one of the options in the list."),
        ({"department": "x"}, "This field is required."),
        ({"disposing_level": "state"}, "Choose one of the options in the list."),
        ({"code": "inc cert!"}, "Use 2 to 20 capital English letters, digits or dashes."),
    ],
)
def test_other_bad_input_is_refused(app, admin, departments, overrides, message):
    response = admin.form_post(
        "/services/new", data=service_form(departments["revenue"].id, **overrides)
    )
    assert response.status_code == 400
    assert message in unescaped_text(response)
    assert count(app) == 0


def test_a_code_is_used_once(app, admin, departments):
    assert (
        admin.form_post("/services/new", data=service_form(departments["revenue"].id)).status_code
        == 303
    )
    response = admin.form_post("/services/new", data=service_form(departments["supply"].id))
    assert response.status_code == 400
    assert "Another service already has this code." in unescaped_text(response)
    assert count(app) == 1


def test_only_department_offices_are_offered(admin, place, departments):
    page = unescaped_text(admin.get("/services/new"))
    assert "Revenue Branch" in page and "Zilla Parishad" in page
    assert place.tehsil_offices[0].name_en not in page
    assert place.block_offices[0].name_en not in page


@pytest.mark.parametrize("role", [r for r in STAFF_ROLES if r != "admin"])
def test_other_roles_cannot_add_or_edit(app, admin, departments, login_as, role):
    admin.form_post("/services/new", data=service_form(departments["revenue"].id))
    with app.app_context():
        service_id = Service.get().id
    browser = login_as(role)
    for url in ("/services/new", f"/services/{service_id}/edit"):
        assert browser.get(url).status_code == 403, url
        data = service_form(departments["supply"].id, code="HIJACK", name_en="Hijacked")
        assert browser.form_post("/account", url, data=data).status_code == 403, url
    with app.app_context():
        assert Service.get_by_id(service_id).name_en == "Income certificate"
        assert Service.select().count() == 1
    want = 200 if role == "district_manager" else 403
    assert browser.get("/services/").status_code == want


def test_district_manager_reads_the_list_without_edit_links(app, admin, departments, login_as):
    admin.form_post("/services/new", data=service_form(departments["revenue"].id))
    page = unescaped_text(login_as("district_manager").get("/services/"))
    assert "Income certificate" in page
    assert "/edit" not in page and "/services/new" not in page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in ("/services/", "/services/new", "/services/1/edit"):
        response = client.get(url)
        assert response.status_code in (302, 303) and response.location.endswith("/login"), url


def test_a_missing_service_is_404(admin):
    assert admin.get("/services/999999/edit").status_code == 404


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_catalogue_pages_fit_the_budget_with_the_demo_services(app, admin, lang):
    from blueprints.catalogue.demo import seed_demo as seed_services

    with app.app_context():
        assert seed_services(echo=quiet) >= 12
        biggest = max(Service.select(), key=lambda s: len(s.documents_json + s.fields_json))
    admin.set_cookie("lang", lang)
    for url in ("/services/", "/services/new", f"/services/{biggest.id}/edit"):
        assert page_over_budget(admin, url) is None
    # The stored definitions read back and save unchanged.
    response = admin.form_post(
        f"/services/{biggest.id}/edit", data=_as_posted(admin, f"/services/{biggest.id}/edit")
    )
    assert response.status_code == 303
    with app.app_context():
        again = Service.get_by_id(biggest.id)
        assert json.loads(again.fields_json) == json.loads(biggest.fields_json)
    assert events(app, "service.updated") == []  # nothing changed, nothing recorded


def _as_posted(browser, url) -> dict:
    """The form's values as the page holds them (what a browser would send)."""
    from html.parser import HTMLParser

    class Values(HTMLParser):
        def __init__(self):
            super().__init__()
            self.data, self._area, self._select = {}, None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("name") and a.get("type") != "checkbox":
                self.data[a["name"]] = a.get("value") or ""
            elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
                self.data[a["name"]] = a.get("value") or "y"
            elif tag == "textarea":
                self._area = a["name"]
                self.data[self._area] = ""
            elif tag == "select":
                self._select = a["name"]
            elif tag == "option" and "selected" in a:
                self.data[self._select] = a.get("value")

        def handle_endtag(self, tag):
            if tag == "textarea":
                self._area = None

        def handle_data(self, data):
            if self._area:
                self.data[self._area] += data

    parser = Values()
    parser.feed(browser.get(url).get_data(as_text=True))
    for name in ("document_lines", "field_lines"):
        parser.data[name] = parser.data[name].lstrip("\n")
    parser.data.pop("csrf_token", None)
    return parser.data
