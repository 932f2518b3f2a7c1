"""Action points: owned by a post's holder, a task of the task reminders
(SMS until done), listed per officer, closed from either side."""

import datetime as dt

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.reminders import send_reminders
from blueprints.assignments.services import mark_done
from blueprints.vc import services as svc
from blueprints.vc.models import VcActionPoint
from core import clock
from core.notify import Notification
from tests.directory.factories import entry, holder, posts


def _meeting(app, dm, rooms):
    start = (clock.now() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
    with app.app_context():
        return svc.schedule(
            dm.user, title="Drought review", agenda="", starts_at=start, minutes=60,
            host_room_id=rooms.studio.id, room_ids=[r.id for r in rooms.tehsils],
        )  # fmt: skip


def test_an_action_point_becomes_a_task_whose_owner_is_reminded(app, login_as, place, rooms):
    dm = login_as("district_manager")
    meeting = _meeting(app, dm, rooms)
    with app.app_context():
        tehsildar, _steno = posts()
        post = entry(place.tehsil_offices[0], tehsildar, extension="101")
        vacant = entry(place.tehsil_offices[1], tehsildar, extension="201")
        owner = holder(place.tehsil_offices[0], tehsildar, "A1", "Ramesh Jadhav", "रमेश जाधव",
                       mobile_official="9844400001")  # fmt: skip
    due = clock.today_ist() + dt.timedelta(days=7)
    url = f"/vc/meetings/{meeting.id}"
    response = dm.form_post(
        url,
        f"{url}/actions",
        data={
            "text": "Tankers to 4 villages",
            "post": vacant.id,
            "due_on": due.isoformat(),
        },  # fmt: skip
    )
    assert response.status_code == 400
    assert "No one holds this post now" in response.get_data(as_text=True)
    response = dm.form_post(
        url,
        f"{url}/actions",
        data={
            "text": "Tankers to 4 villages",
            "post": post.id,
            "due_on": due.isoformat(),
        },  # fmt: skip
    )
    assert response.status_code == 303
    with app.app_context():
        point = VcActionPoint.get()
        assert point.owner_id == owner.id
        task = Task.get_by_id(point.task_id)
        assert task.source == f"vc:{meeting.id}" and task.due_on == due
        # on the due day the task reminders SMS the owner
        at_due = dt.datetime.combine(due, dt.time(3, 0))
        send_reminders(at_due)
        assert Notification.select().where(Notification.recipient == "9844400001").count() == 1
    listing = dm.get("/vc/actions").get_data(as_text=True)
    assert "Ramesh Jadhav" in listing and "Tankers to 4 villages" in listing
    # the owner marks the task done by SMS link: the action point is closed
    with app.app_context():
        mark_done(TaskAssignee.get(TaskAssignee.task == point.task_id), "sent")
    assert "Tankers to 4 villages" not in dm.get("/vc/actions").get_data(as_text=True)
    with app.app_context():
        assert VcActionPoint.get_by_id(point.id).status == "closed"


def test_the_organiser_closes_an_action_point_and_its_reminders_stop(app, login_as, place, rooms):
    dm = login_as("district_manager")
    meeting = _meeting(app, dm, rooms)
    with app.app_context():
        tehsildar, _steno = posts()
        post = entry(place.tehsil_offices[0], tehsildar)
        holder(place.tehsil_offices[0], tehsildar, "A2", "Asha More", "आशा मोरे")
        point = svc.add_action(
            meeting, dm.user, text="Fodder camps", entry=post,
            due_on=clock.today_ist() + dt.timedelta(days=3),
        )  # fmt: skip
    response = dm.form_post(f"/vc/meetings/{meeting.id}", f"/vc/actions/{point.id}/close")
    assert response.status_code == 303
    with app.app_context():
        assert VcActionPoint.get_by_id(point.id).status == "closed"
        assert TaskAssignee.get(TaskAssignee.task == point.task_id).done_at is not None
