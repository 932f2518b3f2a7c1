"""Every page reads fully in Hindi and Marathi; numbers and dates are Indian."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from core.i18n_check import problems
from tests.test_access import ANONYMOUS, WHO, browser_for, may_see, route_urls, rule_for

# Proper names and acronyms that stay in Latin script on an Indian page.
ALLOWED_LATIN = {
    "English", "CSC", "CSCs", "OTP", "SMS", "QR", "IST", "PDF", "TOTP",
    "Google", "Microsoft", "Authenticator", "FreeOTP",
}  # fmt: skip
# Codes such as BL-PTN or TH-PTN are identifiers, not English.
CODE = re.compile(r"\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b")
# A word of Latin letters standing alone; codes such as GP02017 are not words.
LATIN_WORD = re.compile(r"(?<![\w])[A-Za-z][A-Za-z']+(?![\w])")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes (not script/style), labels in
    attributes, and the words on buttons. Elements marked translate="no"
    (codes, usernames) or lang="en" (a name given in English) are skipped."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._stack: list[bool] = []

    @property
    def _skip(self) -> bool:
        return any(self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self._stack.append(
                tag in ("script", "style", "code", "svg")
                or attrs.get("translate") == "no"
                or (attrs.get("lang") == "en" and tag != "html")
            )
        if self._skip:
            return
        self.parts.extend(attrs[a] for a in VISIBLE_ATTRIBUTES if attrs.get(a))
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag not in VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_words(html: str, also_allowed=()) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    allowed = ALLOWED_LATIN | set(also_allowed)
    words = set()
    for part in parser.parts:
        part = CODE.sub(" ", part)
        for word in LATIN_WORD.findall(part):
            if word not in allowed:
                words.add(word)
    return words


def test_catalogues_are_complete():
    assert problems() == []


@pytest.mark.parametrize("lang", ["hi", "mr"])
@pytest.mark.parametrize("who", WHO)
def test_every_page_reads_in_the_local_language(who, lang, app, client, login_as, place):
    browser = browser_for(who, client, login_as)
    user = browser.user if who != ANONYMOUS else None
    browser.set_cookie("lang", lang)
    # Usernames and codes are identifiers, not prose.
    identifiers = {user.username} if user else set()
    identifiers |= set(re.findall(r"[A-Za-z]+", user.username)) if user else set()
    leaks = {}
    for endpoint, url in route_urls(app, place, user):
        if endpoint == "home.language" or not may_see(rule_for(app, endpoint), who):
            continue
        response = browser.get(url, follow_redirects=True)
        if response.mimetype != "text/html" or not response.data:
            continue
        html = response.get_data(as_text=True)
        assert f'lang="{lang}"' in html, url
        words = english_words(html, identifiers)
        if words:
            leaks[url] = sorted(words)
    assert leaks == {}, f"English left on {lang} pages for {who}: {leaks}"


def test_the_detector_finds_english(app, client):
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "portal" in english_words(html)


def test_numbers_use_indian_grouping(login_as, place):
    browser = login_as("district_manager")
    for lang in ("en", "hi", "mr"):
        browser.set_cookie("lang", lang)
        page = browser.get(f"/masters/gram-panchayats/{place.gps[0].id}").get_data(as_text=True)
        assert "12,34,567" in page, lang  # the population, grouped lakh-wise


def test_dates_are_indian_standard_time(app, login_as):
    from blueprints.accounts.models import User

    browser = login_as("csc_operator")
    with app.app_context():
        # 20:00 UTC on 20 Nov is 01:30 on 21 Nov in India.
        User.update(last_login_at=dt.datetime(2026, 11, 20, 20, 0)).execute()
    browser.set_cookie("lang", "en")
    assert "21 Nov 2026, 01:30" in browser.get("/account").get_data(as_text=True)
    browser.set_cookie("lang", "hi")
    assert "21 नव॰ 2026" in browser.get("/account").get_data(as_text=True)


def test_language_choice_is_remembered_without_javascript(client):
    response = client.get("/lang/mr?next=/login")
    assert response.status_code == 303
    assert response.location.endswith("/login")
    assert "lang=mr" in response.headers["Set-Cookie"]
    assert "Max-Age=31536000" in response.headers["Set-Cookie"]
    page = client.get("/login").get_data(as_text=True)
    assert '<html lang="mr">' in page
    assert "<h1>साइन इन</h1>" in page and "पासवर्ड" in page
