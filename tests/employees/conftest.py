"""Employee register fixtures: pages in English, an app context, and a few
employees in the offices of `place`."""

from types import SimpleNamespace

import pytest

from core.db import db


@pytest.fixture(autouse=True)
def english(app):
    app.config["DEFAULT_LOCALE"] = "en"
    app.config["CLI_LOCALE"] = "en"


@pytest.fixture(autouse=True)
def instance_here(app, tmp_path):
    """Uploaded import files go to this test's own folder."""
    app.config["EMPLOYEE_IMPORT_DIR"] = str(tmp_path / "imports")
    return tmp_path / "imports"


@pytest.fixture
def ctx(app):
    """An app context for calling services directly (not with requests)."""
    with app.app_context(), db.connection_context():
        yield app


@pytest.fixture
def staff(app, place):
    """A cadre, two designations and three employees: two in tehsil office 0
    (Patil, Kulkarni), one in tehsil office 1 (Shinde)."""
    from tests.employees.factories import make_register

    with app.app_context(), db.connection_context():
        return SimpleNamespace(**make_register(place))
