"""Periodic tasks: how an area registers one (@scheduled), the record of
every run (TaskRun) that the administrator's page shows, and the lease that
keeps an exclusive task to one consumer at a time.

A task marked exclusive runs on one consumer at a time: its run is claimed
as a lease (a TaskRun row not yet finished, younger than the lease) inside
a write-locked transaction, so that a second consumer, or a second run the
same minute, is skipped and recorded as skipped. A crashed run's lease
runs out, so one crash never stops the task for good."""

import datetime as dt
import functools
import json
import zlib

import peewee as pw

from core import clock
from core.db import BaseModel, db, is_postgres, write_transaction
from core.queue import huey, in_app


class TaskRun(BaseModel):
    """One run of a periodic task: when, how long, and what came of it."""

    task = pw.CharField(max_length=60)
    started_at = pw.DateTimeField(default=clock.now)
    finished_at = pw.DateTimeField(null=True)
    ok = pw.BooleanField(null=True)  # None while running
    summary = pw.TextField(default="")

    class Meta:
        table_name = "task_run"
        indexes = ((("task", "id"), False),)


# Runs kept per task; older ones are dropped (a task that runs every minute
# would otherwise write half a million rows a year).
KEEP_RUNS = 200


def _lock_id(name: str) -> int:
    return zlib.crc32(f"zila-task:{name}".encode())


def claim(name: str, lease_seconds: int | None, now: dt.datetime | None = None) -> TaskRun | None:
    """Start a run of `name`; None when an exclusive run is under way."""
    now = now or clock.now()
    with write_transaction():
        if lease_seconds is not None:
            if is_postgres():
                # Serialises the check below between consumers on PostgreSQL;
                # SQLite's IMMEDIATE transaction already does.
                db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_lock_id(name),))
            busy = (
                TaskRun.select(TaskRun.id)
                .where(
                    (TaskRun.task == name)
                    & TaskRun.ok.is_null()
                    & (TaskRun.started_at > now - dt.timedelta(seconds=lease_seconds))
                )
                .exists()
            )
            if busy:
                TaskRun.create(
                    task=name,
                    started_at=now,
                    finished_at=now,
                    ok=True,
                    summary=json.dumps({"skipped": 1}),
                )
                return None
        return TaskRun.create(task=name, started_at=now)


def finish(run: TaskRun, ok: bool, summary) -> None:
    text = summary if isinstance(summary, str) else json.dumps(summary, default=str)
    TaskRun.update(finished_at=clock.now(), ok=ok, summary=text[:2000]).where(
        TaskRun.id == run.id
    ).execute()
    cutoff = (
        TaskRun.select(TaskRun.id)
        .where(TaskRun.task == run.task)
        .order_by(TaskRun.id.desc())
        .offset(KEEP_RUNS)
        .limit(1)
        .scalar()
    )
    if cutoff:
        TaskRun.delete().where((TaskRun.task == run.task) & (TaskRun.id <= cutoff)).execute()


def recorded(name: str, body, lease_seconds: int | None = None):
    """Run body() and record the run. An error is recorded and raised again
    (huey logs it). Needs an app context and a connection (core.queue.in_app)."""
    run = claim(name, lease_seconds)
    if run is None:
        return None
    try:
        result = body()
    except Exception as exc:
        finish(run, False, {"error": f"{type(exc).__name__}: {exc}"})
        raise
    finish(run, True, summarise(result))
    return result


def summarise(result) -> dict:
    """A small dict of counts for the page, whatever the task returned."""
    if isinstance(result, dict):
        return result
    if isinstance(result, list | tuple):
        counts = {}
        for item in result:
            counts[str(item)] = counts.get(str(item), 0) + 1
        return counts
    return {} if result is None else {"result": str(result)[:200]}


# Every periodic task, for the administrator's page (/alerts/tasks):
# name -> (what it does, when it runs). Filled as tasks.py imports the areas.
SCHEDULE = {}


def scheduled(cron, what, when, lease_seconds=None):
    """A periodic task whose every run is recorded (TaskRun). With
    lease_seconds it is exclusive: a run while another is under way, on
    this consumer or another, is skipped (recorded as skipped)."""

    def wrap(fn):
        SCHEDULE[fn.__name__] = (what, when)

        @functools.wraps(fn)
        def run():
            return in_app(recorded, fn.__name__, fn, lease_seconds)

        return huey.periodic_task(cron, name=fn.__name__)(run)

    return wrap
