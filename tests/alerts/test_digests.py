"""The morning digests, with the clock moved across an application's days:
who is told what, exactly once, following charges, transfers and leave."""

import peewee as pw
import pytest
from flask import render_template

from blueprints.accounts.models import User
from blueprints.alerts.models import AlertRecord
from blueprints.alerts.services import alerts_for, send_digests
from blueprints.employees import charges
from blueprints.masters.models import Office
from core.access import office_condition
from core.notify import Notification
from tests.alerts.conftest import day, person
from tests.factories import make_application
from tests.helpers import at_once


def whom(today) -> set[tuple[str, str]]:
    """(username or "vacant", post) of everyone recorded for `today`."""
    rows = (
        AlertRecord.select(AlertRecord, User.id, User.username)
        .join(User, pw.JOIN.LEFT_OUTER, on=AlertRecord.user)
        .where(AlertRecord.day == today)
    )
    return {(r.user.username if r.user_id else "vacant", r.post) for r in rows}


def sent_to(channel) -> list[str]:
    rows = Notification.select().where(Notification.channel == channel).order_by(Notification.id)
    return [n.recipient for n in rows]


def test_days_4_5_7_8_10_tell_each_post_once(ctx, staff, application):
    assert send_digests(day(4))["told"] == 0
    assert whom(day(4)) == set()

    # Day 5 of 7: a warning to the desk and the office head, nobody else.
    summary = send_digests(day(5))
    assert summary == {
        "applications": 1,
        "recipients": 2,
        "told": 4,
        "could_not_tell": 0,
        "already": 0,
    }
    assert whom(day(5)) == {("desk-clerk", "desk"), ("tehsil-head", "office_head")}
    assert sorted(sent_to("sms")) == [staff.desk.mobile, staff.head.mobile]
    sms = Notification.get(Notification.recipient == staff.desk.mobile)
    assert sms.body == (
        "Zila 07-03: applications near deadline 1, overdue 0 at Tehsil Office Paithan."
    )
    email = Notification.get(Notification.recipient == staff.desk.email)
    assert email.subject == sms.body
    assert f"{application.app_id}, due 09-03-2026" in email.body
    assert "Dear Desk Clerk," in email.body

    # Day 7 is the due date: not yet a breach, and the warning is not repeated.
    assert send_digests(day(7))["told"] == 0

    # Day 8: overdue; the SDM over the tehsil office is told too, not yet the
    # district manager, and never the BDO (a tehsil office is not his).
    send_digests(day(8))
    assert whom(day(8)) == {
        ("desk-clerk", "desk"),
        ("tehsil-head", "office_head"),
        ("sdm-paithan", "sdm"),
    }
    sdm_sms = Notification.get(Notification.recipient == staff.sdm.mobile)
    assert "overdue 1 at Tehsil Office Paithan" in sdm_sms.body

    # Day 10, three days late: the district manager as well.
    send_digests(day(10))
    assert whom(day(10)) == {
        ("desk-clerk", "desk"),
        ("tehsil-head", "office_head"),
        ("sdm-paithan", "sdm"),
        ("collector", "district_manager"),
    }
    dm_mail = Notification.get(Notification.recipient == staff.dm.email)
    assert f"{application.app_id}, due 09-03-2026, 3 days late" in dm_mail.body
    assert staff.bdo.mobile not in sent_to("sms")

    # Once: a second run of every day sends nothing more.
    before = Notification.select().count()
    assert before == 2 * (2 + 3 + 4)
    for n in (4, 5, 7, 8, 10):
        assert send_digests(day(n))["told"] == 0
    assert Notification.select().count() == before


def test_one_digest_per_person_however_many_applications_and_posts(
    ctx, place, service, staff, application
):
    """Two more overdue applications and a second office: the SDM still gets
    one SMS a day, with the counts of both offices."""
    make_application(place, service, staff.operator, due_date=day(7))
    make_application(
        place,
        service,
        staff.operator,
        office=place.tehsil_offices[0],
        due_date=day(12),  # day 10 is its day 5 of 7: a warning
    )
    town = Office.create(
        code="MO0",
        name_en="Paithan Council Office",
        name_local="पैठण नगर परिषद कार्यालय",
        level="municipality",
        kind="municipal_office",
        tehsil=place.tehsils[0],
        municipality=place.towns[0],
    )
    make_application(place, service, staff.operator, office=town, due_date=day(8))
    send_digests(day(10))
    sdm_sms = [n for n in Notification.select() if n.recipient == staff.sdm.mobile]
    assert len(sdm_sms) == 1
    assert "near deadline 0, overdue 3 at 2 offices" in sdm_sms[0].body
    desk_sms = Notification.get(Notification.recipient == staff.desk.mobile)
    assert "near deadline 1, overdue 2 at Tehsil Office Paithan" in desk_sms.body
    # The council office has no desk and no head: that gap is recorded.
    assert {("vacant", "desk"), ("vacant", "office_head")} <= whom(day(10))


