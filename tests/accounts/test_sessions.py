"""Server-side sessions: a copy of the cookie dies with the session it names
(logout, idle, password change, 2FA reset, "sign out everywhere", the
administrator); the account page lists the live ones."""

import datetime as dt

from blueprints.accounts.models import User, UserSession
from core import clock
from core.audit import AuditEvent
from tests.accounts.helpers import operator, user_of
from tests.helpers import PASSWORD, Browser, signed_in, text


def copy_of(app, browser) -> Browser:
    """Another client holding the same cookie: a copy taken off a shared PC."""
    thief = Browser(app.test_client())
    thief.client.set_cookie("zila", browser.client.get_cookie("zila").value)
    return thief


def signed_in_as(app, user, agent="counter-pc") -> Browser:
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    browser = Browser(client)
    assert browser.login(user).status_code == 303
    return browser


def live_sessions(app, user) -> list:
    with app.app_context():
        return list(
            UserSession.select().where(
                (UserSession.user == user.id) & UserSession.ended_at.is_null()
            )
        )


def test_a_copied_cookie_stops_working_after_logout(app, place):
    user = operator(app, place)
    browser = signed_in_as(app, user)
    thief = copy_of(app, browser)
    assert signed_in(thief)

    assert browser.form_post("/account", "/logout").status_code == 303
    assert not signed_in(browser)
    assert thief.get("/account").location.startswith("/login")
    assert not signed_in(thief)


def test_the_cookie_names_a_random_session_not_the_user(app, place):
    user = operator(app, place)
    browser = signed_in_as(app, user)
    with browser.session_transaction() as sess:
        token = sess["sid"]
    assert len(token) >= 32
    (row,) = live_sessions(app, user)
    assert token not in (row.token_hash, str(row.id))  # only a hash is kept
    assert row.user_agent == "counter-pc"


def test_a_session_idle_on_the_server_ends_although_the_cookie_looks_fresh(app, place):
    user = operator(app, place)
    browser = signed_in_as(app, user)
    thief = copy_of(app, browser)
    idle = app.config["SESSION_IDLE_SECONDS"]
    (row,) = live_sessions(app, user)
    with app.app_context():
        long_ago = row.last_seen_at - dt.timedelta(seconds=idle + 120)
        UserSession.update(last_seen_at=long_ago).where(UserSession.id == row.id).execute()
    response = thief.get("/account")
    assert response.status_code == 303 and response.location.startswith("/login")
    assert "session expired" in text(thief.get("/login"))
    assert not signed_in(browser)
    assert [r.end_reason for r in UserSession.select()] == ["idle"]


def test_last_seen_is_written_at_most_once_a_minute(app, place):
    user = operator(app, place)
    browser = signed_in_as(app, user)
    (row,) = live_sessions(app, user)
    for _ in range(3):
        assert browser.get("/account").status_code == 200
    (same,) = live_sessions(app, user)
    assert same.last_seen_at == row.last_seen_at

    earlier = row.last_seen_at - dt.timedelta(seconds=90)
    with app.app_context():
        UserSession.update(last_seen_at=earlier).where(UserSession.id == row.id).execute()
    assert browser.get("/account").status_code == 200
    (moved,) = live_sessions(app, user)
    assert moved.last_seen_at > row.last_seen_at - dt.timedelta(seconds=5)


def test_a_password_change_ends_every_other_session(app, place):
    user = operator(app, place)
    here, elsewhere = signed_in_as(app, user, "here"), signed_in_as(app, user, "elsewhere")
    thief = copy_of(app, here)
    new = "a-brand-new-passphrase"
    response = here.form_post(
        "/account", "/account/password", data={"current": PASSWORD, "new": new, "confirm": new}
    )
    assert response.status_code == 303
    assert signed_in(here)
    assert not signed_in(elsewhere)
    assert not signed_in(thief)  # the copy taken before the change
    assert [r.user_agent for r in live_sessions(app, user)] == ["here"]


def test_my_account_lists_the_sessions_and_signs_out_one_other(app, place):
    user = operator(app, place)
    here = signed_in_as(app, user, "Firefox on the counter PC")
    there = signed_in_as(app, user, "Chrome on a phone")
    page = text(here.get("/account"))
    assert "Firefox on the counter PC" in page and "Chrome on a phone" in page
    assert "This session" in page

    other = next(r for r in live_sessions(app, user) if r.user_agent.startswith("Chrome"))
    response = here.form_post("/account", "/account/sessions/end", data={"session": other.id})
    assert response.status_code == 303
    assert "Chrome on a phone" not in text(here.get("/account"))
    assert signed_in(here)
    assert not signed_in(there)


def test_one_cannot_end_another_users_session(app, place):
    mine = operator(app, place)
    theirs = operator(app, place, username="other-operator")
    me = signed_in_as(app, mine)
    them = signed_in_as(app, theirs)
    (row,) = live_sessions(app, theirs)
    me.form_post("/account", "/account/sessions/end", data={"session": row.id})
    assert signed_in(them)


def test_sign_out_everywhere(app, place):
    user = operator(app, place)
    here, there = signed_in_as(app, user), signed_in_as(app, user)
    response = here.form_post("/account", "/account/sessions/end-all")
    assert response.status_code == 303 and response.location == "/login"
    assert "signed out everywhere" in text(here.get("/login"))
    assert not signed_in(here)
    assert not signed_in(there)
    assert live_sessions(app, user) == []


def test_administrator_ends_a_users_sessions(app, place, login_as):
    user = operator(app, place)
    browser = signed_in_as(app, user)
    admin = login_as("admin")
    page = f"/admin/users/{user.id}"
    assert "1 active session" in text(admin.get(page))
    response = admin.form_post(page, f"{page}/end-sessions", data={"reason": "left the CSC"})
    assert response.status_code == 303
    assert "0 active sessions" in text(admin.get(page))
    assert not signed_in(browser)
    with app.app_context():
        event = AuditEvent.get(AuditEvent.action == "account.sessions_ended")
        assert event.actor_id == admin.user.id


def test_a_second_factor_reset_ends_the_sessions(app, place, login_as):
    user = user_of(app, "district_manager", place)
    browser = signed_in_as(app, user)
    admin = login_as("admin")
    page = f"/admin/users/{user.id}"
    admin.form_post(page, f"{page}/reset-2fa", data={"reason": "lost phone, verified"})
    assert not signed_in(browser)
    assert live_sessions(app, user) == []
    with app.app_context():
        assert User.get_by_id(user.id).totp_secret is None


def test_the_nightly_sweep_drops_old_sessions_and_spent_counts(app, place):
    import tasks
    from blueprints.accounts import tasks as account_tasks
    from blueprints.accounts.models import LoginThrottle

    user = operator(app, place)
    browser = signed_in_as(app, user)
    browser.form_post("/account", "/logout")
    signed_in_as(app, user, "still here")
    keep = app.config["SESSION_KEEP_DAYS"]
    with app.app_context():
        old = clock.now() - dt.timedelta(days=keep + 1)
        UserSession.update(ended_at=old).where(UserSession.ended_at.is_null(False)).execute()
        LoginThrottle.create(user=user.id, address="203.0.113.5", failures=2)
        account_tasks.sweep_sign_in_records()
        assert [r.user_agent for r in UserSession.select()] == ["still here"]
        assert LoginThrottle.select().count() == 0
    assert "sweep_sign_in_records" in tasks.SCHEDULE
