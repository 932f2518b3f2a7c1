"""The one form behind every office action on an application (workflow.transition,
posted to desk.act, shown on the application page): which action, a remark, the
reason the applicant reads on public tracking (asking for documents, rejecting),
and the certificate number when the service is delivered."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField

from blueprints.applications import reasons
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
    # A select per action in the page; which list applies depends on the
    # action, so the choice is checked in validate().
    reason = StringField(
        _l("Reason shown to the applicant"), validators=[Optional(), length(max=24)]
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
        choices = reasons.BY_ACTION.get(self.action.data, {})
        if self.reason.data and self.reason.data not in choices:
            self.reason.errors = [*self.reason.errors, _l("Choose one of the options in the list.")]
            ok = False
        if self.action.data == "deliver" and not self.certificate_no.data:
            if not self.certificate_no.errors:
                self.certificate_no.errors.append(
                    _l("Write the number of the certificate given to the applicant.")
                )
            ok = False
        return ok
