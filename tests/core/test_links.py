"""Links the portal prints or sends are built on PUBLIC_URL, never on the
Host header a client sends; production does not start without it, and a
request naming a host that is not the portal's is refused."""

import logging

import pytest

from core.config import ProductionConfig


def _production(**settings):
    from app import create_app

    config = type("Production", (ProductionConfig,), settings)
    return create_app(config)


def test_production_refuses_to_start_without_public_url():
    with pytest.raises(RuntimeError, match="PUBLIC_URL is not set"):
        _production(PUBLIC_URL="")
    with pytest.raises(RuntimeError, match="not an http"):
        _production(PUBLIC_URL="zila.example.gov.in")


def test_production_trusts_its_public_host_and_the_configured_ones():
    app = _production(
        PUBLIC_URL="https://zila.aur.example/", EXTRA_TRUSTED_HOSTS="zila-internal, 10.0.0.5"
    )
    assert app.config["TRUSTED_HOSTS"] == ["zila.aur.example", "zila-internal", "10.0.0.5"]


def test_a_request_for_another_host_is_refused_with_a_page(client):
    response = client.get("/track", headers={"Host": "evil.example"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "http://127.0.0.1:5000" in page and "evil.example" not in page
    assert response.headers["Content-Security-Policy"]
    assert client.get("/track").status_code == 200
    assert client.get("/track", headers={"Host": "127.0.0.1:5000"}).status_code == 200


def test_links_without_public_url_use_the_configured_default_and_warn_once(app, caplog):
    from core.links import public_url

    with app.app_context(), caplog.at_level(logging.WARNING):
        first = public_url("track.status", app_id="AUR26-0000001-K")
        public_url("track.status", app_id="AUR26-0000002-K")
    assert first == "http://127.0.0.1:5000/track/AUR26-0000001-K"
    warnings = [r for r in caplog.records if "PUBLIC_URL is not set" in r.getMessage()]
    assert len(warnings) == 1
    app.config["PUBLIC_URL"] = "https://zila.aur.example/"
    with app.app_context():
        assert public_url("track.status", app_id="X") == "https://zila.aur.example/track/X"
