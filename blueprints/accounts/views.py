import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from blueprints.accounts import bp, sessions
from blueprints.accounts import services as svc
from blueprints.accounts.forms import (
    CodeForm,
    ConfirmForm,
    EndSessionForm,
    EnrolForm,
    PasswordChangeForm,
)
from blueprints.accounts.models import User
from blueprints.masters import services as places
from core import audit, clock
from core.access import GOVERNMENT_STAFF, STAFF_ROLES, get_scoped_or_404, public, requires
from core.auth import new_totp_secret, provisioning_uri, qr_svg
from core.render import render
from core.security import limiter, safe_next

PENDING_SECONDS = 300


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _sign_in(user: User):
    """A fresh session, cookie and server row alike: no fixation."""
    session.clear()
    login_user(user)
    sessions.start(user)


def _complete_login(user: User):
    target = session.get("next")
    _sign_in(user)
    user.last_login_at = clock.now()
    user.save(only=[User.last_login_at])
    audit.record("login", "user", user.id, actor=user)
    return redirect(safe_next(target, url_for("home.index")), 303)


def _start_pending(user: User, step: str):
    target = session.get("next")
    session.clear()
    session["pending"] = {"uid": user.id, "v": user.session_version, "at": time.time()}
    session["pending_step"] = step
    session["next"] = target


def _pending_user(step: str):
    pending = session.get("pending")
    if not pending or session.get("pending_step") != step:
        return None
    if time.time() - pending["at"] > PENDING_SECONDS:
        session.pop("pending", None)
        flash(_("Signing in took too long. Please enter your password again."), "info")
        return None
    user = User.get_or_none(User.id == pending["uid"])
    if user is None or user.session_version != pending["v"] or not user.is_active:
        return None
    return user


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login():
    from blueprints.accounts.forms import LoginForm

    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        result = svc.check_password(form.username.data, form.password.data)
        if result.user is None:
            form.password.errors.append(result.error)
            status = 429 if result.locked else 401
        elif result.user.totp_enabled:
            _start_pending(result.user, "code")
            return redirect(url_for("accounts.login_code"), 303)
        elif result.user.totp_required:
            _start_pending(result.user, "enrol")
            return redirect(url_for("accounts.login_enrol"), 303)
        else:
            return _complete_login(result.user)
    elif form.errors:
        status = 400
    return render("accounts/login.html", form=form, status=status)


