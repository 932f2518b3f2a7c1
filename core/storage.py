"""Files kept on disk beside the database: citizens' documents and photos
(folder "uploads"), employee import files while their job lives
("imports") and report PDFs while their job lives ("reports"). A column that
names such a file is a StoredName, so the sweep finds every row that keeps a
file without a list kept by hand.

A file goes when its row goes: the caller removes it after the transaction
that deleted the row has committed (a file removed for a row that then
rolls back would lose a citizen's document). Whatever is left behind (a
crash between writing the file and its row) goes with the daily sweep, once
it is older than UPLOAD_SWEEP_GRACE_SECONDS, so an upload whose row is still
being written is never removed."""

import os
import time
from pathlib import Path

import peewee as pw
from flask import current_app

from core.config import INSTANCE
from core.db import db

# folder -> (config key, default beside the instance)
FOLDERS = {"uploads": "UPLOAD_DIR", "imports": "EMPLOYEE_IMPORT_DIR", "reports": "REPORT_DIR"}
BATCH = 500


class StoredName(pw.CharField):
    """The name of a file in one of FOLDERS; "" when there is none."""

    def __init__(self, folder: str = "uploads", **kwargs):
        if folder not in FOLDERS:
            raise ValueError(f"unknown storage folder {folder!r}")
        self.folder = folder
        super().__init__(**kwargs)


def folder(name: str) -> Path:
    configured = current_app.config.get(FOLDERS[name])
    if configured:
        path = Path(configured)
    elif name == "uploads":
        path = Path(current_app.instance_path) / "uploads"
    else:
        path = INSTANCE / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_in(name: str, stored_name: str) -> Path:
    return folder(name) / stored_name


def name_fields(name: str) -> list[StoredName]:
    from core.migrate import all_models

    return [
        field
        for model in all_models()
        for field in model._meta.sorted_fields
        if isinstance(field, StoredName) and field.folder == name
    ]


def referenced(name: str, candidates) -> set[str]:
    """Those of `candidates` that some row still names."""
    candidates = list(candidates)
    found = set()
    for field in name_fields(name):
        for start in range(0, len(candidates), BATCH):
            part = candidates[start : start + BATCH]
            query = field.model.select(field).where(field.in_(part)).distinct()
            found.update(value for (value,) in query.tuples())
    return found


def remove_unreferenced(name: str, stored_names) -> int:
    """Remove the files of `stored_names` that no row names any more. Call it
    after the commit; inside a transaction it removes nothing (the rows may
    yet come back) and leaves the files to the sweep."""
    stored_names = {n for n in stored_names if n}
    if not stored_names or db.in_transaction():
        return 0
    removed = 0
    for stored_name in stored_names - referenced(name, stored_names):
        path = path_in(name, stored_name)
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def sweep(name: str, grace_seconds: int | None = None, now: float | None = None) -> dict:
    """Remove the files of folder `name` that no row names and that are older
    than the grace period."""
    if grace_seconds is None:
        grace_seconds = int(current_app.config["UPLOAD_SWEEP_GRACE_SECONDS"])
    cutoff = (now or time.time()) - grace_seconds
    counts = {"removed": 0, "kept": 0, "young": 0}
    base = folder(name)
    batch = []

    def settle():
        keep = referenced(name, batch)
        for entry in batch:
            if entry in keep:
                counts["kept"] += 1
            else:
                (base / entry).unlink(missing_ok=True)
                counts["removed"] += 1
        batch.clear()

    with os.scandir(base) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat().st_mtime > cutoff:
                counts["young"] += 1
                continue
            batch.append(entry.name)
            if len(batch) >= BATCH:
                settle()
    if batch:
        settle()
    return counts
