"""Closing a non-functional CSC: a CSC manager proposes with a reason, the
district manager approves, the history records both; its pending
applications are listed, and closing with pending applications needs them
acknowledged. Every refusal is a 4xx with nothing written."""

import pytest

from blueprints.cscs.models import CscProposal, CscStatusChange
from blueprints.masters.models import Csc
from core.audit import AuditEvent
from core.db import db
from tests.helpers import text


def post(browser, csc, **data):
    return browser.form_post("/account", f"/cscs/{csc.id}/status", data=data)


def snapshot(app, csc):
    """Everything a status change may write."""
    with app.app_context(), db.connection_context():
        return (
            Csc.get_by_id(csc.id).status,
            [(p.kind, p.state) for p in CscProposal.select().order_by(CscProposal.id)],
            CscStatusChange.select().count(),
            AuditEvent.select().where(AuditEvent.object_type == "csc").count(),
        )


@pytest.fixture
def busy(reg):
    """CSC0 with two pending applications and one delivered."""
    csc = reg.place.cscs[0]
    reg.file(csc, days_ago=40)
    reg.file(csc, days_ago=35, status="scrutiny")
    reg.file(csc, days_ago=50, status="delivered")
    return csc


def test_propose_then_approve_with_acknowledgement(app, reg, busy, login_as):
    bdo = login_as("block_officer")
    response = post(bdo, busy, action="propose_closure", reason="No application for 35 days.")
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        proposal = CscProposal.get(CscProposal.csc == busy.id)
        assert (proposal.kind, proposal.state, proposal.proposed_by_id) == (
            "close",
            "open",
            bdo.user.id,
        )
        assert Csc.get_by_id(busy.id).status == "active"

    dm = login_as("district_manager")
    page = text(dm.get(f"/cscs/{busy.id}"))
    assert "Closure proposed" in page and "No application for 35 days." in page
    # The pending applications are listed for reassignment; the delivered one is not.
    assert "Pending applications to reassign (2)" in page
    assert page.count('href="/applications/') == 2
    assert "I have seen the 2 pending applications" in page

    response = post(
        dm,
        busy,
        action="approve_closure",
        reason="Inspected: shut.",
        acknowledge="y",
        pending_seen="2",
    )
    assert response.status_code == 303
    with app.app_context(), db.connection_context():
        assert Csc.get_by_id(busy.id).status == "closed"
        assert CscProposal.get(CscProposal.csc == busy.id).state == "approved"
        changes = list(CscStatusChange.select().order_by(CscStatusChange.id))
        assert [(c.change, c.from_status, c.to_status) for c in changes] == [
            ("closure_proposed", "active", "active"),
            ("closure_approved", "active", "closed"),
        ]
        assert changes[1].pending_applications == 2
        assert changes[1].actor_id == dm.user.id
        actions = [e.action for e in AuditEvent.select().where(AuditEvent.object_type == "csc")]
        assert actions == ["csc.closure_proposed", "csc.closure_approved"]
    page = text(dm.get(f"/cscs/{busy.id}"))
    assert "Closure approved: closed" in page and "2 pending applications acknowledged" in page
    assert '<span class="tag bad">Closed</span>' in page


def test_closure_without_acknowledgement_is_refused(app, busy, login_as):
    post(login_as("block_officer"), busy, action="propose_closure", reason="Shut for weeks.")
    before = snapshot(app, busy)
    dm = login_as("district_manager")
    response = post(dm, busy, action="approve_closure", reason="Shut.", pending_seen="2")
    assert response.status_code == 400
    body = text(response)
    assert "This CSC has 2 pending applications." in body and "Nothing was changed." in body
    assert "Shut." in body  # what was typed is kept
    assert snapshot(app, busy) == before


def test_acknowledging_an_older_count_is_refused(app, reg, busy, login_as):
    post(login_as("block_officer"), busy, action="propose_closure", reason="Shut for weeks.")
    dm = login_as("district_manager")
    dm.get(f"/cscs/{busy.id}")
    reg.file(busy, days_ago=0)  # a third arrives while the page is open
    before = snapshot(app, busy)
    response = post(
        dm, busy, action="approve_closure", reason="Shut.", acknowledge="y", pending_seen="2"
    )
    assert response.status_code == 409
    assert "is now 3, not the 2 you saw" in text(response)
    assert snapshot(app, busy) == before


