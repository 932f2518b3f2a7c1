"""The inspector's week, the report from a phone, the operator's
instructions, the district's overdue list, the weekly report and the list of
inspectors. An operator reaches only the instructions page."""

import datetime as dt

from flask import abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from peewee import JOIN

from blueprints.inspections import bp
from blueprints.inspections import services as svc
from blueprints.inspections.draw import (
    current_week,
    draw_week,
    parse_week,
    shift_week,
    week_start,
)
from blueprints.inspections.forms import ComplyForm, DrawForm, InspectorForm, ReportForm
from blueprints.inspections.models import (
    CHECKLIST,
    INSPECTOR_ROLES,
    OTHER_DUE_DAYS,
    REASONS,
    STATUSES,
    Inspection,
    InspectionPhoto,
    InspectionReport,
)
from blueprints.masters.models import Block, Csc, GramPanchayat, Village
from core import clock, storage
from core.access import get_scoped_or_404, requires
from core.ids import parse_id
from core.render import page_arg, render
from core.report_jobs import pdf_report
from core.security import bad_request, too_large_handler

# Who may open the inspection pages: inspectors and those who review them.
VIEWERS = (*INSPECTOR_ROLES, "admin")
REVIEWERS = ("district_manager", "admin", "block_officer")
DISTRICT = ("district_manager", "admin")


def _week_arg():
    text = request.args.get("week")
    if not text:
        return current_week()
    week = parse_week(text)
    if week is None:
        abort(bad_request(_("Give the week as year and week number, for example 2026-W47.")))
    return week


@bp.route("/")
@requires(*VIEWERS)
def index():
    week = _week_arg()
    inspector = svc.inspector_of(current_user)
    rows = svc.week_list(inspector, week) if inspector else []
    return render(
        "inspections/index.html",
        week=week,
        start=week_start(week),
        end=week_start(week) + dt.timedelta(days=6),
        previous=shift_week(week, -1),
        following=shift_week(week, 1),
        this_week=current_week(),
        inspector=inspector,
        rows=rows,
        today=clock.today_ist(),
        shown_status=svc.shown_status,
        statuses=STATUSES,
        reasons=REASONS,
    )


def _centre(csc_id):
    return (
        Csc.select(Csc, GramPanchayat, Block, Village)
        .join(GramPanchayat)
        .join(Block)
        .switch(Csc)
        .join(Village, JOIN.LEFT_OUTER)
        .where(Csc.id == csc_id)
        .get()
    )


@bp.route("/<int:inspection_id>")
@requires(*VIEWERS)
def detail(inspection_id):
    inspection = get_scoped_or_404(svc.visible_inspections(current_user), inspection_id)
    report = svc.report_of(inspection.id)
    csc = _centre(inspection.csc_id)
    return render(
        "inspections/detail.html",
        inspection=inspection,
        csc=csc,
        report=report,
        photos=svc.photos_of(report.id) if report else [],
        instructions=svc.instructions_of_report(report.id) if report else [],
        state=svc.shown_status(inspection, clock.today_ist()),
        statuses=STATUSES,
        checklist=CHECKLIST,
        reasons=REASONS,
        mine=inspection.inspector.user_id == current_user.id,
    )


# The report page, and it alone, may ask the phone where it is (the
# progressive-enhancement button of static/js/geo.js).
REPORT_PERMISSIONS = "camera=(), microphone=(), geolocation=(self)"


def _report_page(inspection, form, status=200, error=None):
    csc = _centre(inspection.csc_id)
    response = render(
        "inspections/report.html",
        inspection=inspection,
        csc=csc,
        form=form,
        checklist=CHECKLIST,
        other_days=OTHER_DUE_DAYS,
        error=error,
        status=status,
    )
    response.headers["Permissions-Policy"] = REPORT_PERMISSIONS
    return response


def _own(inspection_id):
    """Only the assigned inspector may report; anyone else gets a 404."""
    return get_scoped_or_404(svc.own_inspections(current_user), inspection_id)


@bp.route("/<int:inspection_id>/report", methods=["GET", "POST"])
@requires(*INSPECTOR_ROLES)
def report(inspection_id):
    inspection = _own(inspection_id)
    if request.method == "GET":
        # Reported, or its time ran out: the inspection's page says which.
        if svc.shown_status(inspection, clock.today_ist()) != "scheduled":
            return redirect(url_for("inspections.detail", inspection_id=inspection.id), 303)
        form = ReportForm(formdata=None, data={"token": svc.new_token()})
        return _report_page(inspection, form)
    form = ReportForm()
    if not form.validate_on_submit():
        if not form.token.data:
            form.token.data = svc.new_token()
        return _report_page(inspection, form, 400)
    files = request.files.getlist("photos")
    data = svc.ReportInput(
        token=form.token.data,
        answers=form.answers(),
        rating=int(form.rating.data),
        remarks=(form.remarks.data or "").strip(),
        latitude=form.latitude.data or None,
        longitude=form.longitude.data or None,
        other_instruction=(form.other_instruction.data or "").strip(),
        photos=[(f.filename, f.read()) for f in files if f and f.filename],
    )
    try:
        _report, new = svc.file_report(inspection, current_user, data)
    except svc.ReportError as err:
        if err.field == "photos":
            form.photos.errors = [str(err)]
            return _report_page(inspection, form, 400)
        if svc.report_of(inspection.id) is not None:
            flash(str(err), "error")
            return redirect(url_for("inspections.detail", inspection_id=inspection.id), 303)
        return _report_page(inspection, form, 400, str(err))
    if new:
        flash(_("Report filed. The centre sees the instructions from now on."), "ok")
    return redirect(url_for("inspections.detail", inspection_id=inspection.id), 303)


