"""Demo MIS: three indicators for each scheme that gram panchayats report
(housing, employment, sanitation, water, livelihoods — at most five), the
figures of every GP for the last three months, most blocks' months
certified, and the current month partly entered, so that the roll-up, the
charts and the district's not-reported list all show something.

Bidkin (the demo gram sevak's GP) has not yet entered last month or this
month, so `gramsevak.bidkin` has figures to enter, and Paithan's block
office head (`head.ps.paithan`, made here) has a month to certify."""

import datetime as dt
import random

from blueprints.accounts.models import User
from blueprints.masters.demo_data import DEMO_GP, DEMO_PASSWORD, DEMO_TOTP_SECRET
from blueprints.masters.models import Block, GramPanchayat, Office
from blueprints.mis import months
from blueprints.mis.models import DEFAULT_MAX, Certification, Indicator
from blueprints.schemes.models import Scheme
from core import clock
from core.db import db
from core.passwords import hash_password

SCHEMES_MAX = 5
PAST_MONTHS = 3
BATCH = 5000

# (key words in a scheme code) -> three (code, unit, English, Hindi, Marathi, typical target).
# The first five are the demo schemes (blueprints/schemes/demo_data.py) that
# gram panchayats report on; others get the generic three.
KINDS = [
    (
        ("PMAY", "AWAS"),
        [
            ("sanctioned", "count", "Houses sanctioned", "स्वीकृत मकान", "मंजूर घरकुले", 6),
            ("completed", "count", "Houses completed", "पूर्ण हुए मकान", "पूर्ण घरकुले", 4),
            ("paid", "rupees", "Instalments paid", "वितरित किस्तें", "वितरित हप्ते", 300_000),
        ],
    ),
    (
        ("RAMAI",),
        [
            ("sanctioned", "count", "Houses sanctioned", "स्वीकृत मकान", "मंजूर घरकुले", 3),
            ("completed", "count", "Houses completed", "पूर्ण हुए मकान", "पूर्ण घरकुले", 2),
            ("paid", "rupees", "Instalments paid", "वितरित किस्तें", "वितरित हप्ते", 150_000),
        ],
    ),
    (
        ("MTS", "SHETTALE"),
        [
            ("sanctioned", "count", "Farm ponds sanctioned", "स्वीकृत खेत तालाब", "मंजूर शेततळी", 4),
            ("completed", "count", "Farm ponds completed", "पूर्ण हुए खेत तालाब", "पूर्ण शेततळी", 3),
            ("subsidy", "rupees", "Subsidy paid", "वितरित अनुदान", "वितरित अनुदान", 150_000),
        ],
    ),
    (
        ("DIVYANG",),
        [
            (
                "persons",
                "count",
                "Persons with disabilities benefited",
                "लाभान्वित दिव्यांग व्यक्ति",
                "लाभ मिळालेल्या दिव्यांग व्यक्ती",
                8,
            ),
            (
                "aids",
                "count",
                "Aids and equipment given",
                "दिए गए सहायक उपकरण",
                "दिलेली साहाय्यक साधने",
                3,
            ),
            (
                "spent",
                "rupees",
                "Amount spent from the 5% fund",
                "5% निधि से व्यय राशि",
                "5% निधीतून खर्च रक्कम",
                40_000,
            ),
        ],
    ),
    (
        ("SGNY", "NIRADHAR", "SHRAVANBAL"),
        [
            (
                "sanctioned",
                "count",
                "New beneficiaries sanctioned",
                "नए स्वीकृत लाभार्थी",
                "नवे मंजूर लाभार्थी",
                5,
            ),
            (
                "paid_people",
                "count",
                "Beneficiaries paid",
                "भुगतान पाने वाले लाभार्थी",
                "अनुदान मिळालेले लाभार्थी",
                60,
            ),
            ("paid", "rupees", "Pension paid", "वितरित पेंशन", "वितरित निवृत्तीवेतन", 90_000),
        ],
    ),
    (
        ("NREG", "EGS"),
        [
            (
                "persondays",
                "count",
                "Person-days of work",
                "मानव दिवस रोजगार",
                "मनुष्य दिवस रोजगार",
                900,
            ),
            ("works", "count", "Works completed", "पूर्ण हुए कार्य", "पूर्ण कामे", 3),
            ("wages", "rupees", "Wages paid", "भुगतान की गई मजदूरी", "अदा केलेली मजुरी", 250_000),
        ],
    ),
]
GENERIC = [
    ("beneficiaries", "count", "Beneficiaries covered", "लाभान्वित लाभार्थी", "लाभार्थी", 15),
    ("works", "count", "Works completed", "पूर्ण हुए कार्य", "पूर्ण कामे", 2),
    ("disbursed", "rupees", "Amount disbursed", "वितरित राशि", "वितरित रक्कम", 150_000),
]  # fmt: skip


def _kind(code: str) -> int | None:
    """The index in KINDS of the scheme's kind, None if not recognised."""
    upper = code.upper()
    for index, (words, _specs) in enumerate(KINDS):
        if any(w in upper for w in words):
            return index
    return None


def _pick_schemes() -> list[tuple]:
    """(scheme, indicator specs): the recognised schemes first, in the order
    of KINDS, then the others with the generic indicators."""
    schemes = list(Scheme.select().order_by(Scheme.code))
    known = sorted((k, s.code, s) for s in schemes if (k := _kind(s.code)) is not None)
    picked = [(s, KINDS[k][1]) for k, _code, s in known]
    picked += [(s, GENERIC) for s in schemes if _kind(s.code) is None]
    return picked[:SCHEMES_MAX]


