"""Filing at the counter: a draft kept on the server at every step (a dropped
link loses nothing), then one submission that happens exactly once."""

import datetime as dt
import json
import secrets

import peewee as pw
from flask import current_app
from flask_babel import gettext as _

from blueprints.applications import ids
from blueprints.applications.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    LedgerLine,
)
from blueprints.applications.statuses import OPEN_STATUSES
from blueprints.catalogue.models import Service
from blueprints.masters.models import District, GramPanchayat, Office, Village
from core import clock
from core.db import is_postgres, write_transaction
from core.ids import same_secret
from core.workdays import add_working_days

STEPS = ("applicant", "details", "documents", "fees", "review")


def due_date_for(service, start: dt.date) -> dt.date:
    """The due date of an application of `service` submitted on `start` (IST):
    its service level in calendar days, or in working days when the service
    says so (core.workdays)."""
    if getattr(service, "working_days", False):
        return add_working_days(start, service.sla_days)
    return start + dt.timedelta(days=service.sla_days)


class FilingError(ValueError):
    """Something the operator must fix before submitting (translated)."""

    def __init__(self, message, step=None):
        super().__init__(message)
        self.step = step


def require_active_csc(csc) -> None:
    """A suspended, closed or merely proposed centre files nothing."""
    if csc.status != "active":
        raise FilingError(
            _(
                "This CSC is “%(status)s”: new applications cannot be filed.",
                status=csc.status_label,
            )
        )


def start_draft(operator, service: Service, language: str) -> Application:
    csc = operator.csc
    require_active_csc(csc)
    return Application.create(
        service=service,
        csc=csc,
        operator=operator,
        gram_panchayat=csc.gram_panchayat_id,
        language=language if language in ("hi", "mr", "en") else "hi",
        govt_fee=service.govt_fee,
        user_charge=service.user_charge,
        submit_token=secrets.token_hex(16),
    )


def villages_near(application: Application) -> list:
    """The villages of the block of the application's CSC, with their gram
    panchayats: where an applicant at this counter lives."""
    return list(
        Village.select(Village, GramPanchayat)
        .join(GramPanchayat)
        .where(GramPanchayat.block == application.gram_panchayat.block_id)
    )


def home_village(csc, villages) -> int | None:
    """The village to offer first: the CSC's own, else the only village of
    its gram panchayat."""
    if csc.village_id:
        return csc.village_id
    own = [v.id for v in villages if v.gram_panchayat_id == csc.gram_panchayat_id]
    return own[0] if len(own) == 1 else None


def save_step(application: Application, step: str, **fields) -> None:
    """Store a step's answers on the draft and remember how far it got."""
    if application.status != "draft":
        raise FilingError(_("This application was already submitted; it cannot be changed."))
    reached = max(STEPS.index(application.step), STEPS.index(step) + 1)
    fields["step"] = STEPS[min(reached, len(STEPS) - 1)]
    fields["updated_at"] = clock.now()
    Application.update(**fields).where(
        (Application.id == application.id) & (Application.status == "draft")
    ).execute()
    for key, value in fields.items():
        setattr(application, key, value)


def missing_documents(application: Application) -> list[dict]:
    have = {
        d.doc_key
        for d in ApplicationDocument.select(ApplicationDocument.doc_key).where(
            ApplicationDocument.application == application.id
        )
    }
    return [d for d in application.service.documents if d.get("required") and d["key"] not in have]


def problems(application: Application) -> list[FilingError]:
    """What still stops the draft from being submitted, step by step."""
    found = []
    if not (
        application.applicant_name_local
        and application.applicant_name_en
        and application.mobile
        and application.village_id
    ):
        found.append(FilingError(_("The applicant's details are not complete."), "applicant"))
    required = [f["key"] for f in application.service.fields if f.get("required")]
    if any(application.extra.get(key) in (None, "") for key in required):
        found.append(FilingError(_("The service's own questions are not all answered."), "details"))
    if missing_documents(application):
        found.append(FilingError(_("Some required documents are not uploaded."), "documents"))
    if not application.fee_collected:
        found.append(FilingError(_("Confirm that the fee was collected."), "fees"))
    return found


def open_repeats(application: Application) -> list[Application]:
    """The CSC's open applications for the same service by the same applicant
    (the same mobile, and the same name in English or in Devanagari) other
    than this one: most likely a repeat, which the operator is warned of."""
    if not application.mobile:
        return []
    same_name = pw.fn.LOWER(Application.applicant_name_en) == (
        application.applicant_name_en.strip().lower()
    )
    if application.applicant_name_local:
        same_name |= Application.applicant_name_local == application.applicant_name_local.strip()
    return list(
        Application.select(
            Application.id, Application.app_id, Application.status, Application.submitted_at
        )
        .where(
            (Application.csc == application.csc_id)
            & (Application.service == application.service_id)
            & Application.status.in_(OPEN_STATUSES)
            & (Application.mobile == application.mobile)
            & (Application.id != application.id)
            & same_name
        )
        .order_by(Application.submitted_at.desc())
        .limit(10)
    )


