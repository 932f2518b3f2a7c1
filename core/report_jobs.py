"""Report PDFs made in huey (GUIDE item 11): a PDF link starts a ReportJob
and answers with its status page, which polls until the file is ready.

A report is a function registered with @pdf_report(kind, template, title). It
reads request.args and current_user like the view it came from and returns
(filename, context). The task replays the request that asked for it (path,
query string, language, signed-in user) around that function, so the PDF is
the one the view used to render in the request, only made elsewhere.

The file lives in the instance folder while its row lives; rows older than
KEEP are deleted with their files by an hourly task."""

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
from flask import current_app, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user
from huey import crontab

from blueprints.accounts.models import User
from core import clock, storage
from core.db import BORROWED_CONNECTION, BaseModel
from core.i18n import current_language
from core.pdf import pdf_bytes
from core.periodic import scheduled
from core.queue import huey, in_app

UNFINISHED = ("queued", "running")
# A finished job's file is kept this long, for a second download.
KEEP = dt.timedelta(hours=24)
# A job unfinished after this long lost its consumer: it is marked failed.
STUCK = dt.timedelta(minutes=30)
# A second click on the same PDF while one is being made gets that one.
REUSE = dt.timedelta(minutes=10)


class ReportJob(BaseModel):
    """One report PDF asked for: the request to replay and the file it made."""

    key = pw.CharField(max_length=32, unique=True)  # in URLs: not guessable
    kind = pw.CharField(max_length=40)
    path = pw.CharField(max_length=200)
    query = pw.TextField(default="")
    locale = pw.CharField(max_length=5)
    owner = pw.ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    state = pw.CharField(max_length=10, default="queued")
    filename = pw.CharField(max_length=120, default="")
    stored_name = storage.StoredName("reports", max_length=80, default="")
    size = pw.IntegerField(default=0)
    created_at = pw.DateTimeField(default=clock.now)
    finished_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "report_job"
        indexes = ((("created_at",), False),)

    @property
    def report(self):
        return REPORTS.get(self.kind)

    @property
    def running(self) -> bool:
        return self.state in UNFINISHED

    def ahead(self) -> int:
        """Reports waiting or being made that were asked for before this one."""
        if self.state != "queued":
            return 0
        return (
            ReportJob.select()
            .where(ReportJob.state.in_(UNFINISHED) & (ReportJob.id < self.id))
            .count()
        )


@dataclass(frozen=True)
class Report:
    kind: str
    template: str
    title: object  # a lazy string: the status page is in the reader's language
    build: object


REPORTS: dict[str, Report] = {}


def pdf_report(kind: str, template: str, title):
    """Register a report; the decorated function gets .start(), the view's
    answer: a 303 to the status page of a new (or the same pending) job."""

    def wrap(build):
        REPORTS[kind] = Report(kind, template, title, build)
        build.start = lambda: start(kind)
        return build

    return wrap


def start(kind: str):
    owner = current_user.id if current_user.is_authenticated else None
    asked = {
        "kind": kind,
        "path": request.path[:200],
        "query": request.query_string.decode("utf-8", "replace"),
        "locale": current_language(),
    }
    pending = (
        ReportJob.select()
        .where(
            _owned_by(owner)
            & ReportJob.state.in_(UNFINISHED)
            & (ReportJob.created_at > clock.now() - REUSE)
            & (ReportJob.kind == asked["kind"])
            & (ReportJob.path == asked["path"])
            & (ReportJob.query == asked["query"])
            & (ReportJob.locale == asked["locale"])
        )
        .first()
    )
    job = pending or ReportJob.create(key=secrets.token_urlsafe(16), owner=owner, **asked)
    if pending is None:
        render_report(job.id)
    return redirect(url_for("report_jobs.status", job_key=job.key), 303)


def visible(job_key: str) -> ReportJob | None:
    """The job, for its owner only; an anonymous visitor's job (a public
    report) for anyone anonymous who has its key."""
    owner = current_user.id if current_user.is_authenticated else None
    return ReportJob.get_or_none((ReportJob.key == job_key[:32]) & _owned_by(owner))


def _owned_by(owner_id):
    return ReportJob.owner == owner_id if owner_id else ReportJob.owner.is_null()


def file_of(job: ReportJob) -> Path:
    return storage.path_in("reports", job.stored_name)


@huey.task()
def render_report(job_id: int):
    return in_app(run, job_id)


def run(job_id: int) -> None:
    """Make the PDF; a job that is not queued (a second delivery) is left be."""
    claimed = (
        ReportJob.update(state="running")
        .where((ReportJob.id == job_id) & (ReportJob.state == "queued"))
        .execute()
    )
    if not claimed:
        return
    job = ReportJob.get_by_id(job_id)
    try:
        filename, data = _replay(job)
        stored_name = f"{secrets.token_hex(16)}.pdf"
        storage.path_in("reports", stored_name).write_bytes(data)
    except Exception:  # the job must end failed, never stuck "running"
        _finish(job_id, "failed")
        raise
    _finish(job_id, "done", filename=filename[:120], stored_name=stored_name, size=len(data))


def _replay(job: ReportJob) -> tuple[str, bytes]:
    """The report's function and template in the request that asked for it."""
    report = job.report
    if report is None:
        raise LookupError(f"no report {job.kind!r}")
    app = current_app._get_current_object()
    # A fresh app context, so that the replayed sign-in (kept in g) never
    # leaks into the request that queued the job when huey runs it at once.
    with (
        app.app_context(),
        app.test_request_context(
            job.path,
            query_string=job.query,
            headers={"Cookie": f"lang={job.locale}"},
            base_url=app.config.get("PUBLIC_URL") or None,
            environ_overrides={BORROWED_CONNECTION: True},
        ),
    ):
        if job.owner_id is not None and not login_user(User.get_by_id(job.owner_id)):
            raise PermissionError("the job's owner can no longer sign in")
        filename, context = report.build()
        return filename, pdf_bytes(report.template, **context)


def _finish(job_id: int, state: str, **fields) -> None:
    ReportJob.update(state=state, finished_at=clock.now(), **fields).where(
        ReportJob.id == job_id
    ).execute()


def remove(query) -> int:
    """Delete the jobs of `query` and their files."""
    gone = 0
    for job in query:
        if job.stored_name:
            file_of(job).unlink(missing_ok=True)
        gone += ReportJob.delete().where(ReportJob.id == job.id).execute()
    return gone


@scheduled(crontab(minute="17"), _l("Delete old report PDFs"), _l("Every hour"))
def clean_report_jobs():
    """Old jobs go with their files; a job that lost its consumer fails, so
    that its page stops waiting."""
    now = clock.now()
    stuck = (
        ReportJob.update(state="failed", finished_at=now)
        .where(ReportJob.state.in_(UNFINISHED) & (ReportJob.created_at < now - STUCK))
        .execute()
    )
    gone = remove(ReportJob.select().where(ReportJob.created_at < now - KEEP))
    return {"deleted": gone, "stuck": stuck}
