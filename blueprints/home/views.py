from flask import current_app, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.home import bp
from blueprints.home.lines import worklist
from blueprints.home.services import home_context
from core.access import public
from core.db import db
from core.i18n import LANG_COOKIE
from core.render import render
from core.security import bad_request, safe_next


@bp.route("/")
@public
def index():
    if not current_user.is_authenticated:
        return render("home/public.html")
    return render(
        f"home/{current_user.role}.html",
        worklist=worklist(current_user),
        **home_context(current_user),
    )


@bp.route("/lang/<code>")
@public
def language(code):
    if code not in current_app.config["LANGUAGES"]:
        return bad_request(_("That language is not available. Choose English, हिन्दी or मराठी."))
    response = redirect(safe_next(request.args.get("next"), url_for("home.index")), 303)
    response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@bp.route("/healthz")
@public
def health():
    db.execute_sql("SELECT 1")
    return {"ok": True}


@bp.route("/favicon.ico")
@public
def favicon():
    # Browsers ask for it on every first visit; an empty answer cached for a
    # year costs less on 2G than a 404 page.
    response = current_app.response_class(status=204)
    response.cache_control.max_age = 365 * 24 * 3600
    response.cache_control.public = True
    return response
