"""A test client that fills forms as a browser does: it reads the CSRF token
from the page and signs in through the real forms, TOTP included."""

import re
import time

import pyotp

PASSWORD = "correct-horse-battery"
DOWNLOAD_RE = re.compile(r'href="(/report-jobs/[^"/]+\.pdf)"')
CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


class Browser:
    def __init__(self, client):
        self.client = client
        self.user = None

    def __getattr__(self, name):
        return getattr(self.client, name)

    def form_post(self, page_url, post_url=None, data=None, **kwargs):
        """GET the page holding the form, then POST it with its CSRF token."""
        page = self.client.get(page_url)
        token = csrf_from(page.get_data(as_text=True))
        return self.client.post(
            post_url or page_url, data={"csrf_token": token, **(data or {})}, **kwargs
        )

    def login(self, user, password=PASSWORD, code=None):
        response = self.form_post("/login", data={"username": user.username, "password": password})
        if response.status_code == 303 and response.location.endswith("/login/code"):
            code = code or pyotp.TOTP(user.totp_secret).now()
            response = self.form_post("/login/code", data={"code": code})
        return response

    @staticmethod
    def next_totp(secret: str) -> str:
        """A code for the next time step, which has not been used yet."""
        return pyotp.TOTP(secret).at(time.time() + 30)


def report_pdf(browser, url, **kwargs):
    """A report PDF as a user gets it: the link answers with the status page
    of a job (made at once: huey.immediate), whose link is the file."""
    started = browser.get(url, **kwargs)
    assert started.status_code == 303, (url, started.status_code)
    page = browser.get(started.location)
    assert page.status_code == 200, (started.location, page.status_code)
    link = DOWNLOAD_RE.search(page.get_data(as_text=True))
    assert link, f"{started.location} shows no download link"
    return browser.get(link.group(1))
