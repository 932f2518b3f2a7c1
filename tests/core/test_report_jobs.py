"""Report PDFs made in huey: the link answers with a status page that polls
until the file is ready, the file is its owner's only, and old jobs leave
with their files."""

import datetime as dt
import secrets
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest

from core import clock, report_jobs
from core.db import db
from core.report_jobs import ReportJob, clean_report_jobs, file_of
from tests.helpers import DOWNLOAD_RE, report_pdf
from tests.test_budget import PAGE_BUDGET, gzipped_size

OFFICES = "/masters/offices.pdf"


def pdf_text(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def queued_job(app, owner, **fields) -> ReportJob:
    """A job that huey has not run yet (as with a busy consumer)."""
    with app.app_context():
        return ReportJob.create(
            key=secrets.token_urlsafe(16),
            owner=owner.id if owner else None,
            **{"kind": "masters.offices", "path": OFFICES, "locale": "en", **fields},
        )


def test_the_pdf_link_gives_a_page_that_links_the_finished_pdf(login_as, tmp_path):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    started = browser.get(OFFICES)
    assert started.status_code == 303
    page = browser.get(started.location)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h1>Offices</h1>" in body
    assert "data-hx-get" not in body  # done: nothing left to poll
    link = DOWNLOAD_RE.search(body).group(1)
    pdf = browser.get(link)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"] == 'inline; filename="offices.pdf"'
    assert pdf.data.startswith(b"%PDF")
    assert "Offices of Aurangabad district" in pdf_text(pdf.data, tmp_path)


def test_another_user_gets_404_for_the_status_and_the_file(login_as, client):
    owner = login_as("district_manager")
    started = owner.get(OFFICES)
    status_url = urlsplit(started.location).path
    file_url = DOWNLOAD_RE.search(owner.get(status_url).get_data(as_text=True)).group(1)
    assert owner.get(file_url).status_code == 200
    other = login_as("district_manager", username="another-manager")
    assert other.get(status_url).status_code == 404
    assert other.get(file_url).status_code == 404
    assert client.get(status_url).status_code == 404  # anonymous, with the key
    assert client.get(file_url).status_code == 404


def test_an_anonymous_visitor_follows_the_public_directory_pdf(client, login_as, tmp_path):
    pdf = report_pdf(client, "/directory/directory.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    # A signed-in user is not the anonymous visitor who asked for it.
    started = client.get("/directory/directory.pdf")
    assert login_as("gp_staff").get(started.location).status_code == 404


def test_without_javascript_the_waiting_page_has_a_refresh_link(app, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    first = queued_job(app, browser.user)
    job = queued_job(app, browser.user)
    page = browser.get(f"/report-jobs/{job.key}")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'<a href="/report-jobs/{job.key}">Refresh</a>' in body
    assert f'data-hx-get="/report-jobs/{job.key}" data-hx-trigger="every 2s"' in body
    assert "1 report is ahead of it." in body
    assert ".pdf" not in body.split('id="report-job"', 1)[1]  # no file yet
    assert browser.get(f"/report-jobs/{job.key}.pdf").status_code == 404
    # htmx polls the fragment alone.
    fragment = browser.get(f"/report-jobs/{job.key}", headers={"HX-Request": "true"})
    assert fragment.get_data(as_text=True).startswith('<div id="report-job"')
    assert len(fragment.data) < 2048
    with app.app_context():
        ReportJob.update(state="running").where(ReportJob.id == first.id).execute()
        ReportJob.create(
            key=secrets.token_urlsafe(16), kind="masters.offices", path=OFFICES, locale="en"
        )
    assert "reports are ahead" not in browser.get(f"/report-jobs/{job.key}").get_data(as_text=True)


AHEAD = {
    "hi": ("इससे पहले 1 रिपोर्ट बन रही है।", "इससे पहले 2 रिपोर्टें बन रही हैं।"),
    "mr": ("हिच्या आधी 1 अहवाल तयार होत आहे.", "हिच्या आधी 2 अहवाल तयार होत आहेत."),
}


@pytest.mark.parametrize("lang", ["hi", "mr"])
def test_the_waiting_page_counts_in_the_readers_language(lang, app, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", lang)
    jobs = [queued_job(app, browser.user) for _ in range(3)]
    one, two = AHEAD[lang]
    assert one in browser.get(f"/report-jobs/{jobs[1].key}").get_data(as_text=True)
    body = browser.get(f"/report-jobs/{jobs[2].key}").get_data(as_text=True)
    assert two in body and "Refresh" not in body and "ahead" not in body


@pytest.mark.parametrize("lang", ["en", "mr"])
def test_the_status_pages_fit_the_first_round_trip(lang, app, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", lang)
    waiting = queued_job(app, browser.user)
    done = urlsplit(browser.get(OFFICES).location).path
    for url in (f"/report-jobs/{waiting.key}", done):
        html = browser.get(url, headers={"Accept-Encoding": "identity"}).get_data()
        assert gzipped_size(html) <= PAGE_BUDGET, url


def test_a_second_click_while_it_is_made_gets_the_same_job(app, login_as, monkeypatch):
    monkeypatch.setattr(report_jobs, "render_report", lambda job_id: None)  # a busy consumer
    browser = login_as("district_manager")
    first = browser.get(OFFICES).location
    assert browser.get(OFFICES).location == first
    assert browser.get(OFFICES + "?x=1").location != first  # another request, another job
    other = login_as("district_manager", username="another-manager")
    assert other.get(OFFICES).location != first


def test_the_consumer_makes_the_pdf_outside_any_request(app, login_as, tmp_path):
    """As huey_consumer runs it: an app context, no request, the asker's language."""
    browser = login_as("block_officer")
    english = queued_job(app, browser.user)
    marathi = queued_job(app, browser.user, locale="mr")
    with app.app_context(), db.connection_context():
        report_jobs.run(english.id)
        report_jobs.run(marathi.id)
        english, marathi = (ReportJob.get_by_id(j.id) for j in (english, marathi))
        data = file_of(english).read_bytes()
        local = pdf_text(file_of(marathi).read_bytes(), tmp_path)
    assert (english.state, english.filename, english.size) == ("done", "offices.pdf", len(data))
    text = pdf_text(data, tmp_path)
    assert "Panchayat Samiti Paithan" in text and "Panchayat Samiti Kannad" not in text
    assert "औरंगाबाद" in local and "Panchayat Samiti Paithan" not in local


def test_a_job_that_cannot_be_made_ends_failed(app, login_as):
    browser = login_as("district_manager")
    browser.set_cookie("lang", "en")
    job = queued_job(app, browser.user)
    with app.app_context(), db.connection_context():
        ReportJob.update(kind="masters.nothing").where(ReportJob.id == job.id).execute()
        with pytest.raises(LookupError):
            report_jobs.run(job.id)
        ReportJob.update(kind="masters.offices").where(ReportJob.id == job.id).execute()
        assert ReportJob.get_by_id(job.id).state == "failed"
    body = browser.get(f"/report-jobs/{job.key}").get_data(as_text=True)
    assert "could not be made" in body and "data-hx-get" not in body


def test_old_jobs_leave_with_their_files_and_lost_ones_fail(app, login_as):
    browser = login_as("district_manager")
    old = urlsplit(browser.get(OFFICES).location).path.rsplit("/", 1)[1]
    fresh = urlsplit(browser.get(OFFICES + "?fresh=1").location).path.rsplit("/", 1)[1]
    lost = queued_job(app, browser.user)
    with app.app_context(), db.connection_context():
        day_ago = clock.now() - dt.timedelta(hours=25)
        ReportJob.update(created_at=day_ago).where(ReportJob.key == old).execute()
        ReportJob.update(created_at=clock.now() - dt.timedelta(hours=1)).where(
            ReportJob.id == lost.id
        ).execute()
        old_file = file_of(ReportJob.get(ReportJob.key == old))
        assert old_file.is_file()
        assert clean_report_jobs.call_local() == {"deleted": 1, "stuck": 1}
        assert not old_file.exists()
        assert not ReportJob.select().where(ReportJob.key == old).exists()
        assert file_of(ReportJob.get(ReportJob.key == fresh)).is_file()
        assert ReportJob.get_by_id(lost.id).state == "failed"
