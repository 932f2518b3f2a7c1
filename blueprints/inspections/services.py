"""Inspections after the draw: who may see which, the report filed exactly
once from a phone, the instructions that follow and their compliance, the
weekly figures, and the list of inspectors."""

import datetime as dt
import json
import secrets
from dataclasses import dataclass, field, replace
from decimal import Decimal

import peewee as pw
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from blueprints.accounts.models import User
from blueprints.applications import uploads
from blueprints.inspections.draw import per_week, week_start
from blueprints.inspections.models import (
    CHECKLIST,
    INSPECTOR_ROLES,
    OTHER_DUE_DAYS,
    OTHER_ITEM,
    Inspection,
    InspectionPhoto,
    InspectionReport,
    Inspector,
    Instruction,
    WeeklyDraw,
)
from blueprints.masters.models import Block, Csc, GramPanchayat, Tehsil, Village
from core import audit, clock, storage
from core.access import DISTRICT_WIDE, gp_condition
from core.db import db, is_postgres, write_transaction
from core.i18n import message_locale
from core.ids import same_secret
from core.links import public_url

MAX_PHOTOS = 4
PAGE_SIZE = 50


class ReportError(ValueError):
    """A report that cannot be filed; the message is translated. `field`
    names the form field it belongs beside, if any."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


# --- who sees what ----------------------------------------------------------


def inspector_of(user) -> Inspector | None:
    if user.role not in INSPECTOR_ROLES:
        return None
    return Inspector.get_or_none(Inspector.user == user.id)


def inspector_scope(user):
    """Inspectors whose weekly figures `user` may read: all for the district,
    those of the area for a block or tehsil officer, oneself otherwise."""
    if user.role in DISTRICT_WIDE:
        return pw.SQL("1 = 1")
    cond = Inspector.user == user.id
    if user.role == "block_officer":
        if user.block_id:
            cond |= Inspector.block == user.block_id
        else:
            blocks = Block.select(Block.id).where(Block.tehsil == user.tehsil_id)
            cond |= (Inspector.tehsil == user.tehsil_id) | Inspector.block.in_(blocks)
    return cond


def visible_inspections(user):
    """Inspections `user` may open. An inspector sees their own; a block or
    tehsil officer also those of the centres of the area; the district all.
    Never an operator: a scheduled inspection is a surprise."""
    query = Inspection.select(Inspection, Inspector).join(Inspector)
    if user.role in DISTRICT_WIDE:
        return query
    own = Inspector.user == user.id
    if user.role == "block_officer":
        centres = Csc.select(Csc.id).join(GramPanchayat).where(gp_condition(user))
        return query.where(own | Inspection.csc.in_(centres))
    if user.role in INSPECTOR_ROLES:
        return query.where(own)
    return query.where(pw.SQL("1 = 0"))


def own_inspections(user):
    return Inspection.select(Inspection, Inspector).join(Inspector).where(Inspector.user == user.id)


def report_deadline(inspection: Inspection) -> dt.date:
    """The last day to file: the Monday after the week, for a Sunday visit
    made where the phone had no signal."""
    return inspection.week_start + dt.timedelta(days=7)


def shown_status(inspection: Inspection, today: dt.date) -> str:
    if inspection.status == "reported":
        return "reported"
    if today > report_deadline(inspection):
        return "missed"
    return "scheduled"


def week_list(inspector: Inspector, week: str):
    """An inspector's inspections of a week with the place of each centre."""
    return list(
        Inspection.select(Inspection, Csc, GramPanchayat, Block, Village)
        .join(Csc)
        .join(GramPanchayat)
        .join(Block)
        .switch(Csc)
        .join(Village, pw.JOIN.LEFT_OUTER)
        .where((Inspection.week == week) & (Inspection.inspector == inspector.id))
        .order_by(Inspection.slot)
    )


def report_of(inspection_id: int) -> InspectionReport | None:
    return InspectionReport.get_or_none(InspectionReport.inspection == inspection_id)


def photos_of(report_id: int) -> list[InspectionPhoto]:
    return list(
        InspectionPhoto.select()
        .where(InspectionPhoto.report == report_id)
        .order_by(InspectionPhoto.id)
    )


def instructions_of_report(report_id: int) -> list[Instruction]:
    return list(
        Instruction.select().where(Instruction.report == report_id).order_by(Instruction.id)
    )


# --- the inspector's SMS ----------------------------------------------------


