"""The access guard, walked over the whole URL map: every endpoint declares a
rule; every GET route answers each role as its rule says; objects of another
tehsil answer 404 exactly like missing ones; POST routes refuse too.

`route_urls` and the helpers around it are shared with test_budget.py."""

import importlib
import importlib.util
from urllib.parse import urlsplit

import pytest

from blueprints import AREAS
from core import access
from core.access import STAFF_ROLES
from tests.core import walk as kernel_walk
from tests.core.walk import REPORT_PDF_ENDPOINTS

ANONYMOUS = "anonymous"
WHO = (ANONYMOUS, *STAFF_ROLES)
TOTP_ROLES = frozenset({"district_manager", "admin", "office_head", "establishment"})


# --- the route walk ----------------------------------------------------------


def get_rules(app):
    return sorted((r for r in app.url_map.iter_rules() if "GET" in r.methods), key=lambda r: r.rule)


def post_rules(app):
    """Every rule that takes a POST: actions and forms."""
    return sorted(
        (r for r in app.url_map.iter_rules() if "POST" in r.methods), key=lambda r: r.rule
    )


# Every area (blueprints.AREAS) whose routes take object ids provides tests/<area>/walk.py with a
# walk_values(app, place, user) -> {argument: value}; each is merged here.
# Its PUBLIC_ENDPOINTS (a set) adds to the pinned public endpoints below.
WALK_AREAS = tuple(area.name for area in AREAS)


def _walk_module(area):
    """tests/<area>/walk.py, or None where the area has none."""
    if importlib.util.find_spec(f"tests.{area}") is None:
        return None
    if importlib.util.find_spec(f"tests.{area}.walk") is None:
        return None
    return importlib.import_module(f"tests.{area}.walk")


def walk_values(app, place, user):
    values = kernel_walk.walk_values(app, place, user)
    for area in WALK_AREAS:
        module = _walk_module(area)
        if module is not None and hasattr(module, "walk_values"):
            values.update(module.walk_values(app, place, user))
    return values


def walk_objects(app, place):
    """A service, a submitted application of place 0 with one document, made
    once per test, so that every application route has something to show."""
    if getattr(place, "walk", None):
        return place.walk
    from blueprints.applications.models import ApplicationDocument
    from blueprints.applications.uploads import accept
    from tests.applications.conftest import photo_bytes
    from tests.factories import make_application, make_service, make_user

    with app.app_context():
        service = make_service(place)
        operator = make_user("csc_operator", place, username="walk-operator")
        application = make_application(place, service, operator)
        stored = accept(photo_bytes(size=(40, 30)))
        doc = ApplicationDocument.create(
            application=application,
            doc_key="photo",
            original_name="photo.jpg",
            mimetype=stored.mimetype,
            size=stored.size,
            stored_name=stored.stored_name,
            sha256=stored.sha256,
        )
    place.walk = {
        "service_id": service.id,
        "pk": application.id,
        "doc_id": doc.id,
        "app_id": application.app_id,
    }
    return place.walk


def url_values(app, place, user=None) -> dict:
    """Argument name -> value for building URLs: objects of place index 0 that
    `user` may see (its own office for office roles)."""
    from core.assets import assets

    office_id = place.block_offices[0].id
    if user is not None and user.office_id:
        office_id = user.office_id
    return {
        "tehsil_id": place.tehsils[0].id,
        "block_id": place.blocks[0].id,
        "gp_id": place.gps[0].id,
        "office_id": office_id,
        "user_id": user.id if user is not None else 1,
        "code": "en",
        "hashed": assets.by_name["css/zila.css"],
        "filename": "css/zila.css",
        "csc_id": place.cscs[0].id,
        **walk_objects(app, place),
        **walk_values(app, place, user),
    }


def master_rows(place) -> dict:
    """kind -> a row id of that kind, for /admin/masters/<kind>/<row_id>."""
    return {
        "tehsil": place.tehsils[0].id,
        "block": place.blocks[0].id,
        "gram_panchayat": place.gps[0].id,
        "village": place.villages[0].id,
        "office": place.tehsil_offices[0].id,
    }


