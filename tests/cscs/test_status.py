"""The pipeline (proposed -> approved -> active), suspension, the details
form, and status changes that are not possible from the current status."""

import datetime as dt

import pytest

from blueprints.cscs.models import CscProposal, CscStatusChange
from blueprints.masters.models import Csc
from core import clock
from core.audit import AuditEvent
from core.db import db
from tests.cscs.test_closure import post, snapshot
from tests.helpers import text

NEW_CSC = {
    "gram_panchayat": "GP01",
    "code": "csc-new-1",
    "name_en": "Aaple Sarkar Seva Kendra, Deulgaon",
    "name_local": "आपले सरकार सेवा केंद्र, देऊळगाव",
    "operator_name": "Kavita More",
    "operator_mobile": "+91 98765 43210",
    "operator_email": "kavita@example.in",
    "connectivity": "4g",
    "equipment": "1 computer, 1 printer",
    "reason": "No CSC within 8 km; 2,500 people.",
}


def propose_new(browser, **overrides):
    return browser.form_post("/cscs/new", data={**NEW_CSC, **overrides})


def test_from_proposal_to_opening(app, reg, login_as):
    p = reg.place
    bdo = login_as("block_officer")
    page = text(bdo.get(f"/cscs/new?gp={p.gps[1].id}"))
    assert 'value="GP01"' in page and "Deulgaon Paithan" in page
    response = propose_new(bdo, village=str(p.villages[1].id))
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        csc = Csc.get(Csc.code == "CSC-NEW-1")
        assert (csc.status, csc.operator_mobile, csc.connectivity) == (
            "proposed",
            "9876543210",
            "4g",
        )
        assert csc.village_id == p.villages[1].id
    assert response.location.endswith(f"/cscs/{csc.id}")

    dm = login_as("district_manager")
    assert "Proposed</span>" in text(dm.get(f"/cscs/{csc.id}"))
    # Opening before approval is not possible.
    response = post(dm, csc, action="open", reason="Opened.")
    assert response.status_code == 409
    assert "must be approved by the district manager first" in text(response)

    assert post(dm, csc, action="approve_opening", reason="Needed here.").status_code == 303
    assert "Approved, not yet opened" in text(dm.get(f"/cscs/{csc.id}"))
    assert post(dm, csc, action="approve_opening", reason="Again.").status_code == 409
    listed = text(dm.get("/cscs/?status=approved"))
    assert "CSC-NEW-1" in listed

    opened = (clock.today_ist() - dt.timedelta(days=2)).isoformat()
    response = post(dm, csc, action="open", reason="Started work.", opened_on=opened)
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        csc = Csc.get_by_id(csc.id)
        assert (csc.status, csc.opened_on.isoformat()) == ("active", opened)
        changes = [c.change for c in CscStatusChange.select().order_by(CscStatusChange.id)]
        assert changes == ["proposed", "opening_approved", "opened"]
    # Newly opened: not inactive though it has filed nothing yet.
    assert "inactive</span>" not in text(dm.get(f"/cscs/{csc.id}"))


def test_the_opening_date_may_not_be_in_the_future(app, reg, login_as):
    csc = reg.add_csc(reg.place.gps[1], "PROP", status="proposed")
    dm = login_as("district_manager")
    post(dm, csc, action="approve_opening", reason="Yes.")
    before = snapshot(app, csc)
    future = (clock.today_ist() + dt.timedelta(days=3)).isoformat()
    response = post(dm, csc, action="open", reason="Soon.", opened_on=future)
    assert response.status_code == 400
    assert "The date cannot be in the future." in text(response)
    assert snapshot(app, csc) == before


def test_a_second_proposal_in_the_same_gp_is_refused(app, reg, login_as):
    bdo = login_as("block_officer")
    assert propose_new(bdo).status_code == 303
    with app.app_context(), db.connection_context():
        before = Csc.select().count(), CscStatusChange.select().count()
    response = propose_new(bdo, code="CSC-NEW-2")
    assert response.status_code == 409
    assert "A CSC (CSC-NEW-1) is already proposed in this gram panchayat." in text(response)
    with app.app_context(), db.connection_context():
        assert (Csc.select().count(), CscStatusChange.select().count()) == before


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"gram_panchayat": "GP10"}, "There is no such gram panchayat in your area."),  # theirs
        ({"code": "CSC0"}, "Another CSC already has the code CSC0."),
        ({"operator_mobile": "12345"}, "Enter a 10-digit mobile number."),
        ({"connectivity": "5g"}, "Choose one of the options in the list."),
        ({"reason": ""}, "This field is required."),
    ],
)
def test_a_bad_proposal_writes_nothing(app, reg, login_as, overrides, message):
    with app.app_context(), db.connection_context():
        before = Csc.select().count(), CscProposal.select().count()
    response = propose_new(login_as("block_officer"), **overrides)
    assert response.status_code in (400, 409)
    assert message in text(response)
    with app.app_context(), db.connection_context():
        assert (Csc.select().count(), CscProposal.select().count()) == before