@too_large_handler("inspections.report")
def report_too_large():
    """The photos together were over the size limit: nothing was read, so
    say so beside the photos field."""
    inspection = _own(request.view_args.get("inspection_id"))
    form = ReportForm(formdata=None, data={"token": svc.new_token()})
    form.photos.errors = [
        _("The photos together are larger than 8 MB. Nothing was saved; send fewer photos.")
    ]
    return _report_page(inspection, form, 413)


@bp.route("/photos/<int:photo_id>")
@requires(*VIEWERS)
def photo(photo_id):
    query = InspectionPhoto.select(InspectionPhoto.id, InspectionPhoto.stored_name).join(
        InspectionReport
    )
    visible = svc.visible_inspections(current_user).select(Inspection.id)
    row = get_scoped_or_404(query.where(InspectionReport.inspection.in_(visible)), photo_id)
    response = send_file(
        storage.path_in("uploads", row.stored_name), mimetype="image/jpeg", max_age=0
    )
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response


# --- the operator's instructions ---------------------------------------------


@bp.route("/instructions", methods=["GET", "POST"])
@requires("csc_operator")
def instructions():
    form = ComplyForm()
    status = 200
    error_row = None
    if request.method == "POST":
        row_id = parse_id(form.row_id.data)
        if form.validate_on_submit() and row_id is not None:
            if svc.comply(row_id, current_user, form.remark.data.strip()):
                flash(_("Marked as complied with."), "ok")
            else:
                flash(_("This instruction was already marked, or is not for your centre."), "warn")
            return redirect(url_for("inspections.instructions"), 303)
        status = 400
        error_row = form.row_id.data
    page = page_arg()
    rows, has_next = svc.instructions_for_centre(current_user.csc_id, page)
    return render(
        "inspections/instructions.html",
        rows=rows,
        has_next=has_next,
        page=page,
        form=form,
        error_row=error_row,
        today=clock.today_ist(),
        status=status,
    )


@bp.route("/instructions/overdue")
@requires(*REVIEWERS)
def overdue():
    page = page_arg()
    today = clock.today_ist()
    rows, has_next = svc.overdue_instructions(current_user, today, page)
    return render("inspections/overdue.html", rows=rows, has_next=has_next, page=page, today=today)


# --- the weekly report --------------------------------------------------------


def _weekly_context():
    week = _week_arg()
    return {
        "data": svc.weekly_report(current_user, week, clock.today_ist()),
        "previous": shift_week(week, -1),
        "following": shift_week(week, 1),
        "checklist": CHECKLIST,
    }


# Inspectors a screen page shows; the PDF has them all.
WEEKLY_PAGE = 25


@bp.route("/weekly")
@requires(*VIEWERS)
def weekly():
    context = _weekly_context()
    page = page_arg()
    context["data"] = context["data"].page(page, WEEKLY_PAGE)
    return render("inspections/weekly.html", **context, page=page)


@bp.route("/weekly.pdf")
@requires(*VIEWERS)
def weekly_pdf():
    _week_arg()  # a garbled week is refused here, not in the job
    return weekly_report.start()


@pdf_report("inspections.weekly", "pdf/inspections/weekly.html", _l("Weekly inspection report"))
def weekly_report():
    from core import clock

    context = _weekly_context()
    return f"inspections-{context['data'].week}.pdf", dict(printed_at=clock.now(), **context)


# --- inspectors -------------------------------------------------------------------


def _inspectors_page(form, status=200):
    page = page_arg()
    rows, has_next = svc.inspectors_list(page)
    return render(
        "inspections/inspectors.html",
        rows=rows,
        has_next=has_next,
        page=page,
        form=form,
        draw_form=DrawForm(),
        week=current_week(),
        status=status,
    )


@bp.route("/inspectors", methods=["GET", "POST"])
@requires(*DISTRICT)
def inspectors():
    form = InspectorForm()
    if request.method == "GET":
        return _inspectors_page(InspectorForm(formdata=None))
    if form.validate_on_submit():
        try:
            svc.save_inspector(
                form.username.data,
                form.area_code.data,
                form.per_week,
                form.active.data,
                current_user,
            )
        except svc.ReportError as err:
            form[err.field].errors = [str(err)]
        else:
            flash(_("Inspector saved."), "ok")
            return redirect(url_for("inspections.inspectors"), 303)
    return _inspectors_page(form, 400)


@bp.route("/draw", methods=["POST"])
@requires(*DISTRICT)
def draw():
    """Draw the current week now, as the Monday task does; a second press
    (or the task) finds it drawn and adds nothing."""
    if not DrawForm().validate_on_submit():
        abort(400)
    week = current_week()
    result = draw_week(week)
    flash(
        _(
            "Week %(week)s drawn: inspectors %(people)s, inspections %(n)s.",
            week=week,
            n=result["inspections"],
            people=result["inspectors"],
        ),
        "ok",
    )
    return redirect(url_for("inspections.inspectors"), 303)
