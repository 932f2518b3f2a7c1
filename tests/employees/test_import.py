"""Import of employees and sanctioned posts: a dry run that reports every
row and writes nothing, a real run that is all or nothing and idempotent,
and refusal of files that are not plain CSV / single-sheet XLSX values."""

import io
import json

import pytest
from openpyxl import Workbook

from blueprints.employees import importer
from blueprints.employees.models import Employee, EmployeeKey, ImportJob, Posting, SanctionedPost
from blueprints.employees.register import Filters, search

HEADER = (
    "code,name_en,name_local,designation,office,status,date_of_birth,joined_on,"
    "mobile_official,email_official,mobile_personal,address,order_no,order_date,from_date\n"
)
GOOD = HEADER + (
    "E101,Ramesh Jadhav,रमेश जाधव,CLK,TO0,working,15-03-1975,01-07-1999,9876500001,"
    'ramesh@example.gov.in,9876500002,"5, Main Road",,,\n'
    "E102,Meena Pawar,मीना पवार,TLT,TO1,,1990-12-01,2015-02-16,,,,,,,\n"
)
BAD = HEADER + (
    "E201,Vijay More,विजय मोरे,CLK,NOPE,working,15-03-1975,01-07-1999,,,,,,,\n"
    "E202,Anil Kale,,CLK,TO0,working,31-02-1975,01-07-1999,,,,,,,\n"
    "E203,अनिल काळे,,CLK,TO0,working,15-03-1975,01-07-1999,,,,,,,\n"
    "E204,Asha Wagh,,CLK,TO0,working,15-03-1975,01-07-1999,,,,,,,\n"
    "E204,Asha Wagh,,CLK,TO0,working,15-03-1975,01-07-1999,,,,,,,\n"
    "E205,Kavita Mane,,CLK,TO0,working,15-03-1975,01-07-1999,,,,,EST/1,01-01-1998,02-01-1998\n"
    "E206,Nitin Joshi,,XYZ,TO0,working,15-03-1975,01-07-1999,12345,,,,,,\n"
)


def _check(kind, text):
    return importer.check(kind, text.encode() if isinstance(text, str) else text)


def _reasons(plan):
    return {
        (no, outcome): " ".join(importer.say(m) for m in msgs)
        for no, outcome, _, msgs, _ in plan.rows
    }


def test_dry_run_reports_each_row_and_writes_nothing(ctx, staff):
    plan = _check("employees", GOOD)
    assert [(r[0], r[1], r[2]) for r in plan.rows] == [
        (2, "created", "E101"),
        (3, "created", "E102"),
    ]
    assert Employee.select().count() == 3  # only the fixture's


def test_dry_run_names_why_each_row_is_refused(ctx, staff):
    reasons = _reasons(_check("employees", BAD))
    assert "Unknown office code NOPE" in reasons[(2, "refused")]
    assert "date_of_birth is not a date: 31-02-1975" in reasons[(3, "refused")]
    assert "name_en must be in Latin letters" in reasons[(4, "refused")]
    assert (5, "created") in reasons
    assert "Employee code E204 is also on row 5" in reasons[(6, "refused")]
    assert "dated before joining" in reasons[(7, "refused")]
    assert "Unknown designation code XYZ" in reasons[(8, "refused")]
    assert "10-digit mobile" in reasons[(8, "refused")]


def test_the_real_run_is_all_or_nothing(ctx, staff):
    with pytest.raises(importer.NotAllowed):
        importer.apply("employees", BAD.encode())
    assert Employee.select().count() == 3
    assert Posting.select().count() == 0


def test_a_failure_half_way_leaves_nothing(ctx, staff, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "set_search_keys_many", boom)
    with pytest.raises(RuntimeError):
        importer.apply("employees", GOOD.encode())
    assert Employee.select().where(Employee.code.in_(["E101", "E102"])).count() == 0
    assert Posting.select().count() == 0


