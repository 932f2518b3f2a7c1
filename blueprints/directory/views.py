"""The directory: search (htmx as you type, a plain GET form without
JavaScript), an office's entries and their upkeep, vCards, PDF and CSV.

Anonymous visitors see the public fields of listed posts; signed-in staff
see more (services.PUBLIC_FIELDS / STAFF_FIELDS decide, in one place)."""

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.directory import bp
from blueprints.directory import services as svc
from blueprints.directory.forms import EntryForm
from blueprints.directory.vcard import vcard
from blueprints.employees.models import Designation
from blueprints.masters.models import Office
from core.access import get_scoped_or_404, public, requires
from core.db import page_of
from core.downloads import download, to_csv
from core.i18n import current_language
from core.render import page_arg, render
from core.report_jobs import pdf_report
from core.security import limiter


def _anonymous_limit() -> str:
    return current_app.config.get("DIRECTORY_RATE_LIMIT", "120 per minute")


# Search as you type calls often; only anonymous callers are limited.
directory_limit = limiter.shared_limit(
    _anonymous_limit, scope="directory", exempt_when=lambda: current_user.is_authenticated
)


def _q() -> str:
    return (request.args.get("q") or "").strip()[:60]


@bp.route("/")
@public
@directory_limit
def index():
    q = _q()
    page = page_arg()
    entries, has_next = svc.search_page(current_user, q, page)
    return render(
        "directory/index.html",
        "directory/_results.html",
        q=q,
        groups=svc.group_by_office(svc.contacts(current_user, entries)),
        page=page,
        has_next=has_next,
        args={"q": q} if q else {},
        staff=svc.is_staff(current_user),
        manage=False,
    )


def _all_rows(q):
    entries = list(svc.search(current_user, q).limit(5000))
    return svc.contacts(current_user, entries)


def _names(holders, lang):
    return ", ".join(h.name(lang) for h in holders)


@bp.route("/directory.csv")
@public
@directory_limit
def csv():
    rows = _all_rows(_q())
    staff = svc.is_staff(current_user)
    lang = current_language()
    header = [_("Office"), _("Post"), _("Officer"), _("Extension"), _("Landline"), _("E-mail")]
    if staff:
        header += [_("Official mobile"), _("Official e-mail of the officer")]
    body = []
    for r in rows:
        line = [
            r["office"].name,
            r["post"].name(lang),
            _names(r["holders"], lang),
            r["extension"],
            r["landline"],
            r["email"],
        ]
        if staff:
            line += [" ".join(r["holder_mobile"]), " ".join(r["holder_email"])]
        body.append(line)
    return download(to_csv((header, body, ())), "text/csv", "directory.csv")


@bp.route("/directory.pdf")
@public
@directory_limit
def pdf():
    return directory_report.start()


@pdf_report("directory.directory", "pdf/directory/directory.html", _l("Directory"))
def directory_report():
    q = _q()
    return "directory.pdf", dict(
        groups=svc.group_by_office(_all_rows(q)), q=q, staff=svc.is_staff(current_user)
    )


def _visible(entry_id):
    return get_scoped_or_404(svc.visible_entries(current_user), entry_id)


@bp.route("/contacts/<int:entry_id>.vcf")
@public
@directory_limit
def vcf(entry_id):
    entry = _visible(entry_id)
    row = svc.contacts(current_user, [entry])[0]
    lang = current_language()
    holders = row["holders"]
    post = entry.designation.name(lang)
    if holders:
        name = _names(holders, "mr")
        other = _names(holders, "en")
    else:
        name, other = post, entry.designation.name_en
    data = vcard(
        name=name,
        other_name=other,
        org=entry.office.name_local or entry.office.name_en,
        unit=entry.office.name_en,
        title=post,
        landline=entry.landline,
        extension=entry.extension,
        mobiles=row.get("holder_mobile", []),
        emails=[e for e in [entry.email, *row.get("holder_email", [])] if e],
        uid=f"zila-directory-{entry.id}",
    )
    response = download(data, "text/vcard", f"contact-{entry.id}.vcf")
    response.headers["Content-Type"] = "text/vcard; charset=utf-8"
    return response


