"""Small factories: a two-of-everything district and users of any role."""

from types import SimpleNamespace

import pyotp

from blueprints.accounts.models import TOTP_REQUIRED, User
from blueprints.masters.models import (
    Block,
    Csc,
    District,
    GramPanchayat,
    Municipality,
    Office,
    Tehsil,
    Village,
)
from core.passwords import hash_password
from tests.helpers import PASSWORD


def make_places() -> SimpleNamespace:
    """Two tehsils, each with one block, two GPs, villages, a CSC and offices.
    Index 0 is 'ours', index 1 is 'theirs' for jurisdiction tests."""
    district = District.create(
        code="AUR",
        name_en="Aurangabad",
        name_local="औरंगाबाद",
        state_en="Maharashtra",
        state_local="महाराष्ट्र",
    )
    collectorate = Office.create(
        code="COLL",
        name_en="Collectorate",
        name_local="जिल्हाधिकारी कार्यालय",
        level="district",
        kind="collectorate_branch",
    )
    zp = Office.create(
        code="ZP",
        name_en="Zilla Parishad",
        name_local="जिल्हा परिषद",
        level="district",
        kind="zp_department",
    )
    ns = SimpleNamespace(
        district=district,
        collectorate=collectorate,
        zp=zp,
        tehsils=[],
        blocks=[],
        gps=[],
        villages=[],
        cscs=[],
        tehsil_offices=[],
        block_offices=[],
        towns=[],
    )
    for i, (en, local) in enumerate([("Paithan", "पैठण"), ("Kannad", "कन्नड")]):
        tehsil = Tehsil.create(code=f"T{i}", name_en=en, name_local=local, district=district)
        block = Block.create(code=f"B{i}", name_en=en, name_local=local, tehsil=tehsil)
        ns.tehsils.append(tehsil)
        ns.blocks.append(block)
        ns.towns.append(
            Municipality.create(
                code=f"M{i}",
                name_en=f"{en} Council",
                name_local=f"{local} नगर परिषद",
                tehsil=tehsil,
                kind="council",
                wards=17,
            )
        )
        ns.tehsil_offices.append(
            Office.create(
                code=f"TO{i}",
                name_en=f"Tehsil Office {en}",
                name_local=f"तहसील कार्यालय {local}",
                level="tehsil",
                kind="tehsil_office",
                parent=collectorate,
                tehsil=tehsil,
            )
        )
        ns.block_offices.append(
            Office.create(
                code=f"BO{i}",
                name_en=f"Panchayat Samiti {en}",
                name_local=f"पंचायत समिती {local}",
                level="block",
                kind="block_office",
                parent=zp,
                tehsil=tehsil,
                block=block,
            )
        )
        for j, (gen, glocal) in enumerate([("Pimpalgaon", "पिंपळगाव"), ("Deulgaon", "देऊळगाव")]):
            gp = GramPanchayat.create(
                code=f"GP{i}{j}",
                name_en=f"{gen} {en}",
                name_local=f"{glocal} {local}",
                block=block,
                population=1234567 if (i, j) == (0, 0) else 2500,
            )
            ns.gps.append(gp)
            ns.villages.append(
                Village.create(
                    code=f"V{i}{j}",
                    name_en=gp.name_en,
                    name_local=gp.name_local,
                    gram_panchayat=gp,
                    population=1500,
                )
            )
        ns.cscs.append(
            Csc.create(
                code=f"CSC{i}",
                name_en=f"Aaple Sarkar Kendra {en}",
                name_local=f"आपले सरकार सेवा केंद्र {local}",
                gram_panchayat=ns.gps[2 * i],
            )
        )
    return ns


ROLE_BINDING = {
    "csc_operator": lambda p, k: {"csc": p.cscs[k]},
    "gp_staff": lambda p, k: {"gram_panchayat": p.gps[2 * k]},
    "office_user": lambda p, k: {"office": p.tehsil_offices[k]},
    "office_head": lambda p, k: {"office": p.tehsil_offices[k]},
    "block_officer": lambda p, k: {"block": p.blocks[k]},
    "district_manager": lambda p, k: {},
    "admin": lambda p, k: {},
    "establishment": lambda p, k: {"office": _establishment_office(p, k)},
}


def _establishment_office(place, which):
    """The establishment (HR) branch of the Collectorate (0) or the ZP (1)."""
    parent = [place.collectorate, place.zp][which]
    office, _ = Office.get_or_create(
        code=f"{parent.code}-EST",
        defaults={
            "name_en": f"Establishment Branch, {parent.name_en}",
            "name_local": f"आस्थापना शाखा, {parent.name_local}",
            "level": "district",
            "kind": parent.kind,
            "parent": parent,
        },
    )
    return office


