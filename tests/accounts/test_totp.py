"""Two-step sign-in: codes, replay, recovery codes, enrolment at sign-in and
from the account page, and the pending sign-in's time limit."""

import re
import time

import pyotp

from blueprints.accounts import services
from blueprints.accounts.models import User
from core.auth import verify_totp
from tests.accounts.helpers import user_of
from tests.helpers import PASSWORD, Browser, csrf_from, signed_in, text

SECRET_RE = re.compile(r"<code[^>]*>([A-Z2-7]+)</code>")


def password_step(browser, user):
    return browser.form_post("/login", data={"username": user.username, "password": PASSWORD})


def code_step(browser, code):
    return browser.form_post("/login/code", data={"code": code})


def logout(browser):
    assert browser.form_post("/account", "/logout").status_code == 303


def fresh(app, user) -> User:
    with app.app_context():
        return User.get_by_id(user.id)


def enrol_via_page(browser, url, code_for=None):
    """Read the secret off the enrolment page and post a code made from it
    (one GET only: every GET shows a new secret)."""
    page = text(browser.get(url))
    assert "<svg" in page
    secret = SECRET_RE.search(page).group(1)
    code = code_for(secret) if code_for else pyotp.TOTP(secret).now()
    response = browser.post(url, data={"csrf_token": csrf_from(page), "code": code})
    return secret, response


def test_password_alone_does_not_sign_in_a_district_manager(app, client, place):
    user = user_of(app, "district_manager", place)
    response = password_step(client, user)
    assert response.status_code == 303
    assert response.location == "/login/code"
    assert not signed_in(client)
    assert client.get("/account").location.startswith("/login")

    response = code_step(client, pyotp.TOTP(user.totp_secret).now())
    assert response.status_code == 303
    assert signed_in(client)


def test_wrong_code_is_refused(app, client, place):
    user = user_of(app, "district_manager", place)
    password_step(client, user)
    right = pyotp.TOTP(user.totp_secret).now()
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = code_step(client, wrong)
    assert response.status_code == 401
    assert "That code is not right." in text(response)
    assert not signed_in(client)


def test_a_code_cannot_be_used_twice(app, client, place):
    user = user_of(app, "district_manager", place)
    code = pyotp.TOTP(user.totp_secret).now()
    password_step(client, user)
    assert code_step(client, code).status_code == 303
    logout(client)

    password_step(client, user)
    replay = code_step(client, code)
    assert replay.status_code == 401
    assert "That code is not right." in text(replay)
    assert not signed_in(client)
    assert code_step(client, Browser.next_totp(user.totp_secret)).status_code == 303
    assert signed_in(client)


def test_recovery_code_works_once(app, client, place):
    user = user_of(app, "district_manager", place)
    with app.app_context():
        codes = services.issue_recovery_codes(user)
    assert len(codes) == 10
    password_step(client, user)
    assert code_step(client, codes[0].upper()).status_code == 303
    assert signed_in(client)
    logout(client)

    password_step(client, user)
    again = code_step(client, codes[0])
    assert again.status_code == 401
    assert not signed_in(client)
    assert code_step(client, codes[1]).status_code == 303


def test_office_head_without_totp_must_enrol(app, client, place):
    user = user_of(app, "office_head", place, totp=False)
    response = password_step(client, user)
    assert response.location == "/login/enrol"
    page = text(client.get("/login/enrol"))
    assert "<svg" in page and SECRET_RE.search(page)
    assert not signed_in(client)

    secret, response = enrol_via_page(client, "/login/enrol")
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", text(response))
    assert len(set(codes)) == 10
    assert signed_in(client)
    assert fresh(app, user).totp_secret == secret


def test_wrong_enrolment_code_is_refused(app, client, place):
    user = user_of(app, "office_head", place, totp=False)
    password_step(client, user)
    _, response = enrol_via_page(client, "/login/enrol", code_for=lambda s: "000000")
    assert response.status_code == 400
    assert "That code is not right." in text(response)
    assert not signed_in(client)
    assert fresh(app, user).totp_secret is None


def test_pending_sign_in_expires_after_five_minutes(app, client, place):
    user = user_of(app, "district_manager", place)
    password_step(client, user)
    page = text(client.get("/login/code"))
    with client.session_transaction() as sess:
        pending = dict(sess["pending"])
        pending["at"] = time.time() - 301
        sess["pending"] = pending
    response = client.post(
        "/login/code",
        data={"csrf_token": csrf_from(page), "code": pyotp.TOTP(user.totp_secret).now()},
    )
    assert response.status_code == 303
    assert response.location == "/login"
    assert "took too long" in text(client.get("/login"))
    assert not signed_in(client)


def test_operator_may_turn_two_step_sign_in_on_and_off(app, client, place):
    user = user_of(app, "csc_operator", place)
    client.login(user)
    secret, response = enrol_via_page(client, "/account/2fa")
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", text(response))
    assert fresh(app, user).totp_secret == secret
    logout(client)

    assert password_step(client, user).location == "/login/code"
    assert code_step(client, Browser.next_totp(secret)).status_code == 303

    assert client.form_post("/account", "/account/2fa/off", data={"code": "123"}).status_code == 400
    assert fresh(app, user).totp_secret == secret
    response = client.form_post("/account", "/account/2fa/off", data={"code": codes[0]})
    assert response.status_code == 303
    assert "Two-step sign-in is off." in text(client.get("/account"))
    assert fresh(app, user).totp_secret is None
    logout(client)
    assert password_step(client, user).location == "/"


def test_district_manager_cannot_turn_two_step_sign_in_off(app, client, place):
    user = user_of(app, "district_manager", place)
    client.login(user)
    response = client.form_post(
        "/account", "/account/2fa/off", data={"code": Browser.next_totp(user.totp_secret)}
    )
    assert response.status_code == 303
    assert "cannot be turned off" in text(client.get("/account"))
    assert fresh(app, user).totp_secret == user.totp_secret


def test_codes_one_step_either_side_are_accepted():
    secret = pyotp.random_base32()
    totp = pyotp.TOTP(secret)
    now = 1_700_000_015.0
    step = int(now // 30)
    for offset in (-1, 0, 1):
        assert verify_totp(secret, totp.at((step + offset) * 30), 0, now=now) == step + offset
    for offset in (-2, 2):
        assert verify_totp(secret, totp.at((step + offset) * 30), 0, now=now) is None
    # Typed on a Devanagari keyboard, the same code is the same code.
    devanagari = totp.at(step * 30).translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    assert verify_totp(secret, devanagari, 0, now=now) == step
    # A step at or before the last one used is refused: no replay.
    assert verify_totp(secret, totp.at(step * 30), step, now=now) is None


def test_code_from_a_phone_one_step_behind_signs_in(app, client, place):
    user = user_of(app, "district_manager", place)
    if time.time() % 30 > 27:  # keep "one step behind" from becoming two
        time.sleep(3.5)
    password_step(client, user)
    behind = pyotp.TOTP(user.totp_secret).at(time.time() - 30)
    assert code_step(client, behind).status_code == 303
    assert signed_in(client)
