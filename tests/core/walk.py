"""The access walk's values for the kernel's own routes: a finished report
job of the walking user (anonymous: an anonymous visitor's job)."""

import secrets

from core.report_jobs import ReportJob, file_of

# The report PDFs: each answers with the status page of its job.
REPORT_PDF_ENDPOINTS = frozenset(
    {
        "pendency.summary_pdf",
        "directory.pdf",
        "inspections.weekly_pdf",
        "masters.offices_pdf",
    }
)
PUBLIC_ENDPOINTS = {"report_jobs.status", "report_jobs.download"}


def walk_values(app, place, user):
    """One job per user and place: a walk that visits its routes twice
    compares the same pages."""
    made = place.__dict__.setdefault("report_job_walk", {})
    who = user.id if user is not None else None
    if who not in made:
        made[who] = _finished_job(app, who)
    return {"job_key": made[who]}


def _finished_job(app, owner_id) -> str:
    with app.app_context():
        job = ReportJob.create(
            key=secrets.token_urlsafe(16),
            kind="masters.offices",
            path="/masters/offices.pdf",
            locale="en",
            owner=owner_id,
            state="done",
            filename="offices.pdf",
            stored_name=f"{secrets.token_hex(16)}.pdf",
            size=9,
        )
        file_of(job).write_bytes(b"%PDF-1.7\n")
    return job.key
