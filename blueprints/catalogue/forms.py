from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from blueprints.catalogue import catalogue
from blueprints.catalogue.fields import ParsedField, Present, WholeNumberField
from blueprints.catalogue.models import DISPOSING_LEVELS
from core.forms import NOT_A_CHOICE, Regexp, length, required

CODE_RULE = Regexp(
    r"^[A-Z0-9][A-Z0-9-]{1,19}$",
    message=_l("Use 2 to 20 capital English letters, digits or dashes."),
)
# Offices that may own a service: departments at the district.
DEPARTMENT_KINDS = ("zp_department", "collectorate_branch", "line_department")


def _devanagari_name(form, field):
    if field.data and not catalogue.is_devanagari_text(field.data):
        raise ValidationError(_("Write this name in Devanagari."))


def _int_or_none(value):
    """The department's id; None for the empty choice or a tampered value, so
    that the message is ours and translated, not WTForms' 'could not coerce'."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _upper(value):
    return value.strip().upper() if isinstance(value, str) else value


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class RupeesField(ParsedField):
    """Rupees typed as 30 or 30.50, held in paise."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, render_kw={"inputmode": "decimal"}, **kwargs)

    def format(self, value) -> str:
        return catalogue.paise_as_input(value)

    def parse(self, text):
        return catalogue.parse_rupees(text)


class ServiceForm(FlaskForm):
    code = StringField(_l("Code"), validators=[required(), CODE_RULE], filters=[_upper])
    name_en = StringField(
        _l("Name in English"), validators=[required(), length(max=150)], filters=[_strip]
    )
    name_hi = StringField(
        _l("Name in Hindi"),
        validators=[required(), length(max=150), _devanagari_name],
        filters=[_strip],
    )
    name_mr = StringField(
        _l("Name in Marathi"),
        validators=[required(), length(max=150), _devanagari_name],
        filters=[_strip],
    )
    department = SelectField(
        _l("Department"),
        coerce=_int_or_none,
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    disposing_level = SelectField(
        _l("Office that disposes of it"),
        choices=[SelectChoice(k, v) for k, v in DISPOSING_LEVELS.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    sla_days = WholeNumberField(_l("Service level in days"), [Present()], min=1, max=90)
    govt_fee = RupeesField(_l("Government fee in ₹"), [Present()])
    user_charge = RupeesField(_l("CSC user charge in ₹"), [Present()])
    split_csc = WholeNumberField(_l("CSC's share in %"), [Present()], min=0, max=100)
    split_gp = WholeNumberField(_l("Gram panchayat's share in %"), [Present()], min=0, max=100)
    split_society = WholeNumberField(
        _l("District e-governance society's share in %"), [Present()], min=0, max=100
    )
    working_days = BooleanField(
        _l("Count the service level in working days (skip the district's days off and holidays)")
    )
    active = BooleanField(_l("Active: CSCs may file it"))
    document_lines = TextAreaField(
        _l("Documents, one a line"), validators=[length(max=8000)], render_kw={"rows": 6}
    )
    field_lines = TextAreaField(
        _l("Extra fields, one a line"), validators=[length(max=8000)], render_kw={"rows": 6}
    )

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.department.choices = [SelectChoice("", "—")] + [
            SelectChoice(office.id, office.name) for office in departments
        ]
        self.parsed_documents: list[dict] = []
        self.parsed_fields: list[dict] = []

    def validate(self, extra_validators=None) -> bool:
        """The fields one by one, then the definitions and the split, so that
        one visit shows every problem."""
        ok = super().validate(extra_validators)
        self.parsed_documents, errors = catalogue.parse_documents(self.document_lines.data or "")
        self.document_lines.errors = [*self.document_lines.errors, *errors]
        self.parsed_fields, errors = catalogue.parse_fields(self.field_lines.data or "")
        self.field_lines.errors = [*self.field_lines.errors, *errors]
        message = catalogue.split_error(
            self.split_csc.data if not self.split_csc.errors else None,
            self.split_gp.data if not self.split_gp.errors else None,
            self.split_society.data if not self.split_society.errors else None,
        )
        if message:
            self.split_csc.errors = [*self.split_csc.errors, message]
        return ok and not (self.document_lines.errors or self.field_lines.errors or message)


def initial_data(service) -> dict:
    """What the form shows for a stored service."""
    return {
        "code": service.code,
        "name_en": service.name_en,
        "name_hi": service.name_hi,
        "name_mr": service.name_mr,
        "department": service.department_id,
        "disposing_level": service.disposing_level,
        "sla_days": service.sla_days,
        "working_days": service.working_days,
        "govt_fee": service.govt_fee,
        "user_charge": service.user_charge,
        "split_csc": service.split_csc,
        "split_gp": service.split_gp,
        "split_society": service.split_society,
        "active": service.active,
        "document_lines": catalogue.format_documents(service.documents),
        "field_lines": catalogue.format_fields(service.fields),
    }


NEW_SERVICE = {
    "sla_days": 7,
    "working_days": False,
    "govt_fee": 0,
    "user_charge": 2000,
    "split_csc": 80,
    "split_gp": 10,
    "split_society": 10,
    "active": True,
    "disposing_level": "tehsil",
}
