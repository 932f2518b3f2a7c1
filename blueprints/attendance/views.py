"""Attendance: office summary for a date range, an office's day, an
employee's month, habitual late-comers (each also as CSV, XLSX and PDF where
it is a report), the punch import, office timings and leave records."""

import datetime as dt

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.attendance import bp, exports
from blueprints.attendance import services as svc
from blueprints.attendance.forms import ImportForm, LeaveForm, TimingForm
from blueprints.attendance.models import LEAVE_KINDS, Leave, OfficeTiming, PunchImport
from blueprints.attendance.punches import ImportRefused, import_file
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import audit, clock, workdays
from core.access import get_scoped_or_404, requires
from core.db import page_of, write_transaction
from core.downloads import XLSX_MIMETYPE, download, to_csv, to_xlsx
from core.ids import parse_id
from core.render import page_arg, render
from core.report_jobs import pdf_report
from core.security import bad_request

PAGE = 50


def labels():
    return {
        "present": _("Present"),
        "late": _("Late"),
        "half_day": _("Half day"),
        "absent": _("Absent"),
        "leave": _("On leave"),
        "holiday": _("Holiday"),
    }


def _range():
    today = clock.today_ist()
    first = svc.parse_day(request.args.get("from"), today.replace(day=1))
    last = svc.parse_day(request.args.get("to"), today)
    if first is None or last is None:
        abort(bad_request(_("Write the date as YYYY-MM-DD, for example 2026-12-31.")))
    if last < first:
        abort(bad_request(_("The last day cannot be before the first.")))
    if (last - first).days >= svc.MAX_RANGE_DAYS:
        abort(bad_request(_("Choose at most %(days)d days at a time.", days=svc.MAX_RANGE_DAYS)))
    return first, last


def _month():
    first = svc.parse_month(request.args.get("month"), clock.today_ist())
    if first is None:
        abort(bad_request(_("Write the month as YYYY-MM, for example 2026-11.")))
    return first


def _office(office_id):
    return get_scoped_or_404(
        Office.select().where(Office.id.in_(svc.office_scope(current_user))), office_id
    )


@bp.route("/")
@requires(*svc.VIEW_ROLES)
def index():
    first, last = _range()
    fmt = request.args.get("format", "")
    if fmt == "pdf":
        return summary_report.start()
    rows = svc.office_summary(current_user, first, last)
    name = f"attendance-{first.isoformat()}-{last.isoformat()}"
    title = _(
        "Attendance from %(first)s to %(last)s", first=first.isoformat(), last=last.isoformat()
    )
    if fmt == "csv":
        return download(to_csv(exports.summary_table(rows)), "text/csv", f"{name}.csv")
    if fmt == "xlsx":
        data = to_xlsx([(_("Offices"), exports.summary_table(rows))], title)
        return download(data, XLSX_MIMETYPE, f"{name}.xlsx")
    page = page_arg()
    start = (page - 1) * PAGE
    args = {"from": first.isoformat(), "to": last.isoformat()}
    return render(
        "attendance/index.html",
        rows=rows[start : start + PAGE],
        days_off=workdays.days_off_words(),
        first=first,
        last=last,
        args=args,
        page=page,
        has_next=len(rows) > start + PAGE,
    )


@pdf_report("attendance.summary", "pdf/attendance/summary.html", _l("Attendance by office"))
def summary_report():
    first, last = _range()
    return f"attendance-{first.isoformat()}-{last.isoformat()}.pdf", dict(
        rows=svc.office_summary(current_user, first, last),
        first=first,
        last=last,
        printed_at=clock.now(),
    )


