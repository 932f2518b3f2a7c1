"""Desk actions: who may do what to which application, what a refusal looks
like, and the append-only history every change leaves behind."""

import datetime as dt
import html

import peewee as pw
import pytest
from flask import render_template

from blueprints.applications.action_form import ActionForm
from blueprints.applications.models import Application, ApplicationEvent
from blueprints.applications.workflow import allowed_actions, clock_of, transition
from core import clock
from core.audit import AppendOnlyError
from core.db import db
from tests.desk.helpers import events_of, reload, upload_document
from tests.helpers import csrf_from, text

# A page of the app that carries a CSRF token for any signed-in user.
TOKEN_PAGE = "/account"


def act(browser, application, action, **data):
    return browser.form_post(
        TOKEN_PAGE,
        f"/desk/applications/{application.id}/act",
        data={"action": action, **data},
    )


def assert_refused(app, response, application, status, events_before, message=None):
    """Answered 400 (or `status`), and nothing about the application changed."""
    assert response.status_code == 400
    if message:
        assert message in html.unescape(text(response))
    assert reload(app, application).status == status
    assert len(events_of(app, application)) == events_before


def actions_html(app, application, user) -> str:
    """The action forms as the application page includes them."""
    with app.test_request_context():
        row = Application.get_by_id(application.id)
        return render_template(
            "applications/_actions.html",
            application=row,
            actions=allowed_actions(row, user),
            action_form=ActionForm(formdata=None),
        )


def test_clerk_accepts_for_scrutiny(app, office, clerk):
    application = office.file()
    response = act(clerk, application, "accept", remark="Documents look complete.")
    assert response.status_code == 303
    assert response.location.endswith(f"/applications/{application.id}")
    page = clerk.get(response.location)
    assert page.status_code == 200
    assert f"Application {application.app_id}: Under scrutiny." in text(page)

    assert reload(app, application).status == "scrutiny"
    submitted, accepted = events_of(app, application)
    assert (accepted.from_status, accepted.to_status) == ("submitted", "scrutiny")
    assert accepted.actor_id == clerk.user.id
    assert accepted.remark == "Documents look complete."


def test_asking_for_documents_needs_a_remark(app, office, clerk):
    application = office.file()
    response = act(clerk, application, "ask_documents", remark="   ")
    assert_refused(
        app, response, application, "submitted", 1, "Write a remark: the applicant will read it."
    )
    body = text(response)
    # The message sits beside the remark of the form that was sent.
    assert 'id="remark-ask_documents-err"' in body
    assert 'aria-describedby="remark-ask_documents-err"' in body
    assert "Nothing was changed." in body

    response = act(clerk, application, "ask_documents", remark="Attach the ration card.")
    assert response.status_code == 303
    after = reload(app, application)
    assert after.status == "awaiting_documents" and after.paused_since is not None
    assert events_of(app, application)[-1].remark == "Attach the ration card."


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_clerk_cannot_decide(app, office, clerk, action):
    application = office.file(status="scrutiny")
    response = act(clerk, application, action, remark="I decide anyway.")
    assert_refused(app, response, application, "scrutiny", 1, "Your role cannot do this.")
    # The page offers the clerk what the clerk may do, and no more.
    body = text(response)
    assert "Ask for documents" in body
    assert ">Approve<" not in body and ">Reject<" not in body


def test_the_forms_offer_only_what_the_role_may_do_now(app, office, clerk, head, login_as):
    in_scrutiny = office.file(status="scrutiny")
    clerk_sees = actions_html(app, in_scrutiny, clerk.user)
    head_sees = actions_html(app, in_scrutiny, head.user)
    assert "Ask for documents" in clerk_sees and "Approve" not in clerk_sees
    for label in ("Ask for documents", "Approve", "Reject"):
        assert label in head_sees
    assert head_sees.count(f'action="/desk/applications/{in_scrutiny.id}/act"') == 3
    assert head_sees.count('name="csrf_token"') == 3

    approved = office.file(status="approved")
    deliver = actions_html(app, approved, clerk.user)
    assert "Mark delivered" in deliver and 'name="certificate_no"' in deliver

    # The CSC's resubmission is not a desk action: no form for it here.
    waiting = office.file(status="awaiting_documents")
    operator = login_as("csc_operator")
    assert [a.name for a in allowed_actions(waiting, operator.user)] == ["resubmit"]
    assert "<form" not in actions_html(app, waiting, operator.user)


