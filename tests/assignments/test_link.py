"""The signed link in the SMS: a GET only confirms, the POST marks done,
once; an expired, tampered or reused link does nothing."""

import datetime as dt
import time

import pytest
from itsdangerous import TimestampSigner

from blueprints.assignments.models import TaskAssignee
from blueprints.assignments.reminders import LinkError, make_token, part_for_token
from blueprints.assignments.services import create_task
from core import clock
from core.db import db
from tests.helpers import csrf_from


@pytest.fixture
def part(app, staff):
    from blueprints.accounts.models import User

    with app.app_context(), db.connection_context():
        task = create_task(
            User.get(User.username == "clerk"),
            "Send the DBT seeding figures",
            staff.ours[:1],
            clock.today_ist(),
        )
        row = TaskAssignee.get(TaskAssignee.task == task.id)
        return row.id, make_token(row)


def _done(app, part_id):
    with app.app_context(), db.connection_context():
        return TaskAssignee.get_by_id(part_id)


def test_get_shows_a_confirm_page_and_changes_nothing(app, client, part):
    part_id, token = part
    for _ in range(3):  # an SMS app's preview, a chat app's, the person
        response = client.get(f"/assignments/d/{token}")
        assert response.status_code == 200
        assert "Send the DBT seeding figures" in response.get_data(as_text=True)
        assert response.headers["Cache-Control"] == "no-store"
    assert _done(app, part_id).done_at is None


def test_post_marks_done_without_a_password_and_only_once(app, client, part):
    part_id, token = part
    page = client.get(f"/assignments/d/{token}").get_data(as_text=True)
    response = client.post(
        f"/assignments/d/{token}",
        data={"csrf_token": csrf_from(page), "remark": "Uploaded on PFMS"},
    )
    assert response.status_code == 200
    assert "marked done" in response.get_data(as_text=True)
    row = _done(app, part_id)
    assert row.done_at is not None and row.remark == "Uploaded on PFMS"
    assert row.done_via == "sms" and row.done_by_id is None
    # Used: the same link, again, marks nothing and says so.
    again = client.get(f"/assignments/d/{token}")
    assert again.status_code == 410
    assert "already marked done" in again.get_data(as_text=True)
    again = client.post(
        f"/assignments/d/{token}", data={"csrf_token": csrf_from(page), "remark": "changed"}
    )
    assert again.status_code == 410
    assert _done(app, part_id).remark == "Uploaded on PFMS"


def test_a_tampered_link_is_refused(app, client, part):
    part_id, token = part
    payload, rest = token.split(".", 1)
    forged = ("A" if payload[0] != "A" else "B") + payload[1:] + "." + rest
    response = client.get(f"/assignments/d/{forged}")
    assert response.status_code == 404
    assert "not valid" in response.get_data(as_text=True)
    # Another part's id with this signature: refused too.
    assert client.get(f"/assignments/d/{token[:-2]}xx").status_code == 404
    assert client.get("/assignments/d/" + "x" * 300).status_code == 404
    assert _done(app, part_id).done_at is None


def test_an_expired_link_is_refused(app, client, part, monkeypatch):
    part_id, _token = part
    eight_days_ago = int(time.time()) - 8 * 86400
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: eight_days_ago)
    with app.app_context(), db.connection_context():
        old = make_token(TaskAssignee.get_by_id(part_id))
    monkeypatch.undo()
    response = client.get(f"/assignments/d/{old}")
    assert response.status_code == 410
    assert "expired" in response.get_data(as_text=True)
    page_token = part[1]
    page = client.get(f"/assignments/d/{page_token}").get_data(as_text=True)
    response = client.post(f"/assignments/d/{old}", data={"csrf_token": csrf_from(page)})
    assert response.status_code == 410
    assert _done(app, part_id).done_at is None


def test_a_link_ages_out_after_seven_days(app, part):
    part_id, token = part
    with app.app_context(), db.connection_context():
        now = clock.now()
        assert part_for_token(token, now + dt.timedelta(days=6)).id == part_id
        with pytest.raises(LinkError) as err:
            part_for_token(token, now + dt.timedelta(days=8))
        assert err.value.reason == "expired"


def test_a_link_dies_when_the_task_is_done_in_the_portal(app, part, staff):
    from blueprints.assignments.services import mark_done

    part_id, token = part
    with app.app_context(), db.connection_context():
        mark_done(TaskAssignee.get_by_id(part_id), "done at the desk")
        with pytest.raises(LinkError) as err:
            part_for_token(token)
        assert err.value.reason == "used"


def test_the_confirm_page_without_csrf_marks_nothing(app, client, part):
    part_id, token = part
    response = client.post(f"/assignments/d/{token}", data={"remark": "x"})
    assert response.status_code in (400, 403)
    assert _done(app, part_id).done_at is None
