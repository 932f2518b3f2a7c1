"""Demo tasks: given by the collector, the CDO, the Paithan tahsildar and the
BDO to employees of their offices, some still open, some overdue, some done
(the Paithan clerk's own "My tasks" has all three kinds). No SMS is sent:
the daily run sends them."""

import datetime as dt
import random

from blueprints.accounts.models import User
from blueprints.assignments.models import Task, TaskAssignee
from blueprints.assignments.services import assignable_employees, create_task, mark_done
from blueprints.employees.models import Employee
from core import clock

SEED = 713
TITLES = [
    "Send the monthly MIS of Aaple Sarkar services",
    "Clear the pending income certificate applications",
    "Verify the ration card beneficiary list",
    "Submit the DBT seeding progress report",
    "Update the land records mutation register",
    "Prepare the flood preparedness plan",
    "Reply to the RTI application on NREGA works",
    "Send the court case status to the collectorate",
    "Complete the PM-KISAN e-KYC drive in the villages",
    "Repair the VC equipment and report",
    "Submit the DCPS pension proposals",
    "Inspect the CSCs with overdue applications",
    "File the utilisation certificate of the 15th Finance Commission grant",
    "Update the voter list correction forms",
    "Send the drought relief beneficiary list",
    "Put up the citizen charter board",
]
REMARKS = ["Sent by email", "Submitted in the portal", "Done, file put up", "Report sent", ""]
# username -> how many tasks they give.
GIVERS = {
    "collector": 12,
    "cdo": 10,
    "tahsildar.paithan": 14,
    "bdo.paithan": 10,
    "clerk.paithan": 4,
}


def _noon(day: dt.date) -> dt.datetime:
    """Noon IST of `day` as stored."""
    return clock.from_ist(dt.datetime.combine(day, dt.time(12)))


def seed_demo(echo=None) -> int:
    if TaskAssignee.select().exists():
        return 0
    rng = random.Random(SEED)
    today = clock.today_ist()
    made = 0
    clerk = User.get_or_none(User.username == "clerk.paithan")
    own = Employee.get_or_none(Employee.user == clerk.id) if clerk else None
    for username, count in GIVERS.items():
        giver = User.get_or_none(User.username == username)
        if giver is None:
            continue
        pool = list(assignable_employees(giver).order_by(Employee.id).limit(400))
        if not pool:
            continue
        for n in range(count):
            people = rng.sample(pool, min(len(pool), rng.choice((1, 1, 1, 2, 3))))
            if own is not None and username == "tahsildar.paithan" and n < 4:
                people = [own] + [p for p in people if p.id != own.id][:1]
            due = today + dt.timedelta(days=rng.randint(-12, 14))
            task = create_task(
                giver,
                rng.choice(TITLES),
                people,
                due,
                rng.choice(("normal", "normal", "high", "urgent", "low")),
            )
            made += 1
            # Given some days before it is due, not all today.
            given = min(today, due - dt.timedelta(days=rng.randint(3, 15)))
            Task.update(created_at=_noon(given)).where(Task.id == task.id).execute()
            # Older tasks are mostly done; the rest stay open (overdue when past).
            for part in TaskAssignee.select().where(TaskAssignee.task == task.id):
                if (due < today and rng.random() < 0.55) or (due >= today and rng.random() < 0.15):
                    mark_done(part, rng.choice(REMARKS), actor=part.employee.user or giver)
                    done = given + dt.timedelta(days=rng.randint(0, max(0, (today - given).days)))
                    TaskAssignee.update(done_at=_noon(done)).where(
                        TaskAssignee.id == part.id
                    ).execute()
    if echo:
        echo(f"assignments: {made} demo tasks")
    return made
