"""The office desk: the queue of work addressed to the user's office, and the
actions an office takes on an application (the forms live on the
application's page, templates/applications/_actions.html)."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.applications.action_form import ActionForm
from blueprints.applications.models import Application
from blueprints.applications.scope import visible_applications
from blueprints.applications.search import cleaned
from blueprints.applications.statuses import OPEN_STATUS_LABELS, OPEN_STATUSES
from blueprints.applications.workflow import (
    DESK_ROLES,
    TransitionError,
    allowed_actions,
    clock_of,
    transition,
)
from blueprints.desk import bp
from blueprints.desk.queue import queue_page, services_in_queue
from core import audit, clock
from core.access import get_scoped_or_404, requires
from core.paging import Cursor
from core.render import render, wants_fragment


def _clock_today():
    """clock_of with "today" fixed once for the whole page."""
    today = clock.today_ist()
    return lambda application: clock_of(application, today)


def _service_arg() -> int | None:
    try:
        value = int(request.args.get("service", ""))
    except ValueError:
        return None
    return value if 0 < value < 2**31 else None


@bp.route("/")
@requires(*DESK_ROLES)
def queue():
    office_id = current_user.office_id
    service_id = _service_arg()
    status = request.args.get("status", "")
    if status not in OPEN_STATUSES:
        status = ""
    search = cleaned(request.args.get("q"))
    after = Cursor.parse(request.args.get("after"))
    before = None if after else Cursor.parse(request.args.get("before"))
    page = queue_page(
        office_id,
        service_id=service_id,
        status=status or None,
        search=search,
        after=after,
        before=before,
    )
    # The filter form is not part of the fragment: skip its query there.
    services = [] if wants_fragment() else services_in_queue(office_id)
    args = {k: v for k, v in {"q": search, "service": service_id, "status": status}.items() if v}
    # The queue shows applicants' names: a view of personal data, recorded.
    audit.record("queue.viewed", "office", office_id)
    return render(
        "desk/queue.html",
        "desk/_queue_table.html",
        page=page,
        services=services,
        service_id=service_id,
        status_filter=status,
        search=search,
        open_statuses=OPEN_STATUS_LABELS,
        args=args,
        clock_of=_clock_today(),
        paged=after is not None or before is not None,
    )


def _own_application(pk) -> Application:
    """An application addressed to the user's office, or 404: one of another
    office is not found, exactly like a missing one."""
    query = visible_applications(current_user).where(Application.office == current_user.office_id)
    return get_scoped_or_404(query, pk)


# An id beyond the integer column is simply not found (not a database error).
@bp.route("/applications/<int:pk>/act", methods=["POST"])
@requires(*DESK_ROLES)
def act(pk):
    application = _own_application(pk)
    form = ActionForm()
    if form.validate_on_submit():
        fields = {}
        if form.action.data == "deliver":
            fields["certificate_no"] = form.certificate_no.data
        try:
            transition(
                application.id,
                form.action.data,
                current_user,
                form.remark.data or "",
                reason=form.reason.data or "",
                **fields,
            )
        except TransitionError as err:
            form.remark.errors.append(str(err))
        else:
            done = Application.get_by_id(application.id)
            flash(
                _("Application %(id)s: %(status)s.", id=done.app_id, status=done.status_label),
                "ok",
            )
            return redirect(url_for("applications.detail", pk=application.id), 303)
    # Nothing changed: show the state as it is now (another desk may have
    # acted meanwhile) with what was typed and why it was refused.
    application = _own_application(pk)
    return render(
        "desk/act.html",
        "applications/_actions.html",
        status=400,
        application=application,
        actions=allowed_actions(application, current_user),
        action_form=form,
        clock=clock_of(application, clock.today_ist()),
    )