def test_head_approves_and_delivers_with_a_certificate_number(app, office, head):
    application = office.file()
    assert act(head, application, "accept").status_code == 303
    assert act(head, application, "approve", remark="Income verified.").status_code == 303
    decided = reload(app, application)
    assert decided.status == "approved" and decided.decided_at is not None

    response = act(head, application, "deliver", certificate_no="INC/2026/000123")
    assert response.status_code == 303
    delivered = reload(app, application)
    assert delivered.status == "delivered"
    assert delivered.certificate_no == "INC/2026/000123"
    chain = [(e.from_status, e.to_status, e.actor_id) for e in events_of(app, application)]
    assert chain == [
        ("draft", "submitted", office.operator.id),
        ("submitted", "scrutiny", head.user.id),
        ("scrutiny", "approved", head.user.id),
        ("approved", "delivered", head.user.id),
    ]


def test_head_rejects_only_with_a_reason(app, office, head):
    application = office.file()
    response = act(head, application, "reject")
    assert_refused(
        app, response, application, "submitted", 1, "Write a remark: the applicant will read it."
    )
    assert 'id="remark-reject-err"' in text(response)

    reason = "The income certificate of another district was attached."
    assert act(head, application, "reject", remark=reason).status_code == 303
    rejected = reload(app, application)
    assert rejected.status == "rejected" and rejected.decided_at is not None
    assert events_of(app, application)[-1].remark == reason


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("", "Write the number of the certificate given to the applicant."),
        ("INC 2026#1", "Use letters, digits, “-” and “/” only, as printed on the certificate."),
        ("X" * 61, "Use at most 60 characters."),
    ],
)
def test_delivery_needs_a_proper_certificate_number(app, office, clerk, number, message):
    application = office.file(status="approved")
    remark = "Handed over at the counter."
    response = act(clerk, application, "deliver", certificate_no=number, remark=remark)
    assert_refused(app, response, application, "approved", 1, message)
    body = text(response)
    assert 'id="cert-deliver-err"' in body
    # What was typed is still there to correct.
    assert f">{remark}</textarea>" in body
    if number:
        assert f'value="{html.escape(number)}"' in body


def test_a_long_remark_is_refused_and_kept(app, office, clerk):
    application = office.file()
    remark = "ज्ञ" * 250 + "!"  # 501 characters
    response = act(clerk, application, "accept", remark=remark)
    assert_refused(app, response, application, "submitted", 1, "Use at most 500 characters.")
    assert f">{remark}</textarea>" in text(response)
    assert act(clerk, application, "accept", remark=remark[:500]).status_code == 303


def test_acting_twice_changes_once(app, office, clerk, head):
    application = office.file()
    assert act(clerk, application, "accept").status_code == 303
    # A second desk, or the same form sent again, finds the work done.
    response = act(head, application, "accept")
    assert_refused(
        app,
        response,
        application,
        "scrutiny",
        2,
        "This application is now “Under scrutiny”; refresh the page.",
    )
    # The refusal shows what can be done now instead.
    assert "Approve" in text(response)