def tell_inspector(week: str, inspector_id: int):
    """One short SMS with the week's centres; nothing to anyone else."""
    inspector = (
        Inspector.select(Inspector, User).join(User).where(Inspector.id == inspector_id).get()
    )
    user = inspector.user
    rows = week_list(inspector, week)
    if not rows or not user.mobile or not user.is_active_account:
        return None
    from core.notify import first_fitting, queue

    with force_locale(message_locale()):
        places = ", ".join(f"{r.csc.code} {r.csc.gram_panchayat.name}" for r in rows)
        url = public_url("inspections.index")
        text = first_fitting(
            _(
                "Zila: your CSC inspections for %(week)s: %(places)s. Report at %(url)s",
                week=week,
                places=places,
                url=url,
            ),
            # Too many centres for the SMS: their number, the list behind the link.
            ngettext(
                "Zila: %(num)d CSC inspection for %(week)s. List and report: %(url)s",
                "Zila: %(num)d CSC inspections for %(week)s. List and report: %(url)s",
                len(rows),
                week=week,
                url=url,
            ),
        )
    return queue("sms", user.mobile, text, dedupe_key=f"inspections:{week}:{inspector.id}")


# --- the report, exactly once -----------------------------------------------


@dataclass
class ReportInput:
    token: str
    answers: dict  # checklist key -> bool
    rating: int
    remarks: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    other_instruction: str = ""
    photos: list = field(default_factory=list)  # (file name, bytes)


def new_token() -> str:
    return secrets.token_hex(16)


def _not_a_photo(name: str) -> str:
    return _("“%(name)s” is not a photo. Choose JPEG or PNG pictures.", name=name[:60])


def store_photos(photos) -> list[tuple[str, uploads.StoredFile]]:
    """Re-encode and store every photo, or none of them."""
    photos = [(name or "", data) for name, data in photos if data]
    if len(photos) > MAX_PHOTOS:
        raise ReportError(_("Send at most %(n)s photos.", n=MAX_PHOTOS), "photos")
    stored = []
    try:
        for name, data in photos:
            if data.startswith(b"%PDF-"):
                raise ReportError(_not_a_photo(name), "photos")
            try:
                stored.append((name, uploads.accept(data)))
            except uploads.UploadError as err:
                too_big = len(data) > uploads.MAX_UPLOAD_BYTES
                raise ReportError(str(err) if too_big else _not_a_photo(name), "photos") from err
    except ReportError:
        remove_photos(stored)
        raise
    return stored


def remove_photos(stored) -> None:
    for _name, item in stored:
        storage.path_in("uploads", item.stored_name).unlink(missing_ok=True)


class _AlreadyFiled(Exception):
    def __init__(self, report):
        self.report = report


def _same_or_refuse(report: InspectionReport, token: str):
    if same_secret(report.token, token):
        return report, False
    from core.i18n import ist_datetime

    raise ReportError(
        _(
            "This inspection was already reported on %(when)s. A second report is not accepted.",
            when=ist_datetime(report.filed_at),
        )
    )


def file_report(inspection: Inspection, user, data: ReportInput, now=None):
    """File the report of `inspection` (already checked to be `user`'s).
    Returns (report, newly_filed). A retried submit (same token) gets the
    same report back and writes nothing; another report is refused."""
    now = now or clock.now()
    existing = report_of(inspection.id)
    if existing is not None:
        return _same_or_refuse(existing, data.token)
    if not data.token or len(data.token) > 64:
        raise ReportError(_("This page is out of date. Open the inspection again."))
    today = clock.today_ist(now)
    if today > report_deadline(inspection):
        raise ReportError(
            _(
                "The time to report this inspection ended on %(day)s; it counts as missed.",
                day=report_deadline(inspection).isoformat(),
            )
        )
    stored = store_photos(data.photos)
    try:
        with write_transaction():
            query = Inspection.select().where(Inspection.id == inspection.id)
            if is_postgres():
                query = query.for_update()  # SQLite: IMMEDIATE already serialises
            query.get()
            existing = report_of(inspection.id)
            if existing is not None:
                raise _AlreadyFiled(existing)
            report = InspectionReport.create(
                inspection=inspection.id,
                token=data.token,
                filed_by=user.id,
                filed_at=now,
                checklist_json=json.dumps({k: bool(data.answers[k]) for k in CHECKLIST}),
                latitude=data.latitude,
                longitude=data.longitude,
                remarks=data.remarks,
                rating=data.rating,
            )
            if stored:
                InspectionPhoto.insert_many(
                    [
                        {
                            "report": report.id,
                            "original_name": name[:200],
                            "stored_name": item.stored_name,
                            "size": item.size,
                            "sha256": item.sha256,
                        }
                        for name, item in stored
                    ]
                ).execute()
            rows = [
                {
                    "item": key,
                    "text": "",
                    "due_date": today + dt.timedelta(days=CHECKLIST[key].days),
                }
                for key in report.findings
            ]
            if data.other_instruction:
                rows.append(
                    {
                        "item": OTHER_ITEM,
                        "text": data.other_instruction[:300],
                        "due_date": today + dt.timedelta(days=OTHER_DUE_DAYS),
                    }
                )
            if rows:
                Instruction.insert_many(
                    [
                        {**row, "report": report.id, "csc": inspection.csc_id, "created_at": now}
                        for row in rows
                    ]
                ).execute()
            Inspection.update(status="reported").where(Inspection.id == inspection.id).execute()
            audit.record(
                "inspection.reported",
                "inspection",
                inspection.id,
                actor=user,
                csc=inspection.csc_id,
                findings=len(rows),
            )
    except _AlreadyFiled as done:
        remove_photos(stored)
        return _same_or_refuse(done.report, data.token)
    except pw.IntegrityError as err:
        remove_photos(stored)
        existing = report_of(inspection.id)
        if existing is not None:
            return _same_or_refuse(existing, data.token)
        raise ReportError(_("This page is out of date. Open the inspection again.")) from err
    except BaseException:
        remove_photos(stored)
        raise
    return report, True


