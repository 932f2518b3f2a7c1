"""Tables as CSV and XLSX, and the response that sends a file to download.

A table is (header, body, extra): `extra` means what the sheet's finisher
makes of it (the money columns, whether the last row is a total).

Formula injection: a text cell whose first character is =, +, -, @, tab or
CR would run as a formula in Excel or LibreOffice (=HYPERLINK to a phishing
page, a DDE command). Such a text gets a leading apostrophe, in CSV and
XLSX alike, so the spreadsheet shows it as text and a copy re-saved as CSV
stays safe. Numbers are never touched: -5 stays a number."""

import csv
import datetime as dt
import io
import re

from flask import make_response
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Indian grouping (1,23,45,678.00) in Excel's own number format.
INDIAN_MONEY = r"[>=10000000]##\,##\,##\,##0.00;[>=100000]##\,##\,##0.00;##,##0.00"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# What an import refuses as a formula, in CSV as in XLSX: "=" or "@" first, or
# "+"/"-" before anything but a number or a phone number ("-3", "+91 98...").
PLAIN_SIGNED = re.compile(r"^[+-][0-9][0-9 .,]*$")


def looks_like_formula(text) -> bool:
    if not isinstance(text, str) or not text.startswith(FORMULA_STARTS):
        return False
    return not PLAIN_SIGNED.match(text.strip())


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _safe_row(row) -> list:
    return [safe_cell(value) for value in row]


def download(data: bytes, mimetype: str, filename: str, private: bool = True):
    """A file to save. Most hold what only the signed-in user may see, so no
    shared cache keeps them; public open data (private=False) leaves its
    caching to the caller."""
    response = make_response(data)
    response.mimetype = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    if private:
        response.headers["Cache-Control"] = "private, no-cache"
    return response


def to_csv(table) -> bytes:
    header, body, _extra = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_safe_row(header))
    writer.writerows(_safe_row(row) for row in body)
    # The byte-order mark lets Excel read the Devanagari names as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _sheet_title(text: str) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text[:31]


def to_xlsx(sheets: list[tuple[str, tuple]], title: str, finish=None) -> bytes:
    """An XLSX of (name, (header, body, extra)) sheets: bold header, frozen
    first row, sensible column widths. `finish(sheet, header, body, extra)`
    adds what a report needs beyond that (number formats, a bold total)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    for name, (header, body, extra) in sheets:
        sheet = workbook.create_sheet(_sheet_title(name))
        sheet.append(_safe_row(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in body:
            sheet.append(_safe_row(row))
        if finish:
            finish(sheet, header, body, extra)
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(12, min(40, len(heading) + 2))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- finishers: extra is the money columns, or whether the last row is a total


def _bold_last_row(sheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def money_and_total(sheet, header, body, money) -> None:
    """Money columns in Indian grouping; the last row is always the total."""
    for column in money:
        for (cell,) in sheet.iter_rows(
            min_row=2, min_col=column + 1, max_col=column + 1, max_row=len(body) + 1
        ):
            cell.number_format = INDIAN_MONEY
    _bold_last_row(sheet)


def bold_total(sheet, header, body, total: bool) -> None:
    if total:
        _bold_last_row(sheet)


def dates_and_total(sheet, header, body, total: bool) -> None:
    """Dates in Indian order (dd-mm-yyyy); a bold total row if there is one."""
    if total and body:
        _bold_last_row(sheet)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd-mm-yyyy hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd-mm-yyyy"
