"""Done when (issue 15): the outbox of a seeded demo after a day of periodic
tasks holds no officer SMS in English in a Marathi district, and no SMS
over its parts budget without a link. The demo is seeded as `make run`
does, then every periodic task runs at each of its times in one IST day
(a Monday, so that the weekly ones run too)."""

import datetime as dt
import re

import core.notify_tasks
import core.report_jobs
import tasks
from blueprints.applications.models import Application
from core import clock
from core.notify import LINK, Notification, sms_fits, sms_parts

STEP = dt.timedelta(minutes=15)
EMAIL = re.compile(r"\S+@\S+")
# Three Latin words in a row, in lower case after the first: an English
# phrase. Codes (CSC10173, IST, SIP, AUR26-0003001-H) are not words here.
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,:]+[a-z]+){2,}\b")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def periodic_tasks():
    found = {}
    for module in (core.notify_tasks, core.report_jobs, *tasks.AREA_TASKS):
        for name in tasks.SCHEDULE:
            if hasattr(module, name):
                found[name] = getattr(module, name)
    assert set(found) == set(tasks.SCHEDULE)
    return found


def english_in(text: str) -> list[str]:
    return ENGLISH.findall(EMAIL.sub(" ", LINK.sub(" ", text)))


def run_a_day(app, move_clock, day: dt.date):
    found = periodic_tasks()
    crons = {name: task.task_class().validate_datetime for name, task in found.items()}
    moment = clock.from_ist(dt.datetime.combine(day, dt.time(0, 0)))
    end = moment + dt.timedelta(days=1)
    runs = dict.fromkeys(found, 0)
    last = {}
    with app.app_context():
        while moment < end:
            for name, task in found.items():
                # Every minute's and every five minutes' task once a STEP:
                # the outbox holds the same, in a tenth of the time.
                if crons[name](moment) and moment - last.get(name, moment - STEP) >= STEP:
                    move_clock(moment)
                    task.call_local()
                    runs[name] += 1
                    last[name] = moment
            moment += dt.timedelta(minutes=1)
    return runs


def test_a_day_of_the_demo_sends_officers_marathi_sms_within_their_budget(app, move_clock):
    app.config.pop("CLI_LOCALE", None)
    app.config.update(DEFAULT_LOCALE="mr", SMS_BUDGET_STRICT=False)
    app.config["PUBLIC_URL"] = "https://zila.aurangabad.gov.in"
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output[-3000:]
    monday = clock.today_ist() + dt.timedelta(days=7 - clock.today_ist().weekday())
    runs = run_a_day(app, move_clock, monday)
    assert all(runs.values()), runs  # every periodic task ran at least once

    with app.app_context():
        citizens = {m for (m,) in Application.select(Application.mobile).tuples()}
        sms = [
            n
            for n in Notification.select().where(Notification.channel == "sms")
            if n.recipient not in citizens
        ]
        assert len(sms) > 50  # alerts, tasks, MIS, directory, inspections, VC
        english = [(n.body, words) for n in sms if (words := english_in(n.body))]
        assert english == []
        assert [n.body for n in sms if not DEVANAGARI.search(n.body)] == []
        over = [(sms_parts(n.body), n.body) for n in sms if not sms_fits(n.body)]
        assert over == []
        # The e-mails to officers are in Marathi too.
        mails = Notification.select().where(Notification.channel == "email")
        assert [n.subject for n in mails if not DEVANAGARI.search(n.body)] == []
