"""The client address comes from the configured number of trusted proxy hops
(ZILA_PROXY_HOPS), never from a header anyone can set."""

import pytest

from tests.accounts.helpers import WRONG, operator, post_login
from tests.helpers import Browser, signed_in


@pytest.fixture
def proxied(app):
    """The same database, served behind one trusted reverse proxy."""
    from app import create_app

    proxied = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "PROXY_HOPS": 1})
    proxied.config["DEFAULT_LOCALE"] = "en"
    return proxied


def through(app, forwarded_for) -> Browser:
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    return Browser(client)


def lock_out(app, user, forwarded_for):
    browser = through(app, forwarded_for)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        post_login(browser, user.username, WRONG)


def test_without_trusted_proxies_x_forwarded_for_is_ignored(app, place):
    app.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    user = operator(app, place)
    lock_out(app, user, "203.0.113.5")
    # A new X-Forwarded-For does not make a new address: the lock holds.
    assert through(app, "198.51.100.7").login(user).status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(app, proxied, place):
    proxied.config["LOGIN_RATE_LIMIT"] = "1000 per minute"
    user = operator(app, place)
    lock_out(proxied, user, "203.0.113.5")
    assert through(proxied, "203.0.113.5").login(user).status_code == 429
    owner = through(proxied, "198.51.100.7")
    assert owner.login(user).status_code == 303
    assert signed_in(owner)


def test_proxy_hops_come_from_the_environment(monkeypatch):
    import importlib

    from core import config

    monkeypatch.setenv("ZILA_PROXY_HOPS", "2")
    try:
        assert importlib.reload(config).Config.PROXY_HOPS == 2
    finally:
        monkeypatch.delenv("ZILA_PROXY_HOPS")
        importlib.reload(config)
    assert config.Config.PROXY_HOPS == 0
