"""Demo applications, so that queues, pendency and reports show real figures
from the first `make run`. Deterministic (seeded), bulk-inserted."""

import datetime as dt
import json
import random
import secrets

from flask import current_app

from blueprints.accounts.models import User
from blueprints.applications.filing import disposing_office, split_user_charge
from blueprints.applications.ids import format_id, scramble
from blueprints.applications.models import (
    Application,
    ApplicationEvent,
    IdSequence,
    LedgerLine,
)
from blueprints.applications.statuses import CLOCK, STATUSES
from blueprints.catalogue.models import Service
from blueprints.masters.models import Csc, District, GramPanchayat, Village
from core import clock
from core.db import db

FIRST = [
    ("सुनीता", "Sunita"),
    ("रमेश", "Ramesh"),
    ("अनिता", "Anita"),
    ("गणेश", "Ganesh"),
    ("सविता", "Savita"),
    ("संजय", "Sanjay"),
    ("मीना", "Meena"),
    ("विठ्ठल", "Vitthal"),
    ("कविता", "Kavita"),
    ("बाळू", "Balu"),
    ("शोभा", "Shobha"),
    ("दत्ता", "Datta"),
]
LAST = [
    ("पाटील", "Patil"),
    ("जाधव", "Jadhav"),
    ("शिंदे", "Shinde"),
    ("पवार", "Pawar"),
    ("काळे", "Kale"),
    ("गायकवाड", "Gaikwad"),
    ("वाघ", "Wagh"),
    ("मोरे", "More"),
]
# (status, share): most are still open, as in a real district.
STATUS_MIX = [
    ("submitted", 30),
    ("scrutiny", 25),
    ("awaiting_documents", 8),
    ("approved", 7),
    ("delivered", 22),
    ("rejected", 8),
]
BATCH = 500


def _extra_for(service: Service, rng: random.Random) -> dict:
    values = {}
    for item in service.fields:
        kind = item.get("type")
        if kind == "number":
            low, high = item.get("min", 0) or 0, min(item.get("max", 500000) or 500000, 500000)
            values[item["key"]] = rng.randint(low, max(low, high))
        elif kind == "select" and item.get("choices"):
            choice = rng.choice(item["choices"])
            values[item["key"]] = choice["value"] if isinstance(choice, dict) else choice
        elif kind == "yesno":
            values[item["key"]] = rng.choice(["yes", "no"])
        elif kind == "date":
            values[item["key"]] = (
                dt.date(2026, 1, 1) - dt.timedelta(days=rng.randint(0, 900))
            ).isoformat()
        elif kind == "devanagari":
            values[item["key"]] = "मराठा"
        else:
            values[item["key"]] = "1234567890"
    return values


