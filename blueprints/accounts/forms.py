from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

from blueprints.accounts.models import ROLES
from core.passwords import MIN_LENGTH

USERNAME_RULE = Regexp(
    r"^[a-z0-9][a-z0-9._-]{2,39}$",
    message=_l("Use 3 to 40 small letters, digits, dots, dashes or underscores."),
)
MOBILE_RULE = Regexp(r"^[6-9][0-9]{9}$", message=_l("Enter a 10-digit mobile number."))


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=40)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class CodeForm(FlaskForm):
    code = StringField(
        _l("6-digit code from your authenticator app, or a recovery code"),
        validators=[DataRequired(), Length(max=20)],
    )


class EnrolForm(FlaskForm):
    code = StringField(
        _l("6-digit code shown by the app"), validators=[DataRequired(), Length(max=10)]
    )


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=200)])
    new = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_LENGTH,
                max=200,
                message=_l("Use at least %(n)d characters.", n=MIN_LENGTH),
            ),
        ],
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[DataRequired(), EqualTo("new", message=_l("The two passwords differ."))],
    )


class UserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[DataRequired(), USERNAME_RULE])
    full_name = StringField(_l("Name in English"), validators=[DataRequired(), Length(max=120)])
    full_name_local = StringField(
        _l("Name in Devanagari"), validators=[Optional(), Length(max=120)]
    )
    role = SelectField(
        _l("Role"),
        choices=[SelectChoice(key, label) for key, label in ROLES.items()],
        validators=[DataRequired()],
    )
    mobile = StringField(_l("Mobile"), validators=[Optional(), MOBILE_RULE])
    email = StringField(_l("Email"), validators=[Optional(), Length(max=120)])
    binding_code = StringField(
        _l("Code of the CSC, gram panchayat, office, block or tehsil"),
        validators=[Optional(), Length(max=20)],
    )
    password = PasswordField(
        _l("First password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_LENGTH,
                max=200,
                message=_l("Use at least %(n)d characters.", n=MIN_LENGTH),
            ),
        ],
    )


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(min=5, max=300)])


class ConfirmForm(FlaskForm):
    """A form with only the CSRF token, for one-button actions."""
