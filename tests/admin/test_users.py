"""User administration, the history and outbox pages, and master names."""

import json

import pytest

from blueprints.accounts.models import User
from blueprints.masters.models import GramPanchayat
from core.audit import AuditEvent
from core.notify import Notification
from tests.factories import make_user
from tests.helpers import PASSWORD, Browser, text

NEW_USER = {
    "username": "new-operator",
    "full_name": "New Operator",
    "full_name_local": "नवीन चालक",
    "role": "csc_operator",
    "binding_code": "CSC1",
    "mobile": "9876543210",
    "email": "",
    "password": "first-password-123",
}


def events(app, action, object_id):
    with app.app_context():
        return list(
            AuditEvent.select().where(
                (AuditEvent.action == action) & (AuditEvent.object_id == str(object_id))
            )
        )


def user_row(app, user_id):
    with app.app_context():
        return User.get_by_id(user_id)


@pytest.fixture
def target(app, place):
    """A signed-in district manager whose account the admin manages."""
    with app.app_context():
        user = make_user("district_manager", place)
    browser = Browser(app.test_client())
    browser.login(user)
    browser.user = user
    assert browser.get("/account").status_code == 200
    return browser


def act(admin, user_id, action, reason="asked by the collector"):
    page = f"/admin/users/{user_id}"
    return admin.form_post(page, f"{page}/{action}", data={"reason": reason})


def test_admin_creates_a_bound_user(app, admin):
    response = admin.form_post("/admin/users/new", data=NEW_USER)
    assert response.status_code == 303
    assert "User new-operator created." in text(admin.get(response.location))
    with app.app_context():
        user = User.get(User.username == "new-operator")
        assert user.csc.code == "CSC1"
    [created] = events(app, "account.created", user.id)
    assert created.actor_id == admin.user.id
    fresh = Browser(app.test_client())
    assert fresh.login(user, password=NEW_USER["password"]).location == "/"


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "This role needs the code of the place it works for."), ("NOPE9", "No place with")],
)
def test_bound_role_needs_a_known_place_code(app, admin, code, message):
    response = admin.form_post("/admin/users/new", data={**NEW_USER, "binding_code": code})
    assert response.status_code == 400
    assert message in text(response)
    with app.app_context():
        assert not User.select().where(User.username == "new-operator").exists()


def test_duplicate_username_is_refused(app, admin):
    response = admin.form_post("/admin/users/new", data={**NEW_USER, "username": "admin-0"})
    assert response.status_code == 400
    assert "The username admin-0 is taken." in text(response)
    with app.app_context():
        assert User.select().where(User.username == "admin-0").count() == 1


def test_reset_2fa_is_audited_and_ends_sessions(app, admin, target):
    uid = target.user.id
    assert act(admin, uid, "reset-2fa", reason="lost her phone").status_code == 303
    assert user_row(app, uid).totp_secret is None
    [event] = events(app, "2fa.reset", uid)
    assert event.actor_id == admin.user.id
    assert event.details["reason"] == "lost her phone"

    assert target.get("/account").location.startswith("/login")
    response = target.form_post(
        "/login", data={"username": "district-manager-0", "password": PASSWORD}
    )
    assert response.location == "/login/enrol"
    assert "<svg" in text(target.get("/login/enrol"))


def test_reset_needs_a_reason(app, admin, target):
    response = act(admin, target.user.id, "reset-2fa", reason="")
    assert "Give a reason" in text(admin.get(response.location))
    assert user_row(app, target.user.id).totp_secret == target.user.totp_secret
    assert target.get("/account").status_code == 200


def test_deactivate_and_activate(app, admin, target):
    uid = target.user.id
    act(admin, uid, "deactivate", reason="transferred out")
    assert not user_row(app, uid).is_active_account
    assert target.get("/account").location.startswith("/login")
    refused = target.form_post(
        "/login", data={"username": "district-manager-0", "password": PASSWORD}
    )
    assert refused.status_code == 401
    assert "Deactivated" in text(admin.get(f"/admin/users/{uid}"))

    act(admin, uid, "activate", reason="transferred back")
    assert user_row(app, uid).is_active_account
    again = Browser(app.test_client()).login(
        target.user, code=Browser.next_totp(target.user.totp_secret)
    )
    assert again.location == "/"
    assert events(app, "account.deactivated", uid)[0].details["reason"] == "transferred out"
    assert events(app, "account.activated", uid)[0].actor_id == admin.user.id