@bp.route("/offices/<int:office_id>")
@requires(*svc.VIEW_ROLES)
def office(office_id):
    place = _office(office_id)
    today = clock.today_ist()
    day = svc.parse_day(request.args.get("day"), today)
    if day is None:
        abort(bad_request(_("Write the date as YYYY-MM-DD, for example 2026-12-31.")))
    page = page_arg()
    people, has_next = page_of(
        svc.counted(Employee.select().where(Employee.office == place.id)).order_by(
            Employee.name_en
        ),
        page,
        PAGE,
    )
    ids = [p.id for p in people]
    days = svc.register(Employee.select().where(Employee.id.in_(ids or [0])), day, day, today)
    timing = svc.timings([place.id]).get(place.id, svc.Timing())
    return render(
        "attendance/office.html",
        office=place,
        day=day,
        rows=[(p, days[p.id][0]) for p in people],
        timing=timing,
        labels=labels(),
        page=page,
        has_next=has_next,
        previous=day - dt.timedelta(days=1),
        following=day + dt.timedelta(days=1),
        may_set=current_user.role in svc.TIMING_ROLES,
    )


@bp.route("/employees/<int:staff_id>", methods=["GET", "POST"])
@requires(*svc.VIEW_ROLES)
def employee(staff_id):
    person = get_scoped_or_404(svc.employees_of(current_user), staff_id)
    month = _month()
    form = LeaveForm(formdata=None) if request.method == "GET" else LeaveForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            with write_transaction():
                leave = Leave.create(
                    employee=person.id,
                    from_date=form.from_date.data,
                    to_date=form.to_date.data,
                    kind=form.kind.data,
                    note=(form.note.data or "").strip(),
                    created_by=current_user.id,
                )
                audit.record(
                    "leave.recorded",
                    "employee",
                    person.id,
                    from_date=leave.from_date,
                    to_date=leave.to_date,
                    kind=leave.kind,
                )
            flash(_("Leave recorded."), "ok")
            return redirect(
                url_for("attendance.employee", staff_id=person.id, month=month.strftime("%Y-%m")),
                303,
            )
        status = 400
    days = svc.register(
        Employee.select().where(Employee.id == person.id), month, svc.month_end(month)
    )[person.id]
    leaves = list(
        Leave.select().where(Leave.employee == person.id).order_by(Leave.from_date.desc()).limit(10)
    )
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = svc.month_end(month) + dt.timedelta(days=1)
    return render(
        "attendance/employee.html",
        person=person,
        month=month,
        days=days,
        counts=svc.totals(days),
        rate=svc.rate(svc.totals(days)),
        labels=labels(),
        form=form,
        leaves=leaves,
        leave_kinds=LEAVE_KINDS,
        previous=previous.strftime("%Y-%m"),
        following=following.strftime("%Y-%m"),
        status=status,
    )


def _late_args():
    month = _month()
    office_id = request.args.get("office_id", "")
    office_id = parse_id(office_id)
    if office_id:
        _office(office_id)
    return month, office_id


@bp.route("/late")
@requires(*svc.VIEW_ROLES)
def late():
    month, office_id = _late_args()
    fmt = request.args.get("format", "")
    if fmt == "pdf":
        return late_report.start()
    rows = svc.late_comers(current_user, month, office_id)
    name = f"late-comers-{month.strftime('%Y-%m')}"
    if fmt == "csv":
        return download(to_csv(exports.late_table(rows)), "text/csv", f"{name}.csv")
    if fmt == "xlsx":
        title = _(
            "Late on %(n)d or more days in %(month)s",
            n=svc.LATE_THRESHOLD,
            month=month.strftime("%m-%Y"),
        )
        data = to_xlsx([(_("Late-comers"), exports.late_table(rows))], title)
        return download(data, XLSX_MIMETYPE, f"{name}.xlsx")
    page = page_arg()
    start = (page - 1) * PAGE
    args = {"month": month.strftime("%Y-%m")}
    if office_id:
        args["office_id"] = office_id
    return render(
        "attendance/late.html",
        rows=rows[start : start + PAGE],
        total=len(rows),
        month=month,
        office_id=office_id,
        offices=list(
            Office.select(Office.id, Office.name_en, Office.name_local)
            .where(Office.id.in_(svc.office_scope(current_user)))
            .order_by(Office.name_en)
        ),
        threshold=svc.LATE_THRESHOLD,
        args=args,
        page=page,
        has_next=len(rows) > start + PAGE,
    )


