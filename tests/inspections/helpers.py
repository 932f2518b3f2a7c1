"""Filling the report form as a phone's browser does."""

import io
import re

from tests.helpers import csrf_from
from tests.inspections.factories import form_answers

TOKEN_RE = re.compile(r'name="token" type="hidden" value="([0-9a-f]+)"')


def open_form(browser, inspection) -> dict:
    """GET the report page; the CSRF and one-time tokens it carries."""
    page = browser.get(f"/inspections/{inspection.id}/report")
    assert page.status_code == 200, page.status_code
    html = page.get_data(as_text=True)
    return {"csrf_token": csrf_from(html), "token": TOKEN_RE.search(html).group(1)}


def submit(browser, inspection, tokens=None, photos=(), **answers):
    """POST the report form; photos are (bytes, file name) pairs."""
    tokens = tokens or open_form(browser, inspection)
    data = {**form_answers(**answers), **tokens}
    if photos:
        data["photos"] = [(io.BytesIO(body), name) for body, name in photos]
    return browser.post(
        f"/inspections/{inspection.id}/report", data=data, content_type="multipart/form-data"
    )
