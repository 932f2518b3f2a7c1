"""The administrator's holiday list and charge register, bad input
included: a clear message and a 400, never a 500."""

import datetime as dt

import pytest

from blueprints.accounts.models import ChargeAssignment
from core.audit import AuditEvent
from core.workdays import Holiday


@pytest.fixture
def admin(admin):
    """The signed-in admin, with English chosen by cookie."""
    admin.set_cookie("lang", "en")
    return admin


def post_holiday(admin, **data):
    return admin.form_post("/alerts/holidays", data=data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "31-02-2026", "name_en": "Holi"}, "“31-02-2026” is not a date"),
        ({"date": "2026-02-30", "name_en": "Holi"}, "is not a date. Write it as YYYY-MM-DD"),
        ({"date": "1999-01-26", "name_en": "Old"}, "between the years 2000 and 2100"),
        ({"date": "2026-03-04", "name_en": ""}, "This field is required."),
        ({"date": "", "name_en": "Holi"}, "This field is required."),
    ],
)
def test_bad_holiday_input_is_refused_with_a_message(app, admin, data, message):
    response = post_holiday(admin, **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert Holiday.select().count() == 0


def test_add_list_and_delete_a_holiday(app, admin):
    response = post_holiday(admin, date="2026-03-04", name_en="Holi", name_local="होळी")
    assert response.status_code == 303
    page = admin.get("/alerts/holidays").get_data(as_text=True)
    assert "Added Holi on 2026-03-04." in page and "4 Mar 2026" in page
    again = post_holiday(admin, date="2026-03-04", name_en="Holi again")
    assert again.status_code == 400
    assert "2026-03-04 is already on the list." in again.get_data(as_text=True)

    with app.app_context():
        holiday = Holiday.get()
    response = admin.form_post(
        "/alerts/holidays", "/alerts/holidays/delete", data={"row_id": str(holiday.id)}
    )
    assert response.status_code == 303
    assert "The holiday is deleted." in admin.get("/alerts/holidays").get_data(as_text=True)
    response = admin.form_post(
        "/alerts/holidays", "/alerts/holidays/delete", data={"row_id": "99999999999"}
    )
    assert response.status_code == 303
    assert "nothing was deleted" in admin.get("/alerts/holidays").get_data(as_text=True)
    with app.app_context():
        assert Holiday.select().count() == 0
        actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert "holiday.added" in actions and "holiday.deleted" in actions


def charge(admin, **overrides):
    data = {
        "post": "bdo",
        "place_code": "B0",
        "username": "relief-officer",
        "reason": "additional",
        "from_date": "2026-03-02",
        "to_date": "",
        "instead_of": "",
        "note": "Order 7/2026",
        **overrides,
    }
    return admin.form_post("/alerts/charges", data=data)


def test_give_and_end_a_charge(app, admin, place):
    from tests.factories import make_user

    with app.app_context():
        make_user("office_head", place, which=1, username="relief-officer")
    response = charge(admin)
    assert response.status_code == 303
    page = admin.get("/alerts/charges").get_data(as_text=True)
    assert "relief-officer holds the charge of Block development officer (BDO)" in page
    assert "Additional charge" in page and "Order 7/2026" in page
    with app.app_context():
        row = ChargeAssignment.get()
    response = admin.form_post(
        "/alerts/charges",
        "/alerts/charges/end",
        data={"row_id": str(row.id), "to_date": "2026-03-20"},
    )
    assert response.status_code == 303
    with app.app_context():
        assert ChargeAssignment.get_by_id(row.id).to_date == dt.date(2026, 3, 20)
    response = admin.form_post(
        "/alerts/charges",
        "/alerts/charges/end",
        data={"row_id": str(row.id), "to_date": "2026-02-01"},
    )
    page = admin.get("/alerts/charges").get_data(as_text=True)
    assert "The last day is before the charge began." in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"from_date": "2 March"}, "From date: “2 March” is not a date."),
        ({"place_code": "NOPE"}, "Give the code of a block."),
        ({"username": "nobody"}, "no officer has the username “nobody”"),
        ({"post": "king"}, "Choose one of the options in the list."),
        ({"to_date": "2026-03-01"}, "The start date is after the end date."),
        ({"reason": "leave", "to_date": ""}, "A leave substitute needs the last day"),
    ],
)
def test_bad_charge_input_is_refused_with_a_message(app, admin, place, overrides, message):
    from tests.factories import make_user

    with app.app_context():
        make_user("office_head", place, which=1, username="relief-officer")
    response = charge(admin, **overrides)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert ChargeAssignment.select().count() == 0