# --- instructions -------------------------------------------------------------


def instructions_for_centre(csc_id: int, page: int = 1):
    """A page of the instructions of a centre's filed reports, open ones
    first, the nearest date first; and whether there is a next page."""
    rows = list(
        Instruction.select(Instruction, InspectionReport.filed_at)
        .join(InspectionReport)
        .where(Instruction.csc == csc_id)
        .order_by(Instruction.status.desc(), Instruction.due_date, Instruction.id)
        .paginate(page, PAGE_SIZE + 1)
    )
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def comply(instruction_id: int, user, remark: str, now=None) -> bool:
    """Mark one of the operator's own open instructions complied with; False
    when it was already marked (a second press)."""
    now = now or clock.now()
    with db.atomic():
        changed = (
            Instruction.update(
                status="complied", complied_at=now, complied_by=user.id, compliance_remark=remark
            )
            .where(
                (Instruction.id == instruction_id)
                & (Instruction.csc == user.csc_id)
                & (Instruction.status == "open")
            )
            .execute()
        )
        if changed:
            audit.record("instruction.complied", "instruction", instruction_id, actor=user)
    return bool(changed)


def overdue_instructions(user, today: dt.date, page: int):
    """Open instructions past their date in `user`'s area, oldest first."""
    query = (
        Instruction.select(Instruction, Csc, GramPanchayat, InspectionReport, Inspection)
        .join(Csc)
        .join(GramPanchayat)
        .switch(Instruction)
        .join(InspectionReport)
        .join(Inspection)
        .where((Instruction.status == "open") & (Instruction.due_date < today) & gp_condition(user))
        .order_by(Instruction.due_date, Instruction.id)
    )
    rows = list(query.paginate(page, PAGE_SIZE + 1))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


# --- the weekly report ---------------------------------------------------------


@dataclass
class InspectorWeek:
    name: str
    area: str
    required: int
    inspector_id: int = 0
    scheduled: int = 0
    reported: int = 0
    missed: int = 0
    pending: int = 0
    findings: int = 0
    open_instructions: int = 0


@dataclass
class WeekReport:
    week: str
    start: dt.date
    end: dt.date
    over: bool
    rows: list
    totals: InspectorWeek
    reports: list  # (inspection, report, inspector name, findings)
    ratings: float | None
    has_next: bool = False

    def page(self, number: int, size: int) -> "WeekReport":
        """The same week with one page of inspectors and their reports (the
        totals stay the district's)."""
        rows = self.rows[(number - 1) * size : number * size]
        shown = {r.inspector_id for r in rows}
        return replace(
            self,
            rows=rows,
            reports=[r for r in self.reports if r[0].inspector_id in shown],
            has_next=len(self.rows) > number * size,
        )


def _area_name(inspector) -> str:
    area = inspector.block if inspector.block_id else inspector.tehsil
    return area.name if area is not None else ""


