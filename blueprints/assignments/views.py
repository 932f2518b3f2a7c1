"""Task reminders: my tasks, giving a task, the office and person counts, the
list of parts, a task's page, and the signed SMS link (confirm, then done)."""

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.assignments import bp
from blueprints.assignments import services as svc
from blueprints.assignments.forms import DoneForm, TaskForm
from blueprints.assignments.models import PRIORITIES, TaskAssignee
from blueprints.assignments.reminders import (
    LinkError,
    employee_for_list_token,
    link_url,
    open_parts_of,
    part_for_token,
)
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from core import clock
from core.access import GOVERNMENT_STAFF, get_scoped_or_404, public, requires
from core.db import page_of
from core.ids import parse_id
from core.render import page_arg, render
from core.security import limiter

STATUSES = ("open", "overdue", "done")


def _link_limit() -> str:
    return current_app.config.get("TASK_LINK_RATE_LIMIT", "30 per minute")


def _id_arg(name):
    """A positive id from the query string, or None (garbage is ignored)."""
    text = request.args.get(name, "")
    return parse_id(text)


@bp.route("/")
@requires()  # one's own parts only: an operator, no employee, sees none
def index():
    page = page_arg()
    rows, has_next = page_of(
        svc.own_parts(current_user).order_by(
            TaskAssignee.done_at.is_null(False), svc.Task.due_on, TaskAssignee.id
        ),
        page,
        svc.PAGE_SIZE,
    )
    return render(
        "assignments/index.html",
        employee=svc.employee_of(current_user),
        rows=rows,
        page=page,
        has_next=has_next,
        form=DoneForm(),
        today=clock.today_ist(),
        may_assign=svc.may_assign(current_user),
    )


@bp.route("/parts/<int:part_id>/done", methods=["POST"])
@requires()
def done(part_id):
    part = get_scoped_or_404(svc.own_parts(current_user), part_id)
    form = DoneForm()
    if not form.validate_on_submit():
        flash(" ".join(form.remark.errors) or _("Please try again."), "error")
        return redirect(url_for("assignments.index"), 303)
    if svc.mark_done(part, form.remark.data, actor=current_user):
        flash(_("Marked done. No more reminders for this task."), "ok")
    else:
        flash(_("This task was already marked done."), "warn")
    return redirect(url_for("assignments.index"), 303)


def _offices():
    return list(
        Office.select(Office.id, Office.name_en, Office.name_local)
        .where(Office.id.in_(svc.office_scope(current_user)))
        .order_by(Office.name_en)
    )


@bp.route("/offices")
@requires(*svc.ASSIGNER_ROLES)
def offices():
    return render(
        "assignments/offices.html", rows=svc.office_counts(current_user), today=clock.today_ist()
    )


@bp.route("/offices/<int:office_id>")
@requires(*svc.ASSIGNER_ROLES)
def office(office_id):
    place = get_scoped_or_404(
        Office.select().where(Office.id.in_(svc.office_scope(current_user))), office_id
    )
    return render(
        "assignments/office.html", office=place, rows=svc.person_counts(current_user, place.id)
    )


@bp.route("/list")
@requires(*svc.ASSIGNER_ROLES)
def listing():
    status = request.args.get("status", "open")
    if status not in STATUSES:
        status = "open"
    office_id, employee_id = _id_arg("office_id"), _id_arg("employee_id")
    page = page_arg()
    rows, has_next = page_of(
        svc.parts_query(current_user, status, office_id, employee_id), page, svc.PAGE_SIZE
    )
    employee = Employee.get_or_none(Employee.id == employee_id) if employee_id else None
    args = {
        k: v
        for k, v in (("status", status), ("office_id", office_id), ("employee_id", employee_id))
        if v
    }
    return render(
        "assignments/list.html",
        "assignments/_list.html",
        rows=rows,
        page=page,
        has_next=has_next,
        shown=status,
        office_id=office_id,
        employee=employee if rows or page == 1 else None,
        offices=_offices(),
        args=args,
        today=clock.today_ist(),
    )


