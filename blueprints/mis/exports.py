"""The roll-up and the reporting status as CSV (one table) and XLSX
(finished by core.downloads.money_and_total): the rows and figures of the
screen, every page."""

from flask_babel import gettext as _

from blueprints.mis import months
from core.i18n import current_language


def _share(cell):
    share = cell.share
    return "" if share is None else round(share, 1)


def rollup_table(rows, total, indicators, area_heading: str):
    """Header, body (the last row the total) and the rupee columns."""
    lang = current_language()
    header = [_("Code"), area_heading, _("Gram panchayats"), _("Reported")]
    money = set()
    for indicator in indicators:
        name = indicator.name(lang)
        if indicator.unit == "rupees":
            money.update({len(header), len(header) + 1})
        header += [
            _("%(indicator)s: target", indicator=name),
            _("%(indicator)s: achieved", indicator=name),
            _("%(indicator)s: share achieved (%%)", indicator=name),
        ]
    body = []
    for row in [*rows, total]:
        line = [row.code, row.name or _("Total"), row.gps, row.reported]
        for indicator in indicators:
            cell = row.cell(indicator.id)
            line += [cell.target, cell.achievement, _share(cell)]
        body.append(line)
    return header, body, money


def status_table(rows, total, month):
    header = [
        _("Block"),
        _("Block office"),
        _("Gram panchayats"),
        _("Reported"),
        _("Not reported"),
        _("Certified on"),
        _("Certified by"),
    ]
    body = [
        [
            row.name,
            row.office,
            row.gps,
            row.reported,
            row.missing,
            row.certified.certified_at.date() if row.certified else "",
            row.certified.certified_by.full_name if row.certified else "",
        ]
        for row in rows
    ]
    certified = sum(1 for row in rows if row.certified)
    body.append(
        [
            _("Total"),
            _("%(month)s: %(n)s certified", month=months.label(month), n=certified),
            total.gps,
            total.reported,
            total.missing,
            "",
            "",
        ]
    )
    return header, body, set()
