"""The user-charges report's tables, for CSV (one table per file) and XLSX
(both tables, one sheet each, core.downloads.money_and_total). Amounts in
rupees with two decimals; a last row of totals."""

from flask_babel import gettext as _

from blueprints.reports.services import CSC_KEYS, GP_KEYS, rupees_decimal, totals
from core.i18n import current_language


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
