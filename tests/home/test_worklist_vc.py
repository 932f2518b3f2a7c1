"""The VC lines of the home worklist (blueprints/vc/worklist.py): today's
reviews for the district manager and whoever answers for an invited room,
and the action points past their date for the district manager."""

import datetime as dt

from blueprints.assignments.models import TaskAssignee
from blueprints.vc.models import VcActionPoint, VcMeeting
from core import clock
from tests.helpers import text
from tests.home import work

MORNING = dt.datetime(2026, 3, 4, 4, 30)  # 10:00 IST


def test_todays_reviews_for_the_collector_and_the_invited(app, place, login_as, move_clock):
    move_clock(MORNING)
    collector = login_as("district_manager")
    clerk = login_as("office_user")  # of tehsil office 0, whose room is invited
    other = login_as("office_user", username="clerk-b", which=1)
    with app.app_context():
        work.reviews(place, collector.user, place.tehsil_offices[0], count=2)
        later = work.reviews(place, collector.user, place.tehsil_offices[0])[0]
        # Tomorrow's, one that is over, and a cancelled one are not today's work.
        VcMeeting.update(
            starts_at=clock.now() + dt.timedelta(days=1),
            ends_at=clock.now() + dt.timedelta(days=1, hours=1),
        ).where(VcMeeting.id == later.id).execute()
        over, cancelled = work.reviews(place, collector.user, place.tehsil_offices[0], count=2)
        VcMeeting.update(ends_at=clock.now() - dt.timedelta(minutes=1)).where(
            VcMeeting.id == over.id
        ).execute()
        VcMeeting.update(status="cancelled").where(VcMeeting.id == cancelled.id).execute()
    assert ("/vc/meetings", "2 VC reviews today") in work.lines_of(collector)
    assert ("/vc/meetings", "2 VC reviews today") in work.lines_of(clerk)
    assert not any("VC" in label for _href, label in work.lines_of(other))
    assert "Review" in text(clerk.get("/vc/meetings"))


def test_the_block_officer_answers_for_the_rooms_of_the_block(app, place, login_as, move_clock):
    move_clock(MORNING)
    collector = login_as("district_manager")
    with app.app_context():
        work.reviews(place, collector.user, place.block_offices[1])
    assert ("/vc/meetings", "1 VC review today") in work.lines_of(
        login_as("block_officer", which=1)
    )
    assert not any("VC" in label for _href, label in work.lines_of(login_as("block_officer")))


def test_the_collector_sees_action_points_past_their_date(app, place, login_as):
    collector = login_as("district_manager")
    with app.app_context():
        meeting = work.reviews(place, collector.user, place.tehsil_offices[0])[0]
        owner = work.employee(place.tehsil_offices[0])
        work.action_points(meeting, owner, collector.user, overdue=3)
        first, second, _third = VcActionPoint.select().order_by(VcActionPoint.id)
        VcActionPoint.update(status="closed").where(VcActionPoint.id == first.id).execute()
        # Its owner marked the task done: the point is done though not yet synced.
        task = work.tasks(collector.user, place.tehsil_offices[0], open_=1)
        part = TaskAssignee.get(TaskAssignee.employee == task.id)
        VcActionPoint.update(task_id=part.task_id, owner=task.id).where(
            VcActionPoint.id == second.id
        ).execute()
        TaskAssignee.update(done_at=clock.now()).where(TaskAssignee.id == part.id).execute()
    lines = work.lines_of(collector)
    assert lines[0] == ("/vc/actions", "1 VC action point past its date")
    assert "Clear the pending mutations" in text(collector.get("/vc/actions"))
    assert not any(
        "action point" in label for _href, label in work.lines_of(login_as("office_head"))
    )
