"""The SMS cadence of a task given in the portal, over a frozen clock."""

import datetime as dt

from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.reminders import send_reminders
from blueprints.assignments.services import create_task, mark_done
from core import clock
from core.db import db
from core.notify import Notification, sms_parts

MOBILE = "9811100001"


def at(day: dt.date) -> dt.datetime:
    """09:00 IST of `day`, as naive UTC (when the daily run fires)."""
    return dt.datetime.combine(day, dt.time(3, 30))


def run(app, day):
    with app.app_context(), db.connection_context():
        send_reminders(at(day))
        return [
            n.body
            for n in Notification.select()
            .where(Notification.recipient == MOBILE, Notification.status == "sent")
            .order_by(Notification.id)
        ]


def test_a_task_given_in_the_portal_is_reminded_on_its_cadence(app, login_as, staff, place):
    head = login_as("office_head")
    due = clock.today_ist() + dt.timedelta(days=3)
    page = f"/assignments/new?office_id={place.tehsil_offices[0].id}"
    response = head.form_post(
        page,
        data={
            "title": "Submit the ration card pendency report",
            "due_on": due.isoformat(),
            "priority": "high",
            "employees": [str(staff.ours[0].id)],
        },
    )
    assert response.status_code == 303
    with app.app_context():
        task = Task.get()
        assert task.title == "Submit the ration card pendency report"
        assert TaskAssignee.select().where(TaskAssignee.task == task.id).count() == 1

    assert run(app, due - dt.timedelta(days=3)) == []  # day -3: nothing
    sent = run(app, due - dt.timedelta(days=2))  # day -2: the first reminder
    assert len(sent) == 1
    assert "ration card pendency" in sent[0] and due.strftime("%d-%m-%Y") in sent[0]
    assert "https://zila.example/assignments/d/" in sent[0]
    assert len(run(app, due - dt.timedelta(days=1))) == 1  # day -1: nothing new
    sent = run(app, due)  # the due day
    assert len(sent) == 2 and "due today" in sent[1]
    assert len(run(app, due)) == 2  # a second run the same day adds nothing
    sent = run(app, due + dt.timedelta(days=1))  # every day after
    assert len(sent) == 3 and "overdue since" in sent[2]

    # A second task due the next day: one SMS that day, a digest of both.
    with app.app_context(), db.connection_context():
        second = create_task(
            head.user,
            "Update the Aaple Sarkar register",
            staff.ours[:1],
            due + dt.timedelta(days=2),
        )
    sent = run(app, due + dt.timedelta(days=2))
    assert len(sent) == 4
    assert "2 tasks" in sent[3]
    assert "ration card pendency" in sent[3] and "Aaple Sarkar register" in sent[3]
    # One link, to the employee's list (was one link per task, issue 15),
    # and the words apart from it in one SMS part.
    assert sent[3].count("https://") == 1 and "https://zila.example/assignments/m/" in sent[3]
    assert sms_parts(sent[3].split("https://")[0]) == 1

    # Done in the portal: only the other task is reminded, then nothing.
    with app.app_context(), db.connection_context():
        mark_done(TaskAssignee.get(TaskAssignee.task == task.id), "sent on 20th")
    sent = run(app, due + dt.timedelta(days=3))
    assert len(sent) == 5 and "Aaple Sarkar" in sent[4] and "ration card" not in sent[4]
    with app.app_context(), db.connection_context():
        mark_done(TaskAssignee.get(TaskAssignee.task == second.id), "")
    assert len(run(app, due + dt.timedelta(days=4))) == 5
    assert len(run(app, due + dt.timedelta(days=30))) == 5


def test_each_employee_gets_their_own_sms_and_one_without_a_mobile_none(ctx, staff, place):
    from blueprints.accounts.models import User

    giver = User.get(User.username == "clerk")
    staff.ours[1].mobile_official = ""
    staff.ours[1].save()
    today = clock.today_ist()
    create_task(giver, "Clean the record room", staff.ours, today)
    result = send_reminders(at(today))
    assert result == {"sms": 1, "no_mobile": 1, "employees": 2}
    assert [n.recipient for n in Notification.select()] == [MOBILE]


