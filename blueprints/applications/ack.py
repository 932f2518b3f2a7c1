"""The acknowledgement (पावती): the applicant's language beside English, a QR
code that opens the tracking page with a signature, A4 or 80 mm roll."""

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from blueprints.applications.models import ApplicationDocument
from blueprints.applications.signing import sign
from blueprints.catalogue.models import label
from core.auth import qr_svg
from core.links import public_url
from core.pdf import pdf_response

LABELS = {
    "title": _l("Acknowledgement"),
    "app_id": _l("Application ID"),
    "service": _l("Service"),
    "office": _l("Office"),
    "submitted": _l("Submitted on"),
    "applicant": _l("Applicant"),
    "relation": _l("Father's, mother's or husband's name"),
    "mobile": _l("Mobile"),
    "aadhaar": _l("Aadhaar"),
    "fees": _l("Fees paid"),
    "govt_fee": _l("Government fee"),
    "user_charge": _l("CSC user charge"),
    "total": _l("Total"),
    "documents": _l("Documents received"),
    "due": _l("Service to be delivered by"),
    "ask": _l("Where to ask"),
    "csc": _l("CSC"),
    "track": _l("Scan the code to see the status, or open"),
    "sms": _l("Or send this SMS to the district:"),
    "keep": _l("Keep this slip until the service is delivered."),
}


def labels_for(lang: str) -> dict:
    """Each label as (local, English); local is None for English slips."""
    with force_locale("en"):
        english = {k: str(v) for k, v in LABELS.items()}
    if lang == "en":
        return {k: (None, english[k]) for k in LABELS}
    with force_locale(lang):
        return {k: (str(v), english[k]) for k, v in LABELS.items()}


def ack_context(application) -> dict:
    from blueprints.catalogue.fields import describe_details

    track_url = public_url("track.status", app_id=application.app_id, s=sign(application.app_id))
    docs = list(
        ApplicationDocument.select().where(ApplicationDocument.application == application.id)
    )
    doc_defs = {d["key"]: d for d in application.service.documents}
    lang = application.language
    return {
        "application": application,
        "L": labels_for(lang),
        "lang_local": lang,
        "service_names": (
            application.service.name_in(lang) if lang != "en" else None,
            application.service.name_en,
        ),
        "office_names": (
            application.office.name_local if lang != "en" else None,
            application.office.name_en,
        ),
        "csc_names": (
            application.csc.name_local if lang != "en" else None,
            application.csc.name_en,
        ),
        "doc_names": [
            (
                label(doc_defs.get(d.doc_key, {"key": d.doc_key}), lang),
                label(doc_defs.get(d.doc_key, {"key": d.doc_key}), "en"),
            )
            for d in docs
        ],
        "answers": describe_details(application.service, application.extra, lang),
        "track_url": track_url,
        "qr": qr_svg(track_url),
    }


def ack_pdf(application, size: str):
    return pdf_response(
        "pdf/applications/ack.html",
        f"{application.app_id}-{size}.pdf",
        size=size,
        **ack_context(application),
    )
