"""The user-charges report as CSV (one table per file) and XLSX (both tables,
one sheet each). Amounts in rupees with two decimals; a last row of totals."""

import csv
import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from blueprints.reports.services import CSC_KEYS, GP_KEYS, rupees_decimal, totals
from core.i18n import current_language

# Indian grouping (1,23,45,678.00) in Excel's own number format.
INDIAN_MONEY = r"[>=10000000]##\,##\,##\,##0.00;[>=100000]##\,##\,##0.00;##,##0.00"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(row: dict, prefix: str = "name") -> str:
    local = row.get(f"{prefix}_local")
    if current_language() != "en" and local:
        return local
    return row.get(f"{prefix}_en") or local or ""


def csc_table(rows: list[dict]) -> tuple[list[str], list[list], set[int]]:
    """Header, rows (the last one the totals) and which columns are money."""
    header = [
        _("CSC code"),
        _("CSC"),
        _("Applications"),
        _("Government fee (₹)"),
        _("User charge (₹)"),
        _("CSC share (₹)"),
        _("Gram panchayat share (₹)"),
        _("Society share (₹)"),
    ]
    money = ("govt", "user_charge", "csc", "gp", "society")
    body = [
        [r["code"], _name(r), int(r["applications"]), *(rupees_decimal(r[k]) for k in money)]
        for r in rows
    ]
    total = totals(rows, CSC_KEYS)
    body.append(["", _("Total"), total["applications"], *(rupees_decimal(total[k]) for k in money)])
    return header, body, {3, 4, 5, 6, 7}


def gp_table(rows: list[dict]) -> tuple[list[str], list[list], set[int]]:
    header = [
        _("Gram panchayat code"),
        _("Gram panchayat"),
        _("Block"),
        _("Applications"),
        _("Share due (₹)"),
    ]
    body = [
        [r["code"], _name(r), _name(r, "block"), int(r["applications"]), rupees_decimal(r["gp"])]
        for r in rows
    ]
    total = totals(rows, GP_KEYS)
    body.append(["", _("Total"), "", total["applications"], rupees_decimal(total["gp"])])
    return header, body, {4}


def to_csv(table) -> bytes:
    header, body, _money = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    # The byte-order mark lets Excel read the Devanagari names as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _sheet_title(text: str) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text[:31]


def write_workbook(sheets: list[tuple[str, tuple]], title: str, finish) -> bytes:
    """An XLSX of (name, (header, body, extra)) sheets: bold header, frozen
    first row, sensible column widths. `finish(sheet, header, body, extra)`
    adds what a report needs beyond that (number formats, a bold total)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    for name, (header, body, extra) in sheets:
        sheet = workbook.create_sheet(_sheet_title(name))
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in body:
            sheet.append(row)
        finish(sheet, header, body, extra)
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(12, min(40, len(heading) + 2))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _money_and_total(sheet, header, body, money) -> None:
    for column in money:
        for (cell,) in sheet.iter_rows(
            min_row=2, min_col=column + 1, max_col=column + 1, max_row=len(body) + 1
        ):
            cell.number_format = INDIAN_MONEY
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def to_xlsx(sheets: list[tuple[str, tuple]], title: str) -> bytes:
    """Sheets of (header, body, money columns); the last row is the total."""
    return write_workbook(sheets, title, _money_and_total)
