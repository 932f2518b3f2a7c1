"""Demo directory: every office's main posts (the sanctioned posts of the
employee register that the public rings or writes to), with intercom
extensions, landlines and post e-mails; most offices confirmed for the
quarter, a few not, so that the reminder and its list have something."""

import random

from blueprints.accounts.models import User
from blueprints.directory.models import DirectoryConfirmation, DirectoryEntry
from blueprints.directory.services import quarter_of
from blueprints.employees.models import Designation, SanctionedPost
from blueprints.masters.demo_data import STD_CODES as STD
from blueprints.masters.models import Office
from core import clock
from core.db import db

SEED = 2026
# The posts listed, in the order an office's list shows them. The first of
# an office's posts found here is its head. Stenographers are listed for
# staff only (they answer the head's line, not the public's).
MAIN_POSTS = ("DYCOL", "TAH", "BDO", "DYCEO", "DO", "CO", "NTAH", "MO", "CIRO", "EXO",
              "JE", "SI", "AVK", "SRA", "STN")  # fmt: skip
HEADS = frozenset({"DYCOL", "TAH", "BDO", "DYCEO", "DO", "CO"})
STAFF_ONLY = frozenset({"STN"})


def _landline(rng, office) -> str:
    key = office.code.split("-")[-1]
    std = STD.get(key, "0240")
    digits = 8 - (len(std) - 3)  # 0240-2xxxxxx, 02431-2xxxxx
    return f"{std}-2{rng.randrange(10 ** (digits - 2), 10 ** (digits - 1))}"


def seed_demo(echo=None) -> int:
    if DirectoryEntry.select().exists():
        return 0
    rng = random.Random(SEED)
    designations = {d.code: d.id for d in Designation.select(Designation.id, Designation.code)}
    if not designations:
        return 0
    rank = {code: n for n, code in enumerate(MAIN_POSTS)}
    sanctioned = {}
    for office_id, code in (
        SanctionedPost.select(SanctionedPost.office, Designation.code)
        .join(Designation)
        .where(Designation.code.in_(MAIN_POSTS))
        .tuples()
    ):
        sanctioned.setdefault(office_id, set()).add(code)
    offices = list(Office.select().order_by(Office.id))
    rows = []
    now = clock.now()
    for n, office in enumerate(offices):
        codes = sorted(sanctioned.get(office.id, ()), key=rank.get)
        if not codes:  # an office without a register: its head's post alone
            codes = ["DO"]
        line = _landline(rng, office)
        place = office.code.lower().replace("-", ".")
        for k, code in enumerate(codes):
            rows.append(
                {
                    "office": office.id,
                    "designation": designations[code],
                    "extension": f"{(n + 1) * 10 + k + 100}",
                    "landline": line,
                    "email": f"{code.lower()}.{place}@zila-demo.gov.in" if code in HEADS else "",
                    "is_head": k == 0 and code in HEADS,
                    "listed": code not in STAFF_ONLY,
                    "sort": rank[code],
                    "updated_at": now,
                }
            )
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    with db.atomic():
        for start in range(0, len(rows), 500):
            DirectoryEntry.insert_many(rows[start : start + 500]).execute()
        if admin is not None:
            quarter = quarter_of(now)
            # Most offices confirmed this quarter; every seventh has not yet.
            DirectoryConfirmation.insert_many(
                [
                    {
                        "office": o.id,
                        "quarter": quarter,
                        "confirmed_by": admin.id,
                        "confirmed_at": now,
                    }  # fmt: skip
                    for n, o in enumerate(offices)
                    if n % 7 != 3
                ]
            ).execute()
    if echo:
        echo(f"directory: {len(rows)} entries for {len(offices)} offices")
    return len(rows)