def _import_page(form, status=200, result=None, error=None, errors=()):
    recent = list(
        PunchImport.select()
        .where(PunchImport.created_by == current_user.id)
        .order_by(PunchImport.id.desc())
        .limit(5)
    )
    return render(
        "attendance/import.html",
        form=form,
        result=result,
        error=error,
        errors=list(errors)[:20],
        more=max(0, len(errors) - 20),
        recent=recent,
        status=status,
    )


@pdf_report("attendance.late", "pdf/attendance/late.html", _l("Habitual late-comers"))
def late_report():
    month, office_id = _late_args()
    return f"late-comers-{month.strftime('%Y-%m')}.pdf", dict(
        rows=svc.late_comers(current_user, month, office_id),
        month=month,
        threshold=svc.LATE_THRESHOLD,
        printed_at=clock.now(),
    )


@bp.route("/import", methods=["GET", "POST"])
@requires(*svc.VIEW_ROLES)
def upload():
    if request.method == "GET":
        return _import_page(ImportForm(formdata=None))
    form = ImportForm()
    if not form.validate_on_submit():
        return _import_page(form, 400, error=_("The form has expired. Please try again."))
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _import_page(form, 400, error=_("Choose the CSV file exported by the device."))
    data = upload.read(5 * 1024 * 1024 + 1)
    try:
        result = import_file(upload.filename, data, svc.employees_of(current_user), current_user)
    except ImportRefused as err:
        return _import_page(form, 400, error=str(err), errors=err.errors)
    return _import_page(ImportForm(formdata=None), result=result)


@bp.route("/import/template")
@requires(*svc.VIEW_ROLES)
def import_template():
    """The CSV to fill in: the two columns the import reads and an example
    row to replace (its code matches no employee, so it is refused if left)."""
    table = (["employee_code", "punched_at"], [["EXAMPLE", "2026-11-03 09:52"]], None)
    return download(to_csv(table), "text/csv", "zila-punches-template.csv")


@bp.route("/offices/<int:office_id>/timing", methods=["GET", "POST"])
@requires(*svc.TIMING_ROLES)
def timing(office_id):
    place = _office(office_id)
    current = svc.timings([place.id]).get(place.id, svc.Timing())
    if request.method == "GET":
        form = TimingForm(
            formdata=None,
            data={
                "starts_at": current.starts_at.strftime("%H:%M"),
                "grace_minutes": str(current.grace_minutes),
                "half_day_after": current.half_day_after.strftime("%H:%M"),
                "min_hours": str(current.min_minutes // 60),
            },
        )
        return render("attendance/timing.html", office=place, form=form)
    form = TimingForm()
    if not form.validate_on_submit():
        return render("attendance/timing.html", office=place, form=form, status=400)
    if form.half_day_after.data <= form.starts_at.data:
        form.half_day_after.errors = [_("The half-day time must be after the opening time.")]
        return render("attendance/timing.html", office=place, form=form, status=400)
    values = {
        "starts_at": form.starts_at.data.replace(second=0, microsecond=0),
        "grace_minutes": form.grace_minutes.data,
        "half_day_after": form.half_day_after.data.replace(second=0, microsecond=0),
        "min_minutes": form.min_hours.data * 60,
        "updated_at": clock.now(),
        "updated_by": current_user.id,
    }
    with write_transaction():
        OfficeTiming.insert(office=place.id, **values).on_conflict(
            conflict_target=[OfficeTiming.office], update=values
        ).execute()
        audit.record(
            "timing.changed",
            "office",
            place.id,
            **{k: str(v) for k, v in values.items() if k != "updated_by"},
        )
    flash(_("Office timings saved. Attendance is worked out with them from now on."), "ok")
    return redirect(url_for("attendance.office", office_id=place.id), 303)
