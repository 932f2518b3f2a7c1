"""Centres, inspectors and inspections for the inspection tests."""

import datetime as dt
import json
import secrets

from blueprints.inspections.draw import current_week, week_start
from blueprints.inspections.models import (
    CHECKLIST,
    Inspection,
    InspectionPhoto,
    InspectionReport,
    Inspector,
    Instruction,
)
from blueprints.masters.models import Csc, GramPanchayat
from core import clock
from tests.factories import make_user

_serial = iter(range(1, 1_000_000))


def make_centres(block, gps: int = 4, per_gp: int = 1, status="active") -> list[Csc]:
    """`gps` new gram panchayats in `block`, each with `per_gp` CSCs."""
    made = []
    for _ in range(gps):
        n = next(_serial)
        gp = GramPanchayat.create(
            code=f"TGP{n:04d}", name_en=f"Testgaon {n}", name_local=f"टेस्टगाव {n}", block=block
        )
        for _ in range(per_gp):
            m = next(_serial)
            made.append(
                Csc.create(
                    code=f"TCSC{m:04d}",
                    name_en=f"Kendra {m}",
                    name_local=f"केंद्र {m}",
                    gram_panchayat=gp,
                    status=status,
                )
            )
    return made


def make_inspector(place, role="gp_staff", *, username=None, mobile=None, which=0, **area):
    """A user of `role` and an Inspector of block `which` (or of the area
    given as block=... or tehsil=...)."""
    n = next(_serial)
    min_per_week = area.pop("min_per_week", None)
    user = make_user(
        role,
        place,
        which=which,
        username=username or f"inspector-{n}",
        full_name=f"Inspector {n}",
        mobile=mobile or f"97{n:08d}",
    )
    if not area:
        area = {"block": place.blocks[which]}
    return Inspector.create(user=user, min_per_week=min_per_week, **area)


def schedule(inspector, csc, week=None, slot=None, status="scheduled") -> Inspection:
    """An inspection as the draw would store it (for tests of what follows)."""
    week = week or current_week()
    if slot is None:
        slot = (
            Inspection.select()
            .where((Inspection.week == week) & (Inspection.inspector == inspector.id))
            .count()
            + 1
        )
    return Inspection.create(
        week=week,
        week_start=week_start(week),
        inspector=inspector,
        slot=slot,
        csc=csc,
        status=status,
    )


def all_in_order() -> dict:
    return {key: check.in_order for key, check in CHECKLIST.items()}


def form_answers(**overrides) -> dict:
    """The report form's fields, every check in order unless overridden
    (overrides are 'yes'/'no')."""
    data = {key: "yes" if check.in_order else "no" for key, check in CHECKLIST.items()}
    data.update({"rating": "4", "remarks": "", "other_instruction": ""})
    data.update(overrides)
    return data


def filed(inspection, *, findings=(), due_in=3, photo=None, filed_at=None) -> InspectionReport:
    """A report written straight to the tables (no audit event), with one
    open instruction per finding due in `due_in` days."""
    now = filed_at or clock.now()
    answers = all_in_order()
    for key in findings:
        answers[key] = not CHECKLIST[key].in_order
    report = InspectionReport.create(
        inspection=inspection,
        token=secrets.token_hex(16),
        filed_by=inspection.inspector.user_id,
        filed_at=now,
        checklist_json=json.dumps(answers),
        rating=3,
    )
    Inspection.update(status="reported").where(Inspection.id == inspection.id).execute()
    for key in findings:
        Instruction.create(
            report=report,
            csc=inspection.csc_id,
            item=key,
            due_date=now.date() + dt.timedelta(days=due_in),
            created_at=now,
        )
    if photo is not None:
        InspectionPhoto.create(
            report=report,
            original_name="centre.jpg",
            stored_name=photo.stored_name,
            size=photo.size,
            sha256=photo.sha256,
        )
    return report
