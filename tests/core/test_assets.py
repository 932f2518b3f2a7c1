"""Static files under content-hashed names, cached for a year; pages sent
compressed and revalidatable, so that a repeat visit costs the HTML alone."""

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HASHED = re.compile(r"^/a/(?P<stem>.+)\.(?P<digest>[0-9a-f]{12})\.(?P<ext>[a-z0-9]+)$")
YEAR = 31536000
# Requests use buffered=True: a streamed file that Flask-Compress compresses
# holds its request context until read, and an unread one breaks the next
# request in the test client.


def asset_urls(client, page="/") -> list[str]:
    response = client.get(page)
    assert response.status_code == 200, page
    urls = re.findall(r'(?:href|src)="(/a/[^"]+)"', response.get_data(as_text=True))
    assert len(urls) >= 2, f"{page} links no hashed CSS and JS"
    return urls


def cache_directives(response) -> dict[str, str]:
    out = {}
    for part in response.headers.get("Cache-Control", "").split(","):
        key, _, value = part.strip().partition("=")
        if key:
            out[key.lower()] = value
    return out


def test_asset_urls_are_content_hashed(client):
    urls = asset_urls(client)
    assert any(u.endswith(".css") for u in urls) and any(u.endswith(".js") for u in urls)
    css = [u for u in urls if u.startswith("/a/css/zila.")]
    assert css and HASHED.match(css[0]), urls
    for url in urls:
        match = HASHED.match(url)
        assert match, f"{url} is not /a/<name>.<12 hex>.<ext>"
        source = ROOT / "static" / f"{match['stem']}.{match['ext']}"
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        assert match["digest"] == digest, f"{url} does not name the file's content"


def test_assets_are_cached_for_a_year_and_immutable(client):
    for url in asset_urls(client):
        response = client.get(url, buffered=True)
        assert response.status_code == 200, url
        cache = cache_directives(response)
        assert cache.get("max-age") == str(YEAR), (url, response.headers.get("Cache-Control"))
        assert "immutable" in cache, url
        assert "no-cache" not in cache and "private" not in cache, url


def test_assets_are_served_with_their_content_and_type(client):
    for url in asset_urls(client):
        match = HASHED.match(url)
        response = client.get(url, buffered=True, headers={"Accept-Encoding": "identity"})
        source = ROOT / "static" / f"{match['stem']}.{match['ext']}"
        assert response.get_data() == source.read_bytes(), url
        want = {"css": "text/css", "js": "text/javascript"}[match["ext"]]
        assert response.mimetype in (want, "application/javascript"), (url, response.mimetype)


def test_a_wrong_or_stale_hash_is_404(client):
    for url in asset_urls(client):
        match = HASHED.match(url)
        stale = f"/a/{match['stem']}.{'0' * 12}.{match['ext']}"
        response = client.get(stale, buffered=True)
        assert response.status_code == 404, stale
        # A 404 must never be cached for a year.
        assert "immutable" not in response.headers.get("Cache-Control", "")
    assert client.get("/a/css/zila.css").status_code == 404
    assert client.get("/a/../app.py").status_code == 404
    assert client.get("/a/%2e%2e/app.py").status_code == 404


# What browsers send: Chrome over HTTPS, Chrome over plain HTTP (a district
# LAN), and a gzip-only client.
CHROME_HTTPS = "gzip, deflate, br, zstd"
CHROME_HTTP = "gzip, deflate"
GZIP_ONLY = "gzip"


def test_assets_carry_an_etag_and_answer_304_uncompressed(client):
    for url in asset_urls(client):
        response = client.get(url, buffered=True, headers={"Accept-Encoding": "identity"})
        etag = response.headers.get("ETag")
        assert etag, url
        again = client.get(
            url, buffered=True, headers={"Accept-Encoding": "identity", "If-None-Match": etag}
        )
        assert again.status_code == 304, url
        assert again.get_data() == b""


def test_compressed_assets_answer_304_to_their_own_etag(client):
    """A browser revalidating an asset it got compressed sends back the ETag
    it got (with ":br"); the answer must be a 304, not the file again."""
    for url in asset_urls(client):
        for accept in (CHROME_HTTPS, CHROME_HTTP):
            response = client.get(url, buffered=True, headers={"Accept-Encoding": accept})
            etag = response.headers.get("ETag")
            assert etag, (url, accept)
            again = client.get(
                url, buffered=True, headers={"Accept-Encoding": accept, "If-None-Match": etag}
            )
            assert again.status_code == 304, (url, accept, etag)


def test_assets_are_compressed_for_browsers(client):
    for url in asset_urls(client):
        raw = len(
            client.get(url, buffered=True, headers={"Accept-Encoding": "identity"}).get_data()
        )
        for accept in (CHROME_HTTPS, CHROME_HTTP):
            response = client.get(url, buffered=True, headers={"Accept-Encoding": accept})
            encoding = response.headers.get("Content-Encoding")
            assert encoding in accept.split(", "), (url, accept, encoding)
            assert len(response.get_data()) < raw / 2, (url, accept)
            assert "Accept-Encoding" in response.headers.get("Vary", ""), url


def test_assets_are_compressed_for_a_gzip_only_client(client):
    for url in asset_urls(client):
        response = client.get(url, buffered=True, headers={"Accept-Encoding": GZIP_ONLY})
        assert response.headers.get("Content-Encoding") == "gzip", url


def test_assets_do_not_vary_on_the_session_cookie(client, login_as):
    """`Vary: Cookie` on a year-long immutable file makes the browser fetch it
    again whenever the session cookie changes (every sign-in, every minute of
    use): the repeat visit would no longer cost the HTML alone."""
    browser = login_as("csc_operator")
    for url in asset_urls(browser):
        response = browser.get(url, buffered=True, headers={"Accept-Encoding": "br, gzip"})
        assert response.status_code == 200
        vary = {v.strip().lower() for v in response.headers.get("Vary", "").split(",")}
        assert "cookie" not in vary, (url, response.headers.get("Vary"))
        assert not response.headers.getlist("Set-Cookie"), url


def test_pages_are_compressed_when_asked(login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    for url in ("/", "/masters/", "/masters/offices", "/account"):
        plain = browser.get(url, buffered=True, headers={"Accept-Encoding": "identity"})
        assert plain.headers.get("Content-Encoding") is None
        for accept, expected in (("br, gzip", "br"), ("gzip", "gzip")):
            response = browser.get(url, buffered=True, headers={"Accept-Encoding": accept})
            assert response.status_code == 200, url
            assert response.headers.get("Content-Encoding") == expected, (url, accept)
            assert len(response.get_data()) < len(plain.get_data()), url
            assert "Accept-Encoding" in response.headers.get("Vary", ""), url


def test_pages_are_revalidated_not_reused_blindly(login_as):
    """Pages hold personal data: the browser must ask again (no-cache), and a
    shared cache must not keep them (private). Pages carry no ETag today, so
    a repeat visit downloads the whole HTML, which the budget allows."""
    browser = login_as("district_manager")
    response = browser.get("/masters/")
    cache = cache_directives(response)
    assert "no-cache" in cache or "no-store" in cache
    assert "private" in cache or "no-store" in cache
    assert "max-age" not in cache or cache["max-age"] == "0"
