"""Import of a biometric device's CSV export: all or nothing per file.

The file: a header row naming the employee code column (employee_code,
emp_code, code or employee) and the time column (punched_at, timestamp,
punch_time, datetime or time), then one punch a row. Times are IST
wall-clock as the device prints them: 2026-11-03 09:52[:10],
2026-11-03T09:52[:10], 03/11/2026 09:52[:10] or 03-11-2026 09:52[:10]
(day first, as in India). Duplicates within the file and punches already
imported are normal (overlapping exports): they are counted, not added,
because (employee, punched_at) is unique."""

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field

import peewee as pw
from flask_babel import gettext as _

from blueprints.attendance.models import Punch, PunchImport
from blueprints.employees.models import Employee
from core import audit, clock
from core.db import write_transaction

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 200_000
# A punch before this IST hour belongs to the previous working day.
DAY_TURNS_AT = dt.time(4, 0)
CODE_COLUMNS = ("employee_code", "emp_code", "empcode", "code", "employee", "employee code")
TIME_COLUMNS = ("punched_at", "timestamp", "punch_time", "datetime", "time", "punch time")
FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
)
SHOWN_ERRORS = 20


class ImportRefused(ValueError):
    """The file was refused; nothing was saved. `errors` lists (row, message)
    with the file's own row numbers (the header is row 1)."""

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.errors = list(errors)


@dataclass
class Result:
    batch: PunchImport
    rows: int
    added: int
    already: int
    employees: int
    days: list = field(default_factory=list)


def parse_ist(text: str) -> dt.datetime | None:
    """A device's IST wall-clock time, or None when it is not one."""
    text = " ".join((text or "").split())
    for fmt in FORMATS:
        try:
            value = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return value.replace(tzinfo=clock.IST)
    return None


def working_day(ist_time: dt.datetime) -> dt.date:
    if ist_time.time() < DAY_TURNS_AT:
        return ist_time.date() - dt.timedelta(days=1)
    return ist_time.date()


def _text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ImportRefused(_("This is not a CSV file. Export the punches as CSV and try again."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(_("This is not a CSV file. Export the punches as CSV and try again."))


def _columns(header: list[str]) -> tuple[int, int]:
    names = [h.strip().lower().replace("-", "_") for h in header]
    code = next((i for i, n in enumerate(names) if n in CODE_COLUMNS), None)
    when = next((i for i, n in enumerate(names) if n in TIME_COLUMNS), None)
    if code is None or when is None:
        raise ImportRefused(
            _(
                "The first row must name the columns: employee_code and punched_at. "
                "Nothing was imported."
            )
        )
    return code, when


def read_rows(filename: str, data: bytes) -> list[tuple[int, str, dt.datetime]]:
    """(row number, code, aware IST time) of every punch, or ImportRefused
    listing each bad row."""
    rows, errors, _codes = _read(filename, data)
    _refuse_if(errors)
    return rows


def _read(filename: str, data: bytes):
    """The good rows, the bad ones as (row, message), and (row, code) of
    every row that names a code: a row with a bad time may name an unknown
    employee as well, and both are told in the same round."""
    if not (filename or "").lower().endswith(".csv"):
        raise ImportRefused(_("This is not a CSV file. Export the punches as CSV and try again."))
    if not data.strip():
        raise ImportRefused(_("The file is empty. Nothing was imported."))
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("The file is larger than 5 MB. Import it in parts, a month at a time.")
        )
    text = _text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportRefused(
            _("This is not a CSV file. Export the punches as CSV and try again.")
        ) from None
    code_col, time_col = _columns(header)
    rows, errors, codes = [], [], []
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportRefused(
                    _("The file has more than 200,000 punches. Import it in parts.")
                )
            if len(row) <= max(code_col, time_col):
                errors.append((number, _("A column is missing in this row.")))
                continue
            code, when = row[code_col].strip().upper(), row[time_col].strip()
            if code:
                codes.append((number, code))
            parsed = parse_ist(when)
            if not code:
                errors.append((number, _("The employee code is empty.")))
            elif parsed is None:
                errors.append(
                    (
                        number,
                        _(
                            "“%(text)s” is not a date and time. Write it as YYYY-MM-DD HH:MM, "
                            "for example 2026-11-03 09:52.",
                            text=when[:30],
                        ),
                    )
                )
            elif not 2000 <= parsed.year <= 2100:
                errors.append((number, _("The date is not between the years 2000 and 2100.")))
            else:
                rows.append((number, code, parsed))
    except csv.Error:
        raise ImportRefused(
            _("This is not a CSV file. Export the punches as CSV and try again.")
        ) from None
    if not rows and not errors:
        raise ImportRefused(_("The file has no punches. Nothing was imported."))
    return rows, errors, codes


def _refuse_if(errors) -> None:
    """Every bad row at once, in the file's order; a row wrong in two ways
    is one line with both reasons."""
    if not errors:
        return
    reasons: dict[int, list[str]] = {}
    for number, message in errors:
        reasons.setdefault(number, []).append(message)
    raise ImportRefused(
        _("Some rows are wrong. Nothing was imported; correct them and try again."),
        [(n, " ".join(reasons[n])) for n in sorted(reasons)],
    )


def import_file(filename: str, data: bytes, employees, actor=None) -> Result:
    """Import a file of punches for `employees` (a query: the employees the
    importing user may import for). All or nothing."""
    rows, errors, named = _read(filename, data)
    codes = sorted({code for _n, code in named})
    known = {}
    for chunk in range(0, len(codes), 500):
        part = codes[chunk : chunk + 500]
        for emp_id, code in (
            employees.select(Employee.id, Employee.code)
            .where(pw.fn.UPPER(Employee.code).in_(part))
            .tuples()
        ):
            known[code.upper()] = emp_id
    unknown = [
        (n, _("No employee of your offices has the code %(code)s.", code=code[:30]))
        for n, code in named
        if code not in known
    ]
    _refuse_if(errors + unknown)
    punches = {}
    for _n, code, when in rows:
        key = (known[code], clock.from_ist(when))
        punches.setdefault(key, working_day(when))
    days = sorted(set(punches.values()))
    with write_transaction():
        batch = PunchImport.create(
            original_name=(filename or "")[:200],
            sha256=hashlib.sha256(data).hexdigest(),
            rows=len(rows),
            first_day=days[0],
            last_day=days[-1],
            created_by=actor.id if actor is not None else None,
        )
        before = _count(punches)
        items = [
            {"employee": emp, "punched_at": at, "day": day, "batch": batch.id}
            for (emp, at), day in punches.items()
        ]
        for chunk in range(0, len(items), 500):
            Punch.insert_many(items[chunk : chunk + 500]).on_conflict_ignore().execute()
        after = _count(punches)
        batch.added = after - before
        batch.already = len(rows) - batch.added
        batch.save()
        audit.record(
            "punches.imported",
            "punch_import",
            batch.id,
            actor=actor,
            rows=len(rows),
            added=batch.added,
        )
    return Result(batch, len(rows), batch.added, batch.already, len({e for e, _a in punches}), days)


def _count(punches) -> int:
    """Punches of these employees in the file's time span already stored."""
    employees = sorted({e for e, _a in punches})
    first = min(a for _e, a in punches)
    last = max(a for _e, a in punches)
    total = 0
    for chunk in range(0, len(employees), 500):
        total += (
            Punch.select()
            .where(
                Punch.employee.in_(employees[chunk : chunk + 500]),
                Punch.punched_at.between(first, last),
            )
            .count()
        )
    return total