def urls_for_rule(app, rule, values, kinds) -> list[str]:
    """Every URL to visit for one rule. Fails loudly on an argument it cannot
    fill, so that a new route is never skipped silently."""
    from blueprints.admin.views import EDITABLE_MASTERS

    args = set(rule.arguments) - set(rule.defaults or {})
    if "kind" in args:
        assert args == {"kind", "row_id"}, f"{rule.rule}: cannot fill {sorted(args)}"
        assert set(kinds) == set(EDITABLE_MASTERS), (
            f"{rule.rule}: the walk knows kinds {sorted(kinds)}, "
            f"the app edits {sorted(EDITABLE_MASTERS)}"
        )
        combos = [{"kind": kind, "row_id": row_id} for kind, row_id in kinds.items()]
    else:
        unknown = args - set(values)
        assert not unknown, (
            f"route {rule.rule} ({rule.endpoint}) has arguments {sorted(unknown)} that the "
            "walk cannot fill: add them to url_values() in tests/test_access.py"
        )
        combos = [{name: values[name] for name in args}]
    with app.test_request_context():
        from flask import url_for

        return [url_for(rule.endpoint, **combo) for combo in combos]


def route_urls(app, place, user=None) -> list[tuple[str, str]]:
    """(endpoint, url) for every GET route of the app."""
    values = url_values(app, place, user)
    kinds = master_rows(place)
    return [
        (rule.endpoint, url)
        for rule in get_rules(app)
        for url in urls_for_rule(app, rule, values, kinds)
    ]


def rule_for(app, endpoint):
    with app.app_context():
        return access.rule_of(endpoint)


def may_see(rule, who) -> bool:
    if access.PUBLIC in rule:
        return True
    if who == ANONYMOUS:
        return False
    return access.ANY_USER in rule or who in rule


# The filing steps of a draft; for a submitted application they lead to it.
SUBMITTED_STEPS = frozenset(
    f"applications.{step}" for step in ("applicant", "details", "documents", "fees", "review")
)

# Public routes that answer an empty 204 by design.
NO_CONTENT = frozenset({"home.favicon"})

# The establishment (HR) user keeps the employee register: no citizen's
# application is in its jurisdiction, so one answers 404 like a missing one.
# A VC meeting's calendar file is for those who answer for an invited room
# (the walk's meeting invites tehsil office 0) and the organisers.
OUT_OF_JURISDICTION = {
    "establishment": frozenset(
        {
            "applications.detail",
            "applications.ack",
            "applications.ack_pdf_view",
            "applications.document",
            "vc.ics",
        }
    ),
    "gp_staff": frozenset({"vc.ics"}),
    "block_officer": frozenset({"vc.ics"}),
}


def by_design_redirect(endpoint, who):
    """Where a GET that the rule allows answers with a redirect by design, the
    path it goes to; None where the page itself is expected."""
    if endpoint == "home.language":
        return "/"
    if endpoint in ("accounts.login_code", "accounts.login_enrol"):
        return "/login"  # no password step pending
    if endpoint == "accounts.login" and who != ANONYMOUS:
        return "/"
    if endpoint == "accounts.enrol" and who in TOTP_ROLES:
        return "/account"  # already enrolled
    if endpoint in SUBMITTED_STEPS:
        return "/applications/{pk}"  # a submitted application has no draft steps
    if endpoint in REPORT_PDF_ENDPOINTS:
        return "/report-jobs/*"  # the status page of a new job
    return None


def lands_on(path: str, want: str) -> bool:
    """`want` is a path, or a prefix ending in "*"."""
    return path.startswith(want[:-1]) if want.endswith("*") else path == want


def browser_for(who, client, login_as):
    if who == ANONYMOUS:
        return client
    return login_as(who)


def location_path(response) -> str:
    return urlsplit(response.location).path


# --- every endpoint declares a rule -----------------------------------------


def test_every_endpoint_declares_an_access_rule(app):
    with app.app_context():
        missing = [
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if access.rule_of(rule.endpoint) is None
        ]
    assert missing == [], f"endpoints without @public or @requires(...): {missing}"


