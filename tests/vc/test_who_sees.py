"""Who gets a meeting's joining details and calendar file: the organisers,
the IT cell and whoever answers for an invited room, or anyone holding the
invitation's signed link; a CSC operator sees nothing of the VC at all."""

import datetime as dt
import re

import pytest

from blueprints.vc import services as svc
from core import clock
from core.notify import Notification


def _meeting(app, login_as, rooms):
    dm = login_as("district_manager")
    start = (clock.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    with app.app_context():
        meeting = svc.schedule(
            dm.user, title="Kharif review", agenda="", starts_at=start, minutes=60,
            host_room_id=rooms.studio.id, room_ids=[rooms.tehsils[0].id],
        )  # fmt: skip
    return meeting


def test_only_invitees_and_organisers_download_the_calendar_file(app, login_as, rooms):
    meeting = _meeting(app, login_as, rooms)
    url = f"/vc/meetings/{meeting.id}.ics"
    invited = login_as("office_user")  # tehsil office 0: its room is invited
    assert invited.get(url).status_code == 200
    assert login_as("admin", username="it-2").get(url).status_code == 200
    # A gram sevak of the same tehsil sees the meeting, but is not invited.
    gram_sevak = login_as("gp_staff")
    assert gram_sevak.get(f"/vc/meetings/{meeting.id}").status_code == 200
    assert gram_sevak.get(url).status_code == 404
    page = gram_sevak.get(f"/vc/meetings/{meeting.id}").get_data(as_text=True)
    assert "0240-2331000" not in page and "vc.example.gov.in" not in page
    assert invited.get(f"/vc/meetings/{meeting.id}").get_data(as_text=True).count("0240-2331000")


def test_the_invitation_carries_a_signed_calendar_link_that_works_signed_out(
    app, client, login_as, rooms
):
    meeting = _meeting(app, login_as, rooms)
    with app.app_context():
        sms = Notification.select().where(Notification.recipient == "9800000100").get()
    link = re.search(r"https?://\S+\.ics/\S+", sms.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 200
    assert "BEGIN:VCALENDAR" in response.get_data(as_text=True)
    # Tampered with, or moved to another meeting: no file.
    assert client.get("/" + path[:-2] + "xx").status_code == 404
    key = path.rsplit("/", 1)[1]
    assert client.get(f"/vc/meetings/{meeting.id + 1}.ics/{key}").status_code == 404
    # Unsigned, the file is not for the anonymous.
    assert client.get(f"/vc/meetings/{meeting.id}.ics").status_code in (302, 303)


def test_the_calendar_link_expires(app, client, login_as, rooms):
    meeting = _meeting(app, login_as, rooms)
    with app.test_request_context():
        key = svc.calendar_key(meeting)
    app.config["VC_CALENDAR_LINK_DAYS"] = -1
    assert client.get(f"/vc/meetings/{meeting.id}.ics/{key}").status_code == 404


@pytest.mark.parametrize(
    "path", ["/vc/", "/vc/meetings", "/vc/actions", "/vc/rooms/{room}", "/vc/meetings/{meeting}"]
)
def test_a_csc_operator_sees_nothing_of_the_vc(app, login_as, rooms, path):
    meeting = _meeting(app, login_as, rooms)
    operator = login_as("csc_operator")
    url = path.format(room=rooms.tehsils[0].id, meeting=meeting.id)
    assert operator.get(url).status_code == 403
    assert operator.get(f"/vc/meetings/{meeting.id}.ics").status_code == 403


def test_a_csc_operator_may_not_report_a_fault(app, login_as, rooms):
    operator = login_as("csc_operator")
    response = operator.form_post(
        "/account", f"/vc/rooms/{rooms.tehsils[0].id}/fault", data={"description": "broken"}
    )
    assert response.status_code == 403
    with app.app_context():
        assert svc.open_fault(rooms.tehsils[0].id) is None