def test_admin_cannot_deactivate_self(app, admin):
    act(admin, admin.user.id, "deactivate")
    assert user_row(app, admin.user.id).is_active_account
    assert admin.get("/admin/users").status_code == 200


def test_unlock_a_locked_account(app, admin, place):
    with app.app_context():
        user = make_user("csc_operator", place)
    locked_out = Browser(app.test_client())
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        locked_out.form_post("/login", data={"username": user.username, "password": "wrong-one"})
    assert locked_out.login(user).status_code == 429
    assert "Locked" in text(admin.get(f"/admin/users/{user.id}"))

    page = f"/admin/users/{user.id}"
    assert admin.form_post(page, f"{page}/unlock").status_code == 303
    assert "Locked" not in text(admin.get(page))
    assert locked_out.login(user).location == "/"
    assert events(app, "account.unlocked", user.id)[0].actor_id == admin.user.id


@pytest.mark.parametrize("role", ["csc_operator", "office_head", "district_manager"])
def test_other_roles_are_refused(app, place, login_as, role):
    browser = login_as(role)
    with app.app_context():
        victim = make_user("gp_staff", place)
    for url in (
        "/admin/users",
        "/admin/users/new",
        f"/admin/users/{victim.id}",
        "/admin/audit",
        "/admin/outbox",
        f"/admin/masters/gram_panchayat/{place.gps[0].id}",
    ):
        assert browser.get(url).status_code == 403, url
    for action in ("reset-2fa", "deactivate", "activate", "unlock"):
        response = browser.form_post(
            "/account", f"/admin/users/{victim.id}/{action}", data={"reason": "no right to do this"}
        )
        assert response.status_code == 403, action
    assert user_row(app, victim.id).is_active_account
    assert not events(app, "account.deactivated", victim.id)


def test_audit_page_lists_events(app, admin):
    admin.form_post("/admin/users/new", data=NEW_USER)
    page = text(admin.get("/admin/audit"))
    assert "Account created" in page and "Signed in" in page
    filtered = text(admin.get("/admin/audit?action=account."))
    assert "Account created" in filtered and "Signed in" not in filtered


def test_outbox_page_renders_and_lists_messages(app, admin):
    with app.app_context():
        Notification.create(channel="sms", recipient="9811111111", body="Your certificate is ready")
    page = text(admin.get("/admin/outbox"))
    assert "9811111111" in page and "Your certificate is ready" in page and "Waiting" in page
    assert "9811111111" not in text(admin.get("/admin/outbox?status=sent"))


def test_master_local_name_must_be_devanagari(app, admin, place):
    gp = place.gps[0]
    url = f"/admin/masters/gram_panchayat/{gp.id}"
    response = admin.form_post(url, data={"name_en": "Renamed", "name_local": "Pimpalgaon"})
    assert response.status_code == 400
    assert "Write the local name in Devanagari." in text(response)
    with app.app_context():
        row = GramPanchayat.get_by_id(gp.id)
    assert (row.name_en, row.name_local) == (gp.name_en, gp.name_local)
    assert not events(app, "master.renamed", gp.id)


def test_master_names_are_saved_and_audited(app, admin, place):
    gp = place.gps[0]
    url = f"/admin/masters/gram_panchayat/{gp.id}"
    response = admin.form_post(url, data={"name_en": "Pimpalgaon Bk", "name_local": "पिंपळगाव बु."})
    assert response.status_code == 303
    assert "Saved." in text(admin.get(url))
    with app.app_context():
        row = GramPanchayat.get_by_id(gp.id)
    assert (row.name_en, row.name_local) == ("Pimpalgaon Bk", "पिंपळगाव बु.")
    [event] = events(app, "master.renamed", gp.id)
    assert event.actor_id == admin.user.id
    assert json.loads(event.detail)["before"]["name_local"] == gp.name_local
