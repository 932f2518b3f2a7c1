"""The registry and the coverage tables as CSV (one table a file) and XLSX (a
sheet a table, finished by core.downloads.dates_and_total): the rows, order
and figures of the screen, every page of them."""

from flask_babel import gettext as _

from blueprints.cscs.charts import segment_labels
from core import clock


def registry_table(rows) -> tuple[list, list, bool]:
    header = [
        _("CSC code"),
        _("CSC"),
        _("Gram panchayat"),
        _("Block"),
        _("Operator (VLE)"),
        _("Status"),
        _("Inactive"),
        _("Closure proposed"),
        _("Last application (IST)"),
        _("Opened on"),
    ]
    body = [
        [
            r.code,
            r.name,
            r.gp_name,
            r.block_name,
            r.operator_name,
            str(r.stage_label),
            _("yes") if r.inactive else "",
            _("yes") if r.closing else "",
            clock.ist_cell(r.last_at),
            r.opened_on or "",
        ]
        for r in rows
    ]
    return header, body, False


def coverage_table(cov) -> tuple[list, list, bool]:
    labels = segment_labels()
    header = [
        _("Block"),
        _("Gram panchayats"),
        labels["working"],
        labels["inactive_only"],
        labels["uncovered"],
    ]
    body = [
        [b.name, b.gps, b.working, b.inactive_only, b.uncovered] for b in [*cov.blocks, cov.total]
    ]
    return header, body, True


def pipeline_table(cov) -> tuple[list, list, bool]:
    header = [
        _("Block"),
        _("Proposed"),
        _("Approved, not yet opened"),
        _("Opened since %(day)s", day=cov.opened_since.isoformat()),
    ]
    body = [[b.name, b.proposed, b.approved, b.opened] for b in [*cov.blocks, cov.total]]
    return header, body, True


def uncovered_table(rows) -> tuple[list, list, bool]:
    header = [
        _("Gram panchayat code"),
        _("Gram panchayat"),
        _("Block"),
        _("Population"),
        _("A CSC is proposed"),
    ]
    body = [
        [
            r.code,
            r.name,
            r.block_name,
            "" if r.population is None else r.population,
            _("yes") if r.in_pipeline else "",
        ]
        for r in rows
    ]
    return header, body, False
