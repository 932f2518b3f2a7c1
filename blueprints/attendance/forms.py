"""The punch upload, an office's timings and a leave record."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FileField, SelectField, StringField
from wtforms.validators import StopValidation

from blueprints.attendance.models import LEAVE_KINDS
from core.forms import NOT_A_CHOICE, Optional, length, required


def a_time(form, field):
    try:
        field.data = dt.time.fromisoformat((field.data or "").strip())
        if field.data.tzinfo is not None:  # "2026-13" reads as 20:26 at UTC-13
            raise ValueError(field.data)
    except ValueError:
        field.errors[:] = []
        raise StopValidation(_l("Write the time as HH:MM, for example 10:00.")) from None


def whole(lo: int, hi: int):
    """A whole number in [lo, hi]; WTForms' own IntegerField message would
    be English only."""

    def check(form, field):
        text = (field.data or "").strip()
        if not (text.isascii() and text.isdigit() and lo <= int(text) <= hi):
            field.errors[:] = []
            raise StopValidation(_l("Give a whole number from %(min)d to %(max)d.", min=lo, max=hi))
        field.data = int(text)

    return check


def a_date(form, field):
    try:
        field.data = dt.date.fromisoformat((field.data or "").strip())
    except ValueError:
        field.errors[:] = []
        raise StopValidation(_l("Write the date as YYYY-MM-DD, for example 2026-12-31.")) from None
    if not 2000 <= field.data.year <= 2100:
        raise StopValidation(_l("Give a date between the years 2000 and 2100."))


class ImportForm(FlaskForm):
    file = FileField(_l("CSV file of punches"))


class TimingForm(FlaskForm):
    starts_at = StringField(_l("Office opens at"), validators=[required(), a_time])
    grace_minutes = StringField(_l("Grace (minutes)"), validators=[whole(0, 120)])
    half_day_after = StringField(
        _l("Half day when the first punch is after"), validators=[required(), a_time]
    )
    min_hours = StringField(
        _l("Half day under this many hours between first and last punch"),
        validators=[whole(1, 12)],
    )


class LeaveForm(FlaskForm):
    kind = SelectField(
        _l("Kind of leave"), choices=list(LEAVE_KINDS.items()), validate_choice=False
    )
    from_date = StringField(_l("First day"), validators=[required(), a_date])
    to_date = StringField(_l("Last day"), validators=[required(), a_date])
    note = StringField(_l("Order or note (optional)"), validators=[Optional(), length(max=200)])

    def validate_kind(self, field):
        if field.data not in LEAVE_KINDS:
            raise StopValidation(NOT_A_CHOICE)

    def validate_to_date(self, field):
        start = self.from_date.data
        if isinstance(start, dt.date) and isinstance(field.data, dt.date):
            if field.data < start:
                raise StopValidation(_l("The last day cannot be before the first."))
            if (field.data - start).days > 365:
                raise StopValidation(_l("A leave record covers at most a year."))