def test_every_declared_role_exists(app):
    """A typo in @requires('admn') would lock everyone out of a page."""
    known = {access.PUBLIC, access.ANY_USER, *STAFF_ROLES}
    with app.app_context():
        for rule in app.url_map.iter_rules():
            declared = set(access.rule_of(rule.endpoint) or ())
            assert declared <= known, (rule.endpoint, declared - known)


# Anything an anonymous visitor may call. Adding to this set is a decision
# (rate limits, no personal data), so it is pinned here on purpose.
PUBLIC_ENDPOINTS = (
    {
        "static",
        "asset",
        "home.index",
        "home.language",
        "home.health",
        "home.favicon",
        "accounts.login",
        "accounts.login_code",
        "accounts.login_enrol",
        "track.index",
        "track.status",
        "track.sms_inbound",
    }
    | kernel_walk.PUBLIC_ENDPOINTS
    | {
        endpoint
        for area in WALK_AREAS
        for endpoint in getattr(_walk_module(area), "PUBLIC_ENDPOINTS", ())
    }
)


def test_the_public_surface_is_the_known_few(app):
    with app.app_context():
        public = {
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if access.PUBLIC in (access.rule_of(rule.endpoint) or ())
        }
    assert public == PUBLIC_ENDPOINTS


def test_admin_pages_are_for_admins_only(app):
    """The walk checks that rules are enforced; this pins what the admin
    rules are, so that loosening one is caught too."""
    with app.app_context():
        loose = {
            rule.rule: access.rule_of(rule.endpoint)
            for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/admin/") and access.rule_of(rule.endpoint) != ("admin",)
        }
    assert loose == {}


# The offices' internals (issue 14): a private CSC operator is not government
# staff, so no route of these areas lets it in, whatever its rule says.
# (The task list and "done" show one's own parts only: an operator has none.)
GOVERNMENT_AREAS = ("employees.", "vc.", "assignments.")
OWN_ONLY = {"assignments.index", "assignments.done"}


def test_no_office_internals_for_a_csc_operator(app):
    with app.app_context():
        open_to_operators = sorted(
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if rule.endpoint.startswith(GOVERNMENT_AREAS)
            and rule.endpoint not in OWN_ONLY
            and access.PUBLIC not in access.rule_of(rule.endpoint)
            and may_see(access.rule_of(rule.endpoint), "csc_operator")
        )
    assert open_to_operators == []


def test_an_office_page_names_its_staff_to_government_staff_only(app, login_as, place):
    from tests.factories import make_user

    with app.app_context():
        make_user("office_user", place, username="clerk", full_name="Clerk Of Paithan")
    url = f"/masters/offices/{place.tehsil_offices[0].id}"
    gram_sevak, operator = login_as("gp_staff"), login_as("csc_operator")
    for browser in (gram_sevak, operator):
        browser.set_cookie("lang", "en")
    assert "Clerk Of Paithan" in gram_sevak.get(url).get_data(as_text=True)
    page = operator.get(url)
    assert page.status_code == 200 and "Clerk Of Paithan" not in page.get_data(as_text=True)


def test_an_endpoint_without_a_rule_is_refused(app, login_as):
    """The guard fails closed: a view someone forgot to mark answers 403."""
    app.add_url_rule("/forgotten", "forgotten", lambda: "secret")
    admin = login_as("admin")
    response = admin.get("/forgotten")
    assert response.status_code == 403
    assert "secret" not in response.get_data(as_text=True)


def test_the_walk_covers_every_get_route(app, place):
    visited = {endpoint for endpoint, _ in route_urls(app, place)}
    assert visited == {rule.endpoint for rule in get_rules(app)}
    assert len(visited) >= 20


# --- every GET route, for anonymous and each role ----------------------------


