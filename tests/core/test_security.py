"""Security baseline: headers, cookies, CSRF with a page in the user's
language, size limits, the language switch and the fragment/full-page split."""

import re
from urllib.parse import urlsplit

import pytest
from jinja2 import StrictUndefined, UndefinedError

from tests.test_access import ANONYMOUS, browser_for, may_see, route_urls, rule_for

CSRF_MESSAGE = "This form has expired or was sent from elsewhere."
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle\s*=", re.IGNORECASE)


def directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def set_cookie_headers(response, name) -> list[str]:
    return [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]


# --- headers on every page ----------------------------------------------


@pytest.mark.parametrize("who", [ANONYMOUS, "csc_operator", "admin"])
def test_every_page_has_a_csp_that_the_page_itself_obeys(who, app, client, login_as, place):
    """CSP without 'unsafe-inline' scripts; and no inline script, handler or
    style in the HTML, which that CSP would block (a broken page)."""
    browser = browser_for(who, client, login_as)
    failures = []
    pages = 0
    for endpoint, url in route_urls(app, place, browser.user):
        if not may_see(rule_for(app, endpoint), who):
            continue
        response = browser.get(url, buffered=True, follow_redirects=True)
        if response.mimetype != "text/html":
            continue
        pages += 1
        csp = response.headers.get("Content-Security-Policy", "")
        policy = directives(csp)
        scripts = policy.get("script-src", policy.get("default-src", []))
        if not scripts or "'unsafe-inline'" in scripts or "*" in scripts:
            failures.append(f"{url}: script-src {scripts!r}")
        if "'none'" not in policy.get("object-src", []):
            failures.append(f"{url}: object-src {policy.get('object-src')!r}")
        if response.headers.get("X-Content-Type-Options") != "nosniff":
            failures.append(f"{url}: no X-Content-Type-Options: nosniff")
        if "frame-ancestors" not in policy and "X-Frame-Options" not in response.headers:
            failures.append(f"{url}: may be framed")
        html = response.get_data(as_text=True)
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, INLINE_STYLE):
            found = pattern.search(html)
            if found:
                failures.append(f"{url}: inline code the CSP blocks: {found.group(0)[:60]}")
    assert failures == [], "\n".join(failures)
    assert pages >= 3


