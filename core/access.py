"""Access rules, checked in one place.

Each view declares who may call it with @public or @requires(...). A
before_request hook enforces the declaration and refuses any endpoint that has
none, so a forgotten rule fails closed. Objects are fetched through scoped
queries: an out-of-jurisdiction id answers 404, exactly like a missing one."""

import peewee as pw
from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

PUBLIC = "public"
ANY_USER = "any_user"
STAFF_ROLES = (
    "csc_operator",
    "gp_staff",
    "office_user",
    "office_head",
    "block_officer",
    "district_manager",
    "admin",
    "establishment",
)
# Every role but the CSC operator, a private village-level entrepreneur: the
# offices' internals (the employee register, VC rooms and reviews, tasks) are
# for government staff; an operator sees what concerns its own centre.
GOVERNMENT_STAFF = tuple(role for role in STAFF_ROLES if role != "csc_operator")
DISTRICT_WIDE = frozenset({"district_manager", "admin"})
# Roles bound to one office, whose area (or the district, for a district-level
# office) they see. The establishment (HR) user sits in a district office.
OFFICE_BOUND = ("office_user", "office_head", "establishment")


def public(view):
    view.access_rule = (PUBLIC,)
    return view


def requires(*roles):
    """@requires() is any signed-in user; @requires('admin') one role."""

    def mark(view):
        view.access_rule = tuple(roles) or (ANY_USER,)
        return view

    return mark


def rule_of(endpoint: str):
    view = current_app.view_functions.get(endpoint)
    if view is None:
        return None
    return getattr(view, "access_rule", None)


def allowed(rule, user) -> bool:
    if rule is None:
        return False
    if PUBLIC in rule:
        return True
    if not user.is_authenticated:
        return False
    return ANY_USER in rule or user.role in rule


def may_open(endpoint: str) -> bool:
    """Whether the signed-in user's role may open `endpoint`: what a menu
    asks before it offers a link (templates call it as may_open)."""
    return allowed(rule_of(endpoint), current_user)


def denial():
    """What the access rule says to this request: None (go on), a redirect to
    sign in, or 403. Also asked by the 413 handler, which runs before this
    check would have (the size is refused before the body is read)."""
    if request.endpoint is None:  # 404/405: let Flask answer
        return None
    rule = rule_of(request.endpoint)
    if rule is None:
        current_app.logger.error("endpoint %s declares no access rule", request.endpoint)
        return 403
    if PUBLIC in rule:
        return None
    if not current_user.is_authenticated:
        flash(_("Please sign in to continue."), "info")
        nxt = request.full_path if request.method == "GET" else None
        session["next"] = nxt
        return redirect(url_for("accounts.login"))
    if not allowed(rule, current_user):
        return 403
    return None


def init_app(app):
    app.jinja_env.globals["may_open"] = may_open

    @app.before_request
    def _enforce():
        refused = denial()
        if refused == 403:
            abort(403)
        return refused


# --- jurisdiction -----------------------------------------------------------


def gp_condition(user):
    """A peewee expression over GramPanchayat selecting the user's area."""
    from blueprints.masters.models import Block, GramPanchayat

    if user.role in DISTRICT_WIDE:
        return pw.SQL("1 = 1")
    if user.role == "csc_operator":
        return GramPanchayat.id == user.csc.gram_panchayat_id
    if user.role == "gp_staff":
        return GramPanchayat.id == user.gram_panchayat_id
    if user.role == "block_officer":
        if user.block_id:
            return GramPanchayat.block == user.block_id
        return GramPanchayat.block.in_(Block.select(Block.id).where(Block.tehsil == user.tehsil_id))
    if user.role in OFFICE_BOUND:
        office = user.office
        if office.block_id:
            return GramPanchayat.block == office.block_id
        if office.tehsil_id:
            return GramPanchayat.block.in_(
                Block.select(Block.id).where(Block.tehsil == office.tehsil_id)
            )
        if office.level == "district":
            return pw.SQL("1 = 1")
    return pw.SQL("1 = 0")


def block_condition(user):
    from blueprints.masters.models import Block, GramPanchayat

    if user.role in DISTRICT_WIDE:
        return pw.SQL("1 = 1")
    return Block.id.in_(GramPanchayat.select(GramPanchayat.block).where(gp_condition(user)))


def tehsil_condition(user):
    from blueprints.masters.models import Block, Tehsil

    if user.role in DISTRICT_WIDE:
        return pw.SQL("1 = 1")
    if user.role == "block_officer" and user.tehsil_id:
        return Tehsil.id == user.tehsil_id
    if user.role in OFFICE_BOUND:
        office = user.office
        if office.municipality_id:
            return Tehsil.id == office.municipality.tehsil_id
        if office.tehsil_id and not office.block_id:
            return Tehsil.id == office.tehsil_id
    return Tehsil.id.in_(Block.select(Block.tehsil).where(block_condition(user)))


def office_condition(user):
    """Offices a user may look at: district-wide roles all; an office's users
    their own office and those below it; others the offices of their area."""
    from blueprints.masters.models import Office

    # The establishment (HR) keeps the register of every office's staff.
    if user.role in DISTRICT_WIDE or user.role == "establishment":
        return pw.SQL("1 = 1")
    if user.role in OFFICE_BOUND:
        return (Office.id == user.office_id) | (Office.parent == user.office_id)
    from blueprints.masters.models import Block, Tehsil

    blocks = Block.select(Block.id).where(block_condition(user))
    tehsils = Tehsil.select(Tehsil.id).where(tehsil_condition(user))
    return (
        (Office.level == "district")
        | Office.block.in_(blocks)
        | (Office.block.is_null() & Office.tehsil.in_(tehsils))
    )


def get_scoped_or_404(query, model_id):
    """Fetch one row from an already-scoped query, or answer 404."""
    try:
        model_id = int(model_id)
    except (TypeError, ValueError):
        abort(404)
    if not 0 < model_id < 2**31:  # beyond an integer column: no such row
        abort(404)
    obj = query.where(query.model.id == model_id).first()
    if obj is None:
        abort(404)
    return obj
