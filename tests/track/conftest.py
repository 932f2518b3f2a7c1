import pytest


@pytest.fixture(autouse=True)
def english(app, monkeypatch):
    """Read pages as a user who chose English (the district default is
    Marathi); talk to the local fake gateways without a proxy."""
    app.config["DEFAULT_LOCALE"] = "en"
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make(app, place):
    """make(fn, *args, **kwargs): run a factory inside an app context."""

    def run(fn, *args, **kwargs):
        with app.app_context():
            return fn(*args, **kwargs)

    return run
