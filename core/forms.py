"""Validators with messages in our own catalogues: WTForms ships no Hindi or
Marathi, and every error must read in the user's language."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

__all__ = [
    "EMAIL",
    "FIRST_YEAR",
    "LAST_YEAR",
    "NOT_A_CHOICE",
    "Optional",
    "Regexp",
    "equal_to",
    "length",
    "required",
    "sane_date",
]

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


# Dates a user may mean: a year outside these is a typo, and date
# arithmetic near year 1 or 9999 overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def sane_date(day: dt.date) -> dt.date:
    """`day`, or ValueError when its year is outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"year {day.year} is out of range")
    return day
