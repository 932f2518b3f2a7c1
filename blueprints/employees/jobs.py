"""Import jobs: the uploaded file kept in core.storage's "imports" folder
while the job may still run (IMPORT_KEEP_SECONDS for a dry run not started),
the dry run recorded on the ImportJob, and the real run (a huey task)
reporting its progress on the same row."""

import datetime as dt
import hashlib
import json
import secrets

from flask import current_app

from blueprints.employees import importer
from blueprints.employees.models import ImportJob
from core import clock, storage


def _store(data: bytes) -> str:
    name = f"{secrets.token_hex(16)}.upload"
    storage.path_in("imports", name).write_bytes(data)
    return name


def expire_dry_runs(now: dt.datetime | None = None) -> int:
    """A dry run not started within IMPORT_KEEP_SECONDS can no longer be:
    its file (the register's personal data) goes."""
    cutoff = (now or clock.now()) - dt.timedelta(seconds=current_app.config["IMPORT_KEEP_SECONDS"])
    stale = (ImportJob.state == "checked") & (ImportJob.stored_name != "")
    stale &= ImportJob.created_at < cutoff
    names = [name for (name,) in ImportJob.select(ImportJob.stored_name).where(stale).tuples()]
    ImportJob.update(stored_name="").where(stale & ImportJob.stored_name.in_(names)).execute()
    return storage.remove_unreferenced("imports", names)


def dry_run(kind: str, data: bytes, original_name: str, actor_id) -> ImportJob:
    """Check the file and record what a real run would do. A refused file
    gets a failed job with the reason; nothing of it is kept."""
    job = ImportJob(kind=kind, original_name=(original_name or "")[:200], created_by=actor_id)
    job.sha256 = hashlib.sha256(data).hexdigest()
    try:
        plan = importer.check(kind, data)
    except importer.Refused as refused:
        job.state = "failed"
        job.error = json.dumps(refused.args[0], ensure_ascii=False)
        job.finished_at = clock.now()
        job.save()
        return job
    _fill(job, plan)
    job.state = "checked"
    if not plan.refused:
        job.stored_name = _store(data)
    job.save()
    return job


def _fill(job: ImportJob, plan: importer.Plan) -> None:
    job.total = plan.total
    job.created = plan.count("created")
    job.changed = plan.count("changed")
    job.unchanged = plan.count("unchanged")
    job.refused = plan.refused
    job.report_json = json.dumps(plan.report(), ensure_ascii=False)


def queue(job: ImportJob) -> bool:
    """Start the real run of a clean dry run; False when it cannot run."""
    updated = (
        ImportJob.update(state="queued", done=0)
        .where((ImportJob.id == job.id) & (ImportJob.state == "checked") & (ImportJob.refused == 0))
        .where(ImportJob.stored_name != "")
        .execute()
    )
    if not updated:
        return False
    from blueprints.employees.tasks import run_import

    run_import(job.id)
    return True


def run(job_id: int) -> None:
    """The real run. Progress is committed as rows are checked; the writes
    themselves happen in one transaction at the end (importer.apply)."""
    job = ImportJob.get_or_none(ImportJob.id == job_id)
    if job is None or job.state != "queued":
        return
    ImportJob.update(state="running").where(ImportJob.id == job.id).execute()
    path = storage.path_in("imports", job.stored_name)
    try:
        data = path.read_bytes()
        # A first pass outside the write transaction shows progress; the
        # transaction re-checks every row against what is committed by then.
        importer.check(job.kind, data, progress=lambda i, n: _progress(job.id, i, n))
        plan = importer.apply(job.kind, data, job.created_by_id)
    except importer.NotAllowed as refused:
        _finish(job, "failed", refused.args[0])
    except importer.Refused as refused:
        job.error = json.dumps(refused.args[0], ensure_ascii=False)
        _finish(job, "failed", None)
    except Exception as error:  # the job must end failed, never stuck "running"
        job.error = json.dumps(["bad_xlsx", {"error": type(error).__name__}])
        _finish(job, "failed", None)
        raise
    else:
        _finish(job, "done", plan)


def _progress(job_id: int, done: int, total: int) -> None:
    ImportJob.update(done=done, total=total).where(ImportJob.id == job_id).execute()


def _finish(job: ImportJob, state: str, plan) -> None:
    fresh = ImportJob.get_by_id(job.id)
    if plan is not None:
        _fill(fresh, plan)
    fresh.state = state
    fresh.error = job.error or fresh.error
    fresh.done = fresh.total if state == "done" else fresh.done
    fresh.finished_at = clock.now()
    name, fresh.stored_name = fresh.stored_name, ""
    fresh.save()
    storage.remove_unreferenced("imports", [name])


def error_message(job: ImportJob) -> str:
    return importer.say(json.loads(job.error)) if job.error else ""
