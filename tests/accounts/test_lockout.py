"""Wrong passwords slow down the address that sends them, not the account's
owner elsewhere; an account-wide brake stops guessing spread over many
addresses; the owner hears of it once per lock period."""

import pytest

from blueprints.accounts.models import User
from core.notify import Notification
from tests.accounts.helpers import WRONG, operator, post_login
from tests.helpers import Browser, signed_in, text


@pytest.fixture(autouse=True)
def roomy_limits(app):
    app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"


def from_address(app, address) -> Browser:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return Browser(client)


def guess(app, user, address, times):
    browser = from_address(app, address)
    return [post_login(browser, user.username, WRONG) for _ in range(times)]


def test_an_attacker_locks_out_only_their_own_address(app, place):
    user = operator(app, place, username="collector")
    tries = guess(app, user, "203.0.113.5", app.config["LOGIN_MAX_FAILURES"])
    assert tries[-1].status_code == 429 and "locked" in text(tries[-1])

    attacker = from_address(app, "203.0.113.5")
    assert attacker.login(user).status_code == 429  # even the right password
    owner = from_address(app, "198.51.100.7")
    assert owner.login(user).status_code == 303
    assert signed_in(owner)


def test_guessing_from_many_addresses_trips_the_account_wide_brake(app, place):
    user = operator(app, place)
    per_address = app.config["LOGIN_MAX_FAILURES"] - 1
    addresses = -(-app.config["LOGIN_ACCOUNT_MAX_FAILURES"] // per_address)
    for n in range(addresses):
        guess(app, user, f"203.0.113.{n + 10}", per_address)
    owner = from_address(app, "198.51.100.7")
    response = owner.login(user)
    assert response.status_code == 429 and "locked" in text(response)
    with app.app_context():
        assert User.get_by_id(user.id).locked_until is not None


def test_the_account_wide_brake_is_slower_than_the_per_address_one(app):
    assert app.config["LOGIN_ACCOUNT_MAX_FAILURES"] >= 3 * app.config["LOGIN_MAX_FAILURES"]


def test_the_owner_is_told_once_per_lock_period(app, place):
    user = operator(app, place, email="owner@example.in")
    for address in ("203.0.113.5", "203.0.113.6"):
        guess(app, user, address, app.config["LOGIN_MAX_FAILURES"])
    with app.app_context():
        sent = list(Notification.select().order_by(Notification.id))
    assert sorted(n.channel for n in sent) == ["email", "sms"]
    sms = next(n for n in sent if n.channel == "sms")
    assert sms.recipient == user.mobile
    assert "wrong" in sms.body.lower() and user.username in sms.body


def test_the_warning_is_in_the_districts_language(app, place):
    app.config["CLI_LOCALE"] = "mr"
    user = operator(app, place)
    guess(app, user, "203.0.113.5", app.config["LOGIN_MAX_FAILURES"])
    with app.app_context():
        sms = Notification.get(Notification.channel == "sms")
    assert any("\u0900" <= ch <= "\u097f" for ch in sms.body)


def test_a_right_password_from_the_owners_address_clears_its_count(app, place):
    user = operator(app, place)
    owner = from_address(app, "198.51.100.7")
    for _ in range(2):
        limit = app.config["LOGIN_MAX_FAILURES"]
        for _ in range(limit - 1):
            assert post_login(owner, user.username, WRONG).status_code == 401
        assert owner.login(user).status_code == 303
        owner.form_post("/account", "/logout")


def test_the_administrator_sees_an_address_lock(app, place, login_as):
    user = operator(app, place, username="guessed-at")
    guess(app, user, "203.0.113.5", app.config["LOGIN_MAX_FAILURES"])
    admin = login_as("admin")
    assert "guessed-at" in text(admin.get("/admin/users?locked=1"))
    assert "Locked" in text(admin.get(f"/admin/users/{user.id}"))