def test_another_offices_application_is_not_found(app, office, clerk, head, place):
    theirs = office.file(office=place.tehsil_offices[1])
    draft = office.file(status="draft")
    for browser in (clerk, head):
        for application, status in ((theirs, "submitted"), (draft, "draft")):
            response = act(browser, application, "accept")
            assert response.status_code == 404
            assert reload(app, application).status == status
            assert len(events_of(app, application)) == 1
        for missing in ("999999", "99999999999999999999"):
            url = f"/desk/applications/{missing}/act"
            assert browser.form_post(TOKEN_PAGE, url, data={}).status_code == 404


@pytest.mark.parametrize("role", ["csc_operator", "gp_staff", "block_officer", "district_manager"])
def test_other_roles_cannot_act(app, office, login_as, role):
    application = office.file()
    response = act(login_as(role), application, "accept")
    assert response.status_code == 403
    assert reload(app, application).status == "submitted"
    assert len(events_of(app, application)) == 1


def test_a_form_without_its_token_changes_nothing(app, office, clerk):
    application = office.file()
    response = clerk.post(f"/desk/applications/{application.id}/act", data={"action": "accept"})
    assert_refused(app, response, application, "submitted", 1, "This form has expired")


def test_an_unknown_action_is_refused(app, office, head):
    application = office.file()
    response = act(head, application, "approve_everything")
    assert_refused(app, response, application, "submitted", 1, "That action does not exist.")
    response = act(head, application, "")
    assert_refused(app, response, application, "submitted", 1, "This field is required.")


def test_the_refusal_page_can_be_sent_again(app, office, clerk):
    """Without JavaScript: the 400 page's own form, corrected, does the work."""
    application = office.file()
    refused = act(clerk, application, "ask_documents")
    assert refused.status_code == 400
    again = clerk.post(
        f"/desk/applications/{application.id}/act",
        data={
            "csrf_token": csrf_from(text(refused)),
            "action": "ask_documents",
            "remark": "Attach the photograph.",
        },
    )
    assert again.status_code == 303
    assert reload(app, application).status == "awaiting_documents"


def test_htmx_gets_the_forms_alone_on_refusal(app, office, clerk):
    application = office.file()
    token_page = text(clerk.get(TOKEN_PAGE))
    response = clerk.post(
        f"/desk/applications/{application.id}/act",
        data={"csrf_token": csrf_from(token_page), "action": "ask_documents"},
        headers={"HX-Request": "true", "HX-Target": "desk-actions"},
    )
    assert response.status_code == 400
    body = text(response).strip()
    assert body.startswith('<section id="desk-actions"') and "<html" not in body
    assert "Write a remark: the applicant will read it." in body


def test_every_change_is_one_event_and_history_cannot_be_rewritten(app, office, head):
    application = office.file()
    steps = [
        ("ask_documents", {"remark": "Attach the ration card."}),
        ("resubmit", None),
        ("approve", {}),
        ("deliver", {"certificate_no": "INC-77"}),
    ]
    count = 1
    for action, data in steps:
        if data is None:  # the CSC's step, once it has uploaded what was asked
            upload_document(app, application)
            with app.test_request_context():
                transition(application.id, action, office.operator)
        else:
            assert act(head, application, action, **data).status_code == 303
        count += 1
        assert len(events_of(app, application)) == count, action

    with app.app_context():
        event = ApplicationEvent.select().where(ApplicationEvent.application == application.id)
        first = event.order_by(ApplicationEvent.id).first()
        first.remark = "rewritten"
        with pytest.raises(AppendOnlyError):
            first.save()
        with pytest.raises(AppendOnlyError):
            first.delete_instance()
        # Below the model too: the database itself refuses.
        with pytest.raises(pw.DatabaseError), db.atomic():
            db.execute_sql("UPDATE application_event SET remark = 'rewritten'")
        with pytest.raises(pw.DatabaseError), db.atomic():
            db.execute_sql("DELETE FROM application_event")
        assert ApplicationEvent.select().where(ApplicationEvent.remark == "rewritten").count() == 0
    assert len(events_of(app, application)) == count


