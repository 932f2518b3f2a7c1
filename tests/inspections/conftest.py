"""Inspection fixtures: pages in English, an app context with a connection,
and a block of centres with an inspector."""

from types import SimpleNamespace

import pytest

from tests.fixtures import ctx, english, uploads_here  # noqa: F401
from tests.inspections.factories import make_centres, make_inspector


@pytest.fixture
def block(app, place):
    """Block 0 with six more gram panchayats of one CSC each (seven centres
    with place 0's own), and a gram sevak inspecting it."""
    with app.app_context():
        centres = [place.cscs[0], *make_centres(place.blocks[0], gps=6)]
        inspector = make_inspector(place, "gp_staff", username="gramsevak", mobile="9700000001")
    return SimpleNamespace(centres=centres, inspector=inspector, block=place.blocks[0])


@pytest.fixture
def visit(app, place, login_as):
    """A gram sevak signed in, inspector of block 0, with place 0's CSC to
    inspect this week."""
    from blueprints.inspections.models import Inspector
    from tests.inspections.factories import schedule

    browser = login_as("gp_staff", username="gramsevak", mobile="9700000001")
    with app.app_context():
        inspector = Inspector.create(user=browser.user, block=place.blocks[0])
        inspection = schedule(inspector, place.cscs[0])
    return SimpleNamespace(browser=browser, inspector=inspector, inspection=inspection)