def test_import_creates_then_the_same_file_changes_nothing(ctx, staff):
    plan = importer.apply("employees", GOOD.encode())
    assert (plan.count("created"), plan.refused) == (2, 0)
    ramesh = Employee.get(Employee.code == "E101")
    assert ramesh.office_id == staff.office0.id and ramesh.mobile_personal == "9876500002"
    assert str(ramesh.retires_on) == "2033-03-31"  # 58 in March 2033, last day of the month
    assert [e.code for e in search(Filters(q="जाधव"))] == ["E101"]
    before = [(e.code, e.updated_at) for e in Employee.select().order_by(Employee.id)]
    counts = (Posting.select().count(), EmployeeKey.select().count())
    again = importer.apply("employees", GOOD.encode())
    assert (again.count("unchanged"), again.count("created"), again.count("changed")) == (2, 0, 0)
    assert [(e.code, e.updated_at) for e in Employee.select().order_by(Employee.id)] == before
    assert (Posting.select().count(), EmployeeKey.select().count()) == counts


def test_a_changed_row_and_a_transfer_append_history(ctx, staff):
    importer.apply("employees", GOOD.encode())
    moved = GOOD.replace(
        "E102,Meena Pawar,मीना पवार,TLT,TO1,,1990-12-01,2015-02-16,,,,,,,",
        "E102,Meena Pawar,मीना पवार,TLT,TO0,,1990-12-01,2015-02-16,9800011111,,,,EST/7/2025,"
        "01-06-2025,10-06-2025",
    )
    plan = importer.check("employees", moved.encode())
    reasons = _reasons(plan)
    assert "Changes: mobile_official" in reasons[(3, "changed")]
    assert "Transfer to Tehsil Office Paithan" in reasons[(3, "changed")]
    importer.apply("employees", moved.encode())
    meena = Employee.get(Employee.code == "E102")
    rows = list(Posting.select().where(Posting.employee == meena).order_by(Posting.from_date))
    assert [(p.office_id, p.order_no) for p in rows] == [
        (staff.office1.id, ""),
        (staff.office0.id, "EST/7/2025"),
    ]
    assert meena.office_id == staff.office0.id
    # Importing it again changes nothing, and adds no posting.
    assert importer.apply("employees", moved.encode()).count("unchanged") == 2
    assert Posting.select().where(Posting.employee == meena).count() == 2


def test_a_move_without_an_order_is_refused(ctx, staff):
    importer.apply("employees", GOOD.encode())
    moved = GOOD.replace(",TLT,TO1,", ",TLT,TO0,")
    assert "give order_no and from_date" in _reasons(_check("employees", moved))[(3, "refused")]


def _xlsx(rows, extra_sheet=False):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet("Notes")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_is_read_and_formulas_or_extra_sheets_are_refused(ctx, staff):
    rows = [["office", "designation", "sanctioned"], ["TO0", "CLK", 4], ["TO1", "TLT", 2]]
    plan = importer.apply("posts", _xlsx(rows))
    assert (plan.count("changed"), plan.count("created")) == (1, 1)
    assert SanctionedPost.get(office=staff.office0.id, designation=staff.clerk.id).sanctioned == 4
    assert importer.apply("posts", _xlsx(rows)).count("unchanged") == 2
    with pytest.raises(importer.Refused) as refused:
        importer.check("posts", _xlsx([*rows, ["TO0", "TLT", "=1+1"]]))
    assert importer.say(refused.value.args[0]) == (
        "Sheet Sheet, row 4, column C holds a formula. Upload values only."
    )
    with pytest.raises(importer.Refused) as refused:
        importer.check("posts", _xlsx(rows, extra_sheet=True))
    assert "one sheet; it has 2 (Sheet, Notes)" in importer.say(refused.value.args[0])


def test_files_are_recognised_by_content(ctx, staff):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    zipped = b"PK\x03\x04" + b"\x00" * 64
    for data in (png, zipped, b"just a line of prose\n", "नमस्ते".encode("utf-16")):
        with pytest.raises(importer.Refused):
            importer.check("employees", data)
    with pytest.raises(importer.Refused) as refused:
        importer.check("employees", b"code,name\nE1,X\n")
    assert "Unknown columns in the heading row: name" in importer.say(refused.value.args[0])


# --- through the pages -----------------------------------------------------------