def seed_demo(count: int = 3000, echo=print) -> int:
    if Application.select().exists():
        return 0
    rng = random.Random(2026)
    services = list(Service.select().where(Service.active == True))  # noqa: E712
    operators = {u.csc_id: u.id for u in User.select().where(User.role == "csc_operator")}
    fallback_operator = User.select(User.id).where(User.role == "csc_operator").scalar()
    if not services or fallback_operator is None:
        return 0
    cscs = list(Csc.select(Csc, GramPanchayat).join(GramPanchayat).where(Csc.status == "active"))
    villages = {}
    for vid, gp in Village.select(Village.id, Village.gram_panchayat).tuples():
        villages.setdefault(gp, vid)
    district = District.select(District.code).scalar() or "AUR"
    key = current_app.config["SECRET_KEY"].encode()
    now = clock.now()
    weights = [w for _, w in STATUS_MIX]
    rows, events, ledger = [], [], []
    for n in range(1, count + 1):
        service = rng.choice(services)
        csc = rng.choice(cscs)
        status = rng.choices([s for s, _ in STATUS_MIX], weights)[0]
        submitted = now - dt.timedelta(days=rng.uniform(0, 40), minutes=rng.randint(0, 600))
        first, last = rng.choice(FIRST), rng.choice(LAST)
        probe = Application(service=service, gram_panchayat=csc.gram_panchayat)
        rows.append(
            {
                "app_id": format_id(
                    district,
                    submitted.year,
                    scramble(n, f"{district}{submitted.year % 100:02d}", key),
                ),
                "service": service.id,
                "csc": csc.id,
                "operator": operators.get(csc.id, fallback_operator),
                "office": disposing_office(service, probe).id,
                "gram_panchayat": csc.gram_panchayat_id,
                "status": status,
                "step": "review",
                "applicant_name_local": f"{first[0]} {last[0]}",
                "applicant_name_en": f"{first[1]} {last[1]}",
                "relation_name": f"{rng.choice(FIRST)[1]} {last[1]}",
                "gender": rng.choice("fm"),
                "date_of_birth": dt.date(rng.randint(1950, 2005), 1, 1),
                "mobile": f"98{rng.randint(10**7, 10**8 - 1)}",
                "village": villages.get(csc.gram_panchayat_id),
                "address": f"Ward {rng.randint(1, 9)}",
                "language": "mr",
                "extra_json": json.dumps(_extra_for(service, rng), ensure_ascii=False),
                "govt_fee": service.govt_fee,
                "user_charge": service.user_charge,
                "fee_collected": True,
                "submit_token": secrets.token_hex(16),
                "created_at": submitted,
                "updated_at": submitted,
                "submitted_at": submitted,
                "due_date": submitted.date() + dt.timedelta(days=service.sla_days),
                "decided_at": submitted + dt.timedelta(days=rng.randint(1, 9))
                if STATUSES[status].decided
                else None,
                "paused_since": submitted + dt.timedelta(days=2)
                if status in CLOCK.paused
                else None,
                # As the desk records on delivery (and tracking shows).
                "certificate_no": f"{service.code}/{submitted.year}/{n:06d}"
                if status == "delivered"
                else "",
            }
        )
    with db.atomic():
        for i in range(0, len(rows), BATCH):
            Application.insert_many(rows[i : i + BATCH]).execute()
        ids = dict(Application.select(Application.app_id, Application.id).tuples())
        for row in rows:
            pk = ids[row["app_id"]]
            at = row["submitted_at"]
            events.append(
                {
                    "application": pk,
                    "at": at,
                    "actor": row["operator"],
                    "from_status": "draft",
                    "to_status": "submitted",
                    "remark": "",
                }
            )
            path = {
                "scrutiny": ["scrutiny"],
                "awaiting_documents": ["awaiting_documents"],
                "approved": ["scrutiny", "approved"],
                "rejected": ["rejected"],
                "delivered": ["scrutiny", "approved", "delivered"],
            }.get(row["status"], [])
            before = "submitted"
            for step, to in enumerate(path, start=1):
                events.append(
                    {
                        "application": pk,
                        "at": at + dt.timedelta(days=step),
                        "actor": None,
                        "from_status": before,
                        "to_status": to,
                        "remark": "" if to != "rejected" else "Documents do not match.",
                    }
                )
                before = to
            service = next(s for s in services if s.id == row["service"])
            parts = {"govt": row["govt_fee"], **split_user_charge(row["user_charge"], service)}
            ledger.extend(
                {
                    "application": pk,
                    "party": party,
                    "amount": amount,
                    "csc": row["csc"],
                    "gram_panchayat": row["gram_panchayat"],
                    "at": at,
                }
                for party, amount in parts.items()
                if amount
            )
        for i in range(0, len(events), BATCH):
            ApplicationEvent.insert_many(events[i : i + BATCH]).execute()
        for i in range(0, len(ledger), BATCH):
            LedgerLine.insert_many(ledger[i : i + BATCH]).execute()
        year = now.year % 100
        # An upsert both SQLite and PostgreSQL understand (REPLACE is SQLite's).
        IdSequence.insert(prefix=f"{district}{year:02d}", last=count).on_conflict(
            conflict_target=[IdSequence.prefix], preserve=[IdSequence.last]
        ).execute()
    echo(f"  {count} demo applications, {len(events)} history events, {len(ledger)} fee lines")
    return count
