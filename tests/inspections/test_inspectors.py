"""The district's list of inspectors, and drawing the week by hand."""

from blueprints.inspections.draw import current_week
from blueprints.inspections.models import Inspection, Inspector
from core.audit import AuditEvent
from tests.factories import make_user
from tests.helpers import csrf_from


def save(browser, **fields):
    data = {"username": "", "area_code": "", "min_per_week": "", "active": "y", **fields}
    return browser.form_post("/inspections/inspectors", data=data)


def test_the_district_manager_makes_an_inspector(app, place, login_as):
    with app.app_context():
        make_user("block_officer", place, username="bdo.paithan")
    manager = login_as("district_manager")
    response = save(manager, username="BDO.Paithan", area_code="t0", min_per_week="3")
    assert response.status_code == 303
    page = manager.get("/inspections/inspectors").get_data(as_text=True)
    assert "Inspector saved." in page and "bdo.paithan" in page and "Paithan" in page
    with app.app_context():
        inspector = Inspector.get()
        assert (inspector.tehsil_id, inspector.block_id, inspector.min_per_week) == (
            place.tehsils[0].id,
            None,
            3,
        )
        assert AuditEvent.get(AuditEvent.action == "inspector.saved").object_id == str(
            inspector.user_id
        )
    # Changed, not duplicated: now block 1, the district's default, inactive.
    save(manager, username="bdo.paithan", area_code="B1", active="")
    with app.app_context():
        inspector = Inspector.get()
        assert Inspector.select().count() == 1
        assert (inspector.block_id, inspector.tehsil_id) == (place.blocks[1].id, None)
        assert (inspector.min_per_week, inspector.active) == (None, False)


def test_who_cannot_be_an_inspector_is_told_why(app, place, login_as):
    with app.app_context():
        make_user("csc_operator", place, username="vle")
        make_user("gp_staff", place, username="gs")
    admin = login_as("admin")
    cases = [
        ({"username": "nobody", "area_code": "B0"}, "There is no user with this username."),
        ({"username": "vle", "area_code": "B0"}, "A CSC operator cannot be an inspector."),
        ({"username": "gs", "area_code": "XX"}, "There is no block or tehsil with this code."),
        ({"username": "gs", "area_code": "B0", "min_per_week": "99"}, "from 1 to 20"),
    ]
    for fields, message in cases:
        response = save(admin, **fields)
        assert response.status_code == 400, fields
        assert message in response.get_data(as_text=True), fields
    with app.app_context():
        assert Inspector.select().count() == 0


def test_drawing_the_week_by_hand_twice_adds_nothing(app, place, login_as):
    admin = login_as("admin")
    with app.app_context():
        make_user("gp_staff", place, username="gs", mobile="9700000001")
    save(admin, username="gs", area_code="B0", min_per_week="1")
    token = csrf_from(admin.get("/inspections/inspectors").get_data(as_text=True))
    first = admin.post("/inspections/draw", data={"csrf_token": token})
    assert first.status_code == 303
    page = admin.get(first.location).get_data(as_text=True)
    assert f"Week {current_week()} drawn: inspectors 1, inspections 1." in page
    again = admin.post("/inspections/draw", data={"csrf_token": token})
    page = admin.get(again.location).get_data(as_text=True)
    assert "drawn: inspectors 0, inspections 0." in page
    with app.app_context():
        assert Inspection.select().count() == 1


def test_only_the_district_manages_inspectors(login_as):
    for role in ("block_officer", "gp_staff", "csc_operator"):
        assert (
            login_as(role, username=f"u-{role}").get("/inspections/inspectors").status_code == 403
        )