def disposing_office(service: Service, application: Application) -> Office:
    gp = application.gram_panchayat
    if service.disposing_level == "block":
        office = Office.get_or_none((Office.kind == "block_office") & (Office.block == gp.block_id))
    elif service.disposing_level == "tehsil":
        office = Office.get_or_none(
            (Office.kind == "tehsil_office") & (Office.tehsil == gp.block.tehsil_id)
        )
    else:
        office = None
    return office or service.department


def split_user_charge(amount: int, service: Service) -> dict:
    """Paise for each party; the society takes the rounding remainder so the
    parts always add up to the charge."""
    csc = amount * service.split_csc // 100
    gp = amount * service.split_gp // 100
    return {"csc": csc, "gp": gp, "society": amount - csc - gp}


def submit(app_pk: int, token: str, operator) -> tuple[Application, bool]:
    """Submit a draft exactly once. Returns (application, newly_submitted).
    A second press, a browser retry or a concurrent post with the same token
    returns the same application and writes nothing more."""
    from blueprints.applications.notices import on_event

    with write_transaction():
        query = Application.select().where(Application.id == app_pk)
        if is_postgres():
            query = query.for_update()  # SQLite: the IMMEDIATE lock already serialises
        application = query.get()
        if application.status != "draft":
            if same_secret(application.submit_token, token):
                return application, False
            raise FilingError(_("This application was already submitted."))
        if not same_secret(application.submit_token, token):
            raise FilingError(
                _("This page is out of date. Check the review page and submit again.")
            )
        require_active_csc(application.csc)
        issues = problems(application)
        if issues:
            raise issues[0]
        now = clock.now()
        today = clock.today_ist(now)
        service = application.service
        district = District.select(District.code).scalar() or "ZZZ"
        app_id = ids.new_id(
            district,
            today.year,
            current_app.config["SECRET_KEY"].encode(),
            taken=lambda candidate: (
                Application.select().where(Application.app_id == candidate).exists()
            ),
        )
        office = disposing_office(service, application)
        changed = (
            Application.update(
                status="submitted",
                app_id=app_id,
                office=office,
                submitted_at=now,
                updated_at=now,
                due_date=due_date_for(service, today),
                govt_fee=service.govt_fee,
                user_charge=service.user_charge,
                step="review",
            )
            .where((Application.id == application.id) & (Application.status == "draft"))
            .execute()
        )
        if changed != 1:  # pragma: no cover - the row lock makes this unreachable
            raise FilingError(_("This application was already submitted."))
        event = ApplicationEvent.create(
            application=application.id,
            at=now,
            actor=operator.id,
            from_status="draft",
            to_status="submitted",
            remark="",
        )
        lines = [{"party": "govt", "amount": service.govt_fee}] + [
            {"party": party, "amount": amount}
            for party, amount in split_user_charge(service.user_charge, service).items()
        ]
        LedgerLine.insert_many(
            [
                {
                    **line,
                    "application": application.id,
                    "csc": application.csc_id,
                    "gram_panchayat": application.gram_panchayat_id,
                    "at": now,
                }
                for line in lines
                if line["amount"]
            ]
        ).on_conflict_ignore().execute()
    on_event(event.id)
    return Application.get_by_id(application.id), True


def store_document(application: Application, doc_key: str, original_name, stored) -> list[str]:
    """Keep an upload as the draft's document `doc_key`, in place of any
    earlier one. Returns the files of the documents it replaced, for the
    caller to remove once this has committed."""
    with write_transaction():
        earlier = ApplicationDocument.select(ApplicationDocument.stored_name).where(
            (ApplicationDocument.application == application.id)
            & (ApplicationDocument.doc_key == doc_key)
        )
        replaced = [name for (name,) in earlier.tuples()]
        ApplicationDocument.delete().where(
            (ApplicationDocument.application == application.id)
            & (ApplicationDocument.doc_key == doc_key)
        ).execute()
        ApplicationDocument.create(
            application=application.id,
            doc_key=doc_key,
            original_name=(original_name or "")[:200],
            mimetype=stored.mimetype,
            size=stored.size,
            stored_name=stored.stored_name,
            sha256=stored.sha256,
        )
        if application.status == "draft":
            save_step(application, "documents")
    return replaced


def discard_draft(application: Application) -> list[str]:
    """Delete a draft and its documents' rows. Returns their files, for the
    caller to remove once this has committed; nothing of an application
    submitted meanwhile is touched."""
    with write_transaction():
        draft = Application.select(Application.id).where(
            (Application.id == application.id) & (Application.status == "draft")
        )
        documents = ApplicationDocument.select(ApplicationDocument.stored_name).where(
            ApplicationDocument.application.in_(draft)
        )
        names = [name for (name,) in documents.tuples()]
        ApplicationDocument.delete().where(ApplicationDocument.application.in_(draft)).execute()
        Application.delete().where(
            (Application.id == application.id) & (Application.status == "draft")
        ).execute()
    return names


def store_details(application: Application, values: dict) -> None:
    save_step(application, "details", extra_json=json.dumps(values, ensure_ascii=False))
