import pytest

from tests.fixtures import english  # noqa: F401
from tests.helpers import without_proxy


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    without_proxy(monkeypatch)


@pytest.fixture
def make(app, place):
    """make(fn, *args, **kwargs): run a factory inside an app context."""

    def run(fn, *args, **kwargs):
        with app.app_context():
            return fn(*args, **kwargs)

    return run
