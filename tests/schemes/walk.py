"""URL values for the scheme routes, for the route walks of
tests/test_access.py, test_budget.py and core/test_i18n.py: a published
scheme with a photo, owned by the signed-in user's office when they may edit
(so the editing pages answer 200), else by the ZP."""

from blueprints.schemes.models import SchemePhoto, SchemeVersion
from blueprints.schemes.services import EDITOR_ROLES
from tests.factories import make_user
from tests.helpers import made_once_per_user
from tests.schemes.factories import make_scheme

PUBLIC_ENDPOINTS = {
    "schemes.index",
    "schemes.detail",
    "schemes.finder",
    "schemes.photo",
    "schemes.open_data_csv",
    "schemes.open_data_json",
}


def walk_values(app, place, user=None) -> dict:
    return made_once_per_user(app, place, user, "scheme_walk", _make)


def _make(place, user, n) -> dict:
    if user is not None and user.role in EDITOR_ROLES:
        actor, office = user, (user.office if user.office_id else place.zp)
    else:
        actor = make_user("admin", place, username=f"walk-scheme-admin-{n}")
        office = place.zp
    approver = None
    if actor.role == "office_user":
        approver = make_user("office_head", place, username=f"walk-scheme-head-{n}", office=office)
    scheme = make_scheme(office, actor, approver, code=f"WALK-S{n}")
    version = SchemeVersion.get(
        (SchemeVersion.scheme == scheme.id) & (SchemeVersion.state == "published")
    )
    photo = SchemePhoto.get(SchemePhoto.version == version.id)
    return {"scheme_pk": scheme.id, "scheme_photo_id": photo.id}
