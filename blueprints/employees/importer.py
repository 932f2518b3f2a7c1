"""CSV / XLSX import of employees and of sanctioned posts.

check(kind, data) reads a file and plans every row against the database:
created, changed (the fields named), unchanged, or refused (the reasons).
It writes nothing: that is the dry run. apply(...) re-plans and writes the
whole plan in ONE transaction, refusing the lot if any row is refused, so an
import is all-or-nothing per file; a row equal to the register is left
alone, so importing the same file twice changes nothing.

A file is recognised by its content, not its name: an XLSX is a zip with a
workbook part; a CSV is UTF-8 text. An XLSX with more than one sheet, or
with a formula anywhere, is refused with the sheet, row and column named."""

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from blueprints.employees.models import STATUSES, Designation, Employee, Posting, SanctionedPost
from blueprints.employees.search import has_devanagari
from blueprints.employees.services import retires_on_for, set_search_keys_many
from blueprints.masters.models import Office
from core import clock
from core.db import write_transaction
from core.downloads import looks_like_formula

MAX_ROWS = 60_000
EMPLOYEE_COLUMNS = (
    "code", "name_en", "name_local", "designation", "office", "status", "date_of_birth",
    "joined_on", "mobile_official", "email_official", "mobile_personal", "address",
    "order_no", "order_date", "from_date",
)  # fmt: skip
EMPLOYEE_REQUIRED = ("code", "name_en", "designation", "office", "date_of_birth", "joined_on")
POST_COLUMNS = ("office", "designation", "sanctioned")
COLUMNS = {"employees": EMPLOYEE_COLUMNS, "posts": POST_COLUMNS}
REQUIRED = {"employees": EMPLOYEE_REQUIRED, "posts": POST_COLUMNS}
# Fields compared with the register to tell "changed" from "unchanged".
COMPARED = (
    "name_en", "name_local", "status", "date_of_birth", "joined_on", "mobile_official",
    "email_official", "mobile_personal", "address",
)  # fmt: skip
LATIN_ONLY = ("code", "name_en", "email_official", "order_no")
# A blank cell (or a missing column) leaves an employee's value as it is;
# this word clears it. (Not "-": a cell starting with "-" reads as a formula.)
CLEAR = "CLEAR"
EXAMPLE_CODE = "EXAMPLE"  # the template's example row, refused if left in
CLEARABLE = ("name_local", "mobile_official", "email_official", "mobile_personal", "address")
KEPT_WHEN_BLANK = (*CLEARABLE, "status")
# Shown as old -> new in a dry run only to those who may see personal data.
PERSONAL_COLUMNS = ("date_of_birth", "mobile_personal", "address")
SHOWN_LENGTH = 40

