"""Filing at the counter, the acknowledgement and the application page."""

from collections import Counter

from flask import abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from blueprints.applications import bp, filing, history, listing, reasons, uploads
from blueprints.applications.ack import ack_context, ack_pdf
from blueprints.applications.action_form import ActionForm
from blueprints.applications.forms import (
    ApplicantForm,
    DocumentForm,
    FeesForm,
    ServiceChoiceForm,
    SubmitForm,
    date_of_birth_hint,
)
from blueprints.applications.models import Application, ApplicationDocument, ApplicationEvent
from blueprints.applications.scope import visible_applications
from blueprints.applications.search import cleaned
from blueprints.applications.statuses import STATUS_LABELS, UPLOAD_STATUSES
from blueprints.applications.workflow import (
    TransitionError,
    allowed_actions,
    asked_for_documents,
    clock_of,
    documents_since_asked,
    transition,
)
from blueprints.catalogue.models import Service, label
from core import audit, storage
from core.access import STAFF_ROLES, get_scoped_or_404, requires
from core.i18n import shown_order, sorted_as_shown
from core.paging import Cursor
from core.render import render
from core.security import error_page, too_large_handler

OPERATOR = "csc_operator"

reasons.register_template_helpers(bp)


def _application(pk) -> Application:
    return get_scoped_or_404(visible_applications(current_user), pk)


def _draft(pk) -> Application:
    application = _application(pk)
    if application.status != "draft":
        abort(redirect(url_for("applications.detail", pk=application.id), 303))
    return application


def _step_page(template, application, step, form, status=200, summary=(), **extra):
    """A filing step; after a refusal its error summary lists the form's
    errors and those in `summary`, (field id or None, message) pairs."""
    return render(
        template,
        f"applications/_{step}_form.html",
        application=application,
        step=step,
        steps=filing.STEPS,
        form=form,
        status=status,
        summary=summary,
        **extra,
    )


def _status_for(form) -> int:
    return 400 if form.errors else 200


@bp.route("/")
@requires(OPERATOR)
def index():
    search = cleaned(request.args.get("q"))
    status = request.args.get("status", "")
    if status not in listing.LISTED_STATUSES:
        status = ""
    after = Cursor.parse(request.args.get("after"))
    before = None if after else Cursor.parse(request.args.get("before"))
    paged = after is not None or before is not None
    # The work waiting on the counter heads the first page of the whole list.
    first_page = not (search or status or paged)
    args = {k: v for k, v in {"q": search, "status": status}.items() if v}
    return render(
        "applications/index.html",
        drafts=listing.drafts(current_user) if first_page else [],
        sent_back=listing.sent_back(current_user) if first_page else [],
        sent_back_shown=listing.SENT_BACK_SHOWN,
        page=listing.page(current_user, search=search, status=status, after=after, before=before),
        search=search,
        status_filter=status,
        statuses=listing.LISTED_STATUSES,
        first_page=first_page,
        paged=paged,
        args=args,
    )


@bp.route("/new", methods=["GET", "POST"])
@requires(OPERATOR)
def new():
    form = ServiceChoiceForm()
    services = sorted_as_shown(Service.select().where(Service.active == True))  # noqa: E712
    form.service.choices = [SelectChoice(str(s.id), s.name) for s in services]
    if request.method == "GET":
        form.language.data = request.args.get("lang") or _page_lang()
    try:
        filing.require_active_csc(current_user.csc)
    except filing.FilingError as err:
        return error_page(403, str(err))
    if form.validate_on_submit():
        service = Service.get_by_id(int(form.service.data))
        application = filing.start_draft(current_user, service, form.language.data)
        return redirect(url_for("applications.applicant", pk=application.id), 303)
    return render("applications/new.html", form=form, services=services, status=_status_for(form))


def _page_lang():
    from core.i18n import current_language

    return current_language()


def _village_choices(villages):
    """The block's villages grouped by gram panchayat (an <optgroup>, which
    lynx shows too), in the order of the names shown; a name that occurs
    twice says its gram panchayat, or its code within the same one."""
    villages = sorted(
        villages, key=lambda v: (shown_order(v.gram_panchayat.name), shown_order(v.name), v.id)
    )
    seen = Counter(v.name for v in villages)
    twice_in_gp = Counter((v.gram_panchayat_id, v.name) for v in villages)

    def shown(v):
        if seen[v.name] == 1:
            return v.name
        if twice_in_gp[(v.gram_panchayat_id, v.name)] == 1:
            return f"{v.name} ({v.gram_panchayat.name})"
        return f"{v.name} ({v.code})"

    return [SelectChoice("", "—")] + [
        SelectChoice(str(v.id), shown(v), optgroup=v.gram_panchayat.name) for v in villages
    ]


