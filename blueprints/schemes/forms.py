"""Forms of the scheme pages. Numbers are read by our own validators so that
every message is in our catalogues (WTForms' own are English only)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from blueprints.schemes.models import (
    AREAS,
    CATEGORIES,
    DISABILITY,
    GENDERS,
    GROUPS,
    LEVELS,
    OCCUPATIONS,
    SCHEME_STATUSES,
    SECTIONS,
)
from core.forms import NOT_A_CHOICE, Optional, Regexp, length, required

MAX_INCOME = 100_000_000  # ₹10 crore a year: beyond any scheme's ceiling


def one_of(values, message=NOT_A_CHOICE, allow_blank=False):
    def check(form, field):
        if allow_blank and not field.data:
            return
        if field.data not in values:
            field.errors[:] = []
            raise StopValidation(message)

    return check


def whole_number(lo, hi, message):
    """An optional whole number in [lo, hi]; sets field.number (None if blank)."""

    def check(form, field):
        text = (field.data or "").strip().replace(",", "")
        field.number = None
        if not text:
            return
        if not text.isascii() or not text.isdigit() or not lo <= int(text) <= hi:
            raise ValidationError(message)
        field.number = int(text)

    return check


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        allowed = {choice.value for choice in self.choices}
        if any(v not in allowed for v in self.data or []):
            raise StopValidation(NOT_A_CHOICE)


def _choices(names, blank=None):
    rows = [SelectChoice(key, label) for key, label in names.items()]
    return ([SelectChoice("", blank)] if blank else []) + rows


class FinderForm(FlaskForm):
    """A GET form: shareable answers, no session, no CSRF."""

    class Meta:
        csrf = False

    age = StringField(
        _l("Age in years"),
        validators=[whole_number(0, 120, _l("Enter an age from 0 to 120, or leave it empty."))],
    )
    gender = SelectField(
        _l("Gender"),
        choices=_choices(GENDERS, _l("Not given")),
        validate_choice=False,
        validators=[one_of(GENDERS, allow_blank=True)],
    )
    category = SelectField(
        _l("Social category"),
        choices=_choices(CATEGORIES, _l("Not given")),
        validate_choice=False,
        validators=[one_of(CATEGORIES, allow_blank=True)],
    )
    occupation = SelectField(
        _l("Occupation"),
        choices=_choices(OCCUPATIONS, _l("Not given")),
        validate_choice=False,
        validators=[one_of(OCCUPATIONS, allow_blank=True)],
    )
    income = StringField(
        _l("Annual family income in rupees"),
        validators=[
            whole_number(0, MAX_INCOME, _l("Enter the income in whole rupees, for example 120000."))
        ],
    )
    area = SelectField(
        _l("Where you live"),
        choices=_choices(AREAS, _l("Not given")),
        validate_choice=False,
        validators=[one_of(AREAS, allow_blank=True)],
    )
    disability = SelectField(
        _l("Do you have a disability?"),
        choices=_choices(DISABILITY, _l("Not given")),
        validate_choice=False,
        validators=[one_of(DISABILITY, allow_blank=True)],
    )


class NewSchemeForm(FlaskForm):
    code = StringField(
        _l("Short code"),
        validators=[
            required(),
            length(max=20),
            Regexp(
                r"^[A-Za-z0-9][A-Za-z0-9-]*$",
                message=_l("Use letters, digits and hyphens, for example PMAY-G."),
            ),
        ],
    )
    level = SelectField(
        _l("Level"), choices=_choices(LEVELS), validate_choice=False, validators=[one_of(LEVELS)]
    )
    office = SelectField(_l("Department"), choices=[], validate_choice=False)
    title_en = StringField(_l("Name in English"), validators=[required(), length(max=200)])


class TextForm(FlaskForm):
    """One language's title and sections, in Markdown."""

    title = StringField(_l("Name of the scheme"), validators=[length(max=200)])
    objective = TextAreaField(SECTIONS["objective"])
    eligibility = TextAreaField(SECTIONS["eligibility"])
    benefits = TextAreaField(SECTIONS["benefits"])
    how_to_apply = TextAreaField(SECTIONS["how_to_apply"])
    documents = TextAreaField(SECTIONS["documents"])
    contact = TextAreaField(SECTIONS["contact"])


class DetailsForm(FlaskForm):
    level = SelectField(
        _l("Level"), choices=_choices(LEVELS), validate_choice=False, validators=[one_of(LEVELS)]
    )
    year = StringField(
        _l("Year"),
        validators=[
            Optional(),
            Regexp(r"^(19|20)\d\d(-\d\d)?$", message=_l("Write the year as 2026 or 2026-27.")),
        ],
    )
    status = SelectField(
        _l("Status"),
        choices=_choices(SCHEME_STATUSES),
        validate_choice=False,
        validators=[one_of(SCHEME_STATUSES)],
    )
    service = SelectField(_l("CSC service to apply through"), choices=[], validate_choice=False)
    groups = Checkboxes(_l("Beneficiary groups"), choices=_choices(GROUPS))
    min_age = StringField(
        _l("Minimum age"),
        validators=[whole_number(0, 120, _l("Enter an age from 0 to 120, or leave it empty."))],
    )
    max_age = StringField(
        _l("Maximum age"),
        validators=[whole_number(0, 120, _l("Enter an age from 0 to 120, or leave it empty."))],
    )
    genders = Checkboxes(_l("Only for these genders"), choices=_choices(GENDERS))
    categories = Checkboxes(_l("Only for these categories"), choices=_choices(CATEGORIES))
    occupations = Checkboxes(_l("Only for these occupations"), choices=_choices(OCCUPATIONS))
    income_max = StringField(
        _l("Annual family income up to (rupees)"),
        validators=[
            whole_number(0, MAX_INCOME, _l("Enter the income in whole rupees, for example 120000."))
        ],
    )
    area = SelectField(
        _l("Only in"),
        choices=_choices(AREAS, _l("Rural and urban areas")),
        validate_choice=False,
        validators=[one_of(AREAS, allow_blank=True)],
    )
    disability = SelectField(
        _l("Persons with disabilities"),
        choices=[
            SelectChoice("", _l("Anyone")),
            SelectChoice("yes", _l("Only persons with a disability of 40% and above")),
        ],
        validate_choice=False,
        validators=[one_of({"yes"}, allow_blank=True)],
    )

    def validate_max_age(self, field):
        lo = getattr(self.min_age, "number", None)
        hi = getattr(field, "number", None)
        if lo is not None and hi is not None and hi < lo:
            raise ValidationError(_l("The maximum age is below the minimum age."))

    def rules(self) -> dict:
        return {
            "min_age": self.min_age.number,
            "max_age": self.max_age.number,
            "genders": self.genders.data or [],
            "categories": self.categories.data or [],
            "occupations": self.occupations.data or [],
            "income_max": self.income_max.number,
            "area": self.area.data or "",
            "disability": True if self.disability.data == "yes" else None,
        }


class PhotoForm(FlaskForm):
    photo = FileField(_l("Photo (JPEG, PNG or WebP, up to 5 MB)"))
    alt_en = StringField(_l("What the photo shows, in English"), validators=[length(max=200)])
    alt_hi = StringField(_l("What the photo shows, in Hindi"), validators=[length(max=200)])
    alt_mr = StringField(_l("What the photo shows, in Marathi"), validators=[length(max=200)])


class RemarkForm(FlaskForm):
    """Submit, approve or return: a remark, and the button pressed."""

    remark = TextAreaField(_l("Remark"), validators=[length(max=500)])