# Report messages: stored as keys with their values, worded when shown, so
# that a report reads in the language of whoever opens it.
MESSAGES = {
    "not_csv_xlsx": _l("This is not a CSV or Excel (XLSX) file."),
    "bad_encoding": _l("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and upload again."),
    "bad_xlsx": _l("The Excel file cannot be read: %(error)s"),
    "extra_sheet": _l("The workbook must have one sheet; it has %(n)s (%(names)s)."),
    "formula": _l("Sheet %(sheet)s, row %(row)s, column %(column)s holds a formula. Upload values only."),  # noqa: E501
    "empty": _l("The file has no rows under its heading row."),
    "too_many": _l("The file has more than %(n)s rows; split it."),
    "missing_columns": _l("Columns missing from the heading row: %(columns)s."),
    "unknown_columns": _l("Unknown columns in the heading row: %(columns)s."),
    "required": _l("%(column)s is empty."),
    "unknown_office": _l("Unknown office code %(value)s."),
    "unknown_designation": _l("Unknown designation code %(value)s."),
    "bad_date": _l("%(column)s is not a date: %(value)s (use DD-MM-YYYY)."),
    "duplicate_code": _l("Employee code %(value)s is also on row %(other)s."),
    "duplicate_post": _l("This office and designation are also on row %(other)s."),
    "devanagari": _l("%(column)s must be in Latin letters, not Devanagari."),
    "not_devanagari": _l("%(column)s must be in Devanagari."),
    "bad_code": _l("Employee code %(value)s: use letters, digits, / and - only."),
    "bad_status": _l("Unknown status %(value)s (working, on_leave, suspended, retired)."),
    "bad_mobile": _l("%(column)s must be a 10-digit mobile number: %(value)s."),
    "bad_email": _l("%(column)s is not an email address: %(value)s."),
    "too_long": _l("%(column)s is longer than %(n)s characters."),
    "joined_before_birth": _l("Joined at an age under 18 (born %(born)s, joined %(joined)s)."),
    "transfer_before_joining": _l("The transfer (from %(value)s) is dated before joining (%(joined)s)."),  # noqa: E501
    "transfer_before_last": _l("The transfer (from %(value)s) is dated before the last posting (%(last)s)."),  # noqa: E501
    "transfer_needs_order": _l("The office or designation changes: give order_no and from_date."),
    "example_row": _l("This is the template's example row: delete it and give your own rows."),
    "bad_number": _l("%(column)s must be a whole number from 0 to 9999: %(value)s."),
    "created": _l("New"),
    "changed": _l("Changes: %(fields)s"),
    "changes": _l("Changes: %(fields)s"),
    "hidden": _l("(personal, not shown)"),
    "transferred": _l("Transfer to %(office)s as %(designation)s from %(value)s"),
}  # fmt: skip


def say(entry, personal: bool = False) -> str:
    """A stored [key, values] message in the current language; `personal`:
    the reader may see the old and new values of personal fields."""
    key, values = entry
    if key == "changes":
        values = {"fields": "; ".join(_change_words(c, personal) for c in values["fields"])}
    return str(MESSAGES[key]) % values if values else str(MESSAGES[key])


def _shown(value) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    text = str(value if value is not None else "")
    return (text[:SHOWN_LENGTH] + "…" if len(text) > SHOWN_LENGTH else text) or "—"


def _change_words(change, personal: bool) -> str:
    column, old, new = change
    if column in PERSONAL_COLUMNS and not personal:
        return f"{column}: {MESSAGES['hidden']}"
    return f"{column}: {old} → {new}"


class Refused(Exception):
    """The whole file is refused; args[0] is a [key, values] message."""


@dataclass
class Plan:
    kind: str
    total: int = 0
    rows: list = field(default_factory=list)  # (row no, outcome, code, [messages], payload)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r[1] == outcome)

    @property
    def refused(self) -> int:
        return self.count("refused")

    def report(self, limit: int = 5000) -> list:
        """The rows worth reading (not the unchanged ones), at most `limit`."""
        out = [[no, outcome, code, messages] for no, outcome, code, messages, _ in self.rows
               if outcome != "unchanged"]  # fmt: skip
        return out[:limit]


# --- reading a file -------------------------------------------------------------


