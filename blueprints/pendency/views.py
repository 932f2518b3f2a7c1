"""e-District pendency: the dashboard of the user's jurisdiction, the list
behind each of its numbers, their exports and the one-page review summary."""

from urllib.parse import urlencode

from flask import request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.applications.statuses import OPEN_STATUS_LABELS
from blueprints.applications.workflow import clock_of
from blueprints.pendency import bp, charts, exports, listing
from blueprints.pendency import services as svc
from blueprints.pendency.filters import (
    AREAS,
    BUCKETS,
    COLUMNS,
    PENDENCY_ROLES,
    SHOWS,
    Filters,
    parse,
)
from core import audit, clock
from core.access import requires
from core.downloads import XLSX_MIMETYPE, dates_and_total, download, to_csv, to_xlsx
from core.render import page_arg, render, wants_fragment
from core.report_jobs import pdf_report

PAGE = 50
ALERTS_SHOWN = 10
ALL_COLUMNS = ("0-3", "4-7", "over7", "overdue", "pending", "in_time", "late", "share")
# What each column's number lists, beyond the row's own filters.
DRILL = {
    **{key: urlencode({"bucket": key}) for key in BUCKETS},
    "pending": "",
    "in_time": "show=in_time",
    "late": "show=late",
    "share": "show=disposed",
    "received": "show=received",
    "disposed": "show=disposed",
}


def grouped(n) -> str:
    """A count with Indian grouping in Latin digits (12,34,567), as the `num`
    filter writes it in English, Hindi and Marathi, without Babel's cost per
    call: a dashboard shows several hundred counts."""
    digits = str(abs(int(n)))
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ("-" if int(n) < 0 else "") + ",".join([*groups, tail])


class Links:
    """The drill-down URL behind each number of a row: the page's filters,
    the row's own (service and office, or a place, or a week), and what the
    column counts. Built by joining query strings: a page has hundreds, and
    url_for for each would cost more than the queries behind them."""

    def __init__(self, base: dict):
        self.url = url_for("pendency.applications")
        self.base = base

    def __call__(self, **row) -> dict:
        prefix = urlencode({**self.base, **row})
        out = {}
        for key, what in DRILL.items():
            query = "&".join(part for part in (prefix, what) if part)
            out[key] = f"{self.url}?{query}" if query else self.url
        return out

    def week(self, week) -> dict:
        return self(**week.args)


def _sort_urls(filters: Filters, args: dict) -> dict:
    urls = {}
    for key in ALL_COLUMNS:
        again = filters.sort == key and not filters.ascending
        urls[key] = url_for(
            "pendency.dashboard", **{**args, "sort": key, "dir": "asc" if again else None}
        )
    return urls


def _charts(dash, words: bool = True) -> dict:
    """The two charts; for the PDF (words=False) without text in the SVG,
    which WeasyPrint cannot shape in Devanagari: the template writes it."""
    out = {
        "trend": charts.trend_lines(
            dash.weeks,
            _("Received and disposed, week by week"),
            _(
                "In the 12 weeks: %(received)s received, %(disposed)s disposed. "
                "The figures of each week are in the table below the chart.",
                received=grouped(sum(w.received for w in dash.weeks)),
                disposed=grouped(sum(w.disposed for w in dash.weeks)),
            ),
            _("Received"),
            _("Disposed"),
            words=words,
        ),
    }
    if words:
        out["bars"] = charts.bucket_bars(
            dash.total,
            {k: str(v) for k, v in BUCKETS.items()},
            _("Pending applications by age"),
        )
    else:
        biggest = max(dash.total[k] for k in BUCKETS)
        out["bars"] = {k: charts.bar(k, dash.total[k], biggest) for k in BUCKETS}
        out["line_samples"] = charts.LINE_SAMPLES
    return out


def _recent_alerts(filters: Filters) -> list:
    """Who was told what and when in the last week (the one-week alerts, a
    part of its own: blueprints/alerts), for the offices the user may see."""
    from blueprints.alerts.services import alerts_for, offices_seen_by

    offices = [filters.office.id] if filters.office else offices_seen_by(current_user)
    return alerts_for(offices, limit=ALERTS_SHOWN)