def test_a_block_office_breach_goes_to_the_bdo(ctx, place, service, staff):
    make_application(place, service, staff.operator, office=place.block_offices[0], due_date=day(7))
    send_digests(day(8))
    told = whom(day(8))
    assert ("bdo-paithan", "bdo") in told
    assert ("sdm-paithan", "sdm") not in told


def test_closed_and_paused_applications_are_not_alerted(ctx, place, service, staff):
    for status in ("delivered", "rejected", "awaiting_documents", "draft"):
        make_application(place, service, staff.operator, status=status, due_date=day(7))
    assert send_digests(day(10))["applications"] == 0
    assert Notification.select().count() == 0


def test_two_runs_at_once_send_each_message_once(ctx, app, staff, application):
    """Two consumers start the same morning at the same moment."""
    results, errors = at_once(app, lambda: send_digests(day(10)))
    assert errors == []
    assert sum(r["told"] for r in results) == 8  # four people, SMS and email
    assert sum(r["already"] for r in results) == 8
    assert Notification.select().count() == 8
    assert AlertRecord.select().count() == 8
    assert len(set(sent_to("sms"))) == len(sent_to("sms")) == 4


def test_the_charge_page_refuses_a_regular_charge(ctx, place, staff, application):
    """A posting is entered once, in the employee register (see test_posts.py
    for a transfer moving the alerts); the charge page records only what the
    register cannot say. (Until issue 15 this test gave two regular charges
    here and watched the office head change.)"""
    person(place, "office_head", "new-head", 7, office=place.tehsil_offices[1])
    with pytest.raises(charges.ChargeError, match="employee register"):
        charges.assign(
            post="office_head",
            place_code="TO0",
            username="new-head",
            reason="regular",
            from_text=day(8).isoformat(),
        )
    assert charges.ChargeAssignment.select().count() == 0
    send_digests(day(8))
    assert ("tehsil-head", "office_head") in whom(day(8))


def test_an_additional_charge_replaces_the_office_head_for_its_days(ctx, place, staff, application):
    newcomer = person(place, "office_head", "new-head", 7, office=place.tehsil_offices[1])
    charges.assign(
        post="office_head",
        place_code="TO0",
        username="new-head",
        reason="additional",
        from_text=day(8).isoformat(),
        to_text=day(9).isoformat(),
        note="Order 12/2026",
    )
    send_digests(day(5))
    assert ("tehsil-head", "office_head") in whom(day(5))
    assert ("new-head", "office_head") not in whom(day(5))
    send_digests(day(8))
    assert ("new-head", "office_head") in whom(day(8))
    assert ("tehsil-head", "office_head") not in whom(day(8))
    assert newcomer.mobile in sent_to("sms")
    send_digests(day(10))
    assert ("tehsil-head", "office_head") in whom(day(10))


def test_a_leave_substitute_is_told_for_the_days_of_the_leave(ctx, place, staff, application):
    person(place, "office_user", "relief-clerk", 8, office=place.tehsil_offices[1])
    charges.assign(
        post="desk",
        place_code="TO0",
        username="relief-clerk",
        reason="leave",
        from_text=day(9).isoformat(),
        to_text=day(11).isoformat(),
        instead_of="desk-clerk",
    )
    send_digests(day(8))
    assert ("desk-clerk", "desk") in whom(day(8))
    send_digests(day(10))
    assert ("relief-clerk", "desk") in whom(day(10))
    assert ("desk-clerk", "desk") not in whom(day(10))
    assert ("tehsil-head", "office_head") in whom(day(10))  # not on leave
    send_digests(day(12))
    assert ("desk-clerk", "desk") in whom(day(12))
    assert ("relief-clerk", "desk") not in whom(day(12))


