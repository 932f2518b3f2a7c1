"""The administrator's forms. Dates are parsed by the services, so that a
bad date gets the same clear message from a form or from a test."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice

from blueprints.accounts.models import CHARGE_REASONS, NEW_CHARGE_REASONS, POSTS
from core.forms import NOT_A_CHOICE, Optional, length, required


class HolidayForm(FlaskForm):
    date = StringField(_l("Date"), validators=[required(), length(max=20)])
    name_en = StringField(_l("Name in English"), validators=[required(), length(max=120)])
    name_local = StringField(_l("Name in Devanagari"), validators=[Optional(), length(max=120)])


class RowForm(FlaskForm):
    """One button on one row: the row's id travels in the form, not the URL."""

    row_id = HiddenField(validators=[required()])


class EndChargeForm(RowForm):
    to_date = StringField(_l("Last day"), validators=[required(), length(max=20)])


class ChargeForm(FlaskForm):
    post = SelectField(
        _l("Post"),
        choices=[SelectChoice(k, v) for k, v in POSTS.items()],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    place_code = StringField(
        _l("Code of the office (desk, office head), block (BDO) or tehsil (SDM)"),
        validators=[Optional(), length(max=20)],
    )
    username = StringField(_l("Officer's username"), validators=[required(), length(max=40)])
    reason = SelectField(
        _l("Kind of charge"),
        choices=[SelectChoice(k, CHARGE_REASONS[k]) for k in NEW_CHARGE_REASONS],
        validators=[required()],
        invalid_choice_message=NOT_A_CHOICE,
    )
    from_date = StringField(_l("From date"), validators=[required(), length(max=20)])
    to_date = StringField(
        _l("To date (empty: until further orders)"), validators=[Optional(), length(max=20)]
    )
    instead_of = StringField(
        _l("On leave (username; for a leave substitute, empty: every holder)"),
        validators=[Optional(), length(max=40)],
    )
    note = StringField(_l("Order number or note"), validators=[Optional(), length(max=200)])