# --- an office's entries ------------------------------------------------------


def _office(office_id):
    return get_scoped_or_404(Office.select(), office_id)


def _designation_choices():
    lang = current_language()
    rows = Designation.select().order_by(Designation.name_en)
    return [(d.id, d.name(lang)) for d in rows]


def _office_page(office, form=None, status=200):
    entries = list(svc.search(current_user, office_id=office.id))
    manage = svc.may_manage(current_user, office.id)
    if manage and form is None:
        form = EntryForm()
        form.designation.choices = _designation_choices()
    return render(
        "directory/office.html",
        status=status,
        office=office,
        groups=svc.group_by_office(svc.contacts(current_user, entries)),
        manage=manage,
        form=form,
        confirmed=svc.confirmation(office.id) if manage else None,
        quarter=svc.quarter_of(),
        staff=svc.is_staff(current_user),
    )


@bp.route("/offices/<int:office_id>")
@public
@directory_limit
def office(office_id):
    return _office_page(_office(office_id))


def _managed_office(office_id):
    office = _office(office_id)
    if not svc.may_manage(current_user, office.id):
        abort(404)  # another office's upkeep: as if it did not exist
    return office


@bp.route("/offices/<int:office_id>/entries", methods=["POST"])
@requires(*svc.MANAGERS)
def add_entry(office_id):
    office = _managed_office(office_id)
    form = EntryForm()
    form.designation.choices = _designation_choices()
    if not form.validate():
        return _office_page(office, form, status=400)
    try:
        svc.save_entry(office, form.designation.data, form.values(), current_user)
    except svc.Refused as err:
        form.designation.errors = [str(err)]
        return _office_page(office, form, status=400)
    flash(_("The entry is saved."), "info")
    return redirect(url_for("directory.office", office_id=office.id), 303)


def _managed_entry(entry_id):
    entry = get_scoped_or_404(svc.visible_entries(current_user), entry_id)
    if not svc.may_manage(current_user, entry.office_id):
        abort(404)
    return entry


@bp.route("/entries/<int:entry_id>/edit", methods=["GET", "POST"])
@requires(*svc.MANAGERS)
def edit_entry(entry_id):
    entry = _managed_entry(entry_id)
    form = EntryForm(obj=entry if request.method == "GET" else None)
    if request.method == "GET":
        form.designation.data = entry.designation_id
    form.designation.choices = _designation_choices()
    status = 200
    if request.method == "POST":
        if form.validate():
            try:
                svc.save_entry(
                    entry.office, form.designation.data, form.values(), current_user, entry
                )
            except svc.Refused as err:
                form.designation.errors = [str(err)]
            else:
                flash(_("The entry is saved."), "info")
                return redirect(url_for("directory.office", office_id=entry.office_id), 303)
        status = 400
    return render("directory/edit.html", status=status, entry=entry, form=form)


@bp.route("/entries/<int:entry_id>/remove", methods=["POST"])
@requires(*svc.MANAGERS)
def remove_entry(entry_id):
    entry = _managed_entry(entry_id)
    office_id = entry.office_id
    svc.remove_entry(entry, current_user)
    flash(_("The entry is removed."), "info")
    return redirect(url_for("directory.office", office_id=office_id), 303)


@bp.route("/offices/<int:office_id>/confirm", methods=["POST"])
@requires(*svc.MANAGERS)
def confirm(office_id):
    office = _managed_office(office_id)
    try:
        svc.confirm(office, current_user)
    except svc.Refused as err:
        flash(str(err), "error")
        return redirect(url_for("directory.office", office_id=office.id), 303)
    flash(_("Thank you: the entries are confirmed for this quarter."), "info")
    return redirect(url_for("directory.office", office_id=office.id), 303)


@bp.route("/unconfirmed")
@requires("district_manager", "admin")
def unconfirmed():
    quarter = svc.quarter_of()
    page = page_arg()
    offices, has_next = page_of(
        svc.unconfirmed_offices(quarter).order_by(Office.level, Office.name_en), page, 60
    )
    return render(
        "directory/unconfirmed.html",
        offices=offices,
        quarter=quarter,
        page=page,
        has_next=has_next,
    )
