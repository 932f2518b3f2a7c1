"""Helpers every area's tests share (fixtures are in conftest.py and
fixtures.py, rows in factories.py): a test client that fills forms as a
browser does (it reads the CSRF token from the page and signs in through the
real forms, TOTP included), readers of what a response or a PDF shows, and
runners: threads that start together, a log of the SQL run."""

import html
import re
import subprocess
import threading
import time
from contextlib import contextmanager

import pyotp
import pytest

from core.db import db

PASSWORD = "correct-horse-battery"
DOWNLOAD_RE = re.compile(r'href="(/report-jobs/[^"/]+\.pdf)"')
CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def csrf_from(page: str) -> str:
    match = CSRF_RE.search(page)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


def text(response) -> str:
    return response.get_data(as_text=True)


def unescaped_text(response) -> str:
    """The page with its HTML entities decoded, as a reader sees quotes and
    ampersands."""
    return html.unescape(text(response))


def signed_in(browser) -> bool:
    """What a user sees on the home page: the staff menu, or the public page."""
    page = text(browser.get("/"))
    if "Staff sign in" in page:
        return False
    assert "Sign out" in page
    return True


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


def at_once(app, work, times=2, timeout=30):
    """Run work() in `times` threads that start together, each with its own
    app context and connection, as web workers or queue consumers would.
    Returns (results, errors)."""
    start = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            with app.app_context(), db.connection_context():
                start.wait()
                results.append(work())
        except Exception as exc:  # noqa: BLE001 (the test asserts there is none)
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    return results, errors


def made_once_per_user(app, place, user, name, make):
    """make(place, user, n) once per test and signed-in user (n counts the
    calls, for unique codes), kept on `place` under `name`."""
    cache = place.__dict__.setdefault(name, {})
    key = user.id if user is not None else None
    if key not in cache:
        with app.app_context():
            cache[key] = make(place, user, len(cache))
    return cache[key]


def without_proxy(monkeypatch):
    """Talk to the local fake gateways directly, whatever proxy the machine sets."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def quiet(*_args):
    """An `echo` for the demo seeds that prints nothing."""


def pdf_text(data: bytes, folder, *, name="doc.pdf", layout=True) -> str:
    """The words of a PDF as pdftotext reads them, `layout` keeping its
    columns; the file stays in `folder` under `name`."""
    path = folder / name
    path.write_bytes(data)
    try:
        out = subprocess.run(
            ["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
        )
    except FileNotFoundError:
        pytest.skip("pdftotext is missing (make setup installs poppler-utils)")
    return out.stdout


class QueryLog(list):
    def touching(self, table: str) -> list[str]:
        return [sql for sql in self if f'"{table}"' in sql]


@contextmanager
def count_queries():
    """`with count_queries() as log:` records every SQL statement run."""
    log = QueryLog()
    database = db.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        log.append(sql)
        return real(sql, params, *args, **kwargs)

    database.execute_sql = execute_sql
    try:
        yield log
    finally:
        del database.execute_sql


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


# A link to an application's page: a row of any list of applications.
ROW_ID = re.compile(r'<a href="/applications/(\d+)"')


def listed(response) -> list[int]:
    """Application primary keys in the order a list shows them."""
    assert response.status_code == 200, response.status_code
    return [int(pk) for pk in ROW_ID.findall(text(response))]


def pager_link(response, rel: str) -> str | None:
    """The keyset pager's link to the next (rel="next") or previous page."""
    match = re.search(rf'<a href="([^"]+)"[^>]* rel="{rel}"', text(response))
    return html.unescape(match.group(1)) if match else None


def next_link(response) -> str | None:
    return pager_link(response, "next")


def prev_link(response) -> str | None:
    return pager_link(response, "prev")
