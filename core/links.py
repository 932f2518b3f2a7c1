"""The portal's own address: every absolute link it prints or sends (the
acknowledgement's QR code, the tracking link of an e-mail, the signed link
of an SMS, a calendar file's) is built on PUBLIC_URL, never on the request's
Host header, which any client sets as it likes. Production refuses to start
without PUBLIC_URL; in development and tests an unset one means
FALLBACK_PUBLIC_URL (the address `make run` serves), with a warning.

A request naming another host is refused (Flask's TRUSTED_HOSTS: PUBLIC_URL's
host, the loopback names outside production, and ZILA_TRUSTED_HOSTS)."""

from urllib.parse import urlsplit

from flask import current_app, request
from flask_babel import gettext as _
from markupsafe import escape
from werkzeug.exceptions import SecurityError

LOOPBACK = ("localhost", "127.0.0.1")


class PublicUrlMissing(RuntimeError):
    """Production without PUBLIC_URL: links would name whatever host a client sent."""


def _valid(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def init_app(app) -> None:
    configured = (app.config.get("PUBLIC_URL") or "").strip()
    if configured and not _valid(configured):
        raise PublicUrlMissing(f"PUBLIC_URL={configured!r} is not an http(s) address")
    if not configured and app.config.get("REQUIRE_PUBLIC_URL"):
        raise PublicUrlMissing(
            "PUBLIC_URL is not set. In production it must be the address citizens and staff "
            "reach the portal at (e.g. PUBLIC_URL=https://zila.example.gov.in): the QR codes, "
            "SMS and e-mails carry it."
        )
    if app.config.get("TRUSTED_HOSTS") is None:
        base = configured or app.config["FALLBACK_PUBLIC_URL"]
        hosts = [urlsplit(base).hostname]
        if not app.config.get("REQUIRE_PUBLIC_URL"):
            hosts += LOOPBACK
        extra = app.config.get("EXTRA_TRUSTED_HOSTS") or ""
        hosts += [h.strip() for h in extra.split(",") if h.strip()]
        app.config["TRUSTED_HOSTS"] = list(dict.fromkeys(h for h in hosts if h))
    # First of all: with an untrusted host Flask has no URL adapter, so no
    # other hook, nor a page that builds a link, may run.
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_untrusted_host)


def _refuse_untrusted_host():
    if not isinstance(request.routing_exception, SecurityError):
        return None
    message = _("This address is not the portal's. Open %(url)s instead.", url=public_base())
    body = (
        '<!doctype html><html><head><meta charset="utf-8"><title>400</title></head>'
        f"<body><h1>400</h1><p>{escape(message)}</p></body></html>"
    )
    return body, 400, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}


def public_base() -> str:
    """PUBLIC_URL without its trailing slash (FALLBACK_PUBLIC_URL when unset,
    outside production)."""
    base = (current_app.config.get("PUBLIC_URL") or "").strip().rstrip("/")
    if base:
        return base
    fallback = current_app.config["FALLBACK_PUBLIC_URL"].rstrip("/")
    if not current_app.extensions.get("public_url_warned"):
        current_app.extensions["public_url_warned"] = True
        current_app.logger.warning(
            "PUBLIC_URL is not set: links in QR codes, SMS and e-mails point at %s", fallback
        )
    return fallback


def public_host() -> str:
    return urlsplit(public_base()).hostname or "localhost"


def public_url(endpoint: str, **values) -> str:
    """The absolute address of `endpoint` on PUBLIC_URL, in a request or not."""
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return public_base() + path