@bp.route("/<int:pk>/applicant", methods=["GET", "POST"])
@requires(OPERATOR)
def applicant(pk):
    application = _draft(pk)
    form = ApplicantForm(
        data=None
        if request.method == "POST"
        else {
            "applicant_name_local": application.applicant_name_local,
            "applicant_name_en": application.applicant_name_en,
            "relation_name": application.relation_name,
            "gender": application.gender,
            "date_of_birth": application.date_of_birth,
            "mobile": application.mobile,
            "email": application.email,
            "village": str(application.village_id or ""),
            "address": application.address,
        }
    )
    villages = filing.villages_near(application)
    form.village.choices = _village_choices(villages)
    if request.method == "GET" and not application.village_id:
        form.village.data = str(filing.home_village(application.csc, villages) or "")
    if form.validate_on_submit():
        fields = {
            "applicant_name_local": form.applicant_name_local.data.strip(),
            "applicant_name_en": form.applicant_name_en.data.strip(),
            "relation_name": form.relation_name.data.strip(),
            "gender": form.gender.data,
            "date_of_birth": form.date_of_birth.data,
            "mobile": form.mobile.data,
            "email": form.email.data.strip(),
            "village": int(form.village.data),
            "address": form.address.data.strip(),
        }
        if form.aadhaar.data:
            from blueprints.applications.aadhaar import mask

            fields["aadhaar_masked"] = mask(form.aadhaar.data)
        filing.save_step(application, "applicant", **fields)
        return redirect(url_for("applications.details", pk=application.id), 303)
    return _step_page(
        "applications/step.html",
        application,
        "applicant",
        form,
        _status_for(form),
        dob_hint=date_of_birth_hint(),
    )


@bp.route("/<int:pk>/details", methods=["GET", "POST"])
@requires(OPERATOR)
def details(pk):
    from blueprints.catalogue.fields import clean_details, make_details_form

    application = _draft(pk)
    if not application.service.fields:
        if request.method == "POST" or application.step == "details":
            filing.store_details(application, {})
        return redirect(url_for("applications.documents", pk=application.id), 303)
    form = make_details_form(
        application.service,
        formdata=None if request.method == "GET" else request.form,
        data=application.extra,
    )
    if request.method == "POST" and form.validate():
        filing.store_details(application, clean_details(form, application.service))
        return redirect(url_for("applications.documents", pk=application.id), 303)
    return _step_page("applications/step.html", application, "details", form, _status_for(form))


def _documents_page(application, form, status=200, error_key=None, error=None):
    """The documents step of a draft, or the page where the documents the
    office asked for are uploaded and the application is sent back."""
    have = {
        d.doc_key: d
        for d in ApplicationDocument.select().where(
            ApplicationDocument.application == application.id
        )
    }
    sent_back = application.status != "draft"
    return _step_page(
        "applications/step.html",
        application,
        "documents",
        form,
        status,
        summary=[(f"file-{error_key}" if error_key else None, error)] if error else (),
        have=have,
        error_key=error_key,
        error=error,
        asked=asked_for_documents(application) if sent_back else None,
        new_since_asked=documents_since_asked(application) if sent_back else [],
        resubmit_form=SubmitForm(formdata=None, data={"token": application.submit_token}),
    )


@bp.route("/<int:pk>/documents", methods=["GET", "POST"])
@requires(OPERATOR)
def documents(pk):
    application = _application(pk)
    if application.status not in UPLOAD_STATUSES:
        return redirect(url_for("applications.detail", pk=application.id), 303)
    form = DocumentForm()
    if request.method == "GET":
        return _documents_page(application, form)
    keys = {d["key"] for d in application.service.documents}
    if not form.validate_on_submit() or form.doc_key.data not in keys:
        return _documents_page(application, form, 400)
    upload = request.files.get("file")
    try:
        stored = uploads.accept(upload.read() if upload else b"")
    except uploads.UploadError as err:
        return _documents_page(application, form, 400, form.doc_key.data, str(err))
    try:
        replaced = filing.store_document(application, form.doc_key.data, upload.filename, stored)
    except BaseException:
        storage.remove_unreferenced("uploads", [stored.stored_name])
        raise
    storage.remove_unreferenced("uploads", replaced)
    flash(_("Document saved."), "ok")
    return redirect(url_for("applications.documents", pk=application.id), 303)


@too_large_handler("applications.documents")
def documents_too_large():
    """A body over the size limit is refused before it is read: answer on the
    same page, beside the file fields, in the user's language."""
    application = _application(request.view_args.get("pk"))
    message = _("This file is larger than %(mb)s MB. Scan at a lower resolution.", mb=5)
    return _documents_page(application, DocumentForm(formdata=None), 413, None, message)


@bp.route("/<int:pk>/fees", methods=["GET", "POST"])
@requires(OPERATOR)
def fees(pk):
    application = _draft(pk)
    if (
        filing.missing_documents(application)
        and request.method == "GET"
        and application.step == "documents"
    ):
        flash(_("Some required documents are not uploaded."), "warn")
    form = FeesForm(
        data=None if request.method == "POST" else {"fee_collected": application.fee_collected}
    )
    if form.validate_on_submit():
        filing.save_step(application, "fees", fee_collected=True)
        return redirect(url_for("applications.review", pk=application.id), 303)
    return _step_page("applications/step.html", application, "fees", form, _status_for(form))