def _upload(browser, kind, data, name):
    return browser.form_post(
        "/employees/imports",
        data={"kind": kind, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_a_dry_run_not_started_in_time_loses_its_file(app, staff, login_as, instance_here):
    """The file holds personal data of the register: it is kept only while
    the dry run may still be started."""
    import datetime as dt
    import os
    import time

    from blueprints.employees.tasks import sweep_imports
    from core import clock
    from core.db import db

    hr = login_as("establishment")
    stale = _upload(hr, "employees", GOOD.encode(), "old.csv").location
    fresh = _upload(hr, "employees", GOOD.encode(), "new.csv").location
    keep = app.config["IMPORT_KEEP_SECONDS"]
    with app.app_context(), db.connection_context():
        old_job, new_job = ImportJob.select().order_by(ImportJob.id)
        ImportJob.update(created_at=clock.now() - dt.timedelta(seconds=keep + 60)).where(
            ImportJob.id == old_job.id
        ).execute()
    old_file = instance_here / old_job.stored_name
    then = time.time() - keep - 60
    os.utime(old_file, (then, then))
    orphan = instance_here / ("c" * 32 + ".upload")
    orphan.write_bytes(b"code\n")
    os.utime(orphan, (then, then))
    with app.app_context(), db.connection_context():
        sweep_imports()
        assert ImportJob.get_by_id(old_job.id).stored_name == ""
        assert ImportJob.get_by_id(new_job.id).stored_name == new_job.stored_name
    assert sorted(p.name for p in instance_here.iterdir()) == [new_job.stored_name]
    assert "Import now" not in hr.get(stale).get_data(as_text=True)
    assert "Import now" in hr.get(fresh).get_data(as_text=True)


def test_upload_dry_run_then_run_in_the_task(app, staff, login_as, instance_here):
    hr = login_as("establishment")
    response = _upload(hr, "employees", GOOD.encode(), "staff.csv")
    assert response.status_code == 303
    job_url = response.location
    page = hr.get(job_url).get_data(as_text=True)
    assert "To create: 2" in page and "Import now" in page
    with app.app_context():
        job = ImportJob.select().order_by(ImportJob.id.desc()).first()
        assert job.state == "checked" and (instance_here / job.stored_name).exists()
        assert Employee.select().count() == 3
    ran = hr.form_post(job_url, job_url + "/run")
    assert ran.status_code == 303
    with app.app_context():
        job = ImportJob.get_by_id(job.id)
        assert (job.state, job.created, job.done, job.total) == ("done", 2, 2, 2)
        assert job.stored_name == "" and list(instance_here.iterdir()) == []
        assert Employee.select().count() == 5
    status = hr.get(job_url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert status.lstrip().startswith('<div id="job-status"') and "Created: 2" in status
    # A second run of the same job is refused.
    again = hr.form_post("/employees/imports", job_url + "/run")
    assert again.status_code == 303
    with app.app_context():
        assert Employee.select().count() == 5


def test_a_running_job_polls_every_two_seconds(app, staff, login_as):
    hr = login_as("establishment")
    with app.app_context():
        job = ImportJob.create(kind="employees", state="running", total=1000, done=250)
    page = hr.get(f"/employees/imports/{job.id}").get_data(as_text=True)
    assert 'data-hx-trigger="every 2s"' in page and 'value="25"' in page
    assert "Refresh" in page  # the link without JS


def test_a_file_with_refused_rows_cannot_be_run(app, staff, login_as):
    hr = login_as("establishment")
    response = _upload(hr, "employees", BAD.encode(), "bad.csv")
    page = hr.get(response.location).get_data(as_text=True)
    assert "Unknown office code NOPE" in page and "Import now" not in page
    with app.app_context():
        job = ImportJob.select().order_by(ImportJob.id.desc()).first()
    hr.form_post("/employees/imports", response.location + "/run")
    with app.app_context():
        assert ImportJob.get_by_id(job.id).state == "checked"
        assert Employee.select().count() == 3


def test_an_upload_that_is_no_csv_is_refused_in_place(app, staff, login_as):
    hr = login_as("establishment")
    response = _upload(hr, "employees", b"\x89PNG\r\n\x1a\n" + b"\x00" * 99, "photo.csv")
    assert response.status_code == 400
    assert "This is not a CSV or Excel (XLSX) file." in response.get_data(as_text=True)
    none = hr.form_post("/employees/imports", data={"kind": "employees"})
    assert none.status_code == 400
    assert "Choose a CSV or Excel (XLSX) file." in none.get_data(as_text=True)
    bad_kind = _upload(hr, "people", GOOD.encode(), "x.csv")
    assert bad_kind.status_code == 400


def test_only_establishment_and_admin_import(staff, login_as):
    for role in ("office_head", "district_manager"):
        assert login_as(role).get("/employees/imports").status_code == 403


def test_the_cli_dry_run_and_import(app, staff, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(GOOD, encoding="utf-8")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-employees", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "2 would be created" in result.output
    with app.app_context():
        assert Employee.select().count() == 3
    result = runner.invoke(args=["import-employees", str(path)])
    assert result.exit_code == 0 and "2 were created" in result.output
    result = runner.invoke(args=["import-employees", str(path)])
    assert "0 were created, 0 changed, 2 unchanged" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    result = runner.invoke(args=["import-employees", str(bad)])
    assert result.exit_code == 1 and "nothing was imported" in result.output


def test_report_is_stored_as_message_keys(app, staff, login_as):
    hr = login_as("establishment")
    _upload(hr, "employees", BAD.encode(), "bad.csv")
    with app.app_context():
        job = ImportJob.select().order_by(ImportJob.id.desc()).first()
        assert json.loads(job.report_json)[0][3][0][0] == "unknown_office"


def test_a_blank_cell_leaves_a_value_and_clear_empties_it(ctx, staff):
    importer.apply("employees", GOOD.encode())
    ramesh = "E101,Ramesh Jadhav,रमेश जाधव,CLK,TO0,working,15-03-1975,01-07-1999,9876500001,"
    blank = GOOD.replace(
        ramesh + 'ramesh@example.gov.in,9876500002,"5, Main Road",,,',
        "E101,Ramesh Jadhav,रमेश जाधव,CLK,TO0,,15-03-1975,01-07-1999,,,,,,,",
    )
    Employee.update(status="on_leave").where(Employee.code == "E101").execute()
    plan = importer.apply("employees", blank.encode())
    assert plan.count("unchanged") == 2
    kept = Employee.get(Employee.code == "E101")
    assert (kept.email_official, kept.mobile_official, kept.status) == (
        "ramesh@example.gov.in",
        "9876500001",
        "on_leave",
    )
    # A file without the column at all leaves it too.
    short = "code,name_en,designation,office,date_of_birth,joined_on\n" \
        "E101,Ramesh Jadhav,CLK,TO0,15-03-1975,01-07-1999\n"  # fmt: skip
    assert importer.check("employees", short.encode()).count("unchanged") == 1
    cleared = blank.replace(
        "E101,Ramesh Jadhav,रमेश जाधव,CLK,TO0,,15-03-1975,01-07-1999,,,,,,,",
        "E101,Ramesh Jadhav,रमेश जाधव,CLK,TO0,,15-03-1975,01-07-1999,,clear,,,,,",
    )
    plan = importer.check("employees", cleared.encode())
    assert "email_official: ramesh@example.gov.in → —" in _reasons(plan)[(2, "changed")]
    importer.apply("employees", cleared.encode())
    assert Employee.get(Employee.code == "E101").email_official == ""
    assert Employee.get(Employee.code == "E101").mobile_official == "9876500001"


def test_the_dry_run_shows_old_and_new_values(ctx, staff):
    importer.apply("employees", GOOD.encode())
    changed = GOOD.replace("9876500001,ramesh@example", "9822099999,r.jadhav@example").replace(
        '9876500002,"5, Main Road"', '9876500003,"5, Main Road"'
    )
    plan = importer.check("employees", changed.encode())
    entry = next(msgs for no, outcome, _, msgs, _ in plan.rows if no == 2)
    words = importer.say(entry[0])
    assert "mobile_official: 9876500001 → 9822099999" in words
    assert "email_official: ramesh@example.gov.in → r.jadhav@example.gov.in" in words
    # A personal field's values only for those who may see personal data.
    assert "9876500003" not in words and "mobile_personal: (personal, not shown)" in words
    assert "mobile_personal: 9876500002 → 9876500003" in importer.say(entry[0], personal=True)
