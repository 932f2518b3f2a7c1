"""The dashboard's tables and the drill-down list as CSV (one table a file)
and XLSX (a sheet a table, finished by core.downloads.dates_and_total): the
rows and numbers of the screen, in its order, with its filters; the
dashboard's tables whole, not one page of them."""

from flask_babel import gettext as _

from blueprints.applications.workflow import clock_of
from blueprints.pendency.filters import AREAS, COLUMNS
from blueprints.pendency.services import AREA_COLUMNS
from core import clock
from core.i18n import current_language

COUNT_KEYS = ("0-3", "4-7", "over7", "overdue", "pending", "in_time", "late")


def _counts(row: dict) -> list:
    return [int(row[k]) for k in COUNT_KEYS] + ["" if row["share"] is None else row["share"]]


def _count_headings() -> list[str]:
    return [str(COLUMNS[k]) for k in COUNT_KEYS] + [_("Share disposed in time (%)")]


def cells_table(dash) -> tuple[list, list, bool]:
    """Header, rows and whether the last row is a total."""
    header = [_("Service"), _("Office"), *_count_headings()]
    body = [[r["service_name"], r["office_name"], *_counts(r)] for r in dash.rows]
    body.append([_("Total"), "", *_counts(dash.total)])
    return header, body, True


def areas_table(dash, area: str) -> tuple[list, list, bool]:
    """The pending by place, as the dashboard's second table."""
    counts = [str(COLUMNS[k]) for k in AREA_COLUMNS]
    if area == "tehsil":
        header = [str(AREAS["tehsil"]), *counts]
        body = [[r["name"], *(int(r[k]) for k in AREA_COLUMNS)] for r in dash.areas]
    else:
        header = [str(AREAS["tehsil"]), str(AREAS["block"]), *counts]
        body = [
            [r["tehsil_name"], r["name"], *(int(r[k]) for k in AREA_COLUMNS)] for r in dash.areas
        ]
    return header, body, False


def trend_table(dash) -> tuple[list, list, bool]:
    header = [_("Week from"), _("Week to"), _("Received"), _("Disposed")]
    body = [[w.start, w.end, w.received, w.disposed] for w in dash.weeks]
    body.append(
        [_("Total"), "", sum(w.received for w in dash.weeks), sum(w.disposed for w in dash.weeks)]
    )
    return header, body, True


def _applicant(row) -> str:
    if current_language() == "en":
        return row.applicant_name_en or row.applicant_name_local
    return row.applicant_name_local or row.applicant_name_en


def list_table(rows, today) -> tuple[list, list, bool]:
    header = [
        _("Application ID"),
        _("Service"),
        _("Office"),
        _("Applicant"),
        _("Submitted on (IST)"),
        _("Due date"),
        _("Days left"),
        _("Status"),
        _("Decided on (IST)"),
    ]
    body = []
    for row in rows:
        left = clock_of(row, today).days_left
        body.append(
            [
                row.app_id,
                row.service.name,
                row.office.name if row.office and row.office.id else "",
                _applicant(row),
                clock.ist_cell(row.submitted_at),
                row.due_date or "",
                "" if left is None else left,
                str(row.status_label),
                clock.ist_cell(row.decided_at),
            ]
        )
    return header, body, False
