"""The vacancy statement and the retirements due as CSV and XLSX: the rows
and figures of the screen, every page of them. Their PDFs are reports made
in huey (views.vacancies_report, views.retirements_report)."""

from flask_babel import gettext as _

from blueprints.masters.models import District
from core.downloads import XLSX_MIMETYPE, bold_total, download, to_csv, to_xlsx


def _send(fmt, table, name, title):
    if fmt == "csv":
        return download(to_csv(table), "text/csv", f"{name}.csv")
    data = to_xlsx([(title, table)], title, bold_total)
    return download(data, XLSX_MIMETYPE, f"{name}.xlsx")


def district_name() -> str:
    """For the heading of the PDFs (made in huey: core.report_jobs)."""
    district = District.select().first()
    return district.name if district else ""


def vacancies(fmt, level, lines, total, today):
    title = _("Vacancy statement")
    first = {"office": _("Office"), "block": _("Block"), "district": _("Designation")}[level]
    header = [first, *([_("Designation")] if level == "office" else [])]
    header += [_("Sanctioned"), _("Filled"), _("Vacant")]
    body = []
    for line in [*lines, total]:
        row = [str(line.label), *([line.sub] if level == "office" else [])]
        body.append(row + [line.sanctioned, line.filled, line.vacant])
    return _send(fmt, (header, body, True), f"vacancies-{level}-{today.isoformat()}", title)


def retirements(fmt, rows, shown, today):
    """`shown`: the ids whose superannuation date the user may see; the
    others go without one."""
    header = [
        _("Retires on"),
        _("Employee code"),
        _("Name"),
        _("Name (Devanagari)"),
        _("Designation"),
        _("Office"),
    ]
    body = [
        [
            e.retires_on if e.id in shown else "",
            e.code,
            e.name_en,
            e.name_local,
            e.designation.name(),
            e.office.name,
        ]
        for e in rows
    ]
    return _send(
        fmt, (header, body, False), f"retirements-{today.isoformat()}", _("Retirements due")
    )
