"""Employee register fixtures: pages in English, an app context, and a few
employees in the offices of `place`."""

from types import SimpleNamespace

import pytest

from core.db import db
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture(autouse=True)
def instance_here(app, tmp_path):
    """Uploaded import files go to this test's own folder."""
    app.config["EMPLOYEE_IMPORT_DIR"] = str(tmp_path / "imports")
    return tmp_path / "imports"


@pytest.fixture
def staff(app, place):
    """A cadre, two designations and three employees: two in tehsil office 0
    (Patil, Kulkarni), one in tehsil office 1 (Shinde)."""
    from tests.employees.factories import make_register

    with app.app_context(), db.connection_context():
        return SimpleNamespace(**make_register(place))
