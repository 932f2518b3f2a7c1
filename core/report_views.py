"""The status page of a report job (htmx polls it every 2 s; a refresh link
without JavaScript) and the download of its PDF, both for its owner only:
anyone else gets a 404, as for a job that does not exist."""

from flask import Blueprint, abort, current_app, send_file
from flask_login import current_user

from core import report_jobs
from core.access import public
from core.pdf import pdf_headers
from core.render import render
from core.security import limiter

bp = Blueprint("report_jobs", __name__)


def _anonymous_limit() -> str:
    return current_app.config.get("REPORT_JOB_RATE_LIMIT", "60 per minute")


# Public: an anonymous visitor follows the job of a public PDF (the
# directory). The key in the URL is random; the polling is limited.
job_limit = limiter.shared_limit(
    _anonymous_limit, scope="report_jobs", exempt_when=lambda: current_user.is_authenticated
)


def _job_or_404(job_key):
    job = report_jobs.visible(job_key)
    if job is None or job.report is None:
        abort(404)
    return job


@bp.route("/<job_key>")
@public
@job_limit
def status(job_key):
    job = _job_or_404(job_key)
    return render("report_jobs/status.html", "report_jobs/_status.html", job=job)


@bp.route("/<job_key>.pdf")
@public
@job_limit
def download(job_key):
    job = _job_or_404(job_key)
    path = report_jobs.file_of(job) if job.state == "done" else None
    if path is None or not path.is_file():
        abort(404)
    response = send_file(path, mimetype="application/pdf", max_age=0, conditional=False)
    pdf_headers(response, job.filename)
    return response
