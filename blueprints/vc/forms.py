"""Forms of rooms, faults, meetings and action points."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from blueprints.catalogue.fields import LenientDateField
from blueprints.vc.models import INVITE_KINDS
from core.forms import EMAIL, NOT_A_CHOICE, Optional, Regexp, length, required


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def process_formdata(self, valuelist):
        try:
            self.data = [self.coerce(x) for x in valuelist]
        except ValueError:
            self.data = []
            self.process_errors.append(str(NOT_A_CHOICE))

    def pre_validate(self, form):
        known = {str(value) for value, *_rest in self.choices}
        if any(str(v) not in known for v in self.data or []):
            raise ValidationError(NOT_A_CHOICE)


class RoomForm(FlaskForm):
    office = SelectField(_l("Office"), coerce=int, validate_choice=False)
    name_en = StringField(_l("Room (English)"), validators=[required(), length(max=120)])
    name_local = StringField(_l("Room (Marathi)"), validators=[Optional(), length(max=120)])
    equipment = StringField(_l("Equipment"), validators=[Optional(), length(max=300)])
    bridge_number = StringField(
        _l("Bridge number"),
        validators=[
            Optional(),
            Regexp(r"^\+?[0-9][0-9 -]{5,18}$", message=_l("Give the bridge number as digits.")),
        ],
    )
    meeting_code = StringField(_l("Meeting ID"), validators=[Optional(), length(max=40)])
    join_link = StringField(
        _l("Link"),
        validators=[
            Optional(),
            length(max=300),
            Regexp(r"^https://\S+$", message=_l("A link starts with https://")),
        ],
    )
    sip_address = StringField(_l("SIP address"), validators=[Optional(), length(max=120)])
    contact_name = StringField(_l("Person in charge"), validators=[Optional(), length(max=120)])
    contact_mobile = StringField(
        _l("Their mobile"),
        validators=[
            Optional(),
            Regexp(r"^[6-9][0-9]{9}$", message=_l("Enter a 10-digit mobile number.")),
        ],
    )
    contact_email = StringField(_l("Their e-mail"), validators=[Optional(), length(max=120), EMAIL])

    def validate_office(self, field):
        if field.data not in {v for v, _label in self.office.choices}:
            raise ValidationError(NOT_A_CHOICE)


class FaultForm(FlaskForm):
    description = StringField(
        _l("What is not working"), validators=[required(), length(min=5, max=500)]
    )


class CloseFaultForm(FlaskForm):
    remark = StringField(_l("What was done"), validators=[required(), length(max=300)])


class MeetingForm(FlaskForm):
    title = StringField(_l("Subject"), validators=[required(), length(min=3, max=200)])
    agenda = TextAreaField(_l("Agenda"), validators=[Optional(), length(max=3000)])
    day = LenientDateField(_l("Date"), validators=[required()], when="future")
    at = StringField(
        _l("Time (IST, 24-hour)"),
        validators=[
            required(),
            Regexp(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", message=_l("Give the time as HH:MM.")),
        ],
    )
    minutes = IntegerField(
        _l("Length in minutes"),
        default=60,
        validators=[
            required(),
            NumberRange(min=15, max=480, message=_l("Give a length from 15 to 480 minutes.")),
        ],
    )
    host_room = SelectField(_l("Room of the chair"), coerce=int, validate_choice=False)
    kinds = Checkboxes(_l("Invite by post"), choices=[(k, v[0]) for k, v in INVITE_KINDS.items()])
    rooms = Checkboxes(_l("Or pick rooms"), coerce=int)

    def validate_host_room(self, field):
        if field.data not in {v for v, _label in self.host_room.choices}:
            raise ValidationError(NOT_A_CHOICE)

    def starts(self) -> tuple[dt.date, dt.time]:
        hour, minute = (int(x) for x in self.at.data.split(":"))
        return self.day.data, dt.time(hour, minute)


class AttendanceForm(FlaskForm):
    joined = Checkboxes(_l("Joined"), coerce=int)
    minutes_text = TextAreaField(_l("Minutes"), validators=[Optional(), length(max=5000)])


class ActionForm(FlaskForm):
    text = StringField(_l("Action point"), validators=[required(), length(min=3, max=300)])
    post = SelectField(_l("Owner (post)"), coerce=int, validate_choice=False)
    due_on = LenientDateField(_l("Due date"), validators=[required()], when="future")

    def validate_post(self, field):
        if field.data not in {v for v, _label in self.post.choices}:
            raise ValidationError(NOT_A_CHOICE)
