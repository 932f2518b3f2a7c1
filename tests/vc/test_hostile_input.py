"""A room saved with its optional fields left out of the request (a client
that sends only what it changed) keeps them empty instead of failing."""

from blueprints.vc.models import VcRoom


def test_a_room_edit_without_its_optional_fields_saves(app, login_as, rooms):
    admin = login_as("admin")
    room = rooms.studio
    response = admin.form_post(
        f"/vc/rooms/{room.id}/edit",
        data={"office": str(room.office_id), "name_en": "NIC VC studio (new)"},
    )
    assert response.status_code == 303
    with app.app_context():
        saved = VcRoom.get_by_id(room.id)
        assert saved.name_en == "NIC VC studio (new)" and saved.bridge_number == ""
