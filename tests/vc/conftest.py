"""VC fixtures: pages in English, the collectorate's studio, a room in each
tehsil office and block office, an admin (the IT cell) and the organiser."""

from types import SimpleNamespace

import pytest

from blueprints.vc.models import VcRoom
from tests.factories import make_user
from tests.fixtures import ctx, english  # noqa: F401


@pytest.fixture
def rooms(app, place):
    with app.app_context():
        studio = VcRoom.create(
            office=place.collectorate,
            name_en="NIC VC studio",
            bridge_number="0240-2331000",
            meeting_code="123 456",
            join_link="https://vc.example.gov.in/join/aur",
            sip_address="aur@vc.example.gov.in",
        )
        tehsils = [
            VcRoom.create(
                office=o, name_en=f"VC room {o.name_en}", contact_mobile=f"98000001{i}0",
                contact_email=f"vc{i}@example.gov.in",
            )
            for i, o in enumerate(place.tehsil_offices)
        ]  # fmt: skip
        blocks = [
            VcRoom.create(office=o, name_en=f"VC room {o.name_en}", contact_mobile=f"98000002{i}0")
            for i, o in enumerate(place.block_offices)
        ]
        it = make_user("admin", place, username="it-cell", mobile="9700000777", email="it@x.in")
    return SimpleNamespace(studio=studio, tehsils=tehsils, blocks=blocks, it=it)
