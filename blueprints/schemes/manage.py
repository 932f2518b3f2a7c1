"""Editing schemes: the department's list, a new scheme, one language's
text, the details and eligibility rules, the photos, the preview, submitting
and the head's decision. A scheme of another office answers 404."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from blueprints.schemes import bp
from blueprints.schemes import services as svc
from blueprints.schemes.forms import DetailsForm, NewSchemeForm, PhotoForm, RemarkForm, TextForm
from blueprints.schemes.models import GROUPS, LANGS, SECTIONS, VERSION_STATES, Scheme, SchemeVersion
from blueprints.schemes.views import scheme_context
from core.access import get_scoped_or_404, requires
from core.i18n import LANGUAGE_NAMES, current_language
from core.render import render
from core.security import too_large_handler

EDITORS = svc.EDITOR_ROLES
APPROVERS = ("office_head", "admin")


def _scheme(scheme_pk) -> Scheme:
    return get_scoped_or_404(svc.editable_schemes(current_user), scheme_pk)


def _working(scheme):
    """The version an editor sees: the open one, else the published one."""
    return svc.open_version(scheme.id) or svc.published_version(scheme.id)


def _status(form) -> int:
    return 400 if form.errors else 200


@bp.route("/manage")
@requires(*EDITORS)
def manage():
    schemes = list(svc.editable_schemes(current_user).order_by(Scheme.title_en, Scheme.id))
    states = {}
    if schemes:
        for v in SchemeVersion.select(SchemeVersion.scheme, SchemeVersion.state).where(
            SchemeVersion.scheme.in_([s.id for s in schemes])
            & SchemeVersion.state.in_(svc.OPEN_STATES)
        ):
            states[v.scheme_id] = v.state
    return render(
        "schemes/manage.html",
        schemes=schemes,
        states=states,
        state_labels=VERSION_STATES,
        lang=current_language(),
    )


@bp.route("/manage/new", methods=["GET", "POST"])
@requires(*EDITORS)
def new():
    form = NewSchemeForm()
    if current_user.role == "admin":
        offices = list(svc.department_offices())
        form.office.choices = [SelectChoice(str(o.id), o.name) for o in offices]
    else:
        form.office.choices = [SelectChoice(str(current_user.office_id), current_user.office.name)]
    if form.validate_on_submit():
        office_id = form.office.data if current_user.role == "admin" else current_user.office_id
        if str(office_id) not in {choice.value for choice in form.office.choices}:
            form.office.errors = [_("Choose one of the options in the list.")]
        else:
            try:
                scheme = svc.create_scheme(
                    form.code.data,
                    form.level.data,
                    int(office_id),
                    form.title_en.data,
                    current_user,
                )
            except svc.SchemeError as err:
                getattr(form, err.field or "code").errors = [str(err)]
            else:
                flash(_("The scheme was created as a draft."), "ok")
                return redirect(url_for("schemes.overview", scheme_pk=scheme.id), 303)
    return render("schemes/new.html", form=form, status=_status(form))


@bp.route("/manage/<int:scheme_pk>")
@requires(*EDITORS)
def overview(scheme_pk):
    scheme = _scheme(scheme_pk)
    return render(
        "schemes/overview.html",
        scheme=scheme,
        office=Office.get_by_id(scheme.office_id),
        draft=svc.open_version(scheme.id),
        published=svc.published_version(scheme.id),
        history=svc.history_of(scheme.id),
        may_approve=svc.may_approve(current_user, scheme),
        form=RemarkForm(),
        lang=current_language(),
        langs=LANGUAGE_NAMES,
    )


def _text_lang() -> str:
    lang = request.args.get("in", "en")
    if lang not in LANGS:
        abort(404)
    return lang


@bp.route("/manage/<int:scheme_pk>/text", methods=["GET", "POST"])
@requires(*EDITORS)
def text(scheme_pk):
    scheme = _scheme(scheme_pk)
    lang = _text_lang()
    version = _working(scheme)
    if request.method == "GET" and version is not None:
        values = {"title": version.titles.get(lang, "")}
        values.update({key: version.texts.get(key, {}).get(lang, "") for key in SECTIONS})
        form = TextForm(formdata=None, data=values)
    else:
        form = TextForm()
    if form.validate_on_submit():
        try:
            changed = svc.save_text(
                scheme, lang, form.title.data, {k: form[k].data for k in SECTIONS}, current_user
            )
        except svc.SchemeError as err:
            target = form._fields.get(err.field or "", form.title)
            target.errors = [str(err)]
        else:
            if changed:
                flash(_("Saved in the draft. The public page changes once it is approved."), "ok")
            else:
                flash(_("Nothing was changed."), "info")
            return redirect(url_for("schemes.overview", scheme_pk=scheme.id), 303)
    return render(
        "schemes/text.html",
        scheme=scheme,
        form=form,
        text_lang=lang,
        langs=LANGUAGE_NAMES,
        status=_status(form),
    )


def _service_choices():
    active = Service.active == True  # noqa: E712
    services = Service.select(
        Service.id, Service.code, Service.name_en, Service.name_hi, Service.name_mr
    ).where(active)
    return [SelectChoice("", _("None"))] + [
        SelectChoice(str(s.id), s.name) for s in services.order_by(Service.name_en)
    ]


@bp.route("/manage/<int:scheme_pk>/details", methods=["GET", "POST"])
@requires(*EDITORS)
def details(scheme_pk):
    scheme = _scheme(scheme_pk)
    version = _working(scheme)
    if request.method == "GET" and version is not None:
        rules = version.rules
        form = DetailsForm(
            formdata=None,
            data={
                "level": version.level,
                "year": version.year,
                "status": version.status,
                "service": str(version.service_id or ""),
                "groups": version.group_list,
                "min_age": str(rules.get("min_age", "")),
                "max_age": str(rules.get("max_age", "")),
                "genders": rules.get("genders", []),
                "categories": rules.get("categories", []),
                "occupations": rules.get("occupations", []),
                "income_max": str(rules.get("income_max", "")),
                "area": rules.get("area", ""),
                "disability": "yes" if rules.get("disability") else "",
            },
        )
    else:
        form = DetailsForm()
    form.service.choices = _service_choices()
    if request.method == "POST" and form.validate_on_submit():
        if form.service.data not in {choice.value for choice in form.service.choices}:
            form.service.errors = [_("Choose one of the options in the list.")]
        else:
            try:
                changed = svc.save_details(
                    scheme,
                    {
                        "level": form.level.data,
                        "year": form.year.data.strip(),
                        "status": form.status.data,
                        "service_id": int(form.service.data) if form.service.data else None,
                        "groups": form.groups.data or [],
                        "rules": form.rules(),
                    },
                    current_user,
                )
            except svc.SchemeError as err:
                flash(str(err), "error")
            else:
                flash(
                    _("Saved in the draft. The public page changes once it is approved.")
                    if changed
                    else _("Nothing was changed."),
                    "ok" if changed else "info",
                )
                return redirect(url_for("schemes.overview", scheme_pk=scheme.id), 303)
    return render(
        "schemes/details.html",
        scheme=scheme,
        form=form,
        groups=GROUPS,
        status=400 if request.method == "POST" else 200,
    )


def _photos_page(scheme, form, status=200):
    version = _working(scheme)
    return render(
        "schemes/photos.html",
        scheme=scheme,
        form=form,
        version=version,
        photos=svc.photos_of(version.id) if version else [],
        remove_form=RemarkForm(formdata=None),
        lang=current_language(),
        status=status,
    )


@bp.route("/manage/<int:scheme_pk>/photos", methods=["GET", "POST"])
@requires(*EDITORS)
def photos(scheme_pk):
    scheme = _scheme(scheme_pk)
    form = PhotoForm()
    if form.validate_on_submit():
        upload = request.files.get("photo")
        data = upload.read() if upload else b""
        try:
            svc.add_photo(
                scheme, data, {lang: form[f"alt_{lang}"].data for lang in LANGS}, current_user
            )
        except svc.SchemeError as err:
            target = form._fields.get(err.field or "", form.photo)
            target.errors = [str(err)]
        else:
            flash(_("The photo was added to the draft."), "ok")
            return redirect(url_for("schemes.photos", scheme_pk=scheme.id), 303)
    return _photos_page(scheme, form, _status(form))


@too_large_handler("schemes.photos")
def photos_too_large():
    scheme = _scheme(request.view_args["scheme_pk"])
    form = PhotoForm(formdata=None)
    form.photo.errors = [_("This photo is larger than %(mb)s MB.", mb=5)]
    return _photos_page(scheme, form, 413)


@bp.route("/manage/<int:scheme_pk>/photos/<int:scheme_photo_id>/remove", methods=["POST"])
@requires(*EDITORS)
def remove_photo(scheme_pk, scheme_photo_id):
    scheme = _scheme(scheme_pk)
    form = RemarkForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        removed = svc.remove_photo(scheme, scheme_photo_id, current_user)
    except svc.SchemeError as err:
        flash(str(err), "error")
    else:
        if not removed:
            abort(404)
        flash(_("The photo was taken off the draft."), "ok")
    return redirect(url_for("schemes.photos", scheme_pk=scheme.id), 303)


@bp.route("/manage/<int:scheme_pk>/preview")
@requires(*EDITORS)
def preview(scheme_pk):
    scheme = _scheme(scheme_pk)
    version = _working(scheme)
    if version is None:
        abort(404)
    context = scheme_context(scheme, version, current_language())
    context.update(may_edit=True, preview=True)
    return render("schemes/detail.html", **context)


@bp.route("/manage/<int:scheme_pk>/submit", methods=["POST"])
@requires(*EDITORS)
def submit(scheme_pk):
    scheme = _scheme(scheme_pk)
    form = RemarkForm()
    if form.validate_on_submit():
        try:
            svc.submit(scheme, current_user, (form.remark.data or "").strip())
        except svc.SchemeError as err:
            flash(str(err), "error")
            return _overview_error(scheme)
        flash(_("Submitted to the head of the department for approval."), "ok")
    else:
        flash(_("Use at most %(max)d characters.", max=500), "error")
        return _overview_error(scheme)
    return redirect(url_for("schemes.overview", scheme_pk=scheme.id), 303)


def _overview_error(scheme):
    response = overview(scheme.id)
    response.status_code = 400
    return response


@bp.route("/manage/<int:scheme_pk>/decide", methods=["POST"])
@requires(*APPROVERS)
def decide(scheme_pk):
    scheme = _scheme(scheme_pk)
    form = RemarkForm()
    decision = request.form.get("decision")
    if decision not in ("approve", "return") or not form.validate_on_submit():
        flash(_("Choose one of the options in the list."), "error")
        return _overview_error(scheme)
    try:
        svc.decide(scheme, current_user, decision == "approve", (form.remark.data or "").strip())
    except svc.SchemeError as err:
        flash(str(err), "error")
        return _overview_error(scheme)
    if decision == "approve":
        flash(_("Approved: the new version is now public."), "ok")
    else:
        flash(_("Returned to the department with your remark."), "ok")
    return redirect(url_for("schemes.overview", scheme_pk=scheme.id), 303)
