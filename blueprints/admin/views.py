from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.accounts import services as accounts
from blueprints.accounts.forms import ConfirmForm, ReasonForm, UserForm
from blueprints.accounts.models import ROLES, User
from blueprints.accounts.sessions import active_for
from blueprints.accounts.throttle import is_locked_anywhere, locked_now
from blueprints.admin import bp
from blueprints.admin.forms import MasterNameForm
from blueprints.masters.models import Block, GramPanchayat, Office, Tehsil, Village
from core import audit, notify
from core.access import get_scoped_or_404, requires
from core.audit import AuditEvent
from core.db import db, page_of
from core.notify import Notification, active_alerts
from core.paging import Cursor, keyset_page
from core.render import page_arg, render

PAGE = 50
EDITABLE_MASTERS = {
    "tehsil": Tehsil,
    "block": Block,
    "gram_panchayat": GramPanchayat,
    "village": Village,
    "office": Office,
}


@bp.route("/users")
@requires("admin")
def users():
    role = request.args.get("role", "")
    q = request.args.get("q", "").strip()[:60]
    locked = request.args.get("locked") == "1"
    query = User.select().order_by(User.role, User.username)
    if role in ROLES:
        query = query.where(User.role == role)
    if q:
        query = query.where(
            User.username.contains(q.lower())
            | User.full_name.ilike(f"%{q}%")
            | User.full_name_local.contains(q)
        )
    if locked:
        query = query.where(locked_now())
    page = page_arg()
    rows, has_next = page_of(query, page, PAGE)
    args = {k: v for k, v in {"role": role, "q": q, "locked": "1" if locked else ""}.items() if v}
    return render(
        "admin/users.html",
        "admin/_user_table.html",
        rows=rows,
        has_next=has_next,
        page=page,
        role=role,
        q=q,
        roles=ROLES,
        args=args,
    )


@bp.route("/users/new", methods=["GET", "POST"])
@requires("admin")
def new_user():
    form = UserForm()
    status = 200
    if form.validate_on_submit():
        try:
            user = accounts.create_user(
                current_user,
                username=form.username.data,
                full_name=form.full_name.data,
                full_name_local=form.full_name_local.data,
                role=form.role.data,
                password=form.password.data,
                binding_code=form.binding_code.data,
                mobile=form.mobile.data,
                email=form.email.data,
            )
        except accounts.UserError as err:
            form.binding_code.errors.append(str(err))
            status = 400
        else:
            flash(_("User %(name)s created.", name=user.username), "ok")
            return redirect(url_for("admin.user", user_id=user.id), 303)
    elif form.errors:
        status = 400
    return render("admin/user_new.html", form=form, status=status)


@bp.route("/users/<int:user_id>")
@requires("admin")
def user(user_id):
    row = get_scoped_or_404(User.select(), user_id)
    events = list(
        AuditEvent.select()
        .where((AuditEvent.object_type == "user") & (AuditEvent.object_id == str(row.id)))
        .order_by(AuditEvent.id.desc())
        .limit(20)
    )
    return render(
        "admin/user.html",
        user=row,
        events=events,
        actors=audit.actor_names(events),
        reason_form=ReasonForm(formdata=None),
        confirm_form=ConfirmForm(formdata=None),
        locked=is_locked_anywhere(row),
        live_sessions=len(active_for(row.id)),
    )


