"""Giving a task, and marking one's part done. Messages in our catalogues."""

import datetime as dt

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from blueprints.assignments.models import PRIORITIES
from core import clock
from core.forms import NOT_A_CHOICE, Optional, length, required


def a_date(form, field):
    text = (field.data or "").strip()
    try:
        field.data = dt.date.fromisoformat(text)
    except ValueError:
        field.errors[:] = []
        raise StopValidation(_l("Write the date as YYYY-MM-DD, for example 2026-12-31.")) from None
    if not 2000 <= field.data.year <= 2100:
        raise StopValidation(_l("Give a due date between the years 2000 and 2100."))
    today = clock.today_ist()
    if field.data < today:
        # A task given already overdue would draw an "overdue" SMS at once.
        raise StopValidation(
            _("The due date cannot be before today, %(today)s.", today=today.isoformat())
        )


class TaskForm(FlaskForm):
    title = StringField(_l("What is to be done"), validators=[required(), length(min=3, max=200)])
    details = TextAreaField(_l("Details (optional)"), validators=[Optional(), length(max=2000)])
    due_on = StringField(_l("Due date"), validators=[required(), a_date])
    priority = SelectField(
        _l("Priority"),
        choices=list(PRIORITIES.items()),
        default="normal",
        validate_choice=False,
    )
    # Employees of the office picked above the form; ids as strings.
    employees = SelectMultipleField(
        _l("Employees of this office"),
        choices=[],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    codes = StringField(
        _l("Or employee codes, of any of your offices"),
        validators=[Optional(), length(max=2000)],
    )

    def validate_priority(self, field):
        if field.data not in PRIORITIES:
            raise StopValidation(NOT_A_CHOICE)


class DoneForm(FlaskForm):
    remark = StringField(_l("What was done (optional)"), validators=[Optional(), length(max=500)])
