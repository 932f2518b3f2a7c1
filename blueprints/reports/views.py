"""Reports: the user charges collected by CSCs and due to gram panchayats."""

from flask import request
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.reports import bp, exports
from blueprints.reports import services as svc
from core.access import requires
from core.downloads import XLSX_MIMETYPE, download, money_and_total, to_csv, to_xlsx
from core.render import page_arg, render

PAGE = 50


@bp.route("/user-charges")
@requires(*svc.REPORT_ROLES)
def user_charges():
    typed = {"from": request.args.get("from", ""), "to": request.args.get("to", "")}
    try:
        period = svc.parse_period(typed["from"], typed["to"])
    except svc.PeriodError as err:
        return render(
            "reports/user_charges.html", status=400, error=str(err), typed=typed, period=None
        )
    cscs = svc.by_csc(current_user, period)
    gps = svc.by_gram_panchayat(current_user, period)
    fmt = request.args.get("format", "")
    name = f"user-charges-{period.slug}"
    if fmt == "csv":
        if request.args.get("by") == "gp":
            return download(to_csv(exports.gp_table(gps)), "text/csv", f"{name}-gp.csv")
        return download(to_csv(exports.csc_table(cscs)), "text/csv", f"{name}-csc.csv")
    if fmt == "xlsx":
        data = to_xlsx(
            [
                (_("By CSC"), exports.csc_table(cscs)),
                (_("By gram panchayat"), exports.gp_table(gps)),
            ],
            _("User charges %(start)s to %(end)s", start=period.start, end=period.end),
            money_and_total,
        )
        return download(data, XLSX_MIMETYPE, f"{name}.xlsx")
    # Totals over every row; the tables are paged alike so a district with
    # hundreds of CSCs stays within the page budget.
    page = page_arg()
    start = (page - 1) * PAGE
    args = {"from": period.start.isoformat(), "to": period.end.isoformat()}
    return render(
        "reports/user_charges.html",
        error=None,
        typed=args,
        period=period,
        cscs=cscs[start : start + PAGE],
        gps=gps[start : start + PAGE],
        csc_total=svc.totals(cscs, svc.CSC_KEYS),
        gp_total=svc.totals(gps, svc.GP_KEYS),
        page=page,
        has_next=len(cscs) > start + PAGE or len(gps) > start + PAGE,
        args=args,
        rupees=svc.rupees,
    )
