import pytest


@pytest.fixture(autouse=True)
def english(app):
    """Read pages as a user who chose English (the district default is Marathi)."""
    app.config["DEFAULT_LOCALE"] = "en"
