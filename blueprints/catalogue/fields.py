"""A service's own extra fields as a form, validated server-side, and their
values for reading back.

    form = make_details_form(service, formdata=request.form)   # a POST
    form = make_details_form(service, data=draft_values)       # showing a draft
    if form.validate():
        values = clean_details(form, service)   # JSON-ready: dates ISO, yes/no bool
    describe_details(service, values, "mr")     # [(label, value as read)]

The form is a FlaskForm (so it carries the CSRF token) with one field per
definition, named by its key. With formdata=None the form reads nothing from
the request; pass request.form on a POST. Stored values are JSON: text and
devanagari a string, number an int, date 'YYYY-MM-DD', select the choice's
value, yesno true/false; an optional field left empty is None.

Dates are typed as YYYY-MM-DD (what a date picker sends) or DD-MM-YYYY,
DD/MM/YYYY, DD.MM.YYYY (what people type); a definition's "when" says past
(the default: today or earlier in IST), future (today or later) or any."""

import datetime as dt
import re

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation
from wtforms.widgets import DateInput, NumberInput

from blueprints.catalogue.catalogue import NUMBER_CEILING, ascii_digits
from blueprints.catalogue.models import label
from core import clock
from core.forms import LAST_YEAR, NOT_A_CHOICE, Optional, Regexp, length, required
from core.i18n import indian_date, indian_number

TEXT_MAX = 200
DEVANAGARI = Regexp(
    r"^[\u0900-\u097F\u200c\u200d\s.,()-]+$",
    message=_l("Write this in Devanagari letters; only spaces and . , ( ) - may go with them."),
)
YES_NO = {"yes": _l("Yes"), "no": _l("No")}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