def test_suspend_and_reactivate(app, reg, login_as):
    csc = reg.place.cscs[0]
    dm = login_as("district_manager")
    assert post(dm, csc, action="suspend", reason="Overcharging complaints.").status_code == 303
    assert "Suspended</span>" in text(dm.get(f"/cscs/{csc.id}"))
    assert post(dm, csc, action="reactivate", reason="Complied.").status_code == 303
    with app.app_context(), db.connection_context():
        assert Csc.get_by_id(csc.id).status == "active"
        rows = list(CscStatusChange.select().order_by(CscStatusChange.id))
        assert [(r.from_status, r.to_status, r.reason) for r in rows] == [
            ("active", "suspended", "Overcharging complaints."),
            ("suspended", "active", "Complied."),
        ]
        audit = [e.action for e in AuditEvent.select().where(AuditEvent.object_id == str(csc.id))]
        assert audit == ["csc.suspended", "csc.reactivated"]


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("active", "reactivate"),
        ("active", "open"),
        ("suspended", "suspend"),
        ("closed", "reactivate"),
        ("closed", "propose_closure"),
        ("proposed", "suspend"),
        ("proposed", "approve_closure"),
    ],
)
def test_a_change_not_possible_from_the_status_is_refused(app, reg, login_as, status, action):
    csc = reg.add_csc(reg.place.gps[1], "STATE", status=status)
    before = snapshot(app, csc)
    response = post(
        login_as("district_manager"), csc, action=action, reason="Try.", acknowledge="y"
    )
    assert response.status_code == 409
    assert "is not possible from that status" in text(response)
    assert snapshot(app, csc) == before


def test_an_unknown_action_is_refused(app, reg, login_as):
    csc = reg.place.cscs[0]
    before = snapshot(app, csc)
    response = post(login_as("district_manager"), csc, action="demolish", reason="x")
    assert response.status_code == 400
    assert "That is not an action on a CSC." in text(response)
    assert snapshot(app, csc) == before


def test_the_detail_page_offers_only_what_the_user_may_do(reg, login_as):
    csc = reg.place.cscs[0]
    bdo = text(login_as("block_officer").get(f"/cscs/{csc.id}"))
    assert 'value="propose_closure"' in bdo
    assert 'value="suspend"' not in bdo and "Edit the details" not in bdo
    dm = text(login_as("district_manager").get(f"/cscs/{csc.id}"))
    assert 'value="suspend"' in dm and 'value="propose_closure"' in dm
    assert 'value="reactivate"' not in dm and "Edit the details" in dm
    admin = text(login_as("admin").get(f"/cscs/{csc.id}"))
    assert "Change the status" not in admin and "Edit the details" in admin


# --- the details form --------------------------------------------------------------

DETAILS = {
    "code": "CSC0",
    "operator_name": "Amol Sonawane",
    "operator_mobile": "9822012345",
    "operator_email": "amol@example.in",
    "connectivity": "fibre",
    "equipment": "2 computers\nlaser printer\nbiometric device",
    "opened_on": "15-08-2019",
}


@pytest.mark.parametrize("role", ["district_manager", "admin"])
def test_edit_the_details(app, reg, login_as, role):
    csc = reg.place.cscs[0]
    browser = login_as(role)
    response = browser.form_post(f"/cscs/{csc.id}/edit", data=DETAILS)
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        saved = Csc.get_by_id(csc.id)
        assert saved.operator_name == "Amol Sonawane"
        assert saved.connectivity == "fibre" and saved.opened_on == dt.date(2019, 8, 15)
        event = AuditEvent.get(AuditEvent.action == "csc.updated")
        assert event.details["changes"]["connectivity"] == ["", "fibre"]
        assert event.actor_id == browser.user.id
    page = text(browser.get(f"/cscs/{csc.id}"))
    assert "Fibre (BharatNet)" in page and "9822012345" in page and "15 Aug 2019" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"operator_mobile": "98220"}, "Enter a 10-digit mobile number."),
        ({"operator_email": "not-an-email"}, "Enter an email address."),
        ({"connectivity": "satellite"}, "Choose one of the options in the list."),
        ({"opened_on": "31-02-2020"}, "Enter a real date"),
        ({"code": "CSC1"}, "Another CSC already has the code CSC1."),
        ({"code": "a b"}, "Use 3 to 20 capital English letters, digits or dashes."),
    ],
)
def test_bad_details_save_nothing(app, reg, login_as, overrides, message):
    csc = reg.place.cscs[0]
    response = login_as("district_manager").form_post(
        f"/cscs/{csc.id}/edit", data={**DETAILS, **overrides}
    )
    assert response.status_code == 400
    assert message in text(response)
    with app.app_context(), db.connection_context():
        saved = Csc.get_by_id(csc.id)
        assert (saved.code, saved.operator_name or "") == ("CSC0", "")
        assert not AuditEvent.select().where(AuditEvent.action == "csc.updated").exists()


def test_a_block_officer_may_not_edit(reg, login_as):
    csc = reg.place.cscs[0]
    browser = login_as("block_officer")
    assert browser.get(f"/cscs/{csc.id}/edit").status_code == 403
    assert browser.form_post("/account", f"/cscs/{csc.id}/edit", data=DETAILS).status_code == 403
