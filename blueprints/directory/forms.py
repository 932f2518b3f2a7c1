"""The form of a directory entry. Every message is in our own catalogues."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.validators import NumberRange

from core.forms import EMAIL, NOT_A_CHOICE, Optional, Regexp, length


class EntryForm(FlaskForm):
    designation = SelectField(_l("Post (designation)"), coerce=int, validate_choice=False)
    extension = StringField(
        _l("Intercom extension"),
        validators=[
            Optional(),
            Regexp(r"^[0-9]{2,6}$", message=_l("An extension is 2 to 6 digits, nothing else.")),
        ],
    )
    landline = StringField(
        _l("Office landline"),
        validators=[
            Optional(),
            Regexp(
                r"^[0-9][0-9 -]{5,13}[0-9]$",
                message=_l("Give the landline as digits with the STD code, e.g. 0240-2331200."),
            ),
        ],
    )
    email = StringField(_l("Post e-mail"), validators=[Optional(), length(max=120), EMAIL])
    is_head = BooleanField(_l("Head of the office"))
    listed = BooleanField(_l("Shown in the public directory"), default=True)
    sort = IntegerField(
        _l("Order in the office's list"),
        default=100,
        validators=[
            Optional(),
            NumberRange(min=0, max=999, message=_l("Give a number from 0 to 999.")),
        ],
    )

    def validate_designation(self, field):
        if field.data not in {value for value, _label in self.designation.choices}:
            from wtforms.validators import ValidationError

            raise ValidationError(NOT_A_CHOICE)

    def values(self) -> dict:
        return {
            "extension": (self.extension.data or "").strip(),
            "landline": (self.landline.data or "").strip(),
            "email": (self.email.data or "").strip(),
            "is_head": bool(self.is_head.data),
            "listed": bool(self.listed.data),
            "sort": self.sort.data if self.sort.data is not None else 100,
        }