def test_a_retired_employee_is_not_reminded(ctx, staff):
    from blueprints.accounts.models import User

    today = clock.today_ist()
    create_task(User.get(User.username == "clerk"), "Verify the stock", staff.ours[:1], today)
    staff.ours[0].status = "retired"
    staff.ours[0].save()
    assert send_reminders(at(today))["sms"] == 0


def test_the_daily_run_is_registered_with_the_schedule():
    import tasks

    assert "task_reminders" in tasks.SCHEDULE


def test_the_scheduled_run_sends_and_is_recorded(ctx, staff):
    """The huey periodic task itself: today's reminders go, the run is on
    the administrator's task history, and a second run sends nothing new."""
    from blueprints.accounts.models import User
    from blueprints.assignments.tasks import task_reminders
    from core.periodic import TaskRun

    create_task(
        User.get(User.username == "clerk"), "Count the stock", staff.ours[:1], clock.today_ist()
    )
    task_reminders()
    task_reminders()
    assert Notification.select().where(Notification.recipient == MOBILE).count() == 1
    runs = list(TaskRun.select().where(TaskRun.task == "task_reminders"))
    assert len(runs) == 2 and all(r.ok for r in runs)


def test_without_public_url_the_link_uses_the_configured_default_and_keeps_the_connection(
    ctx, staff, caplog
):
    from blueprints.accounts.models import User

    ctx.config["PUBLIC_URL"] = ""
    create_task(
        User.get(User.username == "clerk"), "Count the stock", staff.ours[:1], clock.today_ist()
    )
    send_reminders(at(clock.today_ist()))
    # The consumer's connection is still open: no request context was popped.
    assert not db.is_closed()
    # Was "http://localhost/...", silently (issue 14): the configured default, with a warning.
    assert "http://127.0.0.1:5000/assignments/d/" in Notification.get().body
    assert any("PUBLIC_URL is not set" in r.getMessage() for r in caplog.records)


def test_a_digest_in_marathi_is_one_part_of_words_and_one_link_to_the_list(app, staff, client):
    """Five tasks due the same day: the digest ran to 317-455 characters,
    3 SMS parts and more, every task with its own link (issue 15). Now its
    words fit one Unicode part, and one signed link opens the employee's
    list, without signing in, each task leading to its own done link."""
    from blueprints.accounts.models import User
    from core.notify import sms_fits

    app.config.pop("CLI_LOCALE", None)
    app.config["DEFAULT_LOCALE"] = "mr"
    today = clock.today_ist()
    titles = [f"शिधापत्रिका लाभार्थी यादीची पडताळणी, गट {n}" for n in range(1, 6)]
    with app.app_context(), db.connection_context():
        giver = User.get(User.username == "clerk")
        for title in titles:
            create_task(giver, title, staff.ours[:1], today)
    [body] = run(app, today)
    words, _, link = body.partition("https://")
    assert sms_parts(words) == 1 and body.count("https://") == 1
    with app.app_context():
        assert sms_fits(body)
    assert words.startswith("जिल्हा: 5 कामांवर आपली कार्यवाही अपेक्षित")
    assert link.startswith("zila.example/assignments/m/") and len(link) < 80

    page = client.get(link.removeprefix("zila.example"))
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    text = page.get_data(as_text=True)
    assert all(title in text for title in titles)
    assert text.count("/assignments/d/") == 5 and "आज शेवटचा दिवस" in text
    # A link of another's, tampered with, or for no one: not usable.
    assert client.get(link.removeprefix("zila.example") + "x").status_code == 404
    assert client.get("/assignments/m/NDI.axMGJw.IJjMDoP0_s4hGfCkvd6Mans0CR4").status_code == 404


def test_a_digest_in_english_says_the_titles_that_fit_one_part(app, staff):
    from blueprints.accounts.models import User

    today = clock.today_ist()
    with app.app_context(), db.connection_context():
        giver = User.get(User.username == "clerk")
        create_task(giver, "Count the stock", staff.ours[:1], today)
        create_task(giver, "Send the MIS", staff.ours[:1], today + dt.timedelta(days=2))
    [body] = run(app, today)
    words = body.partition("https://")[0]
    assert words == (
        "Zila: 2 tasks need your action; 1. Count the stock (due today); "
        f"2. Send the MIS (due {(today + dt.timedelta(days=2)).strftime('%d-%m-%Y')}). All: "
    )
