"""Citizens' documents do not outlive their rows: a discarded draft's files
and a replaced document's old file are removed once the change is
committed, and a daily sweep removes any file no row names (a crash between
writing a file and its row) once it is older than the grace period."""

import os
import time

import pytest

from blueprints.applications.models import ApplicationDocument
from core import storage
from core.db import db
from tests.applications.conftest import MINIMAL_PDF, photo_bytes
from tests.applications.test_filing import start, upload


@pytest.fixture
def uploads_here(app, tmp_path):
    folder = tmp_path / "uploads"
    app.config["UPLOAD_DIR"] = str(folder)
    return folder


def stored(folder) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def names_of(pk) -> set[str]:
    with db.connection_context():
        return {
            d.stored_name
            for d in ApplicationDocument.select().where(ApplicationDocument.application == pk)
        }


def test_a_discarded_drafts_documents_are_removed(app, operator, service, uploads_here):
    pk = start(operator, service)
    assert upload(operator, pk, "photo", photo_bytes(), "photo.jpg").status_code == 303
    assert upload(operator, pk, "ration", MINIMAL_PDF, "ration.pdf").status_code == 303
    assert len(stored(uploads_here)) == 2
    page = f"/applications/{pk}/review"
    token = operator.get(page).get_data(as_text=True).split('name="token" type="hidden" value="')
    response = operator.form_post(
        page, f"/applications/{pk}/discard", data={"token": token[1].split('"')[0]}
    )
    assert response.status_code == 303
    assert names_of(pk) == set()
    assert stored(uploads_here) == set()


def test_a_replaced_documents_old_file_is_removed(app, operator, service, uploads_here):
    pk = start(operator, service)
    assert upload(operator, pk, "photo", photo_bytes(), "first.jpg").status_code == 303
    first = names_of(pk)
    assert (
        upload(operator, pk, "photo", photo_bytes(size=(900, 700)), "again.jpg").status_code == 303
    )
    second = names_of(pk)
    assert len(second) == 1 and second != first
    assert stored(uploads_here) == second


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_sweep_removes_old_orphans_only(app, operator, service, uploads_here):
    pk = start(operator, service)
    assert upload(operator, pk, "photo", photo_bytes(), "photo.jpg").status_code == 303
    [kept] = names_of(pk)
    grace = app.config["UPLOAD_SWEEP_GRACE_SECONDS"]
    _age(uploads_here / kept, grace * 10)
    old_orphan = uploads_here / ("a" * 32 + ".pdf")
    old_orphan.write_bytes(MINIMAL_PDF)
    _age(old_orphan, grace + 60)
    young_orphan = uploads_here / ("b" * 32 + ".jpg")  # an upload whose row is being written
    young_orphan.write_bytes(b"...")
    _age(young_orphan, grace - 60)

    from blueprints.applications.tasks import sweep_uploads
    from core.periodic import TaskRun

    with app.app_context(), db.connection_context():
        sweep_uploads()
        run = TaskRun.get(TaskRun.task == "sweep_uploads")
        assert run.ok and '"removed": 1' in run.summary
    assert stored(uploads_here) == {kept, young_orphan.name}


def test_every_column_naming_a_file_is_known_to_the_sweep(app):
    with app.app_context():
        columns = {f"{f.model._meta.table_name}.{f.name}" for f in storage.name_fields("uploads")}
    assert columns == {
        "application_document.stored_name",
        "inspection_photo.stored_name",
        "scheme_photo.stored_small",
        "scheme_photo.stored_large",
    }
