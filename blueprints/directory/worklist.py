"""The directory's line of the home worklist (blueprints/home/lines.py, core/worklist.py) for
an office's head and users: the office's directory entries not yet
confirmed this quarter (services.unconfirmed_offices, the list the weekly
reminder reads), a link to the office's directory page, where the head
confirms them. One query."""

from flask import url_for
from flask_babel import gettext as _

from blueprints.directory.services import quarter_of, unconfirmed_offices
from blueprints.masters.models import Office
from core.worklist import Line


def lines(user) -> list[Line]:
    if user.role not in ("office_head", "office_user") or not user.office_id:
        return []
    quarter = quarter_of()
    if not unconfirmed_offices(quarter).where(Office.id == user.office_id).exists():
        return []
    if user.role == "office_head":
        text = _("Confirm your office's directory entries for %(q)s", q=quarter)
    else:
        text = _("Your office's directory entries are not yet confirmed for %(q)s", q=quarter)
    return [Line(text, url_for("directory.office", office_id=user.office_id), 1)]