@pytest.mark.parametrize("who", WHO)
def test_every_get_route_answers_by_its_rule(who, app, client, login_as, place):
    browser = browser_for(who, client, login_as)
    failures = []
    for endpoint, url in route_urls(app, place, browser.user):
        rule = rule_for(app, endpoint)
        response = browser.get(url, buffered=True)
        status = response.status_code
        got = f"{status} {response.location or ''}".strip()
        if may_see(rule, who):
            redirect_to = by_design_redirect(endpoint, who)
            if endpoint in NO_CONTENT:
                ok = status == 204
                want = "204"
            elif endpoint in OUT_OF_JURISDICTION.get(who, ()):
                ok = status == 404
                want = "404"
            elif redirect_to is None:
                ok = status == 200
                want = "200"
            else:
                redirect_to = redirect_to.format(**url_values(app, place, browser.user))
                ok = status in (302, 303) and lands_on(location_path(response), redirect_to)
                want = f"redirect to {redirect_to}"
        elif who == ANONYMOUS:
            ok = status in (302, 303) and location_path(response) == "/login"
            want = "redirect to /login"
        else:
            ok = status == 403
            want = "403"
        if not ok:
            failures.append(f"{url} ({endpoint}, rule {rule}): want {want}, got {got}")
    assert failures == [], f"as {who}:\n" + "\n".join(failures)


def test_sign_in_returns_to_the_page_asked_for(app, client, place):
    """An anonymous visit to a protected page comes back to it after sign-in."""
    from tests.factories import make_user

    with app.app_context():
        user = make_user("block_officer", place)
    asked = f"/masters/blocks/{place.blocks[0].id}"
    response = client.get(asked)
    assert response.status_code in (302, 303)
    assert location_path(response) == "/login"
    response = client.login(user)
    assert response.status_code == 303
    assert location_path(response) == asked


# --- per-object jurisdiction ----------------------------------------------


def object_urls(place, index) -> dict[str, str]:
    return {
        "tehsil": f"/masters/tehsils/{place.tehsils[index].id}",
        "block": f"/masters/blocks/{place.blocks[index].id}",
        "gp": f"/masters/gram-panchayats/{place.gps[2 * index].id}",
        "other gp": f"/masters/gram-panchayats/{place.gps[2 * index + 1].id}",
        "tehsil office": f"/masters/offices/{place.tehsil_offices[index].id}",
        "block office": f"/masters/offices/{place.block_offices[index].id}",
    }


# Which of its own tehsil's objects each role bound to place 0 may open.
# gp_staff and csc_operator see one GP; the tehsil office user sees its office
# (and those below it) only; everyone else also sees the tehsil's office.
OWN_OBJECTS = {
    "csc_operator": ("tehsil", "block", "gp", "block office", "tehsil office"),
    "gp_staff": ("tehsil", "block", "gp", "block office", "tehsil office"),
    "office_user": ("tehsil", "block", "gp", "other gp", "tehsil office"),
    "office_head": ("tehsil", "block", "gp", "other gp", "tehsil office"),
    "block_officer": ("tehsil", "block", "gp", "other gp", "block office", "tehsil office"),
}
LOCAL_VARIANTS = [(role, {}) for role in OWN_OBJECTS] + [
    ("block_officer", {"bound": "tehsil"}),
]


def _sign_in_local(login_as, place, role, variant):
    if variant.get("bound") == "tehsil":
        return login_as(role, block=None, tehsil=place.tehsils[0], username="tehsil-officer")
    return login_as(role)


def _jurisdiction_failures(browser, urls, want):
    failures = []
    for name, url in urls.items():
        status = browser.get(url, buffered=True).status_code
        if status != want:
            failures.append(f"{name} {url}: want {want}, got {status}")
    return failures