def test_a_csc_without_pending_applications_closes_without_acknowledgement(app, reg, login_as):
    csc = reg.place.cscs[0]
    post(login_as("block_officer"), csc, action="propose_closure", reason="Operator left.")
    dm = login_as("district_manager")
    assert "I have seen" not in text(dm.get(f"/cscs/{csc.id}"))
    assert post(dm, csc, action="approve_closure", reason="Confirmed.").status_code == 303
    with app.app_context(), db.connection_context():
        assert Csc.get_by_id(csc.id).status == "closed"


def test_a_second_proposal_while_one_is_open_is_refused(app, busy, login_as):
    bdo = login_as("block_officer")
    assert post(bdo, busy, action="propose_closure", reason="First.").status_code == 303
    before = snapshot(app, busy)
    dm = login_as("district_manager")
    response = post(dm, busy, action="propose_closure", reason="Second.")
    assert response.status_code == 409
    assert "A closure of this CSC was already proposed" in text(response)
    assert snapshot(app, busy) == before


def test_the_database_refuses_a_second_open_proposal(app, busy):
    import peewee as pw

    with app.app_context(), db.connection_context():
        CscProposal.create(csc=busy.id, kind="close", reason="one")
        with pytest.raises(pw.IntegrityError), db.atomic():
            CscProposal.create(csc=busy.id, kind="close", reason="two")


def test_rejecting_the_proposal_leaves_the_csc_open(app, busy, login_as):
    post(login_as("block_officer"), busy, action="propose_closure", reason="Shut?")
    dm = login_as("district_manager")
    assert post(dm, busy, action="reject_closure", reason="It reopened.").status_code == 303
    with app.app_context(), db.connection_context():
        assert Csc.get_by_id(busy.id).status == "active"
        assert CscProposal.get(CscProposal.csc == busy.id).state == "rejected"
    # A new proposal may follow once the first is decided.
    assert post(dm, busy, action="propose_closure", reason="Shut again.").status_code == 303


def test_the_proposer_may_not_approve_their_own_proposal(app, busy, login_as):
    dm = login_as("district_manager")
    assert post(dm, busy, action="propose_closure", reason="Shut.").status_code == 303
    before = snapshot(app, busy)
    response = post(
        dm, busy, action="approve_closure", reason="Shut.", acknowledge="y", pending_seen="2"
    )
    assert response.status_code == 403
    assert "another district manager must approve it" in text(response)
    assert snapshot(app, busy) == before
    other = login_as("district_manager", username="cdo")
    response = post(
        other, busy, action="approve_closure", reason="Seen.", acknowledge="y", pending_seen="2"
    )
    assert response.status_code == 303


@pytest.mark.parametrize(
    ("role", "action"),
    [
        ("block_officer", "approve_closure"),
        ("block_officer", "reject_closure"),
        ("block_officer", "suspend"),
    ],
)
def test_a_csc_manager_may_not_decide(app, busy, login_as, role, action):
    post(login_as("district_manager", username="cdo"), busy, action="propose_closure", reason="x")
    before = snapshot(app, busy)
    response = post(login_as(role), busy, action=action, reason="I decide.", acknowledge="y")
    assert response.status_code == 403
    assert "Your role may not do this" in text(response)
    assert snapshot(app, busy) == before


@pytest.mark.parametrize(
    "role", ["admin", "csc_operator", "gp_staff", "office_user", "office_head"]
)
def test_other_roles_may_not_propose_or_approve(app, busy, login_as, role):
    before = snapshot(app, busy)
    browser = login_as(role)
    for action in ("propose_closure", "approve_closure"):
        assert post(browser, busy, action=action, reason="x", acknowledge="y").status_code == 403
    assert snapshot(app, busy) == before


def test_a_block_officer_may_not_propose_for_another_block(app, reg, login_as):
    theirs = reg.place.cscs[1]
    before = snapshot(app, theirs)
    response = post(login_as("block_officer"), theirs, action="propose_closure", reason="x")
    assert response.status_code == 404
    assert snapshot(app, theirs) == before


def test_a_reason_is_required(app, busy, login_as):
    before = snapshot(app, busy)
    response = post(login_as("block_officer"), busy, action="propose_closure", reason="  ")
    assert response.status_code == 400
    assert "This field is required." in text(response)
    assert snapshot(app, busy) == before
