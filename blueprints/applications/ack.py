"""The acknowledgement (पावती): the applicant's language beside English, a QR
code that opens the tracking page with a signature, A4 or 80 mm roll (one
piece, as long as its content). It names the district, and where to ask:
the disposing office's address and phone, the CSC's code, name and phone,
and the district's SMS number when one is set."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from blueprints.applications.models import ApplicationDocument
from blueprints.applications.signing import sign
from blueprints.catalogue.models import label
from blueprints.masters.models import District
from core.auth import qr_svg
from core.links import public_url
from core.pdf import pdf_response, roll_pdf_response

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
    "phone": _l("Phone"),
    "track": _l("Scan the code to see the status, or open"),
    "keep": _l("Keep this slip until the service is delivered."),
}
# Labels with a value in them: formatted in each language.
GOVERNMENT = _l("Government of %(state)s")
DISTRICT = _l("%(district)s district")
SMS = _l("Or send this SMS to %(number)s:")


def labels_for(lang: str) -> dict:
    """Each label as (local, English); local is None for English slips."""
    with force_locale("en"):
        english = {k: str(v) for k, v in LABELS.items()}
    if lang == "en":
        return {k: (None, english[k]) for k in LABELS}
    with force_locale(lang):
        return {k: (str(v), english[k]) for k, v in LABELS.items()}


def pair_for(lang: str, message, **values) -> tuple:
    """A label with values as (local, English), like labels_for; a value is
    a (local, English) pair or one text for both."""

    def pick(value, i):
        if isinstance(value, tuple):
            return value[i] or value[1]
        return value

    with force_locale("en"):
        english = str(message) % {k: pick(v, 1) for k, v in values.items()}
    if lang == "en":
        return (None, english)
    with force_locale(lang):
        return (str(message) % {k: pick(v, 0) for k, v in values.items()}, english)


def _local(lang, local, english) -> tuple:
    return (local if lang != "en" else None, english)


def ack_context(application) -> dict:
    from blueprints.catalogue.fields import describe_details

    track_url = public_url("track.status", app_id=application.app_id, s=sign(application.app_id))
    docs = list(
        ApplicationDocument.select().where(ApplicationDocument.application == application.id)
    )
    doc_defs = {d["key"]: d for d in application.service.documents}
    lang = application.language
    district = District.select().first()
    office, csc = application.office, application.csc
    sms_number = current_app.config.get("SMS_INBOUND_NUMBER", "")
    return {
        "application": application,
        "L": labels_for(lang),
        "lang_local": lang,
        "government": pair_for(lang, GOVERNMENT, state=(district.state_local, district.state_en))
        if district
        else None,
        "district_names": pair_for(lang, DISTRICT, district=(district.name_local, district.name_en))
        if district
        else None,
        "office_address": _local(lang, office.address_local, office.address_en)
        if office.address_en or office.address_local
        else None,
        "office_phone": office.phone or "",
        "csc_code": csc.code,
        "csc_phone": csc.operator_mobile or "",
        "sms": pair_for(lang, SMS, number=sms_number) if sms_number else None,
        "service_names": (
            application.service.name_in(lang) if lang != "en" else None,
            application.service.name_en,
        ),
        "office_names": _local(lang, office.name_local, office.name_en),
        "csc_names": _local(lang, csc.name_local, csc.name_en),
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
    respond = roll_pdf_response if size == "roll" else pdf_response
    return respond(
        "pdf/applications/ack.html",
        f"{application.app_id}-{size}.pdf",
        size=size,
        **ack_context(application),
    )
