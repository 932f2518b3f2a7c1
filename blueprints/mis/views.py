"""Scheme progress (MIS): the roll-up by block, a block's gram panchayats
with its certification, a GP's monthly figures form (a plain form, so a
phone with JavaScript off can send it), its history, and the district's
list of blocks yet to report or certify."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.masters.models import Block, GramPanchayat
from blueprints.mis import bp, charts, exports, months
from blueprints.mis import rollup as ru
from blueprints.mis import services as svc
from blueprints.mis.months import MonthError
from core import clock
from core.access import get_scoped_or_404, requires
from core.downloads import XLSX_MIMETYPE, download, money_and_total, to_csv, to_xlsx
from core.i18n import current_language
from core.render import page_arg, render
from core.security import bad_request

FORMATS = ("csv", "xlsx")


def _month(default=None):
    """The ?month= (or the form's month) of the request, last month if none."""
    text = request.values.get("month")
    if not text:
        return default or months.reporting_month()
    try:
        return months.parse(text)
    except MonthError as err:
        abort(bad_request(str(err)))


def _format():
    fmt = request.args.get("format")
    if fmt and fmt not in FORMATS:
        abort(bad_request(_("“%(value)s” is not a download format.", value=fmt[:20])))
    return fmt


def _scheme_and_indicators(month):
    """The schemes reported this month, the chosen one (?scheme=) and its
    indicators, and the ids of every indicator of the month."""
    indicators = svc.active_indicators(month)
    schemes = svc.schemes_of(indicators)
    chosen = None
    wanted = request.args.get("scheme", "")
    for scheme in schemes:
        if str(scheme.id) == wanted or (chosen is None and not wanted):
            chosen = scheme
    if wanted and chosen is None and schemes:
        abort(bad_request(_("Choose one of the schemes in the list.")))
    shown = [i for i in indicators if chosen is not None and i.scheme_id == chosen.id]
    return schemes, chosen, shown, [i.id for i in indicators]


def _chart_indicator(shown):
    wanted = request.args.get("indicator", "")
    for indicator in shown:
        if str(indicator.id) == wanted:
            return indicator
    return shown[0] if shown else None


def _nav(month):
    this = months.current_month()
    return {
        "month": month,
        "month_key": months.key(month),
        "month_label": months.label(month),
        "previous": months.key(months.shift(month, -1)),
        "following": months.key(months.shift(month, 1)) if month < this else None,
        "lang": current_language(),
        "percent": charts.percent,
    }


def _home_link():
    """Where "enter figures" leads the signed-in user, if anywhere."""
    if current_user.role == "gp_staff" and current_user.gram_panchayat_id:
        return url_for("mis.figures", gp_id=current_user.gram_panchayat_id)
    block_id = svc.block_office_block_id(current_user)
    if block_id:
        return url_for("mis.block", block_id=block_id)
    return None


@bp.route("/")
@requires(*svc.VIEW_ROLES)
def index():
    month = _month()
    fmt = _format()
    schemes, scheme, shown, all_ids = _scheme_and_indicators(month)
    rows, total = ru.block_rows(current_user, month, [i.id for i in shown], all_ids)
    if fmt:
        table = exports.rollup_table(rows, total, shown, _("Block"))
        name = f"mis-{scheme.code if scheme else 'none'}-{months.key(month)}"
        return _send_table(fmt, table, name, _("By block"))
    chart_of = _chart_indicator(shown)
    chart = _share_chart(
        rows, chart_of, _l("%(indicator)s: share of the target achieved, by block")
    )
    return render(
        "mis/index.html",
        schemes=schemes,
        scheme=scheme,
        indicators=shown,
        chart_of=chart_of,
        rows=rows,
        total=total,
        chart=chart,
        enter_url=_home_link(),
        **_nav(month),
    )


def _send_table(fmt, table, name, sheet_title):
    """A table as CSV or as a one-sheet XLSX."""
    if fmt == "csv":
        return download(to_csv(table), "text/csv", f"{name}.csv")
    data = to_xlsx([(sheet_title, table)], _("Scheme progress"), money_and_total)
    return download(data, XLSX_MIMETYPE, f"{name}.xlsx")


def _share_chart(rows, chart_of, title):
    """Bars of the share achieved for one indicator; `title` is a lazy
    message with %(indicator)s, so each level keeps its own wording."""
    if chart_of is None or not rows:
        return None
    name = chart_of.name(current_language())
    return charts.share_bars(rows, chart_of.id, str(title) % {"indicator": name})


@bp.route("/blocks/<int:block_id>")
@requires(*svc.VIEW_ROLES)
def block(block_id):
    block = get_scoped_or_404(svc.visible_blocks(current_user), block_id)
    month = _month()
    fmt = _format()
    return _block_page(block, month, fmt)


def _block_page(block, month, fmt=None, error=None, status=200):
    schemes, scheme, shown, all_ids = _scheme_and_indicators(month)
    shown_ids = [i.id for i in shown]
    missing_only = request.args.get("missing") == "1"
    if fmt:
        rows, _more = ru.gp_rows(current_user, block.id, month, shown_ids, all_ids, None)
        total = ru.block_total(current_user, block.id, month, shown_ids, all_ids)
        table = exports.rollup_table(rows, total, shown, _("Gram panchayat"))
        name = f"mis-{block.code}-{scheme.code if scheme else 'none'}-{months.key(month)}"
        return _send_table(fmt, table, name, block.name)
    page = page_arg()
    rows, has_next = ru.gp_rows(
        current_user, block.id, month, shown_ids, all_ids, page, missing_only
    )
    total = ru.block_total(current_user, block.id, month, shown_ids, all_ids)
    chart_of = _chart_indicator(shown)
    chart = _share_chart(
        rows, chart_of, _l("%(indicator)s: share of the target achieved, by gram panchayat")
    )
    return render(
        "mis/block.html",
        status=status,
        error=error,
        block=block,
        schemes=schemes,
        scheme=scheme,
        indicators=shown,
        chart_of=chart_of,
        rows=rows,
        total=total,
        chart=chart,
        page=page,
        has_next=has_next,
        missing_only=missing_only,
        certification=svc.certification_of(block.id, month),
        may_certify=svc.may_certify(current_user, block.id),
        month_over=month < months.current_month(),
        has_indicators=bool(all_ids),
        **_nav(month),
    )


@bp.route("/blocks/<int:block_id>/certify", methods=["POST"])
@requires("office_head")
def certify(block_id):
    block = get_scoped_or_404(svc.visible_blocks(current_user), block_id)
    month = _month()
    try:
        svc.certify(block, month, current_user)
    except svc.MisError as err:
        if err.status == 403:
            abort(403)
        return _block_page(block, month, error=str(err), status=err.status)
    flash(
        _("The figures of %(month)s are certified and now locked.", month=months.label(month)),
        "ok",
    )
    return redirect(url_for("mis.block", block_id=block.id, month=months.key(month)), 303)


def _gp(gp_id):
    query = (
        GramPanchayat.select(GramPanchayat, Block)
        .join(Block)
        .where(GramPanchayat.id.in_(svc.visible_gps(current_user).select(GramPanchayat.id)))
    )
    return get_scoped_or_404(query, gp_id)


def _figures_page(gp, month, posted=False, errors=None, reason="", status=200, error=None):
    """The form; after a refused POST it shows what was typed, not the store."""
    indicators = svc.active_indicators(month)
    current = svc.current_entries(gp.id, month)
    certification = svc.certification_of(gp.block_id, month)
    if certification is not None:
        editable = svc.may_correct(current_user, gp.block_id)
    else:
        editable = svc.may_enter(current_user, gp)
    shown = {}
    for indicator in indicators:
        if posted:
            pair = (request.form.get(f"t{indicator.id}"), request.form.get(f"a{indicator.id}"))
        else:
            entry = current.get(indicator.id)
            pair = (entry.target, entry.achievement) if entry else ("", "")
        shown[indicator.id] = tuple("" if v is None else v for v in pair)
    return render(
        "mis/figures.html",
        status=status,
        gp=gp,
        indicators=indicators,
        schemes=svc.schemes_of(indicators),
        shown=shown,
        entered=current,
        errors=errors or {},
        error=error,
        reason=reason,
        certification=certification,
        editable=editable,
        may_enter=svc.may_enter(current_user, gp),
        **_nav(month),
    )


@bp.route("/gps/<int:gp_id>", methods=["GET", "POST"])
@requires(*svc.VIEW_ROLES)
def figures(gp_id):
    gp = _gp(gp_id)
    month = _month()
    if request.method == "GET":
        return _figures_page(gp, month)
    certified = svc.certification_of(gp.block_id, month) is not None
    if certified and not svc.may_correct(current_user, gp.block_id):
        if not svc.may_enter(current_user, gp):
            abort(403)
        return _figures_page(gp, month, status=409, error=svc.locked_message(gp, month))
    if not certified and not svc.may_enter(current_user, gp):
        abort(403)
    indicators = svc.active_indicators(month)
    if not indicators:
        return _figures_page(
            gp, month, status=400, error=_("No scheme reports figures for this month.")
        )
    values, errors = svc.parse_figures(indicators, request.form)
    reason = (request.form.get("reason") or "").strip()
    if certified and not reason:
        errors["reason"] = _("Give the reason for the correction.")
    if errors:
        form_error = errors.pop("form", None)
        return _figures_page(
            gp, month, posted=True, errors=errors, reason=reason, status=400, error=form_error
        )
    try:
        changed = svc.save_figures(gp, month, values, current_user, reason if certified else "")
    except svc.MisError as err:
        return _figures_page(
            gp, month, posted=True, reason=reason, status=err.status, error=str(err)
        )
    if changed:
        flash(
            _("Saved the figures of %(gp)s for %(month)s.", gp=gp.name, month=months.label(month)),
            "ok",
        )
    else:
        flash(_("Nothing changed: the figures were already as given."), "info")
    return redirect(url_for("mis.figures", gp_id=gp.id, month=months.key(month)), 303)


@bp.route("/gps/<int:gp_id>/history")
@requires(*svc.VIEW_ROLES)
def history(gp_id):
    gp = _gp(gp_id)
    month = _month()
    rows = list(svc.history(gp.id, month).limit(500))
    return render("mis/history.html", gp=gp, rows=rows, **_nav(month))


@bp.route("/pending")
@requires(*svc.DISTRICT)
def pending():
    month = _month()
    fmt = _format()
    all_ids = [i.id for i in svc.active_indicators(month)]
    rows, total = ru.block_rows(current_user, month, [], all_ids)
    rows.sort(key=lambda r: (r.certified is not None, -r.missing, r.name))
    if fmt:
        table = exports.status_table(rows, total, month)
        name = f"mis-status-{months.key(month)}"
        return _send_table(fmt, table, name, _("Reporting"))
    from blueprints.mis.tasks import DUE_DAY, LOOKBACK, due_months

    due_from = months.shift(month, 1).replace(day=DUE_DAY)
    # Reminders go out from the due day, for the last LOOKBACK due months.
    stopped = due_from <= clock.today_ist() and month not in due_months(clock.today_ist())
    untold_count, untold = (0, [])
    if all_ids and not stopped:
        untold_count, untold = svc.untold_gps(current_user, month, all_ids)
    return render(
        "mis/pending.html",
        rows=rows,
        total=total,
        certified=sum(1 for r in rows if r.certified),
        has_indicators=bool(all_ids),
        due_from=due_from,
        reminders_stopped=stopped,
        lookback=LOOKBACK,
        untold=untold,
        untold_count=untold_count,
        **_nav(month),
    )


# --- the indicators of each scheme (district) ----------------------------------


def _indicators_page(form, status=200):
    from blueprints.mis.models import Indicator
    from blueprints.schemes.models import Scheme

    rows = list(
        Indicator.select(Indicator, Scheme)
        .join(Scheme)
        .order_by(Scheme.code, Indicator.position, Indicator.id)
    )
    return render(
        "mis/indicators.html", status=status, form=form, rows=rows, **_nav(months.reporting_month())
    )


def _indicator_form(formdata=None):
    from blueprints.mis.forms import IndicatorForm
    from blueprints.schemes.services import published_schemes

    form = (
        IndicatorForm(formdata=formdata)
        if formdata is not None
        else IndicatorForm(formdata=None, data={"from_month": months.key(months.current_month())})
    )
    form.set_schemes(
        published_schemes().order_by(published_schemes().model.code), current_language()
    )
    return form


@bp.route("/indicators", methods=["GET", "POST"])
@requires(*svc.DISTRICT)
def indicators():
    if request.method == "GET":
        return _indicators_page(_indicator_form())
    form = _indicator_form(request.form)
    if not form.validate_on_submit():
        return _indicators_page(form, 400)
    try:
        svc.add_indicator(
            scheme_id=int(form.scheme.data),
            code=form.code.data,
            names=(form.name_en.data, form.name_hi.data or "", form.name_mr.data or ""),
            unit=form.unit.data,
            max_monthly=form.largest(),
            from_month=form.from_month.data,
            actor=current_user,
        )
    except svc.MisError as err:
        form.code.errors = [str(err)]
        return _indicators_page(form, err.status)
    flash(
        _(
            "Indicator added. Gram panchayats report it from %(month)s.",
            month=months.label(form.from_month.data),
        ),
        "ok",
    )
    return redirect(url_for("mis.indicators"), 303)


@bp.route("/indicators/<int:indicator_id>/active", methods=["POST"])
@requires(*svc.DISTRICT)
def toggle_indicator(indicator_id):
    from blueprints.mis.models import Indicator

    indicator = get_scoped_or_404(Indicator.select(), indicator_id)
    until = svc.set_indicator_active(indicator, not indicator.is_active, current_user)
    if until is not None:
        flash(
            _(
                "“%(name)s” is no longer asked for after %(month)s. Its figures up to "
                "then stay in the roll-up.",
                name=indicator.name(current_language()),
                month=months.label(until),
            ),
            "ok",
        )
    else:
        flash(_("“%(name)s” is asked for again.", name=indicator.name(current_language())), "ok")
    return redirect(url_for("mis.indicators"), 303)
