"""Public tracking: what an anonymous visitor may learn about an application
from its ID. Only the status, its history, the office, the service, the
due date and the applicant's name masked; never documents or contacts."""

import unicodedata

import peewee as pw
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from blueprints.applications import reasons, signing
from blueprints.applications.models import Application, ApplicationEvent
from blueprints.applications.statuses import OPEN_STATUSES, STATUS_LABELS
from blueprints.applications.workflow import clock_of
from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from core import clock

# The office's free-text remark is never shown here: only the reason it
# picked from the fixed list (applications.reasons), when it asked for
# documents or rejected.

# %(example)s is a real ID of this district (track.sms.example_id), so that
# the example itself passes the check letter.
SHAPE_MESSAGE = _l("That is not an application ID. It looks like %(example)s.")
CHECK_MESSAGE = _l("One character of this ID is mistyped; check it on the acknowledgement")
DISTRICT_MESSAGE = _l("This ID is of another district. Track it on that district's portal.")
UNKNOWN_MESSAGE = _l(
    "No application has this ID. Check it on the acknowledgement, or ask the CSC "
    "where it was filed."
)
RATE_MESSAGE = _l(
    "You have looked up many applications in a short time. Please wait a minute and try again."
)

VIRAMA = "\u094d"
JOINERS = frozenset("\u200c\u200d")


def first_letter(word: str) -> str:
    """The first letter of a word with its combining marks: for Devanagari the
    whole first akshara (a conjunct joined by a virama, with its vowel sign,
    nukta, anusvara or candrabindu), so that no half letter is shown."""
    end = 1
    while end < len(word):
        ch = word[end]
        joined = word[end - 1] == VIRAMA or word[end - 1] in JOINERS
        if unicodedata.category(ch).startswith("M") or ch in JOINERS or joined:
            end += 1
            continue
        break
    return word[:end]


def mask_name(name: str) -> str:
    """'राहुल पाटील' -> 'रा**** पा****'; 'Rahul Patil' -> 'R**** P****'. A
    fixed number of stars, so the mask does not tell the name's length."""
    return " ".join(first_letter(word) + "****" for word in (name or "").split())


def lookup(app_id: str):
    """The submitted application with this canonical ID, with its service and
    office, in one query; None if there is none."""
    return (
        Application.select(Application, Service, Office)
        .join(Service)
        .switch(Application)
        .join(Office, pw.JOIN.LEFT_OUTER, on=(Application.office == Office.id))
        .where((Application.app_id == app_id) & (Application.status != "draft"))
        .first()
    )


def timeline(app: Application) -> list[dict]:
    events = list(
        ApplicationEvent.select(
            ApplicationEvent.at, ApplicationEvent.to_status, ApplicationEvent.reason
        )
        .where(ApplicationEvent.application == app.id)
        .order_by(ApplicationEvent.at, ApplicationEvent.id)
    )
    rows = [
        {
            "at": e.at,
            "status": e.to_status,
            "label": STATUS_LABELS.get(e.to_status, e.to_status),
            "reason": reasons.label(e.reason),
        }
        for e in events
    ]
    if app.submitted_at and not any(r["status"] == "submitted" for r in rows):
        rows.insert(
            0,
            {
                "at": app.submitted_at,
                "status": "submitted",
                "label": STATUS_LABELS["submitted"],
                "reason": "",
            },
        )
    return rows


def applicant_name(app: Application) -> str:
    """The masked name in the script of the page: Devanagari for Hindi and
    Marathi readers when the application has it."""
    locale = get_locale()
    lang = locale.language if locale is not None else "en"
    if lang != "en" and app.applicant_name_local:
        return mask_name(app.applicant_name_local)
    return mask_name(app.applicant_name_en or app.applicant_name_local)


def summary(app: Application, signature: str | None) -> dict:
    """Everything the three forms of the page (HTML, text, JSON) show."""
    clock = clock_of(app)
    info = {
        "id": app.app_id,
        "status": app.status,
        "status_label": app.status_label,
        "service": app.service.name,
        "office": app.office.name if app.office_id else "",
        "applicant": applicant_name(app),
        "submitted_at": app.submitted_at,
        "due_date": app.due_date,
        "days_left": clock.days_left,
        # Past the due date, also when paused after it (the desk says
        # "clock paused" instead).
        "overdue": clock.past_due,
        "open": app.status in OPEN_STATUSES,
        "paused": clock.paused,
        # None: no signature given; True/False: the slip's QR said so.
        "genuine": None if signature is None else signing.verify(app.app_id, signature),
        "events": timeline(app),
        # The SMS on delivery gives it too: what the citizen shows for the
        # certificate.
        "certificate_no": app.certificate_no if app.status == "delivered" else "",
    }
    info["due_note"] = due_note(info)
    return info


def due_note(info: dict) -> str:
    """'3 days left', 'overdue by 2 days'... for an open application."""
    left = info["days_left"]
    if not info["open"] or left is None:
        return ""
    if info["paused"]:
        return _("the clock is paused while documents are awaited")
    if left < 0:
        return ngettext("overdue by %(num)d day", "overdue by %(num)d days", -left)
    if left == 0:
        return _("due today")
    return ngettext("%(num)d day left", "%(num)d days left", left)


def as_json(info: dict) -> dict:
    return {
        "id": info["id"],
        "status": info["status"],
        "status_label": str(info["status_label"]),
        "service": info["service"],
        "office": info["office"],
        "applicant": info["applicant"],
        "submitted_at": clock.to_ist(info["submitted_at"]).isoformat()
        if info["submitted_at"]
        else None,
        "due_date": info["due_date"].isoformat() if info["due_date"] else None,
        "days_left": info["days_left"],
        "overdue": info["overdue"],
        "genuine": info["genuine"],
        "certificate_no": info["certificate_no"] or None,
        "events": [
            {
                "at": clock.to_ist(e["at"]).isoformat(),
                "status": e["status"],
                "status_label": str(e["label"]),
                "reason": str(e["reason"]),
            }
            for e in info["events"]
        ],
    }