def test_error_pages_carry_the_security_headers(client, login_as):
    for response in (client.get("/no-such-page"), login_as("gp_staff").get("/admin/users")):
        assert response.status_code in (403, 404)
        csp = directives(response.headers["Content-Security-Policy"])
        assert "'unsafe-inline'" not in csp["script-src"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_assets_carry_nosniff(client):
    html = client.get("/login").get_data(as_text=True)
    for url in re.findall(r'(?:href|src)="(/a/[^"]+)"', html):
        assert client.get(url, buffered=True).headers["X-Content-Type-Options"] == "nosniff", url


def test_pages_with_personal_data_are_not_stored_by_shared_caches(login_as):
    response = login_as("gp_staff").get("/account")
    assert response.status_code == 200
    cache = response.headers.get("Cache-Control", "")
    assert "private" in cache or "no-store" in cache
    assert "public" not in cache


# --- cookies ---------------------------------------------------------------


def test_session_cookie_is_httponly_and_samesite_lax(app, client, place):
    from tests.factories import make_user

    with app.app_context():
        user = make_user("gp_staff", place)
    page = client.get("/login")
    cookies = set_cookie_headers(page, "zila")
    response = client.login(user)
    assert response.status_code == 303
    cookies += set_cookie_headers(response, "zila")
    assert cookies, "no session cookie was set"
    for header in cookies:
        attrs = [a.strip().lower() for a in header.split(";")]
        assert "httponly" in attrs, header
        assert "samesite=lax" in attrs, header


def test_language_cookie_is_httponly_and_samesite_lax(client):
    response = client.get("/lang/hi")
    headers = set_cookie_headers(response, "lang")
    assert len(headers) == 1
    attrs = [a.strip().lower() for a in headers[0].split(";")]
    assert "httponly" in attrs and "samesite=lax" in attrs


# --- CSRF -----------------------------------------------------------------


def test_login_without_csrf_token_is_refused_with_a_message_in_english(app, client, place):
    from core.audit import AuditEvent
    from tests.factories import make_user

    with app.app_context():
        user = make_user("gp_staff", place)
        before = AuditEvent.select().count()
    client.set_cookie("lang", "en")
    response = client.post(
        "/login", data={"username": user.username, "password": "correct-horse-battery"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'lang="en"' in html
    assert CSRF_MESSAGE in html
    assert "Nothing was saved" in html
    with app.app_context():
        assert AuditEvent.select().count() == before
    # Not signed in by the refused post.
    assert client.get("/account").status_code in (302, 303)


def test_csrf_refusal_page_is_in_hindi_for_a_hindi_reader(app, client):
    from flask_babel import force_locale, gettext

    client.set_cookie("lang", "hi")
    response = client.post("/login", data={"username": "x", "password": "y"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'lang="hi"' in html
    assert re.search(r'role="alert">[^<]{20,}</p>', html), "no message on the page"
    # Once the catalogue is compiled, the message is the Hindi one.
    english = (
        "This form has expired or was sent from elsewhere. "
        "Nothing was saved. Please open the page again and resend it."
    )
    with app.test_request_context(), force_locale("hi"):
        hindi = gettext(english)
    if hindi != english:
        assert hindi in html.replace("&#39;", "'")
        assert CSRF_MESSAGE not in html


def test_password_change_without_csrf_token_changes_nothing(app, login_as):
    from blueprints.accounts.models import User
    from core.audit import AuditEvent

    browser = login_as("office_user")
    browser.set_cookie("lang", "en")
    with app.app_context():
        before_hash = User.get_by_id(browser.user.id).password_hash
        before_events = AuditEvent.select().count()
    response = browser.post(
        "/account/password",
        data={
            "current": "correct-horse-battery",
            "new": "a-new-long-password-42",
            "confirm": "a-new-long-password-42",
        },
    )
    assert response.status_code == 400
    assert CSRF_MESSAGE in response.get_data(as_text=True)
    with app.app_context():
        assert User.get_by_id(browser.user.id).password_hash == before_hash
        assert AuditEvent.select().count() == before_events
    assert browser.get("/account").status_code == 200  # still signed in


def test_logout_without_csrf_token_does_not_sign_out(app, login_as):
    """A foreign page cannot sign a CSC operator out mid-queue."""
    from core.audit import AuditEvent

    browser = login_as("csc_operator")
    with app.app_context():
        before = AuditEvent.select().count()
    assert browser.post("/logout").status_code == 400
    assert browser.get("/account").status_code == 200
    with app.app_context():
        assert AuditEvent.select().count() == before


def test_admin_action_with_a_wrong_csrf_token_is_refused(app, login_as, place):
    from blueprints.accounts.models import User
    from tests.factories import make_user

    with app.app_context():
        target = make_user("gp_staff", place, username="target")
    admin = login_as("admin")
    response = admin.post(
        f"/admin/users/{target.id}/deactivate",
        data={"csrf_token": "forged", "reason": "no reason at all"},
    )
    assert response.status_code == 400
    with app.app_context():
        assert User.get_by_id(target.id).is_active_account


# --- sizes -----------------------------------------------------------------


def test_oversized_multipart_field_answers_413_page(app, client):
    client.set_cookie("lang", "en")
    big = "x" * (app.config["MAX_FORM_MEMORY_SIZE"] + 1024)
    response = client.form_post(
        "/login", data={"username": big, "password": "y"}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "<html" in html and "too large" in html.lower()
    assert big not in html


def test_oversized_urlencoded_field_answers_413_not_a_form_error(app, client):
    """Every form of the site posts url-encoded; Werkzeug applies
    MAX_FORM_MEMORY_SIZE to multipart only, so the limit must be enforced by
    the app (else up to MAX_CONTENT_LENGTH of text is parsed and echoed)."""
    client.set_cookie("lang", "en")
    big = "x" * (app.config["MAX_FORM_MEMORY_SIZE"] + 1024)
    response = client.form_post("/login", data={"username": big, "password": "y"})
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "too large" in html.lower()
    assert big not in html


def test_oversized_body_answers_413_page(app, client):
    client.set_cookie("lang", "en")
    page = client.get("/login")
    assert page.status_code == 200
    body = b"a" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True).lower()


def test_too_many_form_fields_answer_413_not_500(app, client):
    client.set_cookie("lang", "en")
    fields = {f"f{i}": "1" for i in range(app.config["MAX_FORM_PARTS"] + 50)}
    response = client.form_post("/login", data=fields, content_type="multipart/form-data")
    assert response.status_code == 413


# --- the language switch -----------------------------------------------------


def test_unknown_language_answers_400_with_a_message(client):
    client.set_cookie("lang", "en")
    response = client.get("/lang/xx")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "That language is not available" in html
    assert "lang=xx" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "//evil.example/path",
        "https://evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nSet-Cookie: x=1",
        "\\\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_language_switch_never_redirects_off_site(client, target):
    response = client.get("/lang/hi", query_string={"next": target})
    assert response.status_code in (302, 303), response.status_code
    location = response.location
    # What a browser makes of it: backslashes are slashes, tabs vanish.
    as_browser = location.replace("\\", "/").replace("\t", "").replace("\n", "")
    parts = urlsplit(as_browser)
    assert parts.netloc in ("", "localhost"), location
    assert parts.scheme in ("", "http", "https"), location
    assert not as_browser.startswith("//"), location


def test_language_switch_returns_to_the_page_in_the_new_language(client):
    response = client.get("/lang/mr", query_string={"next": "/login?x=1"})
    assert response.status_code in (302, 303)
    assert response.location.endswith("/login?x=1")
    page = client.get("/login")
    assert 'lang="mr"' in page.get_data(as_text=True)


# --- fragment or full page -------------------------------------------------


HTMX = {"HX-Request": "true"}
BOOSTED = {"HX-Request": "true", "HX-Boosted": "true"}


def _fragment_urls(place):
    return [
        "/masters/gram-panchayats?q=Pimpalgaon",
        f"/masters/blocks/{place.blocks[0].id}",
    ]


def test_targeted_htmx_request_gets_the_fragment_only(login_as, place):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    for url in _fragment_urls(place):
        response = browser.get(url, buffered=True, headers=HTMX)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert "<html" not in html and "<head" not in html, url
        assert 'id="gp-results"' in html, url
        assert "Pimpalgaon Paithan" in html, url
        assert "HX-Request" in response.headers.get("Vary", ""), url
        assert len(response.get_data()) < len(browser.get(url, buffered=True).get_data()) / 2


def test_boosted_and_plain_requests_get_the_full_page(login_as, place):
    browser = login_as("district_manager")
    for url in _fragment_urls(place):
        for headers in (BOOSTED, {}):
            response = browser.get(url, buffered=True, headers=headers)
            assert response.status_code == 200, (url, headers)
            html = response.get_data(as_text=True)
            assert html.lstrip().lower().startswith("<!doctype html>"), (url, headers)
            assert "<html" in html and 'id="gp-results"' in html, (url, headers)
            assert "HX-Request" in response.headers.get("Vary", ""), (url, headers)


def test_history_restore_gets_the_full_page(login_as, place):
    browser = login_as("district_manager")
    response = browser.get(
        "/masters/gram-panchayats?q=Pimpalgaon",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" in response.get_data(as_text=True)


def test_admin_user_search_fragment(login_as):
    browser = login_as("admin")
    response = browser.get("/admin/users?q=admin", headers=HTMX)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html and "admin" in html
    assert "HX-Request" in response.headers.get("Vary", "")


# --- strict templates --------------------------------------------------------


def test_templates_are_strict_under_test(app):
    """The route walks mean something only if a misspelt variable fails."""
    assert app.jinja_env.undefined is StrictUndefined
    with app.test_request_context():
        from flask import render_template_string

        with pytest.raises(UndefinedError):
            render_template_string("{{ no_such_variable }}")
