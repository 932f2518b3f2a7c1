"""Inbound SMS: a citizen without internet texts "STATUS <ID>" to the
district's number; the gateway posts it to /sms/inbound and we answer by SMS.

Replies about an application are in the application's language; replies
that cannot know it (a bad ID, an unknown command) in SMS_REPLY_LOCALE, the
district's language unless set."""

import re

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.applications import ids
from blueprints.applications.models import Application
from blueprints.applications.notices import status_reply
from blueprints.catalogue.models import Service
from core import clock

COMMAND = re.compile(r"^\s*STATUS(?:\s+(?P<arg>.*))?$", re.IGNORECASE | re.DOTALL)


def normalise_mobile(raw: str) -> str:
    """'+91 98123 45678', '919812345678', '09812345678' -> '9812345678'."""
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) == 12 and digits.startswith("91"):
        return digits[2:]
    if len(digits) == 11 and digits.startswith("0"):
        return digits[1:]
    return digits


def example_id() -> str:
    return ids.format_id(current_app.config["DISTRICT_CODE"], clock.now().year, 4213)


def _reply_locale() -> str:
    return current_app.config.get("SMS_REPLY_LOCALE") or current_app.config["DEFAULT_LOCALE"]


def reply_to(text: str) -> str:
    """The answer to one inbound message."""
    match = COMMAND.match(text or "")
    arg = (match.group("arg") or "").strip() if match else ""
    with force_locale(_reply_locale()):
        if not match or not arg:
            return _(
                "To know the status of an application, send: STATUS %(example)s",
                example=example_id(),
            )
        try:
            app_id = ids.parse_id(arg, district=current_app.config["DISTRICT_CODE"])
        except ids.BadId as err:
            if err.reason == "check":
                return _(
                    "One character of the ID %(id)s is mistyped. Check it on the "
                    "acknowledgement and send again.",
                    id=arg.upper()[:20],
                )
            if err.reason == "district":
                return _("The ID %(id)s is of another district.", id=arg.upper()[:20])
            return _(
                "That is not an application ID. Send: STATUS %(example)s",
                example=example_id(),
            )
        app = (
            Application.select(Application, Service)
            .join(Service)
            .where((Application.app_id == app_id) & (Application.status != "draft"))
            .first()
        )
        if app is None:
            return _(
                "No application has the ID %(id)s. Check it on the acknowledgement.",
                id=app_id,
            )
    return status_reply(app)
