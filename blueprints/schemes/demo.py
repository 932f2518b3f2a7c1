"""Demo schemes: a dozen real schemes in English, Hindi and Marathi with
illustrations drawn by Pillow, stored through the same upload and resize
path as a department user's photos, and published by the admin. One scheme
also carries a submitted change waiting for approval, to show the workflow."""

from blueprints.accounts.models import User
from blueprints.catalogue.models import Service
from blueprints.masters.models import Office
from blueprints.schemes import services as svc
from blueprints.schemes.art import illustration
from blueprints.schemes.demo_data import DEMO_NOTE, SCHEMES
from blueprints.schemes.models import LANGS, SECTIONS, Scheme

# A ZP Social Welfare clerk, to show a department user's side of the workflow.
DEMO_CLERK = ("clerk.zpsw", "Rekha Salve", "रेखा साळवे", "9800000031")


def seed_demo(echo=print) -> int:
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    if admin is None or Scheme.select().exists():
        echo("  schemes: no admin to publish them, or schemes already there; skipped")
        return 0
    offices = {o.code: o for o in Office.select(Office.id, Office.code)}
    services = {s.code: s.id for s in Service.select(Service.id, Service.code)}
    photos = 0
    for n, spec in enumerate(SCHEMES):
        office = offices.get(spec["office"]) or offices.get("ZP")
        titles = dict(zip(LANGS, spec["titles"], strict=True))
        scheme = svc.create_scheme(spec["code"], spec["level"], office.id, titles["en"], admin)
        for i, lang in enumerate(LANGS):
            texts = {key: spec[key][i] for key in SECTIONS}
            if texts["contact"]:
                texts["contact"] += "\n\n" + DEMO_NOTE[i]
            svc.save_text(scheme, lang, titles[lang], texts, admin)
        svc.save_details(
            scheme,
            {
                "level": spec["level"],
                "year": "2026-27",
                "status": "open",
                "service_id": services.get(spec.get("service", "")),
                "groups": spec["groups"],
                "rules": spec["rules"],
            },
            admin,
        )
        alts = dict(zip(LANGS, spec["alt"], strict=True))
        svc.add_photo(scheme, illustration(spec["scene"], n), alts, admin)
        photos += 1
        svc.submit(scheme, admin)
        svc.decide(scheme, admin, True, "")
    clerk = _demo_clerk(offices.get("ZP-SW"))
    if clerk is not None:
        cess = Scheme.get(Scheme.code == "ZP-CESS-BC")
        svc.save_text(
            cess,
            "mr",
            "जिल्हा परिषद 20% सेस – मागासवर्गीयांसाठी योजना (2026-27)",
            {key: _published_text(cess, key, "mr") for key in SECTIONS},
            clerk,
        )
        svc.submit(cess, clerk, "2026-27 साठी नाव अद्ययावत केले")
    echo(f"  {len(SCHEMES)} schemes published with {photos} photos; 1 change awaiting approval")
    return len(SCHEMES)


def _published_text(scheme, key, lang) -> str:
    return svc.published_version(scheme.id).texts.get(key, {}).get(lang, "")


def _demo_clerk(office):
    """The ZP Social Welfare clerk, with the demo password of the other demo
    users (its hash copied, so no slow hashing here)."""
    if office is None:
        return None
    model = User.select().where(User.role == "office_user").order_by(User.id).first()
    username, name_en, name_local, mobile = DEMO_CLERK
    if model is None or User.select().where(User.username == username).exists():
        return None
    return User.create(
        username=username,
        full_name=name_en,
        full_name_local=name_local,
        role="office_user",
        password_hash=model.password_hash,
        mobile=mobile,
        email=f"{username}@example.gov.in",
        office=office.id,
    )
