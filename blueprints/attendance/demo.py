"""A month of demo punches for every employee in service: mostly on time,
a few who come late most days (the late-comers list), some half days,
forgotten out-punches, absences and leave records, over the last 30 days
to yesterday (IST), skipping the days the district's calendar closes
(core.workdays). Inserted in batches: a few seconds for thousands of people."""

import datetime as dt
import random

from blueprints.attendance.models import Leave, Punch, PunchImport
from blueprints.employees.models import Employee
from core import clock
from core.db import db
from core.workdays import closed_days

SEED = 714
DAYS = 30
BATCH = 1000


def _midnights(days) -> dict:
    """Day -> (naive UTC of its IST midnight, the day as text)."""
    return {d: (clock.ist_day_start(d), d.isoformat()) for d in days}


def seed_demo(echo=None) -> int:
    if Punch.select().exists():
        return 0
    rng = random.Random(SEED)
    last = clock.today_ist() - dt.timedelta(days=1)
    first = last - dt.timedelta(days=DAYS - 1)
    closed = closed_days(first, last)
    working = [first + dt.timedelta(days=n) for n in range(DAYS)]
    working = [d for d in working if d not in closed]
    people = list(
        Employee.select(Employee.id).where(Employee.status.in_(("working", "on_leave"))).tuples()
    )
    midnight = _midnights(working)
    minute = [dt.timedelta(minutes=m) for m in range(24 * 60)]
    rows, leaves = [], []
    with db.atomic():
        batch = PunchImport.create(
            original_name="demo-device-export.csv", sha256="0" * 64, first_day=first, last_day=last
        )
        for (emp,) in people:
            habit = rng.random()
            late_prob = 0.6 if habit < 0.05 else (0.12 if habit < 0.3 else 0.03)
            on_leave = set()
            if rng.random() < 0.08 and len(working) > 5:
                start = rng.randrange(len(working) - 3)
                span = working[start : start + rng.randint(1, 3)]
                on_leave = set(span)
                leaves.append(
                    {
                        "employee": emp,
                        "from_date": span[0],
                        "to_date": span[-1],
                        "kind": rng.choice(("casual", "casual", "earned", "medical")),
                        "note": "",
                        "created_at": clock.now(),
                    }
                )
            for day in working:
                if day in on_leave or rng.random() < 0.03:  # on leave, or absent
                    continue
                arrive = 9 * 60 + 40 + rng.randint(0, 28)  # 09:40-10:08
                if rng.random() < late_prob:
                    arrive = 10 * 60 + 12 + rng.randint(0, 70)  # 10:12-11:22
                leave = 17 * 60 + 45 + rng.randint(0, 75)  # 17:45-19:00
                if rng.random() < 0.03:  # left at lunch: half a day
                    leave = 12 * 60 + 30 + rng.randint(0, 60)
                base, day_text = midnight[day]
                rows.append((emp, str(base + minute[arrive]), day_text, batch.id))
                if rng.random() > 0.015:  # now and then no out-punch
                    rows.append((emp, str(base + minute[leave]), day_text, batch.id))
        _insert(rows)
        for start in range(0, len(leaves), BATCH):
            Leave.insert_many(leaves[start : start + BATCH]).execute()
        total = Punch.select().count()
        batch.rows = batch.added = total
        batch.save()
    if echo:
        echo(f"attendance: {total} punches of {len(people)} employees, {len(leaves)} leave records")
    return total


def _insert(rows: list) -> None:
    """One prepared INSERT run over all rows: peewee's insert_many would
    build and convert ~200,000 values one by one. The values are already
    in the stored form (naive UTC text, ISO day)."""
    p = db.param
    sql = f"INSERT INTO punch (employee_id, punched_at, day, batch_id) VALUES ({p}, {p}, {p}, {p})"
    cursor = db.cursor()
    for start in range(0, len(rows), 20_000):
        cursor.executemany(sql, rows[start : start + 20_000])
