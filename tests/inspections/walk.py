"""URL values for the inspection routes, for the route walks of
tests/test_access.py and tests/test_budget.py.

The inspection pages are per object: only the assigned inspector may report,
and an inspector sees only their own inspections. So the walk's inspections
are assigned to the signed-in user when their role may inspect (each role
then sees its own pages), else to a walk inspector (the district roles see
every inspection). Nothing here writes an audit event: the POST walks check
that refused requests write none."""

from blueprints.applications.uploads import accept
from blueprints.inspections.draw import current_week
from blueprints.inspections.models import INSPECTOR_ROLES, InspectionPhoto, Inspector
from blueprints.masters.models import Csc
from tests.applications.conftest import photo_bytes
from tests.factories import make_user
from tests.helpers import made_once_per_user
from tests.inspections.factories import filed, schedule


def walk_values(app, place, user=None) -> dict:
    """{"inspection_id": an inspection of this week, not yet reported (its
    report form answers 200), "photo_id": a photo of a filed report with an
    open instruction}: both of block 0 and of the signed-in user when they
    may inspect. Made once per user and test."""
    return made_once_per_user(app, place, user, "inspection_walk", _make)


def _make(place, user, n) -> dict:
    if user is not None and user.role in INSPECTOR_ROLES:
        inspector_user = user
    else:
        inspector_user = make_user(
            "gp_staff", place, username=f"walk-inspector-{n}", mobile="9700000099"
        )
    inspector = Inspector.create(user=inspector_user, block=place.blocks[0])
    centres = [
        Csc.create(
            code=f"WALK{n}{side}",
            name_en=f"Walk Kendra {n}{side}",
            name_local=f"वॉक केंद्र {n}{side}",
            gram_panchayat=gp,
        )
        for side, gp in (("A", place.gps[0]), ("B", place.gps[1]))
    ]
    scheduled = schedule(inspector, centres[0], week=current_week())
    report = filed(
        schedule(inspector, centres[1], week=current_week()),
        findings=["board_displayed"],
        photo=accept(photo_bytes(size=(40, 30))),
    )
    photo = InspectionPhoto.get(InspectionPhoto.report == report.id)
    return {"inspection_id": scheduled.id, "photo_id": photo.id}
