"""Giving a task in the portal: who may give it to whom, bad input, marking
one's own part done, the office and person counts, hi/mr pages."""

import datetime as dt

import pytest

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.services import TaskError, create_task, mark_done
from core import clock
from core.db import db


def _give(browser, place, **data):
    page = f"/assignments/new?office_id={place.tehsil_offices[0].id}"
    form = {
        "title": "Collect the census forms",
        "due_on": clock.today_ist().isoformat(),
        "priority": "normal",
    }
    form.update(data)
    return browser.form_post(page, data=form)


def _tasks(app):
    with app.app_context():
        return Task.select().count(), TaskAssignee.select().count()


def test_an_office_head_gives_a_task_to_two_employees_by_box_and_code(app, login_as, staff, place):
    head = login_as("office_head")
    response = _give(head, place, employees=[str(staff.ours[0].id)], codes="e002")
    assert response.status_code == 303
    assert response.location.startswith("/assignments/")
    body = head.get(response.location).get_data(as_text=True)
    assert "Suresh Patil" in body and "Anita Jadhav" in body
    assert _tasks(app) == (1, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "employees": ["E"]}, "This field is required."),
        ({"due_on": "31-12-2026", "codes": "E001"}, "YYYY-MM-DD"),
        ({"due_on": "9999-01-01", "codes": "E001"}, "between the years 2000 and 2100"),
        ({"priority": "whenever", "codes": "E001"}, "Choose one of the options"),
        ({}, "Choose at least one employee."),
        ({"codes": "E001 NOBODY"}, "No employee of your offices has the code NOBODY."),
        ({"employees": ["99999999999999"]}, "Choose employees from the list."),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_saves_nothing(
    app, login_as, staff, place, data, message
):
    head = login_as("office_head")
    response = _give(head, place, **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _tasks(app) == (0, 0)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "The due date cannot be before today, {today}."),
        ("hi", "नियत तिथि आज ({today}) से पहले की नहीं हो सकती।"),
        ("mr", "देय दिनांक आजच्या ({today}) आधीचा असू शकत नाही."),
    ],
)
def test_a_due_date_in_the_past_is_refused_in_the_users_language(
    app, login_as, staff, place, lang, message
):
    head = login_as("office_head")
    head.set_cookie("lang", lang)
    today = clock.today_ist()
    yesterday = today - dt.timedelta(days=1)
    response = _give(head, place, due_on=yesterday.isoformat(), codes="E001")
    assert response.status_code == 400
    assert message.format(today=today.isoformat()) in response.get_data(as_text=True)
    assert _tasks(app) == (0, 0)
    # Today itself is a due date one may give.
    assert _give(head, place, codes="E001").status_code == 303


def test_an_office_user_gives_tasks_in_their_office_only(app, login_as, staff, place):
    clerk = login_as("office_user", username="clerk2")
    response = _give(clerk, place, codes="E101")  # place 1's employee
    assert response.status_code == 400
    assert "No employee of your offices has the code E101" in response.get_data(as_text=True)
    response = _give(clerk, place, employees=[str(staff.theirs.id)])
    assert response.status_code == 400
    assert _tasks(app) == (0, 0)
    # Another office's employee list is not shown either.
    body = clerk.get(f"/assignments/new?office_id={place.tehsil_offices[1].id}").get_data(
        as_text=True
    )
    assert "Ramesh Kale" not in body
    assert _give(clerk, place, codes="E002").status_code == 303


def test_roles_without_offices_may_not_give_tasks(login_as):
    for role in ("gp_staff", "csc_operator"):
        browser = login_as(role)
        assert browser.get("/assignments/new").status_code == 403
        assert browser.get("/assignments/offices").status_code == 403
        assert browser.get("/assignments/").status_code == 200


def test_another_tehsils_task_and_office_answer_404(app, login_as, staff, place):
    from tests.factories import make_user

    with app.app_context(), db.connection_context():
        other_head = make_user("office_head", place, which=1, username="their-head")
        theirs = create_task(other_head, "Their task", [staff.theirs], clock.today_ist())
        ours = create_task(other_head, "Our task", staff.ours[1:], clock.today_ist())
    head = login_as("office_head")
    assert head.get(f"/assignments/{theirs.id}").status_code == 404
    assert head.get("/assignments/999999").status_code == 404
    assert head.get(f"/assignments/{ours.id}").status_code == 200
    assert head.get(f"/assignments/offices/{place.tehsil_offices[1].id}").status_code == 404
    body = head.get("/assignments/list").get_data(as_text=True)
    assert "Our task" in body and "Their task" not in body
    body = head.get("/assignments/offices").get_data(as_text=True)
    assert place.tehsil_offices[0].name_en in body and place.tehsil_offices[1].name_en not in body


