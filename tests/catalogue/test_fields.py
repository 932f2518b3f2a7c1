"""A service's own fields as a form: each type validated server-side with a
message in the page language, clean JSON values, and a readable summary."""

import datetime as dt
import json

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from blueprints.catalogue import catalogue
from blueprints.catalogue.fields import clean_details, describe_details, make_details_form
from blueprints.catalogue.models import Service
from core import clock

FIELD_LINES = "\n".join(
    [
        "note | text | Note | टिप्पणी | टीप | optional",
        "caste | devanagari | Caste | जाति | जात | required",
        "income | number | Annual income | वार्षिक आय | वार्षिक उत्पन्न | required | 0-500000",
        "born | date | Date of birth | जन्म तिथि | जन्म दिनांक | required",
        "hearing | date | Hearing date | सुनवाई की तिथि | सुनावणीचा दिनांक | optional | future",
        "category | select | Category | वर्ग | प्रवर्ग | required | sc:Scheduled Caste:अनुसूचित"
        " जाति:अनुसूचित जाती; obc:Other Backward Class:अन्य पिछड़ा वर्ग:इतर मागास वर्ग",
        "bpl | yesno | On the BPL list | बीपीएल सूची में | दारिद्र्यरेषेखाली | required",
    ]
)
GOOD = {
    "note": "  for a scholarship ",
    "caste": "मराठा (कुणबी)",
    "income": "1,20,000",
    "born": "25-03-1980",
    "hearing": "",
    "category": "obc",
    "bpl": "no",
}


@pytest.fixture
def service(app, place):
    fields, errors = catalogue.parse_fields(FIELD_LINES)
    assert errors == []
    with app.app_context():
        return Service.create(
            code="INC-CERT",
            name_en="Income certificate",
            name_hi="आय प्रमाण पत्र",
            name_mr="उत्पन्नाचा दाखला",
            department=place.collectorate,
            disposing_level="tehsil",
            fields_json=json.dumps(fields, ensure_ascii=False),
        )


@pytest.fixture
def no_csrf(app):
    # These tests post straight into the form; the pages that embed it carry
    # the token (the form is a FlaskForm and renders form.csrf_token).
    app.config["WTF_CSRF_ENABLED"] = False


def validated(app, service, lang="en", **changes):
    posted = {**GOOD, **changes}
    with app.test_request_context(method="POST", data=posted), force_locale(lang):
        form = make_details_form(service, formdata=MultiDict(posted))
        ok = form.validate()
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        values = clean_details(form, service) if ok else None
    return ok, errors, values


def test_the_form_has_one_field_per_definition_with_labels_in_the_page_language(app, service):
    with app.test_request_context():
        form = make_details_form(service)
        assert isinstance(form, FlaskForm)
        assert [f.name for f in form if f.name != "csrf_token"] == list(GOOD)
        assert form.income.label.text == "Annual income"
        assert [c.label for c in form.category.choices] == [
            "—",
            "Scheduled Caste",
            "Other Backward Class",
        ]
        assert 'type="date"' in str(form.born())
        with force_locale("mr"):
            form = make_details_form(service)
            assert form.income.label.text == "वार्षिक उत्पन्न"
            assert form.category.choices[2].label == "इतर मागास वर्ग"
        assert "csrf_token" in str(form.csrf_token)


def test_good_values_come_out_as_json(app, service, no_csrf):
    ok, errors, values = validated(app, service)
    assert ok, errors
    assert values == {
        "note": "for a scholarship",
        "caste": "मराठा (कुणबी)",
        "income": 120000,
        "born": "1980-03-25",
        "hearing": None,
        "category": "obc",
        "bpl": False,
    }
    assert json.loads(json.dumps(values)) == values


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("caste", "Maratha", "Write this in Devanagari letters"),
        ("caste", "", "This field is required."),
        ("income", "500001", "Enter a number from 0 to 5,00,000."),
        ("income", "-1", "Enter a number from 0 to 5,00,000."),
        ("income", "12.5", "Enter a whole number, without decimals."),
        ("income", "lots", "Enter a whole number, without decimals."),
        ("born", "31-02-1980", "Enter a real date, day-month-year, like 25-03-1980."),
        ("born", "yesterday", "Enter a real date, day-month-year, like 25-03-1980."),
        ("hearing", "2001-01-01", "The date cannot be in the past."),
        ("category", "general", "Choose one of the options in the list."),
        ("category", "", "This field is required."),
        ("bpl", "maybe", "Choose one of the options in the list."),
        ("note", "x" * 201, "Use at most 200 characters."),
    ],
)
def test_each_type_refuses_what_it_must(app, service, no_csrf, field, value, message):
    ok, errors, _values = validated(app, service, **{field: value})
    assert not ok
    assert list(errors) == [field]
    assert len(errors[field]) == 1 and errors[field][0].startswith(message), errors


def test_a_date_in_the_future_is_refused_unless_the_definition_allows_it(app, service, no_csrf):
    tomorrow = (clock.today_ist() + dt.timedelta(days=1)).isoformat()
    ok, errors, _values = validated(app, service, born=tomorrow)
    assert errors == {"born": ["The date cannot be in the future."]}
    ok, errors, values = validated(app, service, hearing=tomorrow)
    assert ok and values["hearing"] == tomorrow


def test_zero_is_an_answer_and_devanagari_digits_are_read(app, service, no_csrf):
    ok, errors, values = validated(app, service, income="0")
    assert ok and values["income"] == 0
    ok, errors, values = validated(app, service, income="१२०००", born="२५/०३/१९८०")
    assert ok and values["income"] == 12000 and values["born"] == "1980-03-25"


@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_messages_follow_the_page_language(app, service, no_csrf, lang):
    english = {}
    for field, value in (("caste", "Maratha"), ("income", "9999999"), ("category", "x")):
        _ok, errors, _values = validated(app, service, "en", **{field: value})
        english[field] = errors[field]
        ok, errors, _values = validated(app, service, lang, **{field: value})
        assert not ok and errors[field], (field, lang)
        with app.test_request_context(), force_locale(lang):
            translated = _("Choose one of the options in the list.")
        if translated != "Choose one of the options in the list." and field == "category":
            assert errors[field] != english[field]


def test_a_stored_draft_fills_the_form(app, service, no_csrf):
    _ok, _errors, values = validated(app, service)
    with app.test_request_context():
        form = make_details_form(service, data=values)
        assert form.born.data == dt.date(1980, 3, 25)
        assert 'value="1980-03-25"' in str(form.born())
        assert form.bpl.data == "no" and form.income.data == 120000
        assert form.caste.data == "मराठा (कुणबी)"


def test_describe_details_reads_in_the_language_asked_for(app, service, no_csrf):
    _ok, _errors, values = validated(app, service, bpl="yes")
    with app.test_request_context():
        rows = describe_details(service, values, "en")
        assert rows == [
            ("Note", "for a scholarship"),
            ("Caste", "मराठा (कुणबी)"),
            ("Annual income", "1,20,000"),
            ("Date of birth", "25 Mar 1980"),
            ("Hearing date", "—"),
            ("Category", "Other Backward Class"),
            ("On the BPL list", "Yes"),
        ]
        marathi = dict(describe_details(service, {**values, "old_key": "kept"}, "mr"))
        assert marathi["प्रवर्ग"] == "इतर मागास वर्ग"
        assert marathi["वार्षिक उत्पन्न"] == "1,20,000"
        assert "1980" in marathi["जन्म दिनांक"] and "Mar" not in marathi["जन्म दिनांक"]
        assert marathi["old_key"] == "kept"  # a field since removed still prints
