"""The administrator's pages: scheduled tasks and their last runs, who
holds which charge, and the district holiday list."""

import datetime as dt
import json

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.alerts import bp
from blueprints.alerts.forms import ChargeForm, EndChargeForm, HolidayForm, RowForm
from blueprints.alerts.services import (
    CHANNEL_NAMES,
    alert_log,
    alerts_for,
    offices_seen_by,
    outcome,
)
from blueprints.employees import charges as charge_book
from blueprints.masters.models import Office
from core import clock, workdays
from core.access import get_scoped_or_404, office_condition, requires
from core.paging import Cursor
from core.periodic import TaskRun
from core.render import render

SUMMARY_LABELS = {
    "applications": _l("applications"),
    "recipients": _l("people"),
    "told": _l("messages queued"),
    "could_not_tell": _l("could not be told"),
    "already": _l("already sent earlier"),
    "skipped": _l("skipped: another run was under way"),
    "sent": _l("sent"),
    "queued": _l("still waiting"),
    "failed": _l("failed"),
    "missing": _l("missing"),
    "offices": _l("block offices told"),
    "gram_panchayats": _l("gram panchayats told"),
    "no_mobile": _l("no mobile number"),
    "gps_no_account": _l("gram panchayats without a staff account"),
    "gps_no_mobile": _l("gram panchayats whose staff have no mobile number"),
    "gps_no_account_codes": _l("without a staff account (codes)"),
    "gps_no_mobile_codes": _l("without a mobile number (codes)"),
}


def summary_words(run: TaskRun | None) -> str:
    """A run's summary, in the page's language."""
    if run is None or not run.summary:
        return ""
    try:
        counts = json.loads(run.summary)
    except ValueError:
        return run.summary
    if not isinstance(counts, dict):
        return run.summary
    if "error" in counts:
        return str(counts["error"])
    words = [f"{SUMMARY_LABELS.get(k, k)}: {v}" for k, v in counts.items()]
    return " · ".join(words) if words else _("nothing to do")


def _task_rows():
    from tasks import SCHEDULE

    rows = []
    for name, (what, when) in SCHEDULE.items():
        runs = TaskRun.select().where(TaskRun.task == name).order_by(TaskRun.id.desc())
        last = runs.first()
        failed = runs.where(TaskRun.ok == False).first()  # noqa: E712
        rows.append({"name": name, "what": what, "when": when, "last": last, "failed": failed})
    return rows


@bp.route("/tasks")
@requires("admin")
def tasks():
    today = clock.today_ist()
    return render(
        "alerts/tasks.html",
        rows=_task_rows(),
        summary_words=summary_words,
        alerts=alerts_for(since=today - dt.timedelta(days=2), limit=30),
    )


# --- the alert log ------------------------------------------------------------------

# Who sees the pendency dashboard, whose "who was told" links here.
LOG_ROLES = ("district_manager", "admin", "block_officer", "office_head", "office_user")


@bp.route("/log")
@requires(*LOG_ROLES)
def log():
    offices = offices_seen_by(current_user)
    office = None
    raw = request.args.get("office_id", "")
    if raw:
        seen = Office.select().where(office_condition(current_user))
        office = get_scoped_or_404(seen, raw)
        offices = [office.id]
    page = alert_log(
        offices,
        after=Cursor.parse(request.args.get("after")),
        before=Cursor.parse(request.args.get("before")),
    )
    return render(
        "alerts/log.html",
        page=page,
        office=office,
        outcome=outcome,
        channels=CHANNEL_NAMES,
        args={"office_id": office.id} if office else {},
    )


# --- holidays ---------------------------------------------------------------------


def _holidays_page(form, status=200, error=None):
    since = clock.today_ist().replace(month=1, day=1) - dt.timedelta(days=366)
    rows = workdays.holidays_from(since)
    return render(
        "alerts/holidays.html",
        form=form,
        days_off=workdays.days_off_words(),
        rows=rows,
        error=error,
        status=status,
    )


@bp.route("/holidays", methods=["GET", "POST"])
@requires("admin")
def holidays():
    form = HolidayForm()
    if form.validate_on_submit():
        try:
            day = workdays.add_holiday(
                form.date.data, form.name_en.data, form.name_local.data, actor=current_user
            )
        except workdays.HolidayError as err:
            return _holidays_page(form, 400, str(err))
        flash(_("Added %(name)s on %(date)s.", name=day.name_en, date=day.date.isoformat()), "ok")
        return redirect(url_for("alerts.holidays"), 303)
    if form.errors:
        return _holidays_page(form, 400)
    return _holidays_page(HolidayForm(formdata=None))


@bp.route("/holidays/delete", methods=["POST"])
@requires("admin")
def delete_holiday():
    form = RowForm()
    if form.validate_on_submit() and workdays.delete_holiday(form.row_id.data, actor=current_user):
        flash(_("The holiday is deleted."), "ok")
    else:
        flash(_("That holiday is not on the list; nothing was deleted."), "error")
    return redirect(url_for("alerts.holidays"), 303)


# --- charges ----------------------------------------------------------------------


def _charges_page(form, status=200, error=None):
    today = clock.today_ist()
    return render(
        "alerts/charges.html",
        form=form,
        rows=charge_book.current_and_coming(today),
        today=today,
        error=error,
        status=status,
    )


@bp.route("/charges", methods=["GET", "POST"])
@requires("admin")
def charges():
    form = ChargeForm()
    if form.validate_on_submit():
        try:
            row = charge_book.assign(
                post=form.post.data,
                place_code=form.place_code.data,
                username=form.username.data,
                reason=form.reason.data,
                from_text=form.from_date.data,
                to_text=form.to_date.data,
                instead_of=form.instead_of.data,
                note=form.note.data,
                actor=current_user,
            )
        except charge_book.ChargeError as err:
            return _charges_page(form, 400, str(err))
        flash(
            _(
                "%(name)s holds the charge of %(post)s from %(date)s.",
                name=row.user.username,
                post=row.post_label,
                date=row.from_date.isoformat(),
            ),
            "ok",
        )
        return redirect(url_for("alerts.charges"), 303)
    if form.errors:
        return _charges_page(form, 400)
    return _charges_page(ChargeForm(formdata=None, from_date=clock.today_ist().isoformat()))


@bp.route("/charges/end", methods=["POST"])
@requires("admin")
def end_charge():
    form = EndChargeForm()
    if not form.validate_on_submit():
        flash(_("Give the last day of the charge; nothing was changed."), "error")
        return redirect(url_for("alerts.charges"), 303)
    try:
        row = charge_book.end_charge(form.row_id.data, form.to_date.data, actor=current_user)
    except charge_book.ChargeError as err:
        flash(str(err), "error")
    else:
        flash(_("The charge ends on %(date)s.", date=row.to_date.isoformat()), "ok")
    return redirect(url_for("alerts.charges"), 303)
