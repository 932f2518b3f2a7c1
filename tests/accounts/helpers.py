"""The sign-in tests' own vocabulary (text() and signed_in() are the
shared ones in tests/helpers.py)."""

from tests.factories import make_user
from tests.helpers import PASSWORD

WRONG = "not-the-password"


def user_of(app, role, place, **overrides):
    with app.app_context():
        return make_user(role, place, **overrides)


def operator(app, place, **overrides):
    return user_of(app, "csc_operator", place, **overrides)


def post_login(browser, username, password=PASSWORD):
    return browser.form_post("/login", data={"username": username, "password": password})
