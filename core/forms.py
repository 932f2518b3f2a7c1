"""Validators with messages in our own catalogues: WTForms ships no Hindi or
Marathi, and every error must read in the user's language."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

__all__ = ["EMAIL", "NOT_A_CHOICE", "Optional", "Regexp", "equal_to", "length", "required"]

NOT_A_CHOICE = _l("Choose one of the options in the list.")
EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Enter an email address."))


def required():
    return DataRequired(message=_l("This field is required."))


def length(min=-1, max=-1):  # noqa: A002 (the names WTForms uses)
    if min > 0 and max > 0:
        message = _l("Use between %(min)d and %(max)d characters.", min=min, max=max)
    elif min > 0:
        message = _l("Use at least %(min)d characters.", min=min)
    else:
        message = _l("Use at most %(max)d characters.", max=max)
    return Length(min=min, max=max, message=message)


def equal_to(other, message):
    return EqualTo(other, message=message)
