"""Password sign-in for a role without mandatory TOTP, lockout, rate limit,
session rotation, logout, idle expiry and password change."""

import time

from blueprints.accounts.models import User
from core.audit import AuditEvent
from tests.accounts.helpers import WRONG, operator, post_login
from tests.helpers import PASSWORD, Browser, signed_in, text


def session_cookie(browser):
    cookie = browser.client.get_cookie("zila")
    return cookie.value if cookie else None


def test_right_password_lands_on_home_page(app, client, place):
    user = operator(app, place)
    response = client.login(user)
    assert response.status_code == 303
    assert response.location == "/"
    home = text(client.get("/"))
    assert "Aaple Sarkar Kendra Paithan" in home  # the operator's own CSC
    assert "Sign out" in home


def test_wrong_password_is_refused_without_session(app, client, place):
    user = operator(app, place)
    response = post_login(client, user.username, WRONG)
    assert response.status_code == 401
    assert "Wrong username or password." in text(response)
    with client.session_transaction() as sess:
        assert "_user_id" not in sess
    assert not signed_in(client)


def test_unknown_username_gives_the_same_message(client, place):
    response = post_login(client, "nobody-here", WRONG)
    assert response.status_code == 401
    assert "Wrong username or password." in text(response)


def test_account_locks_after_repeated_wrong_passwords(app, client, place):
    user = operator(app, place)
    for _ in range(app.config["LOGIN_MAX_FAILURES"] - 1):
        assert post_login(client, user.username, WRONG).status_code == 401
    fifth = post_login(client, user.username, WRONG)
    assert fifth.status_code == 429
    assert "locked" in text(fifth)

    right = post_login(client, user.username, PASSWORD)
    assert right.status_code == 429
    assert "locked" in text(right)
    assert not signed_in(client)
    with app.app_context():
        assert (
            AuditEvent.select()
            .where((AuditEvent.action == "account.locked") & (AuditEvent.object_id == str(user.id)))
            .exists()
        )


def test_login_posts_are_rate_limited(client, place):
    for _ in range(10):
        assert post_login(client, "nobody-here", WRONG).status_code == 401
    response = post_login(client, "nobody-here", WRONG)
    assert response.status_code == 429
    assert "Too many attempts" in text(response)


def test_session_is_rotated_on_sign_in(app, client, place):
    user = operator(app, place)
    client.get("/login")
    with client.session_transaction() as sess:
        sess["planted"] = "by someone else"
    before = session_cookie(client)
    assert before
    client.login(user)
    after = session_cookie(client)
    assert after and after != before
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert "_user_id" in sess


def test_logout_asks_first_then_signs_out_on_post(app, client, place):
    user = operator(app, place)
    client.login(user)
    confirm = client.get("/logout")
    assert confirm.status_code == 200
    assert "Sign out now" in confirm.get_data(as_text=True)
    assert signed_in(client)  # a GET (a prefetch, a crawler) never signs out
    response = client.form_post("/logout")
    assert response.status_code == 303
    assert not signed_in(client)


def test_unchanged_page_revalidates_to_304(app, client, place):
    client.login(operator(app, place))
    first = client.get("/masters/offices")
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get("/masters/offices", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_idle_session_expires(app, client, place):
    user = operator(app, place)
    client.login(user)
    with client.session_transaction() as sess:
        sess["seen"] = int(time.time()) - app.config["SESSION_IDLE_SECONDS"] - 60
    response = client.get("/account")
    assert response.status_code == 303
    assert response.location.startswith("/login")
    assert "session expired" in text(client.get("/login"))
    assert not signed_in(client)


def test_idle_limit_comes_from_config(app, client, place):
    user = operator(app, place)
    client.login(user)
    assert signed_in(client)
    app.config["SESSION_IDLE_SECONDS"] = 0
    with client.session_transaction() as sess:
        sess["seen"] = int(time.time()) - 2
    assert client.get("/account").location.startswith("/login")


def test_deactivated_users_session_is_refused(app, client, place):
    user = operator(app, place)
    client.login(user)
    with app.app_context():
        User.update(is_active_account=False).where(User.id == user.id).execute()
    response = client.get("/account")
    assert response.status_code == 302
    assert response.location.startswith("/login")
    assert not signed_in(client)


def test_password_change_signs_out_other_sessions(app, place):
    user = operator(app, place)
    here, elsewhere = Browser(app.test_client()), Browser(app.test_client())
    here.login(user)
    elsewhere.login(user)
    new = "a-brand-new-passphrase"
    response = here.form_post(
        "/account", "/account/password", data={"current": PASSWORD, "new": new, "confirm": new}
    )
    assert response.status_code == 303
    assert "Your password has been changed" in text(here.get(response.location))
    assert signed_in(here)

    assert elsewhere.get("/account").location.startswith("/login")
    assert not signed_in(elsewhere)
    assert post_login(elsewhere, user.username, PASSWORD).status_code == 401
    assert post_login(elsewhere, user.username, new).status_code == 303


def test_password_change_with_wrong_current_password(app, client, place):
    user = operator(app, place)
    client.login(user)
    new = "a-brand-new-passphrase"
    response = client.form_post(
        "/account", "/account/password", data={"current": WRONG, "new": new, "confirm": new}
    )
    assert response.status_code == 400
    assert "Your current password is not right." in text(response)
    client.form_post("/account", "/logout")
    assert post_login(client, user.username, PASSWORD).status_code == 303


def test_next_returns_to_the_page_first_asked_for(app, client, place):
    user = operator(app, place)
    response = client.get("/account")
    assert response.location.startswith("/login")
    response = client.login(user)
    assert response.location.startswith("/account")
    assert "My account" in text(client.get(response.location))


def test_off_site_next_is_refused(app, place):
    user = operator(app, place)
    for target in ("https://evil.example/steal", "//evil.example/steal"):
        browser = Browser(app.test_client())
        browser.get("/login")
        with browser.session_transaction() as sess:
            sess["next"] = target
        assert browser.login(user).location == "/"


def test_idle_expiry_does_not_turn_a_backslash_path_into_an_off_site_next(app, client, place):
    """/%5Cevil.example is remembered as next = "/\\evil.example"; browsers
    read a Location of "/\\evil.example" as "//evil.example": another site."""
    user = operator(app, place)
    client.login(user)
    with client.session_transaction() as sess:
        sess["seen"] = int(time.time()) - app.config["SESSION_IDLE_SECONDS"] - 60
    client.get("/%5Cevil.example")
    location = client.login(user).location
    assert "\\" not in location and not location.startswith("//")