def test_a_deactivated_holder_is_not_told_and_a_vacant_post_is_recorded(ctx, staff, application):
    User.update(is_active_account=False).where(User.id == staff.sdm.id).execute()
    send_digests(day(8))
    rows = list(AlertRecord.select().where(AlertRecord.post == "sdm"))
    assert [(r.user_id, r.status, r.reason, r.channel) for r in rows] == [
        (None, "could_not_tell", "vacant", "")
    ]
    assert staff.sdm.mobile not in sent_to("sms")


def test_a_recipient_without_a_mobile_is_reported_as_could_not_be_told(
    ctx, app, place, staff, application
):
    User.update(mobile="").where(User.id == staff.head.id).execute()
    User.update(mobile="", email="").where(User.id == staff.desk.id).execute()
    summary = send_digests(day(5))
    assert summary["told"] == 1  # the head's email
    assert summary["could_not_tell"] == 3
    head_sms = AlertRecord.get((AlertRecord.user == staff.head.id) & (AlertRecord.channel == "sms"))
    assert (head_sms.status, head_sms.reason, head_sms.notification_id) == (
        "could_not_tell",
        "no_mobile",
        None,
    )
    assert sent_to("sms") == []
    assert sent_to("email") == [staff.head.email]

    # What the dashboard shows, for the office head's own jurisdiction.
    head = User.get_by_id(staff.head.id)
    alerts = alerts_for(Office.select(Office.id).where(office_condition(head)), since=day(0))
    by_user = {a.user.username: a for a in alerts}
    assert set(by_user) == {"desk-clerk", "tehsil-head"}
    assert not by_user["desk-clerk"].told
    assert by_user["tehsil-head"].told
    assert by_user["tehsil-head"].application_ids == [application.id]
    html = render_template("alerts/_recent_alerts.html", alerts=alerts)
    assert html.count("Could not be told") == 1  # the desk clerk, reached by nothing
    assert "SMS: could not be told: no mobile number" in html
    assert "Email: could not be told: no email address" in html
    assert "Email: sent" in html  # the head's, through the log backend

    # Another tehsil's office sees none of it.
    assert alerts_for([place.tehsil_offices[1].id], since=day(0)) == []
    # A window that ends before the alert leaves it out.
    assert alerts_for(None, since=day(0), until=day(4)) == []


def test_an_additional_charge_fills_a_vacancy_and_adds_to_the_desk(ctx, place, staff, application):
    User.update(is_active_account=False).where(User.id == staff.sdm.id).execute()
    person(place, "office_user", "relief-clerk", 8, office=place.tehsil_offices[1])
    for post, code, username in (("sdm", "T0", "bdo-paithan"), ("desk", "TO0", "relief-clerk")):
        charges.assign(
            post=post,
            place_code=code,
            username=username,
            reason="additional",
            from_text=day(0).isoformat(),
        )
    send_digests(day(8))
    told = whom(day(8))
    # The BDO holds the vacant SDM post; the desk has its clerk and the relief.
    assert ("bdo-paithan", "sdm") in told
    assert ("vacant", "sdm") not in told
    assert {("desk-clerk", "desk"), ("relief-clerk", "desk")} <= told
    bdo_sms = Notification.get(Notification.recipient == staff.bdo.mobile)
    assert "overdue 1 at Tehsil Office Paithan" in bdo_sms.body


def test_the_alerts_go_out_in_the_districts_language(ctx, staff, application):
    """No CLI_LOCALE set (nothing sets it): a Marathi district's officers
    read the alert in Marathi, office names and sentence alike; it was
    English with a Marathi office name in it (issue 15)."""
    ctx.config.pop("CLI_LOCALE", None)
    ctx.config["DEFAULT_LOCALE"] = "mr"
    send_digests(day(8))
    sms = Notification.get(Notification.recipient == staff.sdm.mobile)
    assert sms.body == "जिल्हा 10-03: तहसील कार्यालय पैठण: मुदत जवळ 0, मुदत संपली 1 अर्ज"
    email = Notification.get(Notification.recipient == staff.sdm.email)
    assert email.subject == sms.body
    assert f"{application.app_id}, मुदत 09-03-2026, 1 दिवस उशीर" in email.body
    assert "Dear" not in email.body and "Overdue" not in email.body
