"""Security headers, CSRF, rate limits, idle sessions and friendly errors.

Every error a user can cause answers with a page in their language and a 4xx
status; nothing is half-written because each view writes inside a transaction
and only after its form has validated."""

import time

from flask import abort, flash, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import current_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from core.render import render

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

ERROR_MESSAGES = {
    400: _l("The request could not be understood. Please check what you entered and try again."),
    401: _l("Please sign in to continue."),
    403: _l("You do not have access to this page."),
    404: _l("We could not find that page. Check the address, or go back to the home page."),
    405: _l("That action is not possible on this page."),
    413: _l("What you sent is too large. Send a smaller file or less text."),
    429: _l("Too many attempts. Please wait a minute and try again."),
}
ERROR_TITLES = {
    400: _l("Bad request"),
    401: _l("Sign in needed"),
    403: _l("Access denied"),
    404: _l("Page not found"),
    405: _l("Not allowed"),
    413: _l("Too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong"),
}


HSTS = "max-age=31536000; includeSubDomains"

# Shared, cacheable responses that must never read the session.
SESSIONLESS_ENDPOINTS = frozenset({"asset", "static", "home.favicon", "home.health"})


class SessionInterface(SecureCookieSessionInterface):
    """Shared responses (assets, favicon) never carry the session: no
    Set-Cookie and no "Vary: Cookie", so every cache may keep them."""

    def save_session(self, app, session, response):
        if request.endpoint in SESSIONLESS_ENDPOINTS:
            return
        super().save_session(app, session, response)


def error_page(status: int, message=None):
    return render(
        "errors/error.html",
        status=status,
        code=status,
        title=ERROR_TITLES.get(status, ERROR_TITLES[500]),
        message=message or ERROR_MESSAGES.get(status) or _("Please try again later."),
    )


def bad_request(message):
    """A 400 page with a message the user can act on (already translated)."""
    return error_page(400, message)


# endpoint -> view answering a 413 in place (e.g. beside an upload field).
TOO_LARGE_VIEWS: dict = {}


def too_large_handler(endpoint: str):
    def register(fn):
        TOO_LARGE_VIEWS[endpoint] = fn
        return fn

    return register


def safe_next(target, fallback: str) -> str:
    """A same-site path to go back to, or `fallback`. Browsers drop tabs and
    newlines and read backslashes as slashes, so any of those is refused."""
    target = target or ""
    if (
        not target.startswith("/")
        or target.startswith("//")
        or any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in target)
    ):
        return fallback
    return target


def init_app(app):
    app.session_interface = SessionInterface()
    hops = int(app.config["PROXY_HOPS"])
    if hops:
        # Only the addresses the configured proxies appended are believed.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    @app.before_request
    def _too_large():
        # Refuse an oversized form before anything (the CSRF check included)
        # reads it, so the user hears "too large", not "form expired".
        length = request.content_length or 0
        limit = app.config["MAX_FORM_MEMORY_SIZE"]
        if request.mimetype == "multipart/form-data":
            limit = app.config["MAX_CONTENT_LENGTH"]
        if length > limit:
            abort(413)

    @app.before_request
    def _no_nul():
        # No text a person types holds a NUL, and PostgreSQL refuses one in
        # any string: refuse it here, once, instead of as a database error.
        if request.endpoint in SESSIONLESS_ENDPOINTS:
            return None
        texts = [request.path, *request.args.values()]
        if request.method == "POST":
            texts.extend(request.form.values())
        if any("\x00" in text for text in texts):
            return bad_request(_("The request holds a character that no form accepts (NUL)."))
        return None

    csrf.init_app(app)
    if app.config.get("REDIS_URL") and not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        if app.config["HSTS"]:
            response.headers["Strict-Transport-Security"] = HSTS
        if response.mimetype == "text/html" and "Cache-Control" not in response.headers:
            # Pages carry personal data: revalidate, never share between users.
            response.headers["Cache-Control"] = "private, no-cache"
            if request.method == "GET" and response.status_code == 200:
                # A repeat visit of an unchanged page costs a 304 and no body.
                response.add_etag(weak=True)
                response.make_conditional(request)
        return response

    @app.before_request
    def _idle_timeout():
        from blueprints.accounts import sessions

        if request.endpoint in SESSIONLESS_ENDPOINTS:
            return None  # touching the session would add "Vary: Cookie"
        # The loader ends a session idle on the server (g.session_idle); the
        # cookie's own clock catches it a little sooner.
        if not current_user.is_authenticated and not g.get("session_idle"):
            return None
        now = int(time.time())
        last = session.get("seen", now)
        idle = app.config["SESSION_IDLE_SECONDS"]
        if g.get("session_idle") or now - last > idle:
            sessions.end_current("idle")
            logout_user()
            session.clear()
            flash(_("Your session expired because it was idle. Please sign in again."), "info")
            if request.method == "GET":
                session["next"] = request.full_path
            return redirect(url_for("accounts.login"), 303)
        # Write the cookie seldom, to keep it stable.
        if now - last > sessions.touch_interval(idle) or "seen" not in session:
            session["seen"] = now
        return None

    @app.errorhandler(CSRFError)
    def _csrf(err):
        return error_page(
            400,
            _(
                "This form has expired or was sent from elsewhere. "
                "Nothing was saved. Please open the page again and resend it."
            ),
        )

    @app.errorhandler(HTTPException)
    def _http(err):
        if err.code is None or err.code < 400:
            return err
        if err.code == 413:
            # Access first, size second: an anonymous or out-of-role sender
            # hears what the access rule says, never the page's own refusal.
            from core.access import denial

            refused = denial()
            if refused is not None:
                return error_page(403) if refused == 403 else refused
            if request.endpoint in TOO_LARGE_VIEWS:
                try:
                    return TOO_LARGE_VIEWS[request.endpoint]()
                except HTTPException as inner:  # e.g. 404: not in the user's area
                    return error_page(inner.code)
        return error_page(err.code)

    @app.errorhandler(Exception)
    def _crash(err):
        app.logger.exception("unhandled error")
        return error_page(500, _("Something went wrong on our side. It has been logged."))
