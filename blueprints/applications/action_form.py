"""The one form behind every office action on an application (workflow.transition,
posted to desk.act, shown on the application page): which action, a remark, and the
certificate number when the service is delivered."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField

from core.forms import Optional, Regexp, length, required

REMARK_MAX = 500
CERTIFICATE_MAX = 60


class ActionForm(FlaskForm):
    action = HiddenField(validators=[required(), length(max=20)])
    remark = TextAreaField(
        _l("Remark"),
        validators=[Optional(), length(max=REMARK_MAX)],
        filters=[lambda value: value.strip() if value else value],
    )
    certificate_no = StringField(
        _l("Certificate number"),
        validators=[
            Optional(),
            length(max=CERTIFICATE_MAX),
            Regexp(
                r"^[A-Za-z0-9/-]+$",
                message=_l("Use letters, digits, “-” and “/” only, as printed on the certificate."),
            ),
        ],
        filters=[lambda value: value.strip() if value else value],
    )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.action.data == "deliver" and not self.certificate_no.data:
            if not self.certificate_no.errors:
                self.certificate_no.errors.append(
                    _l("Write the number of the certificate given to the applicant.")
                )
            ok = False
        return ok