def _new_page(form, office_id, status=200, error=None):
    people = []
    if office_id:
        people = list(
            svc.assignable_employees(current_user, office_id).order_by(Employee.name_en).limit(300)
        )
    return render(
        "assignments/new.html",
        form=form,
        offices=_offices(),
        office_id=office_id,
        people=people,
        error=error,
        status=status,
    )


@bp.route("/new", methods=["GET", "POST"])
@requires(*svc.ASSIGNER_ROLES)
def new():
    office_id = _id_arg("office_id") or (request.form.get("office_id") or "")
    office_id = parse_id(office_id)
    if office_id is None and current_user.office_id:
        office_id = current_user.office_id
    if request.method == "GET":
        form = TaskForm(formdata=None)
        return _new_page(form, office_id)
    form = TaskForm()
    if not form.validate_on_submit():
        return _new_page(form, office_id, 400)
    try:
        raw = form.employees.data or []
        chosen = {parse_id(i) for i in raw}
        if None in chosen:
            raise svc.TaskError(_("Choose employees from the list."), "employees")
        people = []
        if chosen:
            people = list(svc.assignable_employees(current_user).where(Employee.id.in_(chosen)))
        if len(people) != len(chosen):
            raise svc.TaskError(_("Choose employees from the list."), "employees")
        people += svc.employees_by_codes(current_user, form.codes.data)
        if not people:
            raise svc.TaskError(_("Choose at least one employee."), "employees")
        task = svc.create_task(
            current_user,
            form.title.data,
            people,
            form.due_on.data,
            form.priority.data,
            form.details.data or "",
        )
    except svc.TaskError as err:
        target = getattr(form, err.field or "", None)
        if target is not None and err.field != "assignees":
            target.errors = [str(err)]
            return _new_page(form, office_id, 400)
        form.employees.errors = [str(err)]
        return _new_page(form, office_id, 400)
    flash(_("Task given. Reminders go by SMS from two days before the due date."), "ok")
    return redirect(url_for("assignments.detail", task_id=task.id), 303)


@bp.route("/<int:task_id>")
@requires(*GOVERNMENT_STAFF)
def detail(task_id):
    task = get_scoped_or_404(svc.visible_tasks(current_user), task_id)
    return render(
        "assignments/detail.html",
        task=task,
        parts=svc.parts_of(task.id),
        today=clock.today_ist(),
        priorities=PRIORITIES,
    )


# --- the SMS link: no sign-in, for this one action ---------------------------------


def _link_error(reason):
    messages = {
        "expired": _(
            "This link has expired. Mark the task done in Zila, or wait for the next SMS."
        ),
        "used": _("This task is already marked done; the link has been used."),
        "invalid": _("This link is not valid. Check that the whole link from the SMS was opened."),
    }
    return render(
        "assignments/link_error.html",
        message=messages[reason],
        status=410 if reason != "invalid" else 404,
    )


@bp.route("/d/<link_token>", methods=["GET", "POST"])
@public
@limiter.limit(_link_limit)
def link(link_token):
    if len(link_token) > 200:
        abort(404)
    try:
        part = part_for_token(link_token)
    except LinkError as err:
        return _link_error(err.reason)
    form = DoneForm()
    if request.method == "POST":
        if form.validate_on_submit():
            if svc.mark_done(part, form.remark.data, actor=None, via="sms"):
                return render("assignments/link_done.html", part=part)
            return _link_error("used")
        status = 400
    else:
        status = 200
    response = render(
        "assignments/link.html", part=part, form=form, token=link_token, status=status
    )
    # A shared phone's back button or a proxy must not keep the page.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/m/<list_token>")
@public
@limiter.limit(_link_limit)
def list_link(list_token):
    """The digest SMS's link: the employee's open tasks, each with its own
    link to mark it done. Reading it changes nothing."""
    if len(list_token) > 200:
        abort(404)
    try:
        employee = employee_for_list_token(list_token)
    except LinkError as err:
        return _link_error(err.reason)
    parts = [(part, link_url(part)) for part in open_parts_of(employee.id).limit(100)]
    response = render(
        "assignments/link_list.html", employee=employee, parts=parts, today=clock.today_ist()
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