def _export_dashboard(dash, filters: Filters):
    name = f"pendency-{filters.period.slug}"
    by_area = _("Pending by tehsil") if filters.area == "tehsil" else _("Pending by block")
    if filters.fmt == "csv":
        which = request.args.get("table", "")
        if which == "area":
            table = exports.areas_table(dash, filters.area)
        elif which == "trend":
            table = exports.trend_table(dash)
        else:
            which = "services"
            table = exports.cells_table(dash)
        return download(to_csv(table), "text/csv", f"{name}-{which}.csv")
    data = to_xlsx(
        [
            (_("By service and office"), exports.cells_table(dash)),
            (by_area, exports.areas_table(dash, filters.area)),
            (_("Week by week"), exports.trend_table(dash)),
        ],
        _("Pendency, %(scope)s", scope=dash.scope),
        dates_and_total,
    )
    return download(data, XLSX_MIMETYPE, f"{name}.xlsx")


@bp.route("/")
@requires(*PENDENCY_ROLES)
def dashboard():
    filters, errors = parse(request.args, current_user)
    dash = svc.dashboard(current_user, filters)
    if filters.fmt:
        return _export_dashboard(dash, filters)
    page = page_arg()
    start = (page - 1) * PAGE
    args = filters.dashboard_args()
    links = Links(filters.filter_args())
    return render(
        "pendency/dashboard.html",
        "pendency/_view.html",
        status=400 if errors else 200,
        errors=errors,
        filters=filters,
        dash=dash,
        rows=dash.rows[start : start + PAGE],
        page=page,
        has_next=len(dash.rows) > start + PAGE,
        args=args,
        buckets=BUCKETS,
        columns=COLUMNS,
        areas=AREAS,
        all_columns=ALL_COLUMNS,
        area_columns=svc.AREA_COLUMNS,
        sort_urls=_sort_urls(filters, args),
        row_links=links,
        week_links=links.week,
        total_links=links(),
        grouped=grouped,
        # Outside the fragment: a re-sort or a new page does not change it.
        alerts=[] if wants_fragment() else _recent_alerts(filters),
        **_charts(dash),
    )


@bp.route("/applications")
@requires(*PENDENCY_ROLES)
def applications():
    filters, errors = parse(request.args, current_user)
    today = clock.today_ist()
    if filters.fmt:
        rows = list(listing.matching(current_user, filters, today, limit=listing.EXPORT_MAX))
        audit.record("pendency.exported", "pendency", None, rows=len(rows), **filters.list_args())
        table = exports.list_table(rows, today)
        name = f"pendency-applications-{filters.period.slug}"
        if filters.fmt == "csv":
            return download(to_csv(table), "text/csv", f"{name}.csv")
        data = to_xlsx([(_("Applications"), table)], _("Applications"), dates_and_total)
        return download(data, XLSX_MIMETYPE, f"{name}.xlsx")
    after = listing.Cursor.parse(request.args.get("after"))
    before = None if after else listing.Cursor.parse(request.args.get("before"))
    page = listing.page(current_user, filters, after=after, before=before)
    # The list shows applicants' names: a view of personal data, recorded.
    audit.record("pendency.list_viewed", "pendency", None, **filters.list_args())
    return render(
        "pendency/list.html",
        "pendency/_list_table.html",
        status=400 if errors else 200,
        errors=errors,
        filters=filters,
        page=page,
        total=listing.count(current_user, filters, today),
        args=filters.list_args(),
        paged=after is not None or before is not None,
        clock_of=lambda application: clock_of(application, today),
        shows=SHOWS,
        buckets=BUCKETS,
        open_statuses=OPEN_STATUS_LABELS,
        services=svc.services_by_id(),
        offices=svc.offices_by_id(current_user),
        export_max=listing.EXPORT_MAX,
    )


@bp.route("/summary.pdf")
@requires(*PENDENCY_ROLES)
def summary_pdf():
    return summary_report.start()


@pdf_report("pendency.summary", "pdf/pendency/summary.html", _l("Pendency review"))
def summary_report():
    filters, errors = parse(request.args, current_user)
    dash = svc.dashboard(current_user, filters)
    worst = sorted(dash.rows, key=lambda r: (-r["over7"], -r["pending"], r["label"]))[:10]
    return f"pendency-summary-{dash.today.isoformat()}.pdf", dict(
        errors=errors,
        filters=filters,
        dash=dash,
        worst=[r for r in worst if r["pending"]],
        areas=sorted(dash.areas, key=lambda r: r["label"])[:20],
        buckets=BUCKETS,
        columns=COLUMNS,
        area_label=AREAS[filters.area],
        printed_at=clock.now(),
        **_charts(dash, words=False),
    )
