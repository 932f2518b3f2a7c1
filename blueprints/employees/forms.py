"""Forms of the employee register, with translated validators."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange, ValidationError

from blueprints.accounts.forms import MOBILE_RULE
from blueprints.catalogue.fields import LenientDateField
from blueprints.employees.models import IMPORT_KINDS, STATUSES
from core.forms import EMAIL, NOT_A_CHOICE, Optional, length, required


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class TransferForm(FlaskForm):
    office = SelectField(_l("To office"), coerce=int, validate_choice=False)
    designation = SelectField(_l("As designation"), coerce=int, validate_choice=False)
    order_no = StringField(
        _l("Order number"), validators=[required(), length(max=60)], filters=[_strip]
    )
    order_date = LenientDateField(_l("Order date"), validators=[required()], when="any")
    from_date = LenientDateField(_l("Takes effect from"), validators=[required()], when="any")

    def __init__(self, *args, offices=(), designations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.office.choices = [(o.id, o.name) for o in offices]
        self.designation.choices = [(d.id, d.name()) for d in designations]

    def validate_office(self, field):
        if field.data not in {c[0] for c in field.choices}:
            raise ValidationError(NOT_A_CHOICE)

    def validate_designation(self, field):
        if field.data not in {c[0] for c in field.choices}:
            raise ValidationError(NOT_A_CHOICE)


class ImportForm(FlaskForm):
    kind = SelectField(
        _l("What the file holds"), choices=list(IMPORT_KINDS.items()), validators=[required()]
    )
    file = FileField(_l("CSV or Excel (XLSX) file"))


class RetirementAgeForm(FlaskForm):
    retirement_age = IntegerField(
        _l("Retirement age"),
        validators=[
            required(),
            NumberRange(min=50, max=70, message=_l("Enter an age from 50 to 70.")),
        ],
    )


class EmployeeForm(FlaskForm):
    """What the establishment keeps up to date between imports."""

    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(k, v) for k, v in STATUSES.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    mobile_official = StringField(
        _l("Official mobile"), validators=[Optional(), MOBILE_RULE], filters=[_strip]
    )
    email_official = StringField(
        _l("Official email"), validators=[Optional(), length(max=120), EMAIL], filters=[_strip]
    )
    mobile_personal = StringField(
        _l("Personal mobile"), validators=[Optional(), MOBILE_RULE], filters=[_strip]
    )
    # An address is written as the employee writes it, not translated.
    address = TextAreaField(
        _l("Address"),
        validators=[Optional(), length(max=500)],
        filters=[_strip],
        render_kw={"translate": "no"},
    )