def _user_action(user_id, action):
    row = get_scoped_or_404(User.select(), user_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Give a reason of at least 5 characters; nothing was changed."), "error")
        return redirect(url_for("admin.user", user_id=row.id), 303)
    action(row, form.reason.data)
    return redirect(url_for("admin.user", user_id=row.id), 303)


@bp.route("/users/<int:user_id>/reset-2fa", methods=["POST"])
@requires("admin")
def reset_2fa(user_id):
    def act(row, reason):
        accounts.reset_second_factor(row, current_user, reason)
        flash(_("Two-step sign-in was reset. The user sets it up again at the next sign-in."), "ok")

    return _user_action(user_id, act)


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@requires("admin")
def deactivate(user_id):
    def act(row, reason):
        if row.id == current_user.id:
            flash(_("You cannot deactivate your own account."), "error")
            return
        accounts.set_active(row, False, current_user, reason)
        flash(_("The account is deactivated and signed out everywhere."), "ok")

    return _user_action(user_id, act)


@bp.route("/users/<int:user_id>/activate", methods=["POST"])
@requires("admin")
def activate(user_id):
    def act(row, reason):
        accounts.set_active(row, True, current_user, reason)
        flash(_("The account is active again."), "ok")

    return _user_action(user_id, act)


@bp.route("/users/<int:user_id>/end-sessions", methods=["POST"])
@requires("admin")
def end_sessions(user_id):
    def act(row, reason):
        accounts.end_sessions(row, current_user, reason)
        flash(_("The user is signed out everywhere."), "ok")

    return _user_action(user_id, act)


@bp.route("/users/<int:user_id>/unlock", methods=["POST"])
@requires("admin")
def unlock(user_id):
    row = get_scoped_or_404(User.select(), user_id)
    if ConfirmForm().validate_on_submit():
        accounts.unlock(row, current_user)
        flash(_("The account is unlocked."), "ok")
    return redirect(url_for("admin.user", user_id=row.id), 303)


@bp.route("/audit")
@requires("admin")
def audit_log():
    action = request.args.get("action", "").strip()[:60]
    query = AuditEvent.select().order_by(AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action.startswith(action))
    page = page_arg()
    rows, has_next = page_of(query, page, PAGE)
    actors = audit.actor_names(rows)
    return render(
        "admin/audit.html",
        events=rows,
        actors=actors,
        action=action,
        page=page,
        has_next=has_next,
        args={"action": action} if action else {},
    )


@bp.route("/outbox")
@requires("admin")
def outbox():
    search = " ".join(request.args.get("q", "").split())[: notify.SEARCH_MAX]
    channel = request.args.get("channel", "")
    state = request.args.get("status", "")
    errors = []
    if channel and channel not in notify.CHANNEL_LABELS:
        errors.append(_("Choose a channel from the list."))
        channel = ""
    if state and state not in notify.OUTBOX_STATUSES:
        errors.append(_("Choose a status from the list."))
        state = ""
    page = keyset_page(
        notify.outbox(search, channel, state),
        Notification.created_at,
        Notification.id,
        after=Cursor.parse(request.args.get("after")),
        before=Cursor.parse(request.args.get("before")),
        size=PAGE,
        newest_first=True,
    )
    args = {k: v for k, v in (("q", search), ("channel", channel), ("status", state)) if v}
    return render(
        "admin/outbox.html",
        page=page,
        q=search,
        channel=channel,
        state=state,
        channels=notify.CHANNEL_LABELS,
        errors=errors,
        gateway_alerts=active_alerts(),
        args=args,
        status=400 if errors else 200,
    )


@bp.route("/masters/<kind>/<int:row_id>", methods=["GET", "POST"])
@requires("admin")
def edit_master(kind, row_id):
    model = EDITABLE_MASTERS.get(kind)
    if model is None:
        abort(404)
    row = get_scoped_or_404(model.select(), row_id)
    form = MasterNameForm(obj=row)
    status = 200
    if form.validate_on_submit():
        before = {"name_en": row.name_en, "name_local": row.name_local}
        with db.atomic():
            row.name_en = form.name_en.data.strip()
            row.name_local = form.name_local.data.strip()
            row.save(only=[model.name_en, model.name_local])
            audit.record(
                "master.renamed",
                kind,
                row.id,
                before=before,
                after={"name_en": row.name_en, "name_local": row.name_local},
            )
        flash(_("Saved."), "ok")
        return redirect(url_for("admin.edit_master", kind=kind, row_id=row.id), 303)
    elif form.errors:
        status = 400
    return render("admin/master_edit.html", form=form, row=row, kind=kind, status=status)
