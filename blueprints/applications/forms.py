import datetime as dt

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FileField, HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from blueprints.applications import aadhaar
from blueprints.applications.models import APPLICANT_LANGUAGES, GENDERS
from blueprints.catalogue.fields import LenientDateField
from core import clock
from core.forms import EMAIL, NOT_A_CHOICE, Optional, Regexp, length, required
from core.i18n import indian_date

DEVANAGARI_NAME = Regexp(
    r"^[\u0900-\u097F\u200c\u200d .'-]+$",
    message=_l("Write this name in Devanagari (हिन्दी/मराठी letters)."),
)
LATIN_NAME = Regexp(r"^[A-Za-z .'-]+$", message=_l("Write this name in English letters (A to Z)."))
MOBILE = Regexp(r"^[6-9][0-9]{9}$", message=_l("Enter a 10-digit mobile number."))


def date_of_birth_hint() -> str:
    """True for a calendar, which shows the date in its own order (so the
    example names the month), and for a plain text box (lynx), where the
    date is typed day first."""
    return _(
        "For example %(example)s. Where the box takes plain text, type day-month-year: %(typed)s.",
        example=indian_date(dt.date(1990, 8, 15)),
        typed="15-08-1990",
    )


class ServiceChoiceForm(FlaskForm):
    service = SelectField(
        _l("Service"), validators=[required()], invalid_choice_message=NOT_A_CHOICE, coerce=str
    )
    language = SelectField(
        _l("Applicant's language (for the acknowledgement and SMS)"),
        choices=[SelectChoice(k, v) for k, v in APPLICANT_LANGUAGES.items()],
        invalid_choice_message=NOT_A_CHOICE,
    )


class ApplicantForm(FlaskForm):
    applicant_name_local = StringField(
        _l("Applicant's name in Devanagari"),
        validators=[required(), length(max=120), DEVANAGARI_NAME],
    )
    applicant_name_en = StringField(
        _l("Applicant's name in English"), validators=[required(), length(max=120), LATIN_NAME]
    )
    relation_name = StringField(
        _l("Father's, mother's or husband's name"), validators=[required(), length(max=120)]
    )
    gender = SelectField(
        _l("Gender"),
        choices=[SelectChoice("", "—")] + [SelectChoice(k, v) for k, v in GENDERS.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    # Picked in the browser's calendar (which shows its own order and sends
    # ISO), or typed day first where there is none (lynx, old browsers).
    date_of_birth = LenientDateField(_l("Date of birth"), validators=[required()], when="any")
    mobile = StringField(
        _l("Mobile number"), validators=[required(), MOBILE], render_kw={"inputmode": "numeric"}
    )
    email = StringField(
        _l("Email (optional)"),
        validators=[
            Optional(),
            length(max=120),
            EMAIL,
        ],
    )
    village = SelectField(
        _l("Village"), validators=[required()], coerce=str, invalid_choice_message=NOT_A_CHOICE
    )
    address = StringField(_l("House, street or ward"), validators=[required(), length(max=250)])
    aadhaar = StringField(
        _l("Aadhaar number (optional)"),
        validators=[Optional(), length(max=14)],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )

    def validate_date_of_birth(self, field):
        if field.data and field.data > clock.today_ist():
            raise ValidationError(_l("The date of birth cannot be in the future."))
        if field.data and field.data.year < clock.today_ist().year - 120:
            raise ValidationError(_l("Check the year of birth."))

    def validate_aadhaar(self, field):
        if field.data and not aadhaar.is_valid(field.data):
            raise ValidationError(_l("This is not a valid Aadhaar number: check the 12 digits."))


class DocumentForm(FlaskForm):
    doc_key = HiddenField(validators=[required()])
    file = FileField(_l("File (photo or PDF, up to 5 MB)"))


class FeesForm(FlaskForm):
    fee_collected = BooleanField(_l("I have collected this amount from the applicant"))

    def validate_fee_collected(self, field):
        if not field.data:
            raise ValidationError(_l("Tick this box once the fee is collected."))


class SubmitForm(FlaskForm):
    token = HiddenField(validators=[required()])
    # Asked only when the applicant already has an open application for the
    # service (filing.open_repeats): a warning to pass knowingly, not a bar.
    repeat_confirmed = BooleanField(
        _l("I have checked: this is a new application, not a repeat of the one above")
    )
