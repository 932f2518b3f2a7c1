"""URL values for the VC routes: a room of tehsil office 0 (every role of
place 0 may see it), an upcoming meeting inviting it, chaired from a
collectorate room, with one action point, and the signed calendar link of
the invitation."""

import datetime as dt

from blueprints.vc.models import VcActionPoint, VcInvitee, VcMeeting, VcRoom
from core import clock
from tests.directory.factories import holder, posts

# The invitation's calendar link: its signature is the access.
PUBLIC_ENDPOINTS = {"vc.ics_link"}


def walk_values(app, place, user=None) -> dict:
    cache = place.__dict__.setdefault("vc_walk", {})
    if not cache:
        with app.app_context():
            cache.update(_make(place))
    return cache


def _make(place) -> dict:
    from blueprints.accounts.models import User
    from tests.factories import make_user

    room = VcRoom.create(
        office=place.tehsil_offices[0],
        name_en="VC room, Tehsil Paithan",
        name_local="व्हीसी कक्ष, पैठण",
    )
    host = VcRoom.create(
        office=place.collectorate, name_en="NIC VC studio", name_local="एनआयसी व्हीसी कक्ष"
    )
    organiser = User.get_or_none(User.username == "walk-dm") or make_user(
        "district_manager", place, username="walk-dm"
    )
    start = (clock.now() + dt.timedelta(days=3)).replace(microsecond=0)
    meeting = VcMeeting.create(
        title="साप्ताहिक आढावा", starts_at=start, ends_at=start + dt.timedelta(hours=1),
        host_room=host, organiser=organiser,
    )  # fmt: skip
    VcInvitee.create(meeting=meeting, room=room)
    tehsildar, _steno = posts()
    owner = holder(place.tehsil_offices[0], tehsildar, "WALK1", "Walk Officer", "वॉक अधिकारी")
    point = VcActionPoint.create(
        meeting=meeting,
        text="टँकर आराखडा सादर करणे",
        owner=owner,
        due_on=start.date(),
        created_by=organiser,
    )
    from blueprints.vc.services import calendar_key

    return {
        "room_id": room.id,
        "meeting_id": meeting.id,
        "action_id": point.id,
        "key": calendar_key(meeting),
    }