def sniff(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            pass
        raise Refused(["not_csv_xlsx", {}])
    if b"\x00" in data[:4096]:
        raise Refused(["not_csv_xlsx", {}])
    return "csv"


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def read_rows(data: bytes) -> tuple[list[str], list[list]]:
    """The heading row (lower-cased) and the data rows, as strings or dates."""
    if sniff(data) == "xlsx":
        return _read_xlsx(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(["bad_encoding", {}]) from error
    if not text.strip() or not any(ch in text.split("\n", 1)[0] for ch in ",;\t"):
        raise Refused(["not_csv_xlsx", {}])
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:  # e.g. a field over the csv module's limit
        raise Refused(["not_csv_xlsx", {}]) from error
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if looks_like_formula(value):
                raise Refused(["formula", {"sheet": "CSV", "row": r, "column": _column_letter(c)}])
    if not rows:
        raise Refused(["empty", {}])
    return [h.strip().lower() for h in rows[0]], rows[1:]


def _read_xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise Refused(["bad_xlsx", {"error": type(error).__name__}]) from error
    try:
        if len(workbook.sheetnames) != 1:
            names = ", ".join(workbook.sheetnames)
            raise Refused(["extra_sheet", {"n": len(workbook.sheetnames), "names": names}])
        sheet = workbook[workbook.sheetnames[0]]
        rows = []
        for r, row in enumerate(sheet.iter_rows(), start=1):
            values = []
            for c, cell in enumerate(row, start=1):
                value = cell.value
                if cell.data_type == "f" or looks_like_formula(value):
                    raise Refused(
                        ["formula", {"sheet": sheet.title, "row": r, "column": _column_letter(c)}]
                    )
                values.append(value)
            rows.append(values)
            if len(rows) > MAX_ROWS + 1:
                break
    finally:
        workbook.close()
    if not rows:
        raise Refused(["empty", {}])
    header = [str(h or "").strip().lower() for h in rows[0]]
    return header, rows[1:]


# --- cleaning values --------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
_CODE = re.compile(r"^[A-Z0-9/-]{1,20}$")
_MOBILE = re.compile(r"^[6-9]\d{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LIMITS = {"name_en": 120, "name_local": 120, "email_official": 120, "address": 500, "order_no": 60}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value):
    """A date from a cell: a real date, or text in one of the day-first forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return day if day.year >= 1900 else None
    return None


def _records(header, rows, kind):
    """Rows as dicts of the known columns; the file refused when columns are
    missing or unknown."""
    known = COLUMNS[kind]
    unknown = [h for h in header if h and h not in known]
    if unknown:
        raise Refused(["unknown_columns", {"columns": ", ".join(unknown)}])
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise Refused(["missing_columns", {"columns": ", ".join(missing)}])
    rows = [r for r in rows if any(_text(v) for v in r)]
    if not rows:
        raise Refused(["empty", {}])
    if len(rows) > MAX_ROWS:
        raise Refused(["too_many", {"n": MAX_ROWS}])
    out = []
    for no, row in enumerate(rows, start=2):
        record = {c: (row[i] if i < len(row) else None) for i, c in enumerate(header) if c}
        out.append((no, record))
    return out


# --- planning -----------------------------------------------------------------------


def check(kind: str, data: bytes, progress=None) -> Plan:
    """Plan every row of the file against the database; writes nothing."""
    header, rows = read_rows(data)
    records = _records(header, rows, kind)
    plan = Plan(kind, total=len(records))
    offices = {o.code.upper(): o for o in Office.select(Office.id, Office.code, Office.name_en,
                                                          Office.name_local)}  # fmt: skip
    designations = {d.code.upper(): d for d in Designation.select(Designation, Designation.cadre)}
    planner = _plan_employee if kind == "employees" else _plan_post
    context = _employee_context() if kind == "employees" else _post_context()
    context.update(offices=offices, designations=designations, seen={})
    for i, (no, record) in enumerate(records, start=1):
        plan.rows.append(planner(no, record, context))
        if progress and (i % 200 == 0 or i == len(records)):
            progress(i, len(records))
    return plan


def _employee_context() -> dict:
    existing = {e.code: e for e in Employee.select(Employee, Designation).join(Designation)}
    last_posting = {}
    for employee_id, order_no, from_date in Posting.select(
        Posting.employee, Posting.order_no, Posting.from_date
    ).tuples():
        known = last_posting.get(employee_id)
        if known is None or from_date >= known[1]:
            last_posting[employee_id] = (order_no, from_date)
    return {"existing": existing, "last_posting": last_posting}


def _post_context() -> dict:
    existing = {(p.office_id, p.designation_id): p for p in SanctionedPost.select()}
    return {"existing": existing}


def _common_checks(values, record, reasons):
    for column in LATIN_ONLY:
        if has_devanagari(values.get(column, "")):
            reasons.append(["devanagari", {"column": column}])
    for column, limit in LIMITS.items():
        if len(values.get(column, "")) > limit:
            reasons.append(["too_long", {"column": column, "n": limit}])


def _plan_employee(no, record, ctx):
    values = {c: _text(record.get(c)) for c in EMPLOYEE_COLUMNS}
    values["code"] = values["code"].upper()
    code = values["code"]
    reasons = []
    for column in EMPLOYEE_REQUIRED:
        if not values[column]:
            reasons.append(["required", {"column": column}])
    _common_checks(values, record, reasons)
    if code == EXAMPLE_CODE:
        reasons.append(["example_row", {}])
    if code and not has_devanagari(code) and not _CODE.match(code):
        reasons.append(["bad_code", {"value": code}])
    current = ctx["existing"].get(code)
    cleared = {c for c in CLEARABLE if values[c].upper() == CLEAR}
    for column in cleared:
        values[column] = ""
    kept = set()
    if current is not None:
        kept = {c for c in KEPT_WHEN_BLANK if not values[c] and c not in cleared}
        if "status" in kept:
            values["status"] = current.status
    if code in ctx["seen"]:
        reasons.append(["duplicate_code", {"value": code, "other": ctx["seen"][code]}])
    elif code:
        ctx["seen"][code] = no
    if values["name_local"] and not has_devanagari(values["name_local"]):
        reasons.append(["not_devanagari", {"column": "name_local"}])
    office = ctx["offices"].get(values["office"].upper())
    if values["office"] and office is None:
        reasons.append(["unknown_office", {"value": values["office"]}])
    designation = ctx["designations"].get(values["designation"].upper())
    if values["designation"] and designation is None:
        reasons.append(["unknown_designation", {"value": values["designation"]}])
    values["status"] = values["status"].lower() or "working"
    if values["status"] not in STATUSES:
        reasons.append(["bad_status", {"value": values["status"]}])
    for column in ("mobile_official", "mobile_personal"):
        if values[column] and not _MOBILE.match(values[column]):
            reasons.append(["bad_mobile", {"column": column, "value": values[column]}])
    if values["email_official"] and not _EMAIL.match(values["email_official"]):
        reasons.append(
            ["bad_email", {"column": "email_official", "value": values["email_official"]}]
        )
    dates = {}
    for column in ("date_of_birth", "joined_on", "order_date", "from_date"):
        if values[column]:
            dates[column] = _date(record.get(column))
            if dates[column] is None:
                reasons.append(["bad_date", {"column": column, "value": values[column]}])
    born, joined = dates.get("date_of_birth"), dates.get("joined_on")
    if born and joined and joined < _add_years(born, 18):
        reasons.append(
            ["joined_before_birth", {"born": born.isoformat(), "joined": joined.isoformat()}]
        )
    from_date = dates.get("from_date")
    if from_date and joined and from_date < joined:
        reasons.append(["transfer_before_joining", {"value": from_date.isoformat(),
                                                    "joined": joined.isoformat()}])  # fmt: skip
    if reasons:
        return (no, "refused", code, reasons, None)

    fields = {c: values[c] for c in COMPARED}
    fields.update(date_of_birth=born, joined_on=joined)
    for column in kept:
        fields[column] = getattr(current, column)
    posting = None
    if from_date or values["order_no"]:
        posting = {"order_no": values["order_no"], "order_date": dates.get("order_date"),
                   "from_date": from_date or joined}  # fmt: skip
    if current is None:
        fields.update(code=code, office=office.id, designation=designation.id,
                      retires_on=retires_on_for(born, designation))  # fmt: skip
        return (no, "created", code, [["created", {}]], ("create", fields, posting or
                {"order_no": "", "order_date": None, "from_date": joined}))  # fmt: skip
    changes = {c: v for c, v in fields.items() if getattr(current, c) != v}
    moved = office.id != current.office_id or designation.id != current.designation_id
    last = ctx["last_posting"].get(current.id)
    if moved and last and from_date and last == (values["order_no"], from_date):
        moved = False  # recorded by an earlier import, in force from its date
    messages = []
    if moved:
        if posting is None or not posting["order_no"] or not from_date:
            return (no, "refused", code, [["transfer_needs_order", {}]], None)
        if last and from_date < last[1]:
            why = {"value": from_date.isoformat(), "last": last[1].isoformat()}
            return (no, "refused", code, [["transfer_before_last", why]], None)
        if from_date < (joined or current.joined_on):
            why = {"value": from_date.isoformat(), "joined": current.joined_on.isoformat()}
            return (no, "refused", code, [["transfer_before_joining", why]], None)
        where = {"office": office.name_en, "designation": designation.name_en}
        messages.append(["transferred", {**where, "value": from_date.isoformat()}])
    if "date_of_birth" in changes or designation.cadre_id != current.designation.cadre_id:
        retires = retires_on_for(born, designation)
        if retires != current.retires_on:
            changes["retires_on"] = retires
    if not changes and not moved:
        return (no, "unchanged", code, [], None)
    if changes:
        shown = [[c, _shown(getattr(current, c)), _shown(changes[c])] for c in sorted(changes)]
        messages.insert(0, ["changes", {"fields": shown}])
    payload = ("change", current.id, changes, posting if moved else None,
               (office.id, designation.id) if moved else None)  # fmt: skip
    return (no, "changed", code, messages, payload)


def _plan_post(no, record, ctx):
    values = {c: _text(record.get(c)) for c in POST_COLUMNS}
    reasons = []
    for column in POST_COLUMNS:
        if not values[column]:
            reasons.append(["required", {"column": column}])
    office = ctx["offices"].get(values["office"].upper())
    if values["office"] and office is None:
        reasons.append(["unknown_office", {"value": values["office"]}])
    designation = ctx["designations"].get(values["designation"].upper())
    if values["designation"] and designation is None:
        reasons.append(["unknown_designation", {"value": values["designation"]}])
    number = values["sanctioned"]
    if number and not (number.isascii() and number.isdigit() and int(number) < 10_000):
        reasons.append(["bad_number", {"column": "sanctioned", "value": number}])
    label = f"{values['office']}/{values['designation']}"
    if office and designation:
        key = (office.id, designation.id)
        if key in ctx["seen"]:
            reasons.append(["duplicate_post", {"other": ctx["seen"][key]}])
        else:
            ctx["seen"][key] = no
    if reasons:
        return (no, "refused", label, reasons, None)
    current = ctx["existing"].get(key)
    if current is None:
        return (no, "created", label, [["created", {}]], ("create", key, int(number)))
    if current.sanctioned == int(number):
        return (no, "unchanged", label, [], None)
    changed = [["changed", {"fields": f"sanctioned {current.sanctioned} → {int(number)}"}]]
    return (no, "changed", label, changed, ("change", current.id, int(number)))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- applying -------------------------------------------------------------------------


class NotAllowed(Exception):
    """The plan has refused rows: nothing is written."""


def apply(kind: str, data: bytes, actor_id=None, progress=None) -> Plan:
    """Re-plan the file and write it, all in one transaction."""
    with write_transaction():
        plan = check(kind, data, progress)
        if plan.refused:
            raise NotAllowed(plan)
        if kind == "employees":
            _apply_employees(plan, actor_id)
        else:
            _apply_posts(plan)
    return plan


def _apply_employees(plan: Plan, actor_id):
    now, today = clock.now(), clock.today_ist()
    creates = [r[4] for r in plan.rows if r[1] == "created"]
    for start in range(0, len(creates), 500):
        batch = creates[start : start + 500]
        Employee.insert_many(
            [{**f, "created_at": now, "updated_at": now} for _, f, _ in batch]
        ).execute()
    if creates:
        codes = [f["code"] for _, f, _ in creates]
        ids = {}
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            query = Employee.select(Employee.code, Employee.id).where(Employee.code.in_(chunk))
            ids.update(query.tuples())
        postings = [
            {"employee": ids[f["code"]], "office": f["office"], "designation": f["designation"],
             **p, "created_at": now, "created_by": actor_id}
            for _, f, p in creates
        ]  # fmt: skip
        for start in range(0, len(postings), 500):
            Posting.insert_many(postings[start : start + 500]).execute()
        set_search_keys_many(
            [(ids[f["code"]], f["name_en"], f["name_local"]) for _, f, _ in creates]
        )
    renamed = []
    for row in plan.rows:
        if row[1] != "changed":
            continue
        _, employee_id, changes, posting, moved = row[4]
        if moved and posting["from_date"] <= today:
            changes = {**changes, "office": moved[0], "designation": moved[1]}
        elif moved and "date_of_birth" not in changes:
            # A transfer dated later moves the employee on its day
            # (services.apply_due_postings), superannuation with it.
            changes.pop("retires_on", None)
        if moved:
            Posting.create(employee=employee_id, office=moved[0], designation=moved[1],
                           created_at=now, created_by=actor_id, **posting)  # fmt: skip
        if changes:
            Employee.update({**changes, "updated_at": now}).where(
                Employee.id == employee_id
            ).execute()
        if "name_en" in changes or "name_local" in changes:
            renamed.append(employee_id)
    if renamed:
        rows = Employee.select(Employee.id, Employee.name_en, Employee.name_local).where(
            Employee.id.in_(renamed)
        )
        set_search_keys_many([(e.id, e.name_en, e.name_local) for e in rows])


def _apply_posts(plan: Plan):
    creates = [r[4] for r in plan.rows if r[1] == "created"]
    if creates:
        SanctionedPost.insert_many(
            [{"office": o, "designation": d, "sanctioned": n} for _, (o, d), n in creates]
        ).execute()
    for row in plan.rows:
        if row[1] == "changed":
            _, post_id, number = row[4]
            SanctionedPost.update(sanctioned=number).where(SanctionedPost.id == post_id).execute()


# --- the template files ------------------------------------------------------------

_KEEP = _l("Blank: left as it is for an employee already in the register; CLEAR: emptied.")
HINTS = {
    "employees": {
        "code": _l("Employee code: letters, digits, / and -. Required."),
        "name_en": _l("Name in Latin letters. Required."),
        "name_local": _l("Name in Devanagari."),
        "designation": _l("Designation code. Required."),
        "office": _l("Office code. Required."),
        "status": _l("working, on_leave, suspended or retired. Blank: working for a new employee, left as it is for one in the register."),  # noqa: E501
        "date_of_birth": _l("Date as DD-MM-YYYY. Required."),
        "joined_on": _l("Date as DD-MM-YYYY. Required."),
        "mobile_official": _l("10-digit mobile number."),
        "email_official": _l("Email address."),
        "mobile_personal": _l("10-digit mobile number."),
        "address": _l("Postal address."),
        "order_no": _l("For a transfer: the order number."),
        "order_date": _l("For a transfer: the date of the order (DD-MM-YYYY)."),
        "from_date": _l("For a transfer: the day it takes effect (DD-MM-YYYY)."),
    },
    "posts": {
        "office": _l("Office code."),
        "designation": _l("Designation code."),
        "sanctioned": _l("Number of sanctioned posts, 0 to 9999."),
    },
}  # fmt: skip


def template_table(kind: str) -> tuple:
    """The heading row and one example row of an import (the example row of
    employees is refused if left in), as a downloads table."""
    office = Office.select(Office.code).order_by(Office.id).first()
    designation = Designation.select(Designation.code).order_by(Designation.id).first()
    office_code = office.code if office else "TO0"
    designation_code = designation.code if designation else "CLK"
    if kind == "posts":
        return (list(POST_COLUMNS), [[office_code, designation_code, 1]], None)
    example = {
        "code": EXAMPLE_CODE, "name_en": "Ramesh Jadhav", "name_local": "रमेश जाधव",
        "designation": designation_code, "office": office_code, "status": "working",
        "date_of_birth": "15-03-1975", "joined_on": "01-07-1999",
        "mobile_official": "9876500001", "email_official": "CLEAR", "mobile_personal": "",
        "address": "", "order_no": "", "order_date": "", "from_date": "",
    }  # fmt: skip
    return (list(EMPLOYEE_COLUMNS), [[example[c] for c in EMPLOYEE_COLUMNS]], None)


def template_notes(kind: str) -> dict:
    """Column -> its note (in the current language), for the XLSX comments."""
    notes = {}
    for column, hint in HINTS[kind].items():
        text = str(hint)
        if kind == "employees" and column in CLEARABLE:
            text = f"{text} {_KEEP}"
        notes[column] = text
    return notes
