"""The employee register: search, one employee (personal fields only for
those entitled, every such view audited), transfers, the vacancy statement,
retirements due, the personal-data audit log, cadres and imports."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from blueprints.employees import bp
from blueprints.employees import register as reg
from blueprints.employees.forms import EmployeeForm, RetirementAgeForm, TransferForm
from blueprints.employees.models import STATUSES, Cadre, Designation, Employee, Posting
from blueprints.employees.services import (
    EDITABLE,
    TransferError,
    edit_employee,
    set_retirement_age,
    transfer,
)
from blueprints.masters.models import Office
from core import clock
from core.access import GOVERNMENT_STAFF, get_scoped_or_404, requires
from core.audit import AuditEvent, actor_names, record
from core.db import page_of
from core.render import page_arg, render, wants_fragment
from core.report_jobs import pdf_report
from core.security import bad_request


def _offices():
    return list(Office.select().order_by(Office.name_en))


def _designations():
    return list(Designation.select().order_by(Designation.name_en))


# --- the register -------------------------------------------------------------


@bp.route("/")
@requires(*GOVERNMENT_STAFF)
def index():
    filters = reg.parse_filters(request.args)
    page = page_arg()
    rows, has_next = reg.search_page(filters, page)
    fragment = wants_fragment()
    return render(
        "employees/index.html",
        "employees/_results.html",
        status=400 if filters.errors else 200,
        filters=filters,
        rows=rows,
        page=page,
        has_next=has_next,
        args=filters.args(),
        statuses=STATUSES,
        offices=[] if fragment else _offices(),
        designations=[] if fragment else _designations(),
    )


def _employee(employee_id):
    return get_scoped_or_404(
        Employee.select(Employee, Designation, Office)
        .join(Designation)
        .switch(Employee)
        .join(Office),
        employee_id,
    )


def _postings(employee):
    return list(
        Posting.select(Posting, Office, Designation)
        .join(Office)
        .switch(Posting)
        .join(Designation)
        .where(Posting.employee == employee)
        .order_by(Posting.from_date.desc(), Posting.id.desc())
    )


@bp.route("/<int:employee_id>")
@requires(*GOVERNMENT_STAFF)
def detail(employee_id):
    employee = _employee(employee_id)
    personal = employee.id in reg.shown_personal(current_user, [employee])
    return render(
        "employees/detail.html",
        employee=employee,
        personal=personal,
        postings=_postings(employee),
        may_transfer=current_user.role in reg.MANAGE_ROLES,
    )


@bp.route("/<int:employee_id>/transfer", methods=["GET", "POST"])
@requires(*reg.MANAGE_ROLES)
def transfer_form(employee_id):
    employee = _employee(employee_id)
    form = TransferForm(
        formdata=request.form if request.method == "POST" else None,
        offices=_offices(),
        designations=_designations(),
        data={"office": employee.office_id, "designation": employee.designation_id},
    )
    refusal = None
    if request.method == "POST" and form.validate():
        try:
            transfer(
                employee,
                Office.get_by_id(form.office.data),
                Designation.get_by_id(form.designation.data),
                form.order_no.data,
                form.order_date.data,
                form.from_date.data,
                current_user.id,
            )
        except TransferError as error:
            refusal = str(error)
        else:
            record("employee.transferred", "employee", employee.id, order=form.order_no.data)
            flash(_("The transfer is recorded."), "ok")
            return redirect(url_for("employees.detail", employee_id=employee.id), 303)
    status = 400 if request.method == "POST" else 200
    return render(
        "employees/transfer.html", status=status, employee=employee, form=form, refusal=refusal
    )


@bp.route("/<int:employee_id>/edit", methods=["GET", "POST"])
@requires(*reg.MANAGE_ROLES)
def edit_form(employee_id):
    employee = _employee(employee_id)
    posted = request.method == "POST"
    form = EmployeeForm(
        formdata=request.form if posted else None,
        data={f: getattr(employee, f) for f in EDITABLE},
    )
    if posted and form.validate():
        changed = edit_employee(employee, {f: form[f].data for f in EDITABLE}, current_user)
        if changed:
            flash(_("The employee's details are saved."), "ok")
        else:
            flash(_("Nothing was changed."), "ok")
        return redirect(url_for("employees.detail", employee_id=employee.id), 303)
    reg.shown_personal(current_user, [employee], page="edit")
    return render(
        "employees/edit.html", status=400 if posted else 200, employee=employee, form=form
    )


# --- statements ---------------------------------------------------------------


def _fmt():
    fmt = request.args.get("format", "")
    return fmt if fmt in ("csv", "xlsx", "pdf") else ""


@bp.route("/vacancies")
@requires(*reg.STATEMENT_ROLES)
def vacancies():
    from blueprints.employees import exports

    level = request.args.get("level", "office")
    if level not in reg.LEVELS:
        return bad_request(_("Choose office, block or district."))
    fmt = _fmt()
    if fmt == "pdf":
        return vacancies_report.start()
    lines, total = reg.vacancy_statement(level)
    if fmt:
        return exports.vacancies(fmt, level, lines, total, clock.today_ist())
    page = page_arg()
    size = 60
    shown = lines[(page - 1) * size : page * size]
    return render(
        "employees/vacancies.html",
        level=level,
        lines=shown,
        total=total,
        page=page,
        has_next=len(lines) > page * size,
        args={"level": level},
        today=clock.today_ist(),
    )


@bp.route("/retirements")
@requires(*reg.RETIREMENT_ROLES)
def retirements():
    from blueprints.employees import exports

    fmt = _fmt()
    if fmt == "pdf":
        return retirements_report.start()
    query = _retirements_due()
    if fmt:
        rows = list(query)
        shown = reg.shown_personal(current_user, rows, via=f"retirements.{fmt}")
        return exports.retirements(fmt, rows, shown, clock.today_ist())
    page = page_arg()
    rows, has_next = page_of(query, page, reg.PAGE_SIZE)
    return render(
        "employees/retirements.html",
        rows=rows,
        shown=reg.shown_personal(current_user, rows, via="retirements"),
        total=query.count(),
        page=page,
        has_next=has_next,
        args={},
        today=clock.today_ist(),
    )


def _retirements_due():
    # A superannuation date is personal (reg.shown_personal): the district's
    # roles see who retires within the year, the dates only those who may.
    office_id = current_user.office_id if current_user.role == "office_head" else None
    dated = current_user.role in reg.PERSONAL_ROLES
    return reg.retirements_due(clock.today_ist(), 12, office_id, dated=dated)


@pdf_report("employees.vacancies", "pdf/employees/vacancies.html", _l("Vacancy statement"))
def vacancies_report():
    from blueprints.employees.exports import district_name

    level = request.args.get("level", "office")
    lines, total = reg.vacancy_statement(level)
    today = clock.today_ist()
    return f"vacancies-{level}-{today.isoformat()}.pdf", dict(
        level=level, lines=lines, total=total, today=today, district=district_name()
    )


@pdf_report("employees.retirements", "pdf/employees/retirements.html", _l("Retirements due"))
def retirements_report():
    from blueprints.employees.exports import district_name

    today = clock.today_ist()
    rows = list(_retirements_due())
    shown = reg.shown_personal(current_user, rows, via="retirements.pdf")
    return f"retirements-{today.isoformat()}.pdf", dict(
        rows=rows, shown=shown, today=today, district=district_name()
    )


# --- the audit of personal-data views -------------------------------------------


@bp.route("/audit")
@requires(*reg.AUDIT_ROLES)
def audit():
    page = page_arg()
    query = AuditEvent.select().where(AuditEvent.action == reg.PERSONAL_VIEWED)
    code = (request.args.get("code") or "").strip().upper()[:20]
    if code:
        employee = Employee.get_or_none(Employee.code == code)
        query = query.where(
            (AuditEvent.object_type == "employee")
            & (AuditEvent.object_id == str(employee.id if employee else 0))
        )
    events, has_next = page_of(query.order_by(AuditEvent.id.desc()), page, 50)
    ids = {int(e.object_id) for e in events if (e.object_id or "").isdigit()}
    names = {e.id: e for e in Employee.select().where(Employee.id.in_(ids))} if ids else {}
    return render(
        "employees/audit.html",
        events=events,
        actors=actor_names(events),
        employees=names,
        page=page,
        has_next=has_next,
        args={"code": code} if code else {},
        code=code,
    )


# --- cadres -----------------------------------------------------------------------


@bp.route("/cadres")
@requires(*reg.IMPORT_ROLES)
def cadres():
    rows = list(Cadre.select().order_by(Cadre.name_en))
    return render(
        "employees/cadres.html", rows=rows, form=RetirementAgeForm(formdata=None), bad=None
    )


@bp.route("/cadres/<int:cadre_id>", methods=["POST"])
@requires(*reg.MANAGE_ROLES)
def cadre_age(cadre_id):
    cadre = get_scoped_or_404(Cadre.select(), cadre_id)
    form = RetirementAgeForm(formdata=request.form)
    if not form.validate():
        rows = list(Cadre.select().order_by(Cadre.name_en))
        return render("employees/cadres.html", status=400, rows=rows, form=form, bad=cadre.id)
    changed = set_retirement_age(cadre, form.retirement_age.data)
    record("cadre.retirement_age", "cadre", cadre.id, age=form.retirement_age.data)
    flash(
        ngettext(
            "Retirement age saved; %(num)s superannuation date recomputed.",
            "Retirement age saved; %(num)s superannuation dates recomputed.",
            changed,
        ),
        "ok",
    )
    return redirect(url_for("employees.cadres"), 303)


from blueprints.employees import import_views  # noqa: E402,F401  (registers the routes)