class Present:
    """Required, where 0 is an answer (DataRequired refuses 0)."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        if field.data is None or (isinstance(field.data, str) and not field.data.strip()):
            raise StopValidation(_("This field is required."))


class ParsedField(StringField):
    """A text box whose value is parsed; a value that does not parse is
    reported once, in the page language, and no other check runs on it."""

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else self.format(self.data)

    def format(self, value) -> str:
        return str(value)

    def process_formdata(self, valuelist):
        text = ascii_digits(valuelist[0]).strip() if valuelist else ""
        self.data = self.parse(text) if text else None

    def parse(self, text):
        raise NotImplementedError

    def pre_validate(self, form):
        if self.process_errors:
            raise StopValidation()


class WholeNumberField(ParsedField):
    """An integer between `min` and `max`, messages translated; 1,20,000 and
    Devanagari digits are read too."""

    widget = NumberInput()

    def __init__(self, label=None, validators=None, min=0, max=NUMBER_CEILING, **kwargs):  # noqa: A002
        render_kw = {"inputmode": "numeric", "min": min, "max": max, **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.min, self.max = min, max

    def parse(self, text):
        text = text.replace(",", "").replace(" ", "")
        if not re.fullmatch(r"-?\d{1,15}", text):
            raise ValueError(_("Enter a whole number, without decimals."))
        return int(text)

    def post_validate(self, form, validation_stopped):
        if validation_stopped or self.data is None:
            return
        if not self.min <= self.data <= self.max:
            self.errors.append(
                _(
                    "Enter a number from %(min)s to %(max)s.",
                    min=indian_number(self.min),
                    max=indian_number(self.max),
                )
            )


class LenientDateField(ParsedField):
    """A date typed day first or picked (ISO); `when` is past, future or any."""

    widget = DateInput()

    def __init__(self, label=None, validators=None, when="past", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.when = when

    def format(self, value) -> str:
        return value.isoformat()

    def parse(self, text):
        for pattern in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(_("Enter a real date, day-month-year, like 25-03-1980."))

    def post_validate(self, form, validation_stopped):
        if validation_stopped or self.data is None:
            return
        today = clock.today_ist()
        if self.when == "past" and self.data > today:
            self.errors.append(_("The date cannot be in the future."))
        elif self.when == "future" and self.data < today:
            self.errors.append(_("The date cannot be in the past."))
        elif not 1850 <= self.data.year <= LAST_YEAR:
            self.errors.append(_("Enter a real date, day-month-year, like 25-03-1980."))


def _field_for(item: dict):
    kind = item["type"]
    first = Present() if item.get("required") else Optional()
    text = label(item)
    if kind == "text":
        return StringField(text, validators=[first, length(max=TEXT_MAX)])
    if kind == "devanagari":
        return StringField(text, validators=[first, length(max=TEXT_MAX), DEVANAGARI])
    if kind == "number":
        return WholeNumberField(
            text,
            validators=[first],
            min=item.get("min", 0),
            max=item.get("max", NUMBER_CEILING),
        )
    if kind == "date":
        return LenientDateField(text, validators=[first], when=item.get("when", "past"))
    if kind == "select":
        choices = [SelectChoice(c["value"], label(c)) for c in item["choices"]]
    elif kind == "yesno":
        choices = [SelectChoice(k, v) for k, v in YES_NO.items()]
    else:
        raise ValueError(f"unknown field type {kind!r}")
    return SelectField(
        text,
        choices=[SelectChoice("", "—"), *choices],
        validators=[required() if item.get("required") else Optional()],
        invalid_choice_message=NOT_A_CHOICE,
    )


def _as_form_data(service, data: dict | None) -> dict | None:
    """Stored values (ISO dates, bools) as the fields hold them."""
    if not data:
        return data
    out = {}
    for item in service.fields:
        value = data.get(item["key"])
        if value is None:
            continue
        if item["type"] == "date" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                continue
        elif item["type"] == "yesno" and isinstance(value, bool):
            value = "yes" if value else "no"
        out[item["key"]] = value
    return out


def make_details_form(service, formdata=None, data=None) -> FlaskForm:
    """A form for the service's own fields, labels in the page language."""

    class DetailsForm(FlaskForm):
        pass

    for item in service.fields:
        setattr(DetailsForm, item["key"], _field_for(item))
    return DetailsForm(formdata=formdata, data=_as_form_data(service, data))


def clean_details(form, service) -> dict:
    """The validated form's values, JSON-serialisable, keyed by field key."""
    values = {}
    for item in service.fields:
        value = form[item["key"]].data
        if isinstance(value, str):
            value = value.strip() or None
        if value is None:
            values[item["key"]] = None
        elif item["type"] == "date":
            values[item["key"]] = value.isoformat()
        elif item["type"] == "yesno":
            values[item["key"]] = value == "yes"
        elif item["type"] == "number":
            values[item["key"]] = int(value)
        else:
            values[item["key"]] = value
    return values


def describe_details(service, values: dict, lang) -> list[tuple[str, str]]:
    """(label, value as read) in `lang` for each field, in definition order;
    values the definition no longer has (the service was edited since) come
    last under their key, so that a reprint still shows what was filed."""
    lang = lang if lang in ("en", "hi", "mr") else "en"
    values = values or {}
    rows = []
    with force_locale(lang):
        known = set()
        for item in service.fields:
            known.add(item["key"])
            rows.append((label(item, lang), _display(item, values.get(item["key"]), lang)))
        for key, value in values.items():
            if key not in known and value is not None:
                rows.append((key, str(value)))
    return rows


def _display(item: dict, value, lang: str) -> str:
    if value is None or value == "":
        return "—"
    kind = item["type"]
    if kind == "yesno":
        return str(YES_NO["yes" if value else "no"])
    if kind == "number" and isinstance(value, int):
        return indian_number(value)
    if kind == "date":
        try:
            return indian_date(dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            return str(value)
    if kind == "select":
        for choice in item.get("choices", []):
            if choice["value"] == value:
                return label(choice, lang)
    return str(value)