def weekly_report(user, week: str, today: dt.date) -> WeekReport:
    """Required against done per inspector for one week, with findings and
    the instructions still open; in a fixed number of queries."""
    start = week_start(week)
    block_alias, tehsil_alias = Block.alias(), Tehsil.alias()
    draws = list(
        WeeklyDraw.select(WeeklyDraw, Inspector, User, block_alias, tehsil_alias)
        .join(Inspector)
        .join(User)
        .switch(Inspector)
        .join(block_alias, pw.JOIN.LEFT_OUTER, on=(Inspector.block == block_alias.id))
        .switch(Inspector)
        .join(tehsil_alias, pw.JOIN.LEFT_OUTER, on=(Inspector.tehsil == tehsil_alias.id))
        .where((WeeklyDraw.week == week) & inspector_scope(user))
        .order_by(User.full_name, Inspector.id)
    )
    rows = {}
    for d in draws:
        inspector = d.inspector
        rows[inspector.id] = InspectorWeek(
            name=inspector.user.display_name,
            area=_area_name(inspector),
            required=d.required,
            inspector_id=inspector.id,
        )
    inspections = []
    if rows:
        inspections = list(
            Inspection.select(Inspection, Csc, GramPanchayat, InspectionReport)
            .join(Csc)
            .join(GramPanchayat)
            .switch(Inspection)
            .join(
                InspectionReport,
                pw.JOIN.LEFT_OUTER,
                on=(InspectionReport.inspection == Inspection.id),
            )
            .where((Inspection.week == week) & Inspection.inspector.in_(list(rows)))
            .order_by(Inspection.inspector, Inspection.slot)
        )
    report_ids = [i.inspectionreport.id for i in inspections if _has_report(i)]
    counts = {}
    if report_ids:
        for report_id, status, n in (
            Instruction.select(Instruction.report, Instruction.status, pw.fn.COUNT(Instruction.id))
            .where(Instruction.report.in_(report_ids))
            .group_by(Instruction.report, Instruction.status)
            .tuples()
        ):
            counts.setdefault(report_id, {})[status] = n
    over = today > start + dt.timedelta(days=7)
    reports, ratings = [], []
    for i in inspections:
        row = rows[i.inspector_id]
        row.scheduled += 1
        status = shown_status(i, today)
        if status == "reported":
            report = i.inspectionreport
            issued = counts.get(report.id, {})
            row.reported += 1
            row.findings += sum(issued.values())
            row.open_instructions += issued.get("open", 0)
            ratings.append(report.rating)
            reports.append((i, report, row.name, report.findings))
        elif status == "missed":
            row.missed += 1
        else:
            row.pending += 1
    totals = InspectorWeek(name="", area="", required=sum(r.required for r in rows.values()))
    for r in rows.values():
        for name in ("scheduled", "reported", "missed", "pending", "findings", "open_instructions"):
            setattr(totals, name, getattr(totals, name) + getattr(r, name))
    return WeekReport(
        week=week,
        start=start,
        end=start + dt.timedelta(days=6),
        over=over,
        rows=list(rows.values()),
        totals=totals,
        reports=reports,
        ratings=round(sum(ratings) / len(ratings), 1) if ratings else None,
    )


def _has_report(inspection) -> bool:
    report = getattr(inspection, "inspectionreport", None)
    return report is not None and report.id is not None


# --- inspectors -----------------------------------------------------------------


def inspectors_list(page: int):
    block_alias, tehsil_alias = Block.alias(), Tehsil.alias()
    rows = list(
        Inspector.select(Inspector, User, block_alias, tehsil_alias)
        .join(User)
        .switch(Inspector)
        .join(block_alias, pw.JOIN.LEFT_OUTER, on=(Inspector.block == block_alias.id))
        .switch(Inspector)
        .join(tehsil_alias, pw.JOIN.LEFT_OUTER, on=(Inspector.tehsil == tehsil_alias.id))
        .order_by(Inspector.active.desc(), User.username)
        .paginate(page, PAGE_SIZE + 1)
    )
    for inspector in rows:
        inspector.area_name = _area_name(inspector)
        inspector.per_week = per_week(inspector)
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def save_inspector(
    username: str, area_code: str, min_per_week: int | None, active: bool, actor
) -> Inspector:
    """Make a user an inspector of a block or tehsil, or change that.
    Raises ReportError (field: which input) with a message."""
    user = User.get_or_none(User.username == username.strip().lower())
    if user is None:
        raise ReportError(_("There is no user with this username."), "username")
    if user.role not in INSPECTOR_ROLES:
        raise ReportError(
            _("A %(role)s cannot be an inspector.", role=str(user.role_label)), "username"
        )
    code = area_code.strip().upper()
    block = Block.get_or_none(pw.fn.UPPER(Block.code) == code)
    tehsil = None if block else Tehsil.get_or_none(pw.fn.UPPER(Tehsil.code) == code)
    if block is None and tehsil is None:
        raise ReportError(_("There is no block or tehsil with this code."), "area_code")
    fields = {
        "block": block.id if block else None,
        "tehsil": tehsil.id if tehsil else None,
        "min_per_week": min_per_week,
        "active": active,
    }
    with db.atomic():
        inspector = Inspector.get_or_none(Inspector.user == user.id)
        if inspector is None:
            inspector = Inspector.create(user=user.id, **fields)
        else:
            Inspector.update(**fields).where(Inspector.id == inspector.id).execute()
        audit.record(
            "inspector.saved",
            "user",
            user.id,
            actor=actor,
            area=code,
            per_week=min_per_week,
            active=active,
        )
    return inspector