@pytest.mark.parametrize(
    ("role", "variant"),
    LOCAL_VARIANTS,
    ids=[f"{r}-{v.get('bound', 'default')}" for r, v in LOCAL_VARIANTS],
)
def test_other_tehsils_objects_answer_404_own_answer_200(role, variant, login_as, place):
    browser = _sign_in_local(login_as, place, role, variant)
    own = {k: v for k, v in object_urls(place, 0).items() if k in OWN_OBJECTS[role]}
    theirs = object_urls(place, 1)
    failures = _jurisdiction_failures(browser, own, 200)
    failures += _jurisdiction_failures(browser, theirs, 404)
    assert failures == [], f"{role} {variant}:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    ("role", "variant"),
    LOCAL_VARIANTS,
    ids=[f"{r}-{v.get('bound', 'default')}" for r, v in LOCAL_VARIANTS],
)
def test_a_404_for_another_tehsil_looks_like_a_missing_page(role, variant, login_as, place):
    """The refusal does not leak the object's name or existence."""
    browser = _sign_in_local(login_as, place, role, variant)
    missing = browser.get("/masters/blocks/999999")
    theirs = browser.get(f"/masters/blocks/{place.blocks[1].id}")
    assert missing.status_code == theirs.status_code == 404
    body = theirs.get_data(as_text=True)
    for name in (place.blocks[1].name_en, place.blocks[1].name_local, place.blocks[1].code):
        assert name not in body
    # Same page apart from the id in the language-switch links.
    assert abs(len(body) - len(missing.get_data(as_text=True))) < 20


@pytest.mark.parametrize(
    ("role", "variant"),
    LOCAL_VARIANTS,
    ids=[f"{r}-{v.get('bound', 'default')}" for r, v in LOCAL_VARIANTS],
)
def test_lists_show_no_other_tehsils_names(role, variant, login_as, place):
    """The overview, the GP search and the office list show none of the other
    tehsil's places, and do show the user's own."""
    browser = _sign_in_local(login_as, place, role, variant)
    browser.set_cookie("lang", "en")
    pages = {
        "/masters/": (place.tehsils, "name_en"),
        "/masters/gram-panchayats": (place.gps[0::2], "name_en"),
        "/masters/offices": (place.block_offices, "name_en"),
    }
    for url, (rows, attr) in pages.items():
        response = browser.get(url, buffered=True)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert getattr(rows[1], attr) not in body, f"{url} shows another tehsil's {rows[1]}"
    # The tehsil name "Kannad" is also the block name; check the GP search too.
    body = browser.get("/masters/gram-panchayats?q=Kannad").get_data(as_text=True)
    assert place.gps[2].name_en not in body and place.gps[3].name_en not in body


def test_tehsil_bound_officer_sees_the_blocks_and_gps_of_the_tehsil(login_as, place):
    browser = login_as("block_officer", block=None, tehsil=place.tehsils[0], username="sdm")
    browser.set_cookie("lang", "en")
    body = browser.get(f"/masters/tehsils/{place.tehsils[0].id}").get_data(as_text=True)
    assert f"/masters/blocks/{place.blocks[0].id}" in body
    body = browser.get("/masters/gram-panchayats").get_data(as_text=True)
    assert place.gps[0].name_en in body and place.gps[1].name_en in body


def test_tehsil_bound_officer_can_open_own_tehsil_office(login_as, place):
    """An SDM/tehsildar (block_officer bound to a tehsil) must see the tehsil
    office of that very tehsil; office_condition only looks at Office.block."""
    browser = login_as("block_officer", block=None, tehsil=place.tehsils[0], username="sdm")
    own_office = place.tehsil_offices[0]
    assert browser.get(f"/masters/offices/{own_office.id}").status_code == 200
    browser.set_cookie("lang", "en")
    assert own_office.name_en in browser.get("/masters/offices").get_data(as_text=True)


@pytest.mark.parametrize("role", sorted(access.DISTRICT_WIDE))
def test_district_wide_roles_see_both_tehsils(role, login_as, place):
    browser = login_as(role)
    urls = {**object_urls(place, 0), **{f"their {k}": v for k, v in object_urls(place, 1).items()}}
    urls["collectorate"] = f"/masters/offices/{place.collectorate.id}"
    failures = _jurisdiction_failures(browser, urls, 200)
    assert failures == [], f"{role}:\n" + "\n".join(failures)


def test_admin_user_page_of_a_missing_user_is_404(login_as):
    admin = login_as("admin")
    assert admin.get("/admin/users/999999").status_code == 404
    assert admin.get("/admin/masters/nonsense/1").status_code == 404


# --- POST routes --------------------------------------------------------------