def ask_for_documents(app, clerk, application, paused_since):
    """Ask for documents through the desk, then date the pause back."""
    response = act(clerk, application, "ask_documents", remark="Attach the photograph.")
    assert response.status_code == 303
    with app.app_context():
        Application.update(paused_since=paused_since).where(
            Application.id == application.id
        ).execute()
        return Application.get_by_id(application.id)


def resubmit(app, office, application):
    upload_document(app, application)
    with app.test_request_context():
        transition(application.id, "resubmit", office.operator, "Photograph attached.")
    return reload(app, application)


def test_waiting_for_documents_stops_the_clock(app, office, clerk):
    today = clock.today_ist()
    due = today + dt.timedelta(days=5)
    application = office.file(due_date=due)
    # Asked for at 01:00 IST three days ago: three days paused whatever the
    # time of day the test runs (just after midnight IST too).
    asked = clock.ist_day_start(today - dt.timedelta(days=3)) + dt.timedelta(hours=1)
    waiting = ask_for_documents(app, clerk, application, asked)
    frozen = clock_of(waiting, today).days_left
    assert clock_of(waiting, today + dt.timedelta(days=10)).days_left == frozen
    body = text(clerk.get("/desk/"))
    assert "Clock paused" in body and f"{frozen} days left" in body

    back = resubmit(app, office, application)
    assert back.status == "scrutiny"
    assert back.paused_days == 3 and back.paused_since is None
    assert back.due_date == due + dt.timedelta(days=3)
    assert "Clock paused" not in text(clerk.get("/desk/"))
    resubmitted = events_of(app, application)[-1]
    assert (resubmitted.from_status, resubmitted.to_status) == ("awaiting_documents", "scrutiny")
    assert resubmitted.actor_id == office.operator.id


def test_resubmission_resumes_the_clock_where_it_stopped(app, office, clerk):
    today = clock.today_ist()
    application = office.file(due_date=today + dt.timedelta(days=5))
    just_after_midnight = dt.datetime.combine(today - dt.timedelta(days=3), dt.time(0, 1))
    paused_since = clock.from_ist(just_after_midnight)
    waiting = ask_for_documents(app, clerk, application, paused_since)
    shown_while_paused = clock_of(waiting, today).days_left
    back = resubmit(app, office, application)
    assert clock_of(back, today).days_left == shown_while_paused


def test_the_office_picks_the_public_reason_from_the_list(app, office, clerk):
    """Issue 14: the applicant and the public read the reason chosen from a
    fixed list; the free-text remark stays with the CSC and the office."""
    application = office.file()
    form = actions_html(app, application, clerk.user)
    assert 'name="reason"' in form and 'value="docs_unreadable"' in form
    refused = act(clerk, application, "ask_documents", remark="x", reason="reject_duplicate")
    assert_refused(app, refused, application, "submitted", 1, "Choose one of the options")
    response = act(
        clerk,
        application,
        "ask_documents",
        remark="Photo of Sunita blurred",
        reason="docs_unreadable",
    )
    assert response.status_code == 303
    event = events_of(app, application)[-1]
    assert (event.reason, event.remark) == ("docs_unreadable", "Photo of Sunita blurred")
    staff_page = text(clerk.get(f"/applications/{application.id}"))
    assert "Photo of Sunita blurred" in staff_page and "bring a clear copy" in staff_page
    from blueprints.track.services import timeline

    with app.test_request_context():
        public = [{k: str(v) for k, v in e.items()} for e in timeline(reload(app, application))]
    assert public[-1]["reason"] == "A document cannot be read; bring a clear copy"
    assert "Sunita blurred" not in str(public)


def test_without_a_reason_posted_the_general_one_stands(app, office, head):
    application = office.file()
    assert act(head, application, "reject", remark="See file note 12").status_code == 303
    assert events_of(app, application)[-1].reason == "reject_other"
    approved = office.file(status="scrutiny")
    assert act(head, approved, "approve", reason="docs_missing").status_code == 400
