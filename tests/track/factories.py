"""Applications, their history and ledger lines, made directly with the
models (the filing wizard is not needed to test tracking or reports)."""

import datetime as dt

from blueprints.applications import ids
from blueprints.applications.models import Application, ApplicationEvent, LedgerLine
from blueprints.catalogue.models import Service
from core import clock
from tests import factories
from tests.factories import make_user


def operator_of(place, which=0):
    from blueprints.accounts.models import User

    username = f"filer-{which}"
    return User.get_or_none(User.username == username) or make_user(
        "csc_operator", place, which=which, username=username
    )


def filed_at_csc(place, service=None, *, which=0, number=None, **overrides) -> Application:
    """tests.factories.make_application, but at CSC `which` (0 ours, 1 theirs)
    by its own operator, filed two days ago by Rahul Patil, of the INC service
    unless told; `number` fixes its ID."""
    service = service or Service.get_or_none(Service.code == "INC") or factories.make_service(place)
    submitted_at = overrides.pop("submitted_at", clock.now() - dt.timedelta(days=2))
    fields = {
        "csc": place.cscs[which],
        "office": place.tehsil_offices[which],
        "gram_panchayat": place.cscs[which].gram_panchayat_id,
        "applicant_name_local": "राहुल पाटील",
        "applicant_name_en": "Rahul Patil",
        "submitted_at": submitted_at,
        "due_date": clock.ist_date(submitted_at) + dt.timedelta(days=service.sla_days),
        **overrides,
    }
    if number is not None:
        fields["app_id"] = ids.format_id("AUR", 2026, number)
    return factories.make_application(place, service, operator_of(place, which), **fields)


def add_event(app, to_status, remark="", at=None, reason="", **fields) -> ApplicationEvent:
    """Move the application to `to_status` with its history event (its
    remark for the office, its reason for the public)."""
    event = ApplicationEvent.create(
        application=app,
        at=at or clock.now(),
        actor=None,
        from_status=app.status,
        to_status=to_status,
        remark=remark,
        reason=reason,
    )
    Application.update(status=to_status, **fields).where(Application.id == app.id).execute()
    app.status = to_status
    for name, value in fields.items():
        setattr(app, name, value)
    return event


def pay(app, at=None, govt=None, user_charge=None, split=(80, 10, 10)) -> dict:
    """Ledger lines for the fee and the user-charge split; returns paise by party."""
    govt = app.govt_fee if govt is None else govt
    charge = app.user_charge if user_charge is None else user_charge
    csc = charge * split[0] // 100
    gp = charge * split[1] // 100
    amounts = {"govt": govt, "csc": csc, "gp": gp, "society": charge - csc - gp}
    for party, amount in amounts.items():
        LedgerLine.create(
            application=app,
            party=party,
            amount=amount,
            csc=app.csc_id,
            gram_panchayat=app.gram_panchayat_id,
            at=at or clock.now(),
        )
    return amounts
