"""Data for the route walks of tests/test_access.py and tests/test_budget.py:
a scheme with indicators and last month's figures of block 0, so that the
MIS pages show full tables and charts. The routes take gp_id and block_id,
which the walk already fills with place 0's, and indicator_id."""

from blueprints.masters.models import GramPanchayat
from blueprints.mis import months
from tests.factories import make_user
from tests.mis.factories import fill, make_indicators


def walk_values(app, place, user=None) -> dict:
    if not getattr(place, "mis_walk", None):
        with app.app_context():
            _scheme, indicators = make_indicators(place, code="WALK-MIS")
            filler = make_user("gp_staff", place, username="walk-mis-filler", mobile="")
            gps = GramPanchayat.select().where(GramPanchayat.block == place.blocks[0])
            fill(gps, indicators, months.reporting_month(), filler)
        place.mis_walk = {"indicator_id": indicators[0].id}
    return place.mis_walk