def test_the_employee_marks_their_part_done_in_the_portal(app, staff, place, login_as):
    from tests.factories import make_user

    with app.app_context(), db.connection_context():
        head = make_user("office_head", place, username="head-x")
        task = create_task(
            head, "Pay the electricity bill", staff.ours, clock.today_ist() - dt.timedelta(days=2)
        )
        mine = TaskAssignee.get(
            TaskAssignee.task == task.id, TaskAssignee.employee == staff.ours[0].id
        )
        other = TaskAssignee.get(
            TaskAssignee.task == task.id, TaskAssignee.employee == staff.ours[1].id
        )
    clerk = login_as("office_user", username="clerk-login", office=place.tehsil_offices[0])
    # The signed-in clerk is not E001's user: nothing of theirs to mark.
    assert clerk.form_post("/account", f"/assignments/parts/{mine.id}/done").status_code == 404

    from tests.helpers import Browser

    employee = Browser(app.test_client())
    employee.login(staff.clerk_user)
    body = employee.get("/assignments/").get_data(as_text=True)
    assert "Pay the electricity bill" in body and "Overdue by 2 days" in body
    response = employee.form_post(
        "/assignments/",
        f"/assignments/parts/{mine.id}/done",
        data={"remark": "Paid, receipt filed"},
    )
    assert response.status_code == 303 and response.location == "/assignments/"
    assert employee.form_post("/account", f"/assignments/parts/{other.id}/done").status_code == 404
    with app.app_context():
        assert TaskAssignee.get_by_id(mine.id).remark == "Paid, receipt filed"
        assert TaskAssignee.get_by_id(other.id).done_at is None
    counts = login_as("office_head").get(f"/assignments/offices/{place.tehsil_offices[0].id}")
    body = counts.get_data(as_text=True)
    assert "Anita Jadhav" in body and "Suresh Patil" in body


def test_the_contract_create_task_and_mark_done(ctx, staff, place):
    from blueprints.accounts.models import User

    giver = User.get(User.username == "clerk")
    task = create_task(
        giver,
        "  Action point:  repair the VC camera ",
        [staff.ours[0], staff.ours[0], staff.theirs],
        dt.date(2026, 12, 1),
        "urgent",
        "From the review",
        source="vc:7",
    )
    assert task.title == "Action point: repair the VC camera" and task.source == "vc:7"
    parts = list(
        TaskAssignee.select().where(TaskAssignee.task == task.id).order_by(TaskAssignee.id)
    )
    assert [p.employee_id for p in parts] == [staff.ours[0].id, staff.theirs.id]
    assert parts[1].office_id == place.tehsil_offices[1].id
    assert mark_done(parts[0], "done") is True
    assert mark_done(parts[0], "again") is False
    assert TaskAssignee.get_by_id(parts[0].id).remark == "done"
    staff.ours[1].status = "retired"
    with pytest.raises(TaskError):
        create_task(giver, "Late work", [staff.ours[1]], dt.date(2026, 12, 1))
    with pytest.raises(TaskError):
        create_task(giver, "x", [staff.ours[0]], dt.date(2026, 12, 1))
    with pytest.raises(TaskError):
        create_task(giver, "Nobody", [], dt.date(2026, 12, 1))
    assert Task.select().count() == 1


@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_pages_read_in_hindi_and_marathi(app, login_as, staff, place, lang):
    with app.app_context(), db.connection_context():
        from blueprints.accounts.models import User

        task = create_task(
            User.get(User.username == "clerk"), "Test", staff.ours, clock.today_ist()
        )
    head = login_as("office_head")
    head.set_cookie("lang", lang)
    for url in (
        "/assignments/",
        "/assignments/offices",
        "/assignments/list",
        f"/assignments/{task.id}",
        "/assignments/new",
    ):
        response = head.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert "Give a task" not in body and "My tasks" not in body, url


def test_a_csc_operator_reads_no_office_task(app, login_as, staff, place):
    """Issue 14: an operator opened the tasks of the offices of its tehsil."""
    from tests.factories import make_user

    with app.app_context(), db.connection_context():
        head = make_user("office_head", place, username="a-head")
        task = create_task(head, "Tehsil task", staff.ours[1:], clock.today_ist())
    operator = login_as("csc_operator")
    response = operator.get(f"/assignments/{task.id}")
    assert response.status_code == 403
    assert "Tehsil task" not in response.get_data(as_text=True)
