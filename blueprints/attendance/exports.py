"""Attendance tables for CSV (reports.exports.to_csv) and XLSX
(reports.exports.write_workbook): the office summary and the late-comers."""

from flask import make_response
from flask_babel import gettext as _
from openpyxl.styles import Font

from blueprints.reports.exports import XLSX_MIMETYPE, to_csv, write_workbook

__all__ = ["XLSX_MIMETYPE", "download", "late_table", "summary_table", "to_csv", "to_xlsx"]


def _name(row) -> str:
    return row.name


def summary_table(rows) -> tuple[list, list, None]:
    header = [
        _("Office code"),
        _("Office"),
        _("Employees"),
        _("Present"),
        _("Late"),
        _("Half day"),
        _("Absent"),
        _("On leave"),
        _("Attendance (per cent)"),
    ]
    body = [
        [
            r["office"].code,
            _name(r["office"]),
            r["employees"],
            r["present"],
            r["late"],
            r["half_day"],
            r["absent"],
            r["leave"],
            r["rate"] if r["rate"] is not None else "",
        ]
        for r in rows
    ]
    return header, body, None


def late_table(rows) -> tuple[list, list, None]:
    header = [_("Employee code"), _("Employee"), _("Office"), _("Days late"), _("Dates")]
    body = [
        [
            r["employee"].code,
            r["employee"].name(),
            r["employee"].office.name,
            r["count"],
            ", ".join(d.day.strftime("%d-%m") for d in r["days"]),
        ]
        for r in rows
    ]
    return header, body, None


def _bold_header(sheet, header, body, extra) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def to_xlsx(name: str, table, title: str) -> bytes:
    return write_workbook([(name, table)], title, _bold_header)


def download(data: bytes, mimetype: str, filename: str):
    response = make_response(data)
    response.mimetype = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response
