from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField

from core.forms import Regexp, length, required

DEVANAGARI = Regexp(
    r"^[\u0900-\u097F\u200c\u200d\s.,()'-]+$",
    message=_l("Write the local name in Devanagari."),
)


class MasterNameForm(FlaskForm):
    name_en = StringField(_l("Name in English"), validators=[required(), length(max=120)])
    name_local = StringField(
        _l("Name in Devanagari"), validators=[required(), length(max=120), DEVANAGARI]
    )
