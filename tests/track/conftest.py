import pytest

from tests.fixtures import english  # noqa: F401


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Talk to the local fake gateways without a proxy."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def make(app, place):
    """make(fn, *args, **kwargs): run a factory inside an app context."""

    def run(fn, *args, **kwargs):
        with app.app_context():
            return fn(*args, **kwargs)

    return run
