"""Public tracking by application ID (HTML, plain text, JSON) and the inbound
SMS webhook. No sign-in; every route is rate-limited per client."""

import hmac

from flask import current_app, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from blueprints.applications import ids
from blueprints.track import bp, sms
from blueprints.track import services as svc
from core import notify
from core.access import public
from core.render import render
from core.security import csrf, error_page, limiter

FORMATS = {"html": "text/html", "txt": "text/plain", "json": "application/json"}
BY_MIMETYPE = {mimetype: name for name, mimetype in FORMATS.items()}
# The page depends on these besides the URL (the language comes from the
# cookie or Accept-Language).
VARY = ("Accept", "Accept-Language", "Cookie")
# Arguments a redirect to the canonical URL keeps.
KEPT_ARGS = ("s", "format")


def _track_limit() -> str:
    return current_app.config.get("TRACK_RATE_LIMIT", "30 per minute")


def _inbound_limit() -> str:
    return current_app.config.get("SMS_INBOUND_RATE_LIMIT", "120 per minute")


def _sender_limit() -> str:
    return current_app.config.get("SMS_INBOUND_SENDER_LIMIT", "10 per hour")


# One budget for the form and the status pages together.
track_limit = limiter.shared_limit(_track_limit, scope="track")


def wanted_format() -> str:
    """?format=txt|json, else what the Accept header prefers (HTML for a
    browser, and for a client that accepts anything)."""
    name = request.args.get("format", "")
    if name in FORMATS:
        return name
    best = request.accept_mimetypes.best_match(list(FORMATS.values()), default="text/html")
    return BY_MIMETYPE.get(best, "html")


def _finish(response, max_age: int = 0):
    response.vary.update(VARY)
    # A signed-in page carries the user's name and menu: on a shared counter
    # PC it must not be shown again from the cache after sign-out.
    if max_age and not current_user.is_authenticated:
        response.headers["Cache-Control"] = f"private, max-age={max_age}"
    else:
        response.headers["Cache-Control"] = "private, no-cache"
    return response


def _plain(text: str, status: int = 200):
    response = make_response(text, status)
    response.mimetype = "text/plain"
    return response


def _form_page(status: int = 200, error=None, typed: str = ""):
    return render(
        "track/index.html",
        status=status,
        error=error,
        typed=typed,
        example=sms.example_id(),
        sms_number=current_app.config.get("SMS_INBOUND_NUMBER", ""),
    )


def _refusal(status: int, message, reason: str, typed: str = ""):
    """A 400 or 404 in the format asked for; the HTML one keeps what was
    typed in the form, with the message next to it."""
    fmt = wanted_format()
    if fmt == "json":
        response = jsonify(error=str(message), reason=reason)
        response.status_code = status
    elif fmt == "txt":
        response = _plain(f"{message}\n", status)
    else:
        response = _form_page(status, message, typed)
    return _finish(response)


def _bad_id(err: ids.BadId, typed: str):
    messages = {"check": svc.CHECK_MESSAGE, "district": svc.DISTRICT_MESSAGE}
    message = messages.get(err.reason) or svc.SHAPE_MESSAGE % {"example": sms.example_id()}
    return _refusal(400, message, err.reason, typed[:40])


def _parse(text: str) -> str:
    return ids.parse_id(text, district=current_app.config["DISTRICT_CODE"])


def _kept_args() -> dict:
    return {k: request.args[k] for k in KEPT_ARGS if request.args.get(k)}


@bp.route("/track")
@public
@track_limit
def index():
    typed = request.args.get("id", "").strip()
    if not typed:
        return _finish(_form_page())
    try:
        app_id = _parse(typed)
    except ids.BadId as err:
        # A mistyped ID is refused before any lookup: it must never open
        # somebody else's application.
        return _bad_id(err, typed)
    if svc.lookup(app_id) is None:
        return _refusal(404, svc.UNKNOWN_MESSAGE, "not_found", app_id)
    return redirect(url_for("track.status", app_id=app_id, **_kept_args()), 303)


@bp.route("/track/<app_id>")
@public
@track_limit
def status(app_id):
    try:
        canonical = _parse(app_id)
    except ids.BadId as err:
        return _bad_id(err, app_id)
    if canonical != app_id:
        return redirect(url_for("track.status", app_id=canonical, **_kept_args()), 301)
    app = svc.lookup(canonical)
    if app is None:
        return _refusal(404, svc.UNKNOWN_MESSAGE, "not_found", canonical)
    info = svc.summary(app, request.args.get("s"))
    fmt = wanted_format()
    if fmt == "json":
        response = jsonify(svc.as_json(info))
    elif fmt == "txt":
        response = _plain(render_template("track/status.txt", info=info))
    else:
        response = render("track/status.html", info=info)
    return _finish(response, max_age=60)


@bp.errorhandler(429)
def too_many(err):
    if request.endpoint == "track.sms_inbound":
        return jsonify(error="too many requests"), 429
    fmt = wanted_format()
    if fmt == "json":
        response = jsonify(error=str(svc.RATE_MESSAGE), reason="rate_limit")
        response.status_code = 429
    elif fmt == "txt":
        response = _plain(f"{svc.RATE_MESSAGE}\n", 429)
    else:
        response = error_page(429, svc.RATE_MESSAGE)
    return _finish(response)


def _authentic() -> bool:
    secret = current_app.config.get("SMS_INBOUND_SECRET", "")
    token = request.headers.get("X-Zila-Token", "")
    # No secret configured: the webhook is off, not open.
    return bool(secret) and hmac.compare_digest(token.encode(), secret.encode())


@bp.route("/sms/inbound", methods=["POST"])
@public
@csrf.exempt
@limiter.limit(_inbound_limit)
def sms_inbound():
    if not _authentic():
        return jsonify(error="forbidden"), 403
    data = request.get_json(silent=True) if request.is_json else request.form
    if not isinstance(data, dict):
        data = {}
    sender = sms.normalise_mobile(str(data.get("from", "")))
    if not 10 <= len(sender) <= 15:
        return jsonify(error="'from' must be a mobile number"), 400
    # One number may not make us send SMS without end.
    with limiter.limit(_sender_limit, key_func=lambda: f"sms-from:{sender}"):
        reply = sms.reply_to(str(data.get("text", ""))[:500])
    message_id = str(data.get("id", ""))[:60]
    notify.queue("sms", sender, reply, dedupe_key=f"sms-in:{message_id}" if message_id else None)
    return jsonify(reply=reply)
