"""The inspection report from a phone, the operator's compliance and the
list of inspectors. Every message is in our own catalogues."""

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    MultipleFileField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import StopValidation, ValidationError

from blueprints.inspections.models import CHECKLIST, RATINGS
from core.forms import Optional, length, required

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def one_of(values, message):
    def check(form, field):
        if field.data not in values:
            field.errors[:] = []
            raise StopValidation(message)

    return check


def _coordinate(limit: int, message):
    def check(form, field):
        text = (field.data or "").strip()
        if not text:
            field.data = ""
            return
        try:
            value = Decimal(text)
        except InvalidOperation as err:
            raise ValidationError(message) from err
        if not value.is_finite() or abs(value) > limit:
            raise ValidationError(message)
        field.data = str(value.quantize(Decimal("0.000001")))

    return check


class ReportForm(FlaskForm):
    token = HiddenField()
    rating = RadioField(
        _l("Your rating of the centre"),
        choices=[(str(k), v) for k, v in RATINGS.items()],
        validate_choice=False,
        validators=[one_of([str(k) for k in RATINGS], _l("Choose a rating from 1 to 5."))],
    )
    remarks = TextAreaField(_l("Remarks (optional)"), validators=[Optional(), length(max=1000)])
    other_instruction = StringField(
        _l("Another instruction to the centre (optional)"),
        validators=[Optional(), length(max=300)],
    )
    latitude = StringField(
        _l("Latitude"),
        validators=[_coordinate(90, _l("Enter a latitude such as 19.876543, or leave it empty."))],
    )
    longitude = StringField(
        _l("Longitude"),
        validators=[
            _coordinate(180, _l("Enter a longitude such as 75.343210, or leave it empty."))
        ],
    )
    photos = MultipleFileField(_l("Photos of the centre (optional, up to 4)"))

    def validate_longitude(self, field):
        if bool(self.latitude.data) != bool(field.data) and not self.latitude.errors:
            raise ValidationError(_l("Give both latitude and longitude, or neither."))

    def answers(self) -> dict:
        return {key: self[key].data == "yes" for key in CHECKLIST}


for _key, _check in CHECKLIST.items():
    setattr(
        ReportForm,
        _key,
        RadioField(
            _check.question,
            choices=YES_NO,
            validate_choice=False,
            validators=[one_of(("yes", "no"), _l("Answer yes or no."))],
        ),
    )


class ComplyForm(FlaskForm):
    """One instruction's button: its id travels in the form, not the URL."""

    row_id = HiddenField(validators=[required()])
    remark = StringField(_l("What was done"), validators=[required(), length(max=300)])


class InspectorForm(FlaskForm):
    username = StringField(_l("Username"), validators=[required(), length(max=40)])
    area_code = StringField(
        _l("Code of the block or tehsil to inspect"), validators=[required(), length(max=20)]
    )
    min_per_week = StringField(
        _l("Inspections a week (empty: the district's default)"),
        validators=[Optional(), length(max=2)],
    )
    active = BooleanField(_l("Active"), default=True)

    def validate_min_per_week(self, field):
        text = (field.data or "").strip()
        if text and (not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 20):
            raise ValidationError(_l("Enter a number from 1 to 20, or leave it empty."))

    @property
    def per_week(self) -> int | None:
        text = (self.min_per_week.data or "").strip()
        return int(text) if text else None


class DrawForm(FlaskForm):
    """The button that draws the current week now (as Monday's task would)."""
