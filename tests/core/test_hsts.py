"""HSTS in production: browsers then refuse plain HTTP to the portal for a
year; ZILA_HSTS=0 leaves it to a proxy that sets the header itself."""

import importlib

from core import config


def test_production_sends_hsts(app, client):
    app.config["HSTS"] = config.ProductionConfig.HSTS
    response = client.get("/")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_development_and_tests_send_none(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    assert not config.DevelopmentConfig.HSTS


def test_zila_hsts_0_turns_it_off(monkeypatch):
    monkeypatch.setenv("ZILA_HSTS", "0")
    try:
        assert importlib.reload(config).ProductionConfig.HSTS is False
    finally:
        monkeypatch.delenv("ZILA_HSTS")
        importlib.reload(config)
    assert config.ProductionConfig.HSTS is True