def make_user(role, place, *, which=0, totp=None, **overrides) -> User:
    """A user of `role` bound to place number `which` (0 ours, 1 theirs).
    Roles that must use TOTP get a secret unless totp=False."""
    if totp is None:
        totp = role in TOTP_REQUIRED
    fields = {
        "username": overrides.pop("username", f"{role.replace('_', '-')}-{which}"),
        "full_name": f"Test {role}",
        "full_name_local": "परीक्षा वापरकर्ता",
        "role": role,
        "password_hash": hash_password(PASSWORD),
        "mobile": "9800000001",
        "totp_secret": pyotp.random_base32() if totp else None,
        **ROLE_BINDING[role](place, which),
        **overrides,
    }
    return User.create(**fields)


def make_service(place, **overrides):
    """An income-certificate-like service disposed of by the tehsil office."""
    import json

    from blueprints.catalogue.models import Service

    fields = {
        "code": "INC",
        "name_en": "Income certificate",
        "name_hi": "आय प्रमाण पत्र",
        "name_mr": "उत्पन्नाचा दाखला",
        "department": place.collectorate,
        "disposing_level": "tehsil",
        "sla_days": 7,
        "govt_fee": 2000,
        "user_charge": 3350,
        "split_csc": 80,
        "split_gp": 10,
        "split_society": 10,
        "documents_json": json.dumps(
            [
                {"key": "photo", "en": "Photograph", "hi": "फोटो", "mr": "फोटो", "required": True},
                {
                    "key": "ration",
                    "en": "Ration card",
                    "hi": "राशन कार्ड",
                    "mr": "शिधापत्रिका",
                    "required": False,
                },
            ]
        ),
        "fields_json": json.dumps(
            [
                {
                    "key": "annual_income",
                    "type": "number",
                    "en": "Annual income (₹)",
                    "hi": "वार्षिक आय (₹)",
                    "mr": "वार्षिक उत्पन्न (₹)",
                    "required": True,
                    "min": 0,
                    "max": 100000000,
                },
            ]
        ),
    }
    fields.update(overrides)
    return Service.create(**fields)


def make_plain_service(place, code, name_en, name_hi, name_mr, **overrides):
    """A service that asks for no documents or fields, at ₹20 + ₹30."""
    return make_service(
        place,
        code=code,
        name_en=name_en,
        name_hi=name_hi,
        name_mr=name_mr,
        user_charge=3000,
        documents_json="[]",
        fields_json="[]",
        **overrides,
    )


def make_income_and_caste(place):
    """The two plain services the desk and pendency pages are tested with."""
    return (
        make_plain_service(place, "INC", "Income certificate", "आय प्रमाण पत्र", "उत्पन्नाचा दाखला"),
        make_plain_service(place, "CASTE", "Caste certificate", "जाति प्रमाण पत्र", "जातीचा दाखला"),
    )


_app_counter = iter(range(1, 10_000_000))


def make_application(place, service, operator, **overrides):
    """A submitted application of place 0's first CSC, with its first event."""
    import datetime as dt
    import secrets

    from blueprints.applications.ids import format_id
    from blueprints.applications.models import Application, ApplicationEvent
    from core import clock

    now = clock.now()
    fields = {
        "app_id": format_id("AUR", 2026, next(_app_counter)),
        "service": service,
        "csc": place.cscs[0],
        "operator": operator,
        "office": place.tehsil_offices[0],
        "gram_panchayat": place.gps[0],
        "status": "submitted",
        "applicant_name_local": "रामू पाटील",
        "applicant_name_en": "Ramu Patil",
        "relation_name": "Shankar Patil",
        "gender": "m",
        "date_of_birth": dt.date(1980, 5, 31),
        "mobile": "9876543210",
        "village": place.villages[0],
        "address": "Ward 3",
        "language": "mr",
        "govt_fee": service.govt_fee,
        "user_charge": service.user_charge,
        "fee_collected": True,
        "submit_token": secrets.token_hex(16),
        "submitted_at": now,
        # Days from today in India, as filing counts them (not the UTC date,
        # a day behind from 18:30 UTC).
        "due_date": clock.today_ist() + dt.timedelta(days=service.sla_days),
    }
    fields.update(overrides)
    application = Application.create(**fields)
    ApplicationEvent.create(
        application=application,
        actor=operator,
        from_status="draft",
        to_status=application.status,
        at=now,
    )
    return application
