"""VC rooms, faults, meetings: invitations, the one-hour reminder exactly
once, the faulty-room flag, refusals, the calendar file and action points."""

import datetime as dt

from blueprints.vc import services as svc
from blueprints.vc.ics import escape, fold
from blueprints.vc.models import VcFault, VcInvitee, VcMeeting, VcRoom
from core import clock
from core.notify import Notification
from tests.helpers import csrf_from


def _form_day_and_time(when: dt.datetime):
    local = clock.to_ist(when)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M")


def _schedule(browser, place_rooms, start, **extra):
    day, at = _form_day_and_time(start)
    data = {
        "title": "Kharif review; drought, water",
        "agenda": "1. Tankers\n2. Fodder",
        "day": day,
        "at": at,
        "minutes": "60",
        "host_room": place_rooms.studio.id,
        **extra,
    }
    return browser.form_post("/vc/meetings/new", data=data)


def _to(address):
    return Notification.select().where(Notification.recipient == address)


def test_scheduling_by_kind_invites_every_sdm_room_and_sends_invitations(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    response = _schedule(dm, rooms, start, kinds="sdm")
    assert response.status_code == 303
    with app.app_context():
        meeting = VcMeeting.get()
        invited = {i.room_id for i in VcInvitee.select().where(VcInvitee.meeting == meeting.id)}
        assert invited == {r.id for r in rooms.tehsils}
        sms = _to("9800000100").get()
        assert (
            "https://vc.example.gov.in/join/aur" in sms.body
            and f"/vc/meetings/{meeting.id}.ics" in sms.body
        )
        assert _to("vc0@example.gov.in").count() == 1
        assert _to("9800000200").count() == 0  # a BDO's room was not invited
    page = dm.get(response.location).get_data(as_text=True)
    assert "VC room Tehsil Office Paithan" in page


def test_a_line_break_in_the_title_does_not_stop_the_invitation_emails(app, login_as, rooms):
    from core.notify import GatewayAlert
    from tests.core.test_notify import start_smtp

    inbox, controller = start_smtp()
    app.config.update(NOTIFY_BACKEND="smtp,log", SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port)
    try:
        dm = login_as("district_manager")
        start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
        title = "Kharif review\r\nBcc: all@evil.example"
        assert _schedule(dm, rooms, start, kinds="sdm", title=title).status_code == 303
    finally:
        controller.stop()
    with app.app_context():
        emails = list(Notification.select().where(Notification.channel == "email"))
        assert emails and {n.status for n in emails} == {"sent"}
        assert GatewayAlert.select().count() == 0
    subjects = {m["Subject"] for m in inbox.messages()}
    assert subjects == {"VC review: Kharif review Bcc: all@evil.example"}
    assert all(m["Bcc"] is None for m in inbox.messages())


def test_the_one_hour_reminder_goes_exactly_once(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(hours=5)).replace(second=0, microsecond=0)
    assert _schedule(dm, rooms, start, rooms=str(rooms.tehsils[0].id)).status_code == 303
    with app.app_context():
        before = _to("9800000100").count()
        assert svc.remind_due(now=start - dt.timedelta(hours=2)) == 0  # too early
        assert svc.remind_due(now=start - dt.timedelta(minutes=58)) == 1
        assert svc.remind_due(now=start - dt.timedelta(minutes=53)) == 0  # the next scan
        assert svc.remind_due(now=start - dt.timedelta(minutes=10)) == 0
        assert _to("9800000100").count() == before + 1 == 2
        keys = sorted(n.dedupe_key for n in _to("9800000100"))
        assert keys[0].startswith("vc-inv:") and keys[1].startswith("vc-rem:")


def test_an_invitee_whose_room_is_faulty_is_flagged_to_the_organiser(app, login_as, rooms):
    with app.app_context():
        svc.report_fault(VcRoom.get_by_id(rooms.tehsils[1].id), rooms.it, "Camera dead")
    dm = login_as("district_manager", mobile="9811122233")
    start = (clock.now() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
    response = _schedule(dm, rooms, start, kinds="sdm")
    page = dm.get(response.location).get_data(as_text=True)
    assert "Faulty rooms among the invitees: VC room Tehsil Office Kannad" in page
    with app.app_context():
        flagged = _to("9811122233").get()
        assert "VC room Tehsil Office Kannad" in flagged.body


def test_a_fault_reported_later_flags_the_upcoming_meetings_too(app, login_as, rooms):
    dm = login_as("district_manager", mobile="9811122233")
    start = (clock.now() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
    _schedule(dm, rooms, start, kinds="bdo")
    user = login_as("office_user", office=rooms.blocks[0].office, username="ps-clerk")
    response = user.form_post(
        f"/vc/rooms/{rooms.blocks[0].id}",
        f"/vc/rooms/{rooms.blocks[0].id}/fault",
        data={"description": "No sound from the codec"},
    )
    assert response.status_code == 303
    with app.app_context():
        assert _to("9700000777").count() == 1  # the IT cell
        assert _to("it@x.in").count() == 1
        assert _to("9811122233").count() == 1  # the organiser
    listing = user.get("/vc/").get_data(as_text=True)
    assert "Faulty since" in listing
    # a second report while one is open is refused; then the IT cell closes it
    again = user.form_post(
        "/account",
        f"/vc/rooms/{rooms.blocks[0].id}/fault",
        data={"description": "Still no sound"},
    )
    assert again.status_code == 400
    admin = login_as("admin", username="it-2")
    closed = admin.form_post(
        f"/vc/rooms/{rooms.blocks[0].id}",
        f"/vc/rooms/{rooms.blocks[0].id}/fault/close",
        data={"remark": "Codec replaced"},
    )
    assert closed.status_code == 303
    with app.app_context():
        assert VcRoom.get_by_id(rooms.blocks[0].id).status == "working"
        assert VcFault.get().closed_at is not None


def test_someone_of_another_office_may_not_report_a_fault(login_as, rooms):
    other = login_as("office_user", username="elsewhere")  # tehsil office 0
    page = other.get("/account")
    response = other.post(
        f"/vc/rooms/{rooms.blocks[1].id}/fault",
        data={"csrf_token": csrf_from(page.get_data(as_text=True)), "description": "broken"},
    )
    assert response.status_code == 403


def test_bad_meetings_are_refused_and_nothing_is_saved(app, login_as, rooms):
    dm = login_as("district_manager")
    past = (clock.now() - dt.timedelta(days=1)).replace(second=0, microsecond=0)
    response = _schedule(dm, rooms, past, kinds="sdm")
    assert response.status_code == 400
    assert "cannot be in the past" in response.get_data(as_text=True)
    soon = (clock.now() + dt.timedelta(days=3)).replace(second=0, microsecond=0)
    response = _schedule(dm, rooms, soon)
    assert response.status_code == 400
    assert "Invite at least one room" in response.get_data(as_text=True)
    assert _schedule(dm, rooms, soon, kinds="sdm").status_code == 303
    overlap = _schedule(dm, rooms, soon + dt.timedelta(minutes=30), rooms=str(rooms.tehsils[0].id))
    assert overlap.status_code == 400
    assert "already booked for an overlapping meeting" in overlap.get_data(as_text=True)
    bad_time = _schedule(dm, rooms, soon, kinds="bdo", at="25:99")
    assert bad_time.status_code == 400
    with app.app_context():
        assert VcMeeting.select().count() == 1
        assert VcInvitee.select().count() == 2


def test_the_calendar_file_is_rfc5545(app, login_as, rooms):
    dm = login_as("district_manager")
    start = dt.datetime(2030, 1, 15, 5, 0)  # 10:30 IST
    with app.app_context():
        meeting = svc.schedule(
            dm.user, title="Review; water, fodder", agenda="a\nb", starts_at=start, minutes=90,
            host_room_id=rooms.studio.id, room_ids=[rooms.tehsils[0].id],
        )  # fmt: skip
    response = dm.get(f"/vc/meetings/{meeting.id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.get_data().decode("utf-8")
    assert "\r\nDTSTART:20300115T050000Z\r\n" in text and "\r\nDTEND:20300115T063000Z\r\n" in text
    assert "SUMMARY:Review\\; water\\, fodder" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "बैठक" * 40)
    assert all(len(p.encode()) <= 75 for p in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "बैठक" * 40


def test_meetings_of_another_tehsil_answer_404(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    _schedule(dm, rooms, start, rooms=str(rooms.blocks[1].id))
    with app.app_context():
        meeting = VcMeeting.get()
    ours = login_as("block_officer")
    assert ours.get(f"/vc/meetings/{meeting.id}").status_code == 404
    assert ours.get(f"/vc/meetings/{meeting.id}.ics").status_code == 404
    theirs = login_as("block_officer", which=1, username="bdo-kannad")
    assert theirs.get(f"/vc/meetings/{meeting.id}").status_code == 200


def test_pages_read_in_hindi_and_marathi(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    _schedule(dm, rooms, start, kinds="sdm")
    for lang in ("hi", "mr"):
        dm.set_cookie("lang", lang)
        for url in ("/vc/", "/vc/meetings", "/vc/meetings/1", "/vc/actions", "/vc/meetings/new"):
            assert dm.get(url).status_code == 200, (lang, url)


def test_the_periodic_huey_task_reminds_once_however_often_it_runs(app, login_as, rooms):
    import tasks
    from blueprints.vc.tasks import vc_meeting_reminders

    assert "vc_meeting_reminders" in tasks.SCHEDULE
    dm = login_as("district_manager")
    with app.app_context():
        start = (clock.now() + dt.timedelta(minutes=50)).replace(microsecond=0)
        svc.schedule(
            dm.user, title="Flood alert", agenda="", starts_at=start, minutes=30,
            host_room_id=rooms.studio.id, room_ids=[rooms.tehsils[0].id],
        )  # fmt: skip
        assert _to("9800000100").count() == 1  # the invitation
        vc_meeting_reminders()
        vc_meeting_reminders()
        assert _to("9800000100").count() == 2
        assert VcInvitee.get().reminded_at is not None


def test_a_cancelled_meeting_tells_invitees_and_sends_no_reminder(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(hours=3)).replace(second=0, microsecond=0)
    url = _schedule(dm, rooms, start, rooms=str(rooms.tehsils[0].id)).location
    response = dm.form_post(url, f"{url}/cancel")
    assert response.status_code == 303
    with app.app_context():
        assert VcMeeting.get().status == "cancelled"
        assert _to("9800000100").count() == 2  # invitation, cancellation
        assert svc.remind_due(now=start - dt.timedelta(minutes=30)) == 0
    assert "Only a scheduled meeting" in dm.form_post(
        url, f"{url}/cancel", follow_redirects=True
    ).get_data(as_text=True)
    # the room is free again for another meeting at that time
    assert _schedule(dm, rooms, start, rooms=str(rooms.tehsils[0].id)).status_code == 303


def test_a_fault_names_the_room_once_in_the_districts_language(app, login_as, rooms):
    """The room's name says "VC room" and its office already; the messages
    put "VC room" before it and the office after it again ("VC room VC room
    Tehsil Office Kannad (Tehsil Office Kannad)", issue 15), and in a
    Marathi district named the room in English."""
    room = rooms.tehsils[1]
    dm = login_as("district_manager", mobile="9811122233")
    start = (clock.now() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
    _schedule(dm, rooms, start, kinds="sdm", title="खरीप आढावा")
    with app.app_context():
        VcRoom.update(name_local="व्हीसी कक्ष, तहसील कार्यालय कन्नड").where(
            VcRoom.id == room.id
        ).execute()
        svc.report_fault(VcRoom.get_by_id(room.id), rooms.it, "Camera dead")
        it_sms = _to(rooms.it.mobile).get().body
        flagged = _to("9811122233").where(Notification.channel == "sms").get().body
    assert it_sms == "VC room Tehsil Office Kannad is faulty: Camera dead"
    assert flagged.startswith("VC room Tehsil Office Kannad, invited to खरीप आढावा (")

    app.config.pop("CLI_LOCALE", None)
    app.config["DEFAULT_LOCALE"] = "mr"
    with app.app_context():
        svc.close_fault(VcRoom.get_by_id(room.id), rooms.it, "")
        svc.report_fault(VcRoom.get_by_id(room.id), rooms.it, "कॅमेरा बंद")
        it_sms = _to(rooms.it.mobile).order_by(Notification.id.desc()).first().body
    assert it_sms == "व्हीसी कक्ष, तहसील कार्यालय कन्नड बिघडला आहे: कॅमेरा बंद"


def test_an_invitation_in_marathi_keeps_to_its_sms_budget_and_the_email_has_it_all(
    app, login_as, rooms
):
    from core.notify import sms_fits

    app.config.pop("CLI_LOCALE", None)
    app.config["DEFAULT_LOCALE"] = "mr"
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    title = "उपविभागीय अधिकारी व तहसीलदारांसोबत साप्ताहिक महसूल आढावा"
    assert _schedule(dm, rooms, start, kinds="sdm", title=title).status_code == 303
    with app.app_context():
        sms = _to("9800000100").where(Notification.channel == "sms").get().body
        email = _to("vc0@example.gov.in").get().body
        assert sms_fits(sms)  # was 5 parts, two links
    assert sms.startswith("व्हीसी आढावा उपविभागीय अधिकारी") and "…" in sms
    assert "0240-2331000" in sms and "https://vc.example.gov.in/join/aur" in sms
    assert title in email and ".ics" in email and "aur@vc.example.gov.in" in email
