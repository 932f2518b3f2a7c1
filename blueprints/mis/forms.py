"""The district's form for a new indicator of a scheme. Every message is in
our own catalogues."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from blueprints.mis import months
from blueprints.mis.models import DEFAULT_MAX, UNITS
from core.forms import NOT_A_CHOICE, Optional, Regexp, length, required

CODE_RULE = Regexp(
    r"^[a-z0-9_]{2,30}$",
    message=_l("Use 2 to 30 small letters, digits or _ (for example houses_built)."),
)


class IndicatorForm(FlaskForm):
    scheme = SelectField(_l("Scheme"), validators=[required()], invalid_choice_message=NOT_A_CHOICE)
    code = StringField(_l("Short code"), validators=[required(), CODE_RULE])
    name_en = StringField(_l("Name in English"), validators=[required(), length(max=200)])
    name_hi = StringField(_l("Name in Hindi"), validators=[Optional(), length(max=200)])
    name_mr = StringField(_l("Name in Marathi"), validators=[Optional(), length(max=200)])
    unit = SelectField(
        _l("Unit"),
        choices=[SelectChoice(key, label) for key, label in UNITS.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    max_monthly = StringField(
        _l("Largest figure a GP may report for a month"), validators=[Optional()]
    )
    from_month = StringField(_l("Reported from the month"), validators=[required()])

    def set_schemes(self, schemes, lang):
        self.scheme.choices = [SelectChoice(str(s.id), s.title(lang)) for s in schemes]

    def validate_max_monthly(self, field):
        text = (field.data or "").replace(",", "").strip()
        if not text:
            field.data = None
            return
        if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= 10**15:
            raise ValidationError(_l("Enter a whole number above zero."))
        field.data = int(text)

    def validate_from_month(self, field):
        try:
            # A month ahead is fine: an indicator may be announced early.
            month = months.parse(field.data, allow_future=True)
        except months.MonthError as err:
            raise ValidationError(str(err)) from err
        if month > months.shift(months.current_month(), 12):
            raise ValidationError(_l("Choose a month within the coming year."))
        field.data = month

    def largest(self) -> int:
        return self.max_monthly.data or DEFAULT_MAX[self.unit.data]
