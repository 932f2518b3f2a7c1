"""The service catalogue: administrators add and edit services; district
managers read the list."""

import json

import peewee as pw
from flask import flash, redirect, url_for
from flask_babel import gettext as _

from blueprints.catalogue import bp, catalogue
from blueprints.catalogue.forms import DEPARTMENT_KINDS, NEW_SERVICE, ServiceForm, initial_data
from blueprints.catalogue.models import Service
from blueprints.masters.models import OFFICE_LEVELS, Office
from core import audit, clock
from core.access import get_scoped_or_404, requires
from core.db import db, page_of
from core.i18n import current_language
from core.render import page_arg, render

PAGE = 50
# Columns an edit may change, in the order the history lists them.
EDITABLE = (
    "code",
    "name_en",
    "name_hi",
    "name_mr",
    "department",
    "disposing_level",
    "sla_days",
    "working_days",
    "govt_fee",
    "user_charge",
    "split_csc",
    "split_gp",
    "split_society",
    "active",
    "documents_json",
    "fields_json",
)


@bp.context_processor
def _money():
    return {"rupees": catalogue.rupees}


@bp.route("/")
@requires("admin", "district_manager")
def index():
    name = getattr(Service, f"name_{current_language()}", Service.name_en)
    page = page_arg()
    rows, has_next = page_of(
        Service.select(
            Service.id,
            Service.code,
            Service.name_en,
            Service.name_hi,
            Service.name_mr,
            Service.disposing_level,
            Service.sla_days,
            Service.govt_fee,
            Service.user_charge,
            Service.active,
            Office.id,
            Office.name_en,
            Office.name_local,
        )
        .join(Office)
        .order_by(Service.active.desc(), name, Service.id),
        page,
        PAGE,
    )
    return render(
        "catalogue/index.html",
        rows=rows,
        has_next=has_next,
        page=page,
        levels=OFFICE_LEVELS,
    )


def _departments() -> list[Office]:
    return list(
        Office.select(Office.id, Office.name_en, Office.name_local)
        .where(Office.kind.in_(DEPARTMENT_KINDS))
        .order_by(Office.kind, Office.name_en)
    )


def _values(form: ServiceForm) -> dict:
    return {
        "code": form.code.data,
        "name_en": form.name_en.data,
        "name_hi": form.name_hi.data,
        "name_mr": form.name_mr.data,
        "department": form.department.data,
        "disposing_level": form.disposing_level.data,
        "sla_days": form.sla_days.data,
        "working_days": bool(form.working_days.data),
        "govt_fee": form.govt_fee.data,
        "user_charge": form.user_charge.data,
        "split_csc": form.split_csc.data,
        "split_gp": form.split_gp.data,
        "split_society": form.split_society.data,
        "active": bool(form.active.data),
        "documents_json": json.dumps(form.parsed_documents, ensure_ascii=False),
        "fields_json": json.dumps(form.parsed_fields, ensure_ascii=False),
    }


def _stored(service: Service) -> dict:
    return {
        name: service.department_id if name == "department" else getattr(service, name)
        for name in EDITABLE
    }


def _code_taken(form: ServiceForm, service_id) -> bool:
    query = Service.select().where(Service.code == form.code.data)
    if service_id is not None:
        query = query.where(Service.id != service_id)
    if query.exists():
        form.code.errors.append(_("Another service already has this code."))
        return True
    return False


def _save(form: ServiceForm, service: Service | None) -> Service | None:
    """Create or update from a valid form, audited; None when the code is taken."""
    values = _values(form)
    try:
        with db.atomic():
            if service is None:
                service = Service.create(**values)
                audit.record("service.created", "service", service.id, after=values)
                return service
            before = _stored(service)
            changed = {k: v for k, v in values.items() if before[k] != v}
            if changed:
                for name, value in changed.items():
                    setattr(service, name, value)
                service.updated_at = clock.now()
                service.save()
                audit.record(
                    "service.updated",
                    "service",
                    service.id,
                    before={k: before[k] for k in changed},
                    after=changed,
                )
            return service
    except pw.IntegrityError:
        # Two administrators saving the same new code at once.
        form.code.errors.append(_("Another service already has this code."))
        return None


def _edit(service: Service | None):
    if service is None:
        form = ServiceForm(data=NEW_SERVICE, departments=_departments())
    else:
        form = ServiceForm(data=initial_data(service), departments=_departments())
    status = 200
    if form.validate_on_submit():
        service_id = service.id if service is not None else None
        saved = None if _code_taken(form, service_id) else _save(form, service)
        if saved is not None:
            flash(_("Saved: %(name)s.", name=saved.name), "ok")
            return redirect(url_for("catalogue.index"), 303)
        status = 400
    elif form.is_submitted():
        status = 400
    return render("catalogue/edit.html", form=form, service=service, status=status)


@bp.route("/new", methods=["GET", "POST"])
@requires("admin")
def new():
    return _edit(None)


@bp.route("/<int:service_id>/edit", methods=["GET", "POST"])
@requires("admin")
def edit(service_id):
    return _edit(get_scoped_or_404(Service.select(), service_id))