def _block_heads(blocks, now) -> dict[int, int]:
    """block id -> the id of its panchayat samiti's head, made if missing."""
    offices = {
        o.block_id: o
        for o in Office.select().where(
            (Office.kind == "block_office") & Office.block.is_null(False)
        )
    }
    password = hash_password(DEMO_PASSWORD)
    heads = {}
    for n, block in enumerate(blocks, start=1):
        office = offices.get(block.id)
        if office is None:
            continue
        username = f"head.ps.{block.name_en.lower().replace(' ', '')}"
        user = User.get_or_none(User.username == username)
        if user is None:
            user = User.create(
                username=username,
                full_name=f"Block Development Officer, {block.name_en}",
                full_name_local=f"गट विकास अधिकारी, {block.name_local}",
                role="office_head",
                password_hash=password,
                totp_secret=DEMO_TOTP_SECRET,
                mobile=f"98000010{n:02d}",
                email=f"{username}@example.gov.in",
                office=office.id,
                created_at=now,
            )
        heads[block.id] = user.id
    return heads


ENTRY_COLUMNS = (
    "indicator_id",
    "gram_panchayat_id",
    "month",
    "target",
    "achievement",
    "is_current",
    "entered_by_id",
    "entered_at",
)


def _insert_entries(rows: list[tuple]) -> None:
    """Straight executemany: building 60,000 rows through peewee's query
    builder costs seconds; the rows here are plain numbers and dates."""
    marks = ", ".join([db.param] * len(ENTRY_COLUMNS))
    sql = (
        f"INSERT INTO mis_entry ({', '.join(ENTRY_COLUMNS)}, kind, reason) "
        f"VALUES ({marks}, 'entry', '')"
    )
    cursor = db.cursor()
    for start in range(0, len(rows), BATCH):
        cursor.executemany(sql, rows[start : start + BATCH])


def seed_demo(echo=print) -> int:
    rng = random.Random(20261)
    now = clock.now()
    this_month = months.current_month(now)
    first = months.shift(this_month, -PAST_MONTHS)
    picked = _pick_schemes()
    if not picked:
        echo("  no schemes: no MIS indicators")
        return 0
    with db.atomic():
        indicators = []
        for scheme, specs in picked:
            for position, (code, unit, en, hi, mr, typical) in enumerate(specs, start=1):
                ind = Indicator.create(
                    scheme=scheme, code=code, name_en=en, name_hi=hi, name_mr=mr, unit=unit,
                    max_monthly=max(DEFAULT_MAX[unit], typical * 50), position=position,
                    from_month=first, created_at=now,
                )  # fmt: skip
                indicators.append((ind.id, typical))
        blocks = list(Block.select().order_by(Block.code))
        heads = _block_heads(blocks, now)
        sevak = User.get_or_none(User.username == "gramsevak.bidkin")
        bidkin = GramPanchayat.get_or_none(GramPanchayat.name_en == DEMO_GP[1])
        gps = list(GramPanchayat.select(GramPanchayat.id, GramPanchayat.block).tuples())
        # Last month: two blocks still have GPs to report; one has all in
        # but is not certified yet. Bidkin's block is one of the two.
        late = {b.id for b in blocks[1:2]} | ({bidkin.block_id} if bidkin else set())
        uncertified = late | {b.id for b in blocks[3:4]}
        rows = []
        entered_by = {}
        for back in range(PAST_MONTHS, -1, -1):
            month = months.shift(this_month, -back)
            for gp_id, block_id in gps:
                if bidkin and gp_id == bidkin.id and back <= 1:
                    continue
                if back == 1 and block_id in late and rng.random() < 0.15:
                    continue
                if back == 0 and rng.random() > 0.35:
                    continue
                by = entered_by.setdefault(block_id, heads.get(block_id) or sevak.id)
                day = min(months.shift(month, 1) + dt.timedelta(days=rng.randint(0, 6)), now.date())
                at = dt.datetime.combine(day, dt.time(5 + rng.randint(0, 6), rng.randint(0, 59)))
                stamp = at.strftime("%Y-%m-%d %H:%M:%S")
                for ind_id, typical in indicators:
                    target = max(1, round(typical * rng.uniform(0.6, 1.4)))
                    share = rng.uniform(0.55, 1.1) if back else rng.uniform(0.2, 0.7)
                    achieved = round(target * share)
                    rows.append((ind_id, gp_id, str(month), target, achieved, True, by, stamp))
        _insert_entries(rows)
        certs = []
        for back in range(PAST_MONTHS, 0, -1):
            month = months.shift(this_month, -back)
            for block in blocks:
                if block.id not in heads or (back == 1 and block.id in uncertified):
                    continue
                day = months.shift(month, 1) + dt.timedelta(days=rng.randint(7, 12))
                certs.append({
                    "block": block.id, "month": month, "certified_by": heads[block.id],
                    "certified_at": dt.datetime.combine(min(day, now.date()), dt.time(9, 30)),
                })  # fmt: skip
        Certification.insert_many(certs).execute()
    echo(
        f"  {len(indicators)} MIS indicators of {len(picked)} schemes, {len(rows)} monthly "
        f"figures, {len(certs)} block-months certified, {len(heads)} block office heads"
    )
    return len(rows)
