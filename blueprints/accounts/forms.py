from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange

from blueprints.accounts.models import ROLES
from core.forms import EMAIL, NOT_A_CHOICE, Optional, Regexp, equal_to, length, required
from core.passwords import MIN_LENGTH

USERNAME_RULE = Regexp(
    r"^[a-z0-9][a-z0-9._-]{2,39}$",
    message=_l("Use 3 to 40 small letters, digits, dots, dashes or underscores."),
)
MOBILE_RULE = Regexp(r"^[6-9][0-9]{9}$", message=_l("Enter a 10-digit mobile number."))


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[required(), length(max=40)])
    password = PasswordField(_l("Password"), validators=[required(), length(max=200)])


class CodeForm(FlaskForm):
    code = StringField(
        _l("6-digit code from your authenticator app, or a recovery code"),
        validators=[required(), length(max=20)],
    )


class EnrolForm(FlaskForm):
    code = StringField(_l("6-digit code shown by the app"), validators=[required(), length(max=10)])


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[required(), length(max=200)])
    new = PasswordField(
        _l("New password"), validators=[required(), length(min=MIN_LENGTH, max=200)]
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[required(), equal_to("new", _l("The two passwords differ."))],
    )


class UserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[required(), USERNAME_RULE])
    full_name = StringField(_l("Name in English"), validators=[required(), length(max=120)])
    full_name_local = StringField(
        _l("Name in Devanagari"), validators=[Optional(), length(max=120)]
    )
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(key, label) for key, label in ROLES.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    mobile = StringField(_l("Mobile"), validators=[Optional(), MOBILE_RULE])
    email = StringField(
        _l("Email"),
        validators=[
            Optional(),
            length(max=120),
            EMAIL,
        ],
    )
    binding_code = StringField(
        _l("Code of the CSC, gram panchayat, office, block or tehsil"),
        validators=[Optional(), length(max=20)],
    )
    password = PasswordField(
        _l("First password"), validators=[required(), length(min=MIN_LENGTH, max=200)]
    )


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[required(), length(min=5, max=300)])


class ConfirmForm(FlaskForm):
    """A form with only the CSRF token, for one-button actions."""


class EndSessionForm(FlaskForm):
    """Sign out one other session of one's own (the id of its row)."""

    session = IntegerField(validators=[required(), NumberRange(min=1, max=2**63 - 1)])
