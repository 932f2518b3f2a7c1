"""The CSC registry: the list, one CSC with its history and status changes,
its details form, a new centre proposed, coverage and the worklist."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.cscs import bp, charts, exports
from blueprints.cscs import coverage as cov
from blueprints.cscs import services as svc
from blueprints.cscs import workflow as wf
from blueprints.cscs.forms import EditForm, NewCscForm, StatusForm
from core.access import get_scoped_or_404, requires
from core.downloads import XLSX_MIMETYPE, dates_and_total, download, to_csv, to_xlsx
from core.render import page_arg, render, wants_fragment

PIPELINE_STAGES = ("proposed", "approved")


# --- the list -----------------------------------------------------------------


@bp.route("/")
@requires(*svc.VIEW_ROLES)
def index():
    filters, errors = svc.parse_list_args(request.args, current_user)
    window = svc.activity_window()
    if filters.fmt:
        table = exports.registry_table(svc.registry_rows(current_user, filters, window))
        if filters.fmt == "csv":
            return download(to_csv(table), "text/csv", "cscs.csv")
        data = to_xlsx([(_("CSCs"), table)], _("CSC registry"), dates_and_total)
        return download(data, XLSX_MIMETYPE, "cscs.xlsx")
    page = page_arg()
    rows, total, has_next = svc.registry_page(current_user, filters, window, page)
    return render(
        "cscs/index.html",
        "cscs/_table.html",
        status=400 if errors else 200,
        errors=errors,
        filters=filters,
        rows=rows,
        total=total,
        page=page,
        has_next=has_next,
        args=filters.args(),
        window=window,
        stages=svc.STAGES,
        blocks=[] if wants_fragment() else svc.blocks_for(current_user),
    )


# --- one CSC ------------------------------------------------------------------


def _csc(csc_id):
    return get_scoped_or_404(svc.csc_query(current_user), csc_id)


def _detail_page(csc, form=None, refusal=None, status=200):
    window = svc.activity_window()
    proposal = svc.open_proposal(csc.id)
    approved = svc.is_opening_approved(csc.id)
    activity = svc.activity_of(csc, window)
    closing = proposal is not None and proposal.kind == "close"
    return render(
        "cscs/detail.html",
        status=status,
        csc=csc,
        stage=svc.stage_of(csc, approved),
        stages=svc.STAGES,
        activity=activity,
        window=window,
        proposal=proposal,
        actions=wf.allowed_actions(csc, current_user, proposal, approved),
        form=form or StatusForm(formdata=None),
        refusal=refusal,
        history=svc.history(csc.id),
        pending=svc.pending_applications(csc.id) if closing and activity.pending else [],
        may_edit=current_user.role in svc.EDIT_ROLES,
    )


@bp.route("/<int:csc_id>")
@requires(*svc.VIEW_ROLES)
def detail(csc_id):
    return _detail_page(_csc(csc_id))


@bp.route("/<int:csc_id>/status", methods=["POST"])
@requires(*svc.MANAGER_ROLES)
def change_status(csc_id):
    csc = _csc(csc_id)
    form = StatusForm()
    action = wf.ACTIONS.get(form.action.data or "")
    if action is not None and current_user.role not in action.roles:
        # A role that may not take this action hears so before any typo.
        message = _("Your role may not do this: %(action)s.", action=action.label)
        return _detail_page(csc, form, message, 403)
    if not form.validate_on_submit():
        return _detail_page(csc, form, _("Nothing was changed. Correct what is marked."), 400)
    try:
        wf.change_status(
            csc.id,
            current_user,
            wf.Change(
                action=form.action.data,
                reason=form.reason.data,
                opened_on=form.opened_on.data,
                acknowledged=bool(form.acknowledge.data),
                pending_seen=form.seen(),
            ),
        )
    except svc.Refused as err:
        return _detail_page(_csc(csc.id), form, err.message, err.status)
    flash(_("%(code)s: %(action)s — done.", code=csc.code, action=action.label), "ok")
    return redirect(url_for("cscs.detail", csc_id=csc.id), 303)


@bp.route("/<int:csc_id>/edit", methods=["GET", "POST"])
@requires(*svc.EDIT_ROLES)
def edit(csc_id):
    csc = _csc(csc_id)
    form = EditForm(obj=csc if request.method == "GET" else None)
    refusal = None
    if form.validate_on_submit():
        try:
            changed = wf.update_details(csc, current_user, form.values())
        except svc.Refused as err:
            refusal = err.message
        else:
            if changed:
                flash(_("The details of %(code)s are saved.", code=form.code.data), "ok")
            else:
                flash(_("Nothing was changed."), "info")
            return redirect(url_for("cscs.detail", csc_id=csc.id), 303)
    status = 400 if request.method == "POST" else 200
    return render("cscs/edit.html", status=status, csc=csc, form=form, refusal=refusal)


# --- a new centre -------------------------------------------------------------


@bp.route("/new", methods=["GET", "POST"])
@requires(*svc.MANAGER_ROLES)
def new():
    posted = request.method == "POST"
    if posted:
        gp = wf.gp_in_scope(current_user, request.form.get("gram_panchayat", ""))
    else:
        gp = wf.gp_by_id(current_user, request.args.get("gp"))
    form = NewCscForm(villages=wf.villages_of(gp.id) if gp else [])
    if not posted:
        if gp is not None:
            form.gram_panchayat.data = gp.code
            form.name_en.data = f"Aaple Sarkar Seva Kendra, {gp.name_en}"
            form.name_local.data = f"आपले सरकार सेवा केंद्र, {gp.name_local}"
        return render("cscs/new.html", form=form, gp=gp, refusal=None)
    valid = form.validate_on_submit()
    if gp is None and not form.gram_panchayat.errors:
        form.gram_panchayat.errors.append(_("There is no such gram panchayat in your area."))
        valid = False
    if not valid:
        return render("cscs/new.html", status=400, form=form, gp=gp, refusal=None)
    try:
        csc = wf.propose_new(current_user, gp, form.values(), form.reason.data)
    except svc.Refused as err:
        return render("cscs/new.html", status=err.status, form=form, gp=gp, refusal=err.message)
    flash(_("%(code)s is proposed as a new CSC.", code=csc.code), "ok")
    return redirect(url_for("cscs.detail", csc_id=csc.id), 303)


# --- coverage -------------------------------------------------------------------


@bp.route("/coverage")
@requires(*svc.VIEW_ROLES)
def coverage():
    fmt = request.args.get("format", "")
    window = svc.activity_window()
    result = cov.coverage(current_user, window)
    if fmt in ("csv", "xlsx"):
        tables = {
            "blocks": exports.coverage_table(result),
            "pipeline": exports.pipeline_table(result),
        }
        if fmt == "csv":
            which = request.args.get("table", "blocks")
            which = which if which in tables else "blocks"
            data = to_csv(tables[which])
            return download(data, "text/csv", f"csc-coverage-{which}.csv")
        uncovered = cov.uncovered_rows(current_user, cov.WorklistFilters())
        data = to_xlsx(
            [
                (_("Coverage by block"), tables["blocks"]),
                (_("Pipeline"), tables["pipeline"]),
                (_("Uncovered gram panchayats"), exports.uncovered_table(uncovered)),
            ],
            _("CSC coverage"),
            dates_and_total,
        )
        return download(data, XLSX_MIMETYPE, "csc-coverage.xlsx")
    errors = []
    if fmt:
        errors.append(_("“%(value)s” is not a download format.", value=svc.shown(fmt)))
    return render(
        "cscs/coverage.html",
        status=400 if errors else 200,
        errors=errors,
        cov=result,
        window=window,
        labels=charts.segment_labels(),
        chart=charts.coverage_bars(result.blocks, _("Gram panchayats by CSC coverage, by block")),
    )


@bp.route("/coverage/uncovered")
@requires(*svc.VIEW_ROLES)
def uncovered():
    filters, errors = cov.parse_worklist_args(request.args, current_user)
    if filters.fmt:
        table = exports.uncovered_table(cov.uncovered_rows(current_user, filters))
        if filters.fmt == "csv":
            return download(to_csv(table), "text/csv", "uncovered-gps.csv")
        data = to_xlsx(
            [(_("Uncovered gram panchayats"), table)], _("CSC coverage"), dates_and_total
        )
        return download(data, XLSX_MIMETYPE, "uncovered-gps.xlsx")
    page = page_arg()
    rows, total, has_next = cov.uncovered_page(current_user, filters, page)
    return render(
        "cscs/uncovered.html",
        status=400 if errors else 200,
        errors=errors,
        filters=filters,
        rows=rows,
        total=total,
        page=page,
        has_next=has_next,
        args=filters.args(),
        blocks=svc.blocks_for(current_user),
        may_propose=current_user.role in svc.MANAGER_ROLES,
    )
