"""Attendance tables for CSV and XLSX (core.downloads): the office summary
and the late-comers."""

from flask_babel import gettext as _


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
