"""The tasks' lines of the home worklist (blueprints/assignments/worklist.py):
an officer's own open tasks, those past their due date first and urgent."""

import pytest

from blueprints.assignments.models import TaskAssignee
from core import clock
from tests.helpers import text
from tests.home import work


@pytest.mark.parametrize(
    "role", ["office_user", "office_head", "block_officer", "gp_staff", "district_manager"]
)
def test_an_officer_sees_their_own_open_tasks(role, app, place, login_as):
    browser = login_as(role)
    with app.app_context():
        work.tasks(browser.user, place.tehsil_offices[0], overdue=1, open_=3)
        # Done is done.
        TaskAssignee.update(done_at=clock.now()).where(
            TaskAssignee.id
            == TaskAssignee.select(TaskAssignee.id).order_by(TaskAssignee.id.desc()).limit(1)
        ).execute()
    lines = work.lines_of(browser)
    assert lines[0] == ("/assignments/", "1 of your tasks is past its due date")
    assert ("/assignments/", "2 open tasks") in lines
    # The list the line leads to shows the overdue one first.
    assert "Overdue by" in text(browser.get("/assignments/"))


def test_a_colleagues_tasks_are_not_mine(app, place, login_as):
    clerk = login_as("office_user")
    colleague = login_as("office_user", username="colleague")
    with app.app_context():
        work.tasks(clerk.user, place.tehsil_offices[0], overdue=2)
    assert not any("task" in label for _href, label in work.lines_of(colleague))
    # Without an employee record there is no one to give a task to.
    assert not any("task" in label for _href, label in work.lines_of(login_as("csc_operator")))
