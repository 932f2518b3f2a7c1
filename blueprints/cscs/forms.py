"""The registry's forms: a CSC's details, a new centre proposed, and the one
form behind every status change (an action, its reason, the opening date,
and the acknowledgement of pending applications when closing)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from blueprints.catalogue.fields import LenientDateField
from blueprints.masters.models import CSC_CONNECTIVITY
from core.forms import EMAIL, NOT_A_CHOICE, Optional, Regexp, length, required
from core.ids import parse_id

REASON_MAX = 500
EQUIPMENT_MAX = 2000

CODE_RULE = Regexp(
    r"^[A-Z0-9][A-Z0-9-]{2,19}$",
    message=_l("Use 3 to 20 capital English letters, digits or dashes."),
)
MOBILE_RULE = Regexp(r"^[6-9][0-9]{9}$", message=_l("Enter a 10-digit mobile number."))


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _upper(value):
    return value.strip().upper() if isinstance(value, str) else value


def _digits(value):
    """A mobile typed as +91 98xxx xxxxx or 098xxxxxxxx: its ten digits."""
    if not isinstance(value, str):
        return value
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    return digits if digits else value.strip()


def connectivity_choices():
    known = [SelectChoice(key, label) for key, label in CSC_CONNECTIVITY.items()]
    return [SelectChoice("", _l("Not known")), *known]


class DetailsFields(FlaskForm):
    """The operator and the centre's equipment: shared by both forms."""

    operator_name = StringField(
        _l("Operator (VLE) name"), [Optional(), length(max=120)], filters=[_strip]
    )
    operator_mobile = StringField(
        _l("Operator's mobile number"),
        [Optional(), MOBILE_RULE],
        filters=[_digits],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    operator_email = StringField(
        _l("Operator's email"), [Optional(), length(max=120), EMAIL], filters=[_strip]
    )
    connectivity = SelectField(
        _l("Connectivity"),
        choices=connectivity_choices(),
        validators=[Optional()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    equipment = TextAreaField(
        _l("Equipment"),
        [Optional(), length(max=EQUIPMENT_MAX)],
        filters=[_strip],
        render_kw={"rows": 4},
    )


class EditForm(DetailsFields):
    code = StringField(_l("CSC code"), [required(), CODE_RULE], filters=[_upper])
    opened_on = LenientDateField(_l("Opened on"), [Optional()], when="past")

    def values(self) -> dict:
        return {
            "code": self.code.data,
            "operator_name": self.operator_name.data or "",
            "operator_mobile": self.operator_mobile.data or "",
            "operator_email": self.operator_email.data or "",
            "connectivity": self.connectivity.data or "",
            "equipment": self.equipment.data or "",
            "opened_on": self.opened_on.data,
        }


class NewCscForm(DetailsFields):
    gram_panchayat = StringField(
        _l("Gram panchayat code"),
        [required(), length(max=20)],
        filters=[_upper],
        render_kw={"autocomplete": "off"},
    )
    code = StringField(_l("CSC code"), [required(), CODE_RULE], filters=[_upper])
    name_en = StringField(_l("Name in English"), [required(), length(max=120)], filters=[_strip])
    name_local = StringField(
        _l("Name in Devanagari"), [required(), length(max=120)], filters=[_strip]
    )
    village = SelectField(
        _l("Village"),
        coerce=parse_id,
        validators=[Optional()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    reason = TextAreaField(
        _l("Why a centre here"),
        [required(), length(max=REASON_MAX)],
        filters=[_strip],
        render_kw={"rows": 3},
    )

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.village.choices = [SelectChoice("", "—")] + [
            SelectChoice(v.id, v.name) for v in villages
        ]

    def values(self) -> dict:
        return {
            "code": self.code.data,
            "name_en": self.name_en.data,
            "name_local": self.name_local.data,
            "village": self.village.data or None,
            "operator_name": self.operator_name.data or "",
            "operator_mobile": self.operator_mobile.data or "",
            "operator_email": self.operator_email.data or "",
            "connectivity": self.connectivity.data or "",
            "equipment": self.equipment.data or "",
        }


class StatusForm(FlaskForm):
    action = HiddenField(validators=[required(), length(max=20)])
    reason = TextAreaField(
        _l("Reason"), [required(), length(max=REASON_MAX)], filters=[_strip], render_kw={"rows": 2}
    )
    opened_on = LenientDateField(_l("Opened on"), [Optional()], when="past")
    acknowledge = BooleanField()
    pending_seen = HiddenField()

    def seen(self) -> int | None:
        text = (self.pending_seen.data or "").strip()
        return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None