@bp.route("/<int:pk>/review")
@requires(OPERATOR)
def review(pk):
    application = _draft(pk)
    form = SubmitForm(data={"token": application.submit_token})
    return _review_page(application, form)


def _review_page(application, form, status=200, error=None):
    from blueprints.catalogue.fields import describe_details

    return _step_page(
        "applications/step.html",
        application,
        "review",
        form,
        status,
        summary=[(None, error)] if error else (),
        problems=filing.problems(application),
        repeats=filing.open_repeats(application),
        answers=describe_details(application.service, application.extra, _page_lang()),
        docs=list(
            ApplicationDocument.select().where(ApplicationDocument.application == application.id)
        ),
        error=error,
    )


@bp.route("/<int:pk>/submit", methods=["POST"])
@requires(OPERATOR)
def submit(pk):
    application = _application(pk)
    form = SubmitForm()
    if not form.validate_on_submit():
        return _review_page(application, form, 400)
    if (
        application.status == "draft"
        and not form.repeat_confirmed.data
        and filing.open_repeats(application)
    ):
        form.repeat_confirmed.errors.append(
            _(
                "This applicant already has an open application for this service. "
                "Tick the box if this one is not a repeat."
            )
        )
        return _review_page(application, form, 400)
    try:
        application, new = filing.submit(application.id, form.token.data, current_user)
    except filing.FilingError as err:
        if application.status != "draft":
            return redirect(url_for("applications.detail", pk=application.id), 303)
        return _review_page(Application.get_by_id(application.id), form, 400, str(err))
    if new:
        flash(
            _("Application %(id)s submitted. Print the acknowledgement.", id=application.app_id),
            "ok",
        )
    return redirect(url_for("applications.detail", pk=application.id), 303)


@bp.route("/<int:pk>/discard", methods=["POST"])
@requires(OPERATOR)
def discard(pk):
    application = _draft(pk)
    if SubmitForm().validate_on_submit():
        storage.remove_unreferenced("uploads", filing.discard_draft(application))
        flash(_("The draft was deleted."), "ok")
    return redirect(url_for("applications.index"), 303)


@bp.route("/<int:pk>")
@requires(*STAFF_ROLES)
def detail(pk):
    application = _application(pk)
    if application.status == "draft":
        return redirect(url_for(f"applications.{application.step}", pk=application.id), 303)
    events = list(
        ApplicationEvent.select()
        .where(ApplicationEvent.application == application.id)
        .order_by(ApplicationEvent.id)
    )
    audit.record("application.viewed", "application", application.id)
    return render(
        "applications/detail.html",
        application=application,
        events=events,
        actors=history.actors_of(events),
        docs=list(
            ApplicationDocument.select().where(ApplicationDocument.application == application.id)
        ),
        clock=clock_of(application),
        actions=allowed_actions(application, current_user),
        action_form=ActionForm(formdata=None),
        resubmit_form=SubmitForm(formdata=None, data={"token": application.submit_token}),
        statuses=STATUS_LABELS,
        doc_labels={d["key"]: label(d) for d in application.service.documents},
    )


@bp.route("/<int:pk>/resubmit", methods=["POST"])
@requires(OPERATOR)
def resubmit(pk):
    application = _application(pk)
    if not SubmitForm().validate_on_submit():
        abort(400)
    try:
        transition(application.id, "resubmit", current_user, _("Documents resubmitted by the CSC."))
    except TransitionError as err:
        # Nothing changed: back on the page where the documents are uploaded,
        # with why, or on the application's page once it is not waiting.
        application = _application(pk)
        if application.status not in UPLOAD_STATUSES:
            flash(str(err), "error")
            return redirect(url_for("applications.detail", pk=application.id), 303)
        return _documents_page(application, DocumentForm(formdata=None), 400, error=str(err))
    flash(_("Sent back to the office with the documents."), "ok")
    return redirect(url_for("applications.detail", pk=application.id), 303)


@bp.route("/<int:pk>/documents/<int:doc_id>")
@requires(*STAFF_ROLES)
def document(pk, doc_id):
    application = _application(pk)
    doc = ApplicationDocument.get_or_none(
        (ApplicationDocument.id == doc_id) & (ApplicationDocument.application == application.id)
    )
    if doc is None:
        abort(404)
    audit.record("document.viewed", "application", application.id, document=doc.id)
    response = send_file(
        storage.path_in("uploads", doc.stored_name), mimetype=doc.mimetype, max_age=0
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/<int:pk>/acknowledgement")
@requires(*STAFF_ROLES)
def ack(pk):
    application = _application(pk)
    if application.status == "draft":
        abort(404)
    return render("applications/ack.html", **ack_context(application))


@bp.route("/<int:pk>/acknowledgement.pdf")
@requires(*STAFF_ROLES)
def ack_pdf_view(pk):
    application = _application(pk)
    if application.status == "draft":
        abort(404)
    size = request.args.get("size", "a4")
    if size not in ("a4", "roll"):
        size = "a4"
    return ack_pdf(application, size)
