"""What a signed-in user sees, shared by the sign-in tests."""

from tests.factories import make_user
from tests.helpers import PASSWORD

WRONG = "not-the-password"


def text(response) -> str:
    return response.get_data(as_text=True)


def signed_in(browser) -> bool:
    """What a user sees on the home page: the staff menu, or the public page."""
    page = text(browser.get("/"))
    if "Staff sign in" in page:
        return False
    assert "Sign out" in page
    return True


def user_of(app, role, place, **overrides):
    with app.app_context():
        return make_user(role, place, **overrides)


def operator(app, place, **overrides):
    return user_of(app, "csc_operator", place, **overrides)


def post_login(browser, username, password=PASSWORD):
    return browser.form_post("/login", data={"username": username, "password": password})