# A form that would act if the guard let it through: a reason for the user
# actions, new names for a master, a whole new user.
HOSTILE_FORM = {
    "reason": "because I can",
    "code": "123456",
    "name_en": "Renamed By Intruder",
    "name_local": "घुसखोर",
    "username": "intruder",
    "full_name": "Intruder",
    "full_name_local": "घुसखोर",
    "role": "admin",
    "password": "intruder-password-1",
    "confirm": "intruder-password-1",
    "binding_code": "",
    "mobile": "9800000009",
    "email": "",
}


def post_urls(app, place, target_user_id) -> list[tuple[str, str]]:
    """(endpoint, url) for every route that takes a POST, public ones left out."""
    values = {**url_values(app, place), "user_id": target_user_id}
    return [
        (rule.endpoint, url)
        for rule in post_rules(app)
        if access.PUBLIC not in rule_for(app, rule.endpoint)
        for url in urls_for_rule(app, rule, values, master_rows(place))
    ]


def assert_nothing_changed(app, place, target, events_before):
    from blueprints.accounts.models import User
    from blueprints.masters.models import Tehsil
    from core.audit import AuditEvent

    with app.app_context():
        after = User.get_by_id(target.id)
        assert after.totp_secret == target.totp_secret
        assert after.is_active_account
        assert not User.select().where(User.username == "intruder").exists()
        assert Tehsil.get_by_id(place.tehsils[0].id).name_en == place.tehsils[0].name_en
        written = AuditEvent.select().where(AuditEvent.id > events_before)
        assert [e.action for e in written if e.action != "login"] == []


def test_post_routes_send_anonymous_to_sign_in(app, client, place):
    from core.audit import AuditEvent
    from tests.factories import make_user

    with app.app_context():
        target = make_user("office_head", place, username="target")
        events_before = AuditEvent.select().count()
    failures = []
    urls = post_urls(app, place, target.id)
    for _endpoint, url in urls:
        response = client.form_post("/login", url, data=HOSTILE_FORM)
        if response.status_code not in (302, 303) or location_path(response) != "/login":
            failures.append(f"{url}: {response.status_code} {response.location}")
    assert failures == []
    assert len(urls) >= 10
    assert_nothing_changed(app, place, target, events_before)


@pytest.mark.parametrize("who", [r for r in STAFF_ROLES if r != "admin"])
def test_post_routes_refuse_roles_without_rights(who, app, login_as, place):
    from core.audit import AuditEvent
    from tests.factories import make_user

    with app.app_context():
        target = make_user("office_head", place, username="target")
        events_before = AuditEvent.select().count()
    browser = login_as(who)
    refused = []
    failures = []
    for endpoint, url in post_urls(app, place, target.id):
        if may_see(rule_for(app, endpoint), who):
            continue
        refused.append(endpoint)
        response = browser.form_post("/account", url, data=HOSTILE_FORM)
        if response.status_code != 403:
            failures.append(f"{url}: want 403, got {response.status_code}")
    assert failures == []
    for endpoint in ("admin.reset_2fa", "admin.deactivate", "admin.new_user", "admin.edit_master"):
        assert endpoint in refused
    assert_nothing_changed(app, place, target, events_before)


def test_admin_may_use_the_user_actions(app, login_as, place):
    """The other side of the refusals: the same POST as admin does act."""
    from blueprints.accounts.models import User
    from tests.factories import make_user

    with app.app_context():
        target = make_user("office_head", place, username="target")
    admin = login_as("admin")
    response = admin.form_post(
        f"/admin/users/{target.id}",
        f"/admin/users/{target.id}/reset-2fa",
        data={"reason": "lost phone, verified by call"},
    )
    assert response.status_code == 303
    with app.app_context():
        assert User.get_by_id(target.id).totp_secret is None


def test_signed_in_user_may_sign_out(login_as):
    browser = login_as("gp_staff")
    response = browser.form_post("/account", "/logout")
    assert response.status_code == 303
    assert location_path(response) == "/login"
    response = browser.get("/account")
    assert response.status_code in (302, 303) and location_path(response) == "/login"
