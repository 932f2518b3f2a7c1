from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.masters import bp
from blueprints.masters import services as svc
from blueprints.masters.models import Csc, Municipality, Village
from core import clock
from core.access import STAFF_ROLES, get_scoped_or_404, requires
from core.render import page_arg, render
from core.report_jobs import pdf_report

svc.register_template_helpers(bp)


@bp.route("/")
@requires(*STAFF_ROLES)
def overview():
    return render("masters/overview.html", tehsils=list(svc.tehsils_for(current_user)))


@bp.route("/tehsils/<int:tehsil_id>")
@requires(*STAFF_ROLES)
def tehsil(tehsil_id):
    row = get_scoped_or_404(svc.tehsil_query(current_user), tehsil_id)
    return render(
        "masters/tehsil.html",
        tehsil=row,
        blocks=list(svc.blocks_for(current_user, row.id)),
        towns=list(Municipality.select().where(Municipality.tehsil == row.id)),
    )


@bp.route("/blocks/<int:block_id>")
@requires(*STAFF_ROLES)
def block(block_id):
    row = get_scoped_or_404(svc.block_query(current_user), block_id)
    q = request.args.get("q", "")[:60]
    page = page_arg()
    gps, has_next = svc.gram_panchayats(current_user, block_id=row.id, q=q, page=page)
    return render(
        "masters/block.html",
        "masters/_gp_table.html",
        block=row,
        gps=gps,
        q=q,
        page=page,
        has_next=has_next,
        args={"block_id": row.id, "q": q} if q else {"block_id": row.id},
        endpoint="masters.block",
        show_block=False,
    )


@bp.route("/gram-panchayats")
@requires(*STAFF_ROLES)
def gp_search():
    q = request.args.get("q", "")[:60]
    page = page_arg()
    gps, has_next = svc.gram_panchayats(current_user, q=q, page=page)
    return render(
        "masters/gp_search.html",
        "masters/_gp_table.html",
        gps=gps,
        q=q,
        page=page,
        has_next=has_next,
        args={"q": q} if q else {},
        endpoint="masters.gp_search",
        show_block=True,
    )


@bp.route("/gram-panchayats/<int:gp_id>")
@requires(*STAFF_ROLES)
def gram_panchayat(gp_id):
    gp = get_scoped_or_404(svc.gp_query(current_user), gp_id)
    return render(
        "masters/gram_panchayat.html",
        gp=gp,
        villages=list(
            Village.select().where(Village.gram_panchayat == gp.id).order_by(Village.name_en)
        ),
        cscs=list(Csc.select().where(Csc.gram_panchayat == gp.id).order_by(Csc.code)),
    )


@bp.route("/offices")
@requires(*STAFF_ROLES)
def offices():
    return render("masters/offices.html", offices=list(svc.offices_for(current_user)))


@bp.route("/offices.pdf")
@requires(*STAFF_ROLES)
def offices_pdf():
    return offices_report.start()


@pdf_report("masters.offices", "pdf/masters/offices.html", _l("Offices"))
def offices_report():
    return "offices.pdf", dict(offices=list(svc.offices_for(current_user)), printed_at=clock.now())