@bp.route("/login/code", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login_code():
    user = _pending_user("code")
    if user is None:
        return redirect(url_for("accounts.login"), 303)
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        error = svc.check_second_factor(user, form.code.data)
        if error is None:
            return _complete_login(user)
        form.code.errors.append(error)
        status = 401
    elif form.errors:
        status = 400
    return render("accounts/login_code.html", form=form, status=status)


def _enrol(user: User, finish):
    """Show a new secret as QR and text; on a right code, store it and show
    the recovery codes once."""
    secret = session.get("enrol_secret")
    if not secret or request.method == "GET":
        secret = new_totp_secret()
        session["enrol_secret"] = secret
    form = EnrolForm()
    status = 200
    if form.validate_on_submit():
        try:
            codes = svc.enrol_totp(user, secret, form.code.data)
        except svc.UserError as err:
            form.code.errors.append(str(err))
            status = 400
        else:
            session.pop("enrol_secret", None)
            finish()
            return render("accounts/recovery_codes.html", codes=codes)
    elif form.errors:
        status = 400
    uri = provisioning_uri(secret, user.username)
    return render(
        "accounts/enrol.html",
        form=form,
        secret=secret,
        qr=qr_svg(uri),
        required=user.totp_required,
        status=status,
    )


@bp.route("/login/enrol", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@public
def login_enrol():
    user = _pending_user("enrol")
    if user is None:
        return redirect(url_for("accounts.login"), 303)

    def finish():
        target = session.get("next")
        _sign_in(user)
        session["next"] = target
        audit.record("login", "user", user.id, actor=user, with_enrolment=True)

    return _enrol(user, finish)


@bp.route("/account/2fa", methods=["GET", "POST"])
@requires()
def enrol():
    if current_user.totp_enabled:
        flash(_("Two-step sign-in is already on for your account."), "info")
        return redirect(url_for("accounts.account"))
    return _enrol(current_user, lambda: None)


@bp.route("/account/2fa/recovery-codes", methods=["POST"])
@limiter.limit(_login_limit)
@requires()
def new_recovery_codes():
    form = CodeForm()
    if not current_user.totp_enabled:
        return redirect(url_for("accounts.account"), 303)
    if form.validate_on_submit():
        error = svc.check_second_factor(current_user, form.code.data)
        if error is None:
            codes = svc.issue_recovery_codes(current_user)
            return render("accounts/recovery_codes.html", codes=codes)
        form.code.errors.append(error)
    return _account_page(code_form=form, status=400)


@bp.route("/logout", methods=["GET", "POST"])
@requires()
def logout():
    # GET asks for confirmation: the menu holds a plain link, not a form with
    # a per-request CSRF token, so pages stay byte-identical and revalidate
    # to "304 Not Modified" on a repeat visit.
    if request.method == "GET":
        return render("accounts/logout.html", form=ConfirmForm())
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("accounts.logout"), 303)
    audit.record("logout", "user", current_user.id)
    sessions.end_current("logout")
    logout_user()
    session.clear()
    flash(_("You have signed out."), "info")
    return redirect(url_for("accounts.login"), 303)


def _account_page(password_form=None, code_form=None, status=200):
    return render(
        "accounts/account.html",
        password_form=password_form or PasswordChangeForm(formdata=None),
        code_form=code_form or CodeForm(formdata=None),
        unused_codes=svc.unused_recovery_codes(current_user),
        live_sessions=sessions.active_for(current_user.id),
        this_session=sessions.current_id(),
        status=status,
    )


@bp.route("/account")
@requires()
def account():
    return _account_page()


@bp.route("/account/password", methods=["POST"])
@limiter.limit(_login_limit)
@requires()
def password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            svc.change_password(current_user, form.current.data, form.new.data)
        except svc.UserError as err:
            form.current.errors.append(str(err))
        else:
            # Every session ended with the old password; this browser gets a new one.
            _sign_in(User.get_by_id(current_user.id))
            flash(_("Your password has been changed. Other sessions were signed out."), "ok")
            return redirect(url_for("accounts.account"), 303)
    return _account_page(password_form=form, status=400)


@bp.route("/account/2fa/off", methods=["POST"])
@limiter.limit(_login_limit)
@requires()
def disable_2fa():
    form = CodeForm()
    if current_user.totp_required:
        flash(_("Your role must use two-step sign-in; it cannot be turned off."), "error")
        return redirect(url_for("accounts.account"), 303)
    if form.validate_on_submit():
        error = svc.check_second_factor(current_user, form.code.data)
        if error is None:
            svc.reset_second_factor(current_user, current_user, "turned off by the user")
            _sign_in(User.get_by_id(current_user.id))
            flash(_("Two-step sign-in is off."), "ok")
            return redirect(url_for("accounts.account"), 303)
        form.code.errors.append(error)
    return _account_page(code_form=form, status=400)


# An office's page lists its staff who sign in. Users sit above places in the
# kernel (accounts imports masters, never the reverse), so the page showing
# both is here; its URL stays with the other office pages under /masters.
@bp.route("/masters/offices/<int:office_id>")
@requires(*STAFF_ROLES)
def office(office_id):
    row = get_scoped_or_404(places.office_query(current_user), office_id)
    # Who has a login in an office is the offices' business, not a CSC's.
    staff = []
    if current_user.role in GOVERNMENT_STAFF:
        staff = list(
            User.select(User.full_name, User.full_name_local, User.role)
            .where((User.office == row.id) & (User.is_active_account == True))  # noqa: E712
            .order_by(User.role, User.full_name)
        )
    children = list(places.office_query(current_user).where(places.Office.parent == row.id))
    return render("masters/office.html", office=row, staff=staff, children=children)


@bp.route("/account/sessions/end", methods=["POST"])
@requires()
def end_session():
    form = EndSessionForm()
    mine = form.validate_on_submit() and form.session.data != sessions.current_id()
    if mine and sessions.end_one(current_user.id, form.session.data):
        audit.record("session.ended", "user", current_user.id, session=form.session.data)
        flash(_("That session is signed out."), "ok")
    return redirect(url_for("accounts.account"), 303)


@bp.route("/account/sessions/end-all", methods=["POST"])
@requires()
def end_all_sessions():
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("accounts.account"), 303)
    audit.record("account.sessions_ended", "user", current_user.id)
    sessions.end_all(current_user.id, "everywhere")
    logout_user()
    session.clear()
    flash(_("You have signed out everywhere."), "info")
    return redirect(url_for("accounts.login"), 303)
