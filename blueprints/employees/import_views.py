"""Import pages: upload a file (a dry run at once), read its report, start
the real run, and watch it (htmx polls every 2 s; a refresh link without JS)."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from blueprints.employees import bp, importer, jobs
from blueprints.employees import register as reg
from blueprints.employees.forms import ImportForm
from blueprints.employees.importer import CLEAR, EMPLOYEE_COLUMNS, POST_COLUMNS, say
from blueprints.employees.models import IMPORT_KINDS, ImportJob
from core import downloads
from core.access import get_scoped_or_404, requires
from core.audit import record
from core.db import page_of
from core.render import page_arg, render
from core.security import bad_request

REPORT_PAGE = 100


def _list_page(form, status=200, refusal=None):
    page = page_arg()
    recent, has_next = page_of(ImportJob.select().order_by(ImportJob.id.desc()), page, 20)
    return render(
        "employees/imports.html",
        status=status,
        form=form,
        refusal=refusal,
        jobs=recent,
        page=page,
        has_next=has_next,
        args={},
        employee_columns=EMPLOYEE_COLUMNS,
        post_columns=POST_COLUMNS,
        clear=Markup('<code translate="no">{}</code>').format(CLEAR),
        kinds=IMPORT_KINDS,
    )


@bp.route("/imports", methods=["GET", "POST"])
@requires(*reg.IMPORT_ROLES)
def imports():
    if request.method == "GET":
        return _list_page(ImportForm(formdata=None))
    form = ImportForm(formdata=request.form)
    upload = request.files.get("file")
    if not form.validate():
        return _list_page(form, 400)
    if upload is None or not upload.filename:
        form.file.errors = [_("Choose a CSV or Excel (XLSX) file.")]
        return _list_page(form, 400)
    data = upload.read()
    job = jobs.dry_run(form.kind.data, data, upload.filename, current_user.id)
    record("employees.import_checked", "import_job", job.id, kind=job.kind, rows=job.total)
    if job.state == "failed":
        return _list_page(form, 400, refusal=jobs.error_message(job))
    return redirect(url_for("employees.import_job", job_id=job.id), 303)


@bp.route("/imports/<int:job_id>")
@requires(*reg.IMPORT_ROLES)
def import_job(job_id):
    job = get_scoped_or_404(ImportJob.select(), job_id)
    page = page_arg()
    report = job.report
    personal = current_user.role in reg.PERSONAL_ROLES
    rows = report[(page - 1) * REPORT_PAGE : page * REPORT_PAGE]
    return render(
        "employees/import_job.html",
        "employees/_job_status.html",
        job=job,
        rows=[
            (no, outcome, code, [say(m, personal) for m in messages])
            for no, outcome, code, messages in rows
        ],
        page=page,
        has_next=len(report) > page * REPORT_PAGE,
        args={},
        error=jobs.error_message(job),
    )


@bp.route("/imports/<int:job_id>/run", methods=["POST"])
@requires(*reg.IMPORT_ROLES)
def import_run(job_id):
    job = get_scoped_or_404(ImportJob.select(), job_id)
    if not jobs.queue(job):
        flash(_("This file cannot be imported: fix the refused rows and upload it again."), "error")
        return redirect(url_for("employees.import_job", job_id=job.id), 303)
    record("employees.import_started", "import_job", job.id, kind=job.kind)
    return redirect(url_for("employees.import_job", job_id=job.id), 303)


@bp.route("/imports/template")
@requires(*reg.IMPORT_ROLES)
def import_template():
    """The file to fill in: the heading row and an example row, as CSV or as
    XLSX with each column's note as a comment on its heading."""
    kind = request.args.get("kind", "employees")
    fmt = request.args.get("format", "xlsx")
    if kind not in IMPORT_KINDS or fmt not in ("csv", "xlsx"):
        return bad_request(_("Choose a kind of import and CSV or Excel."))
    table = importer.template_table(kind)
    name = f"zila-import-{kind}"
    if fmt == "csv":
        return downloads.download(downloads.to_csv(table), "text/csv", f"{name}.csv")
    notes = importer.template_notes(kind)

    def finish(sheet, header, body, extra):
        from openpyxl.comments import Comment

        for index, column in enumerate(header, start=1):
            if column in notes:
                sheet.cell(row=1, column=index).comment = Comment(notes[column], "Zila")

    data = downloads.to_xlsx([(str(IMPORT_KINDS[kind]), table)], name, finish)
    return downloads.download(data, downloads.XLSX_MIMETYPE, f"{name}.xlsx")
