"""The demo district's employee register: several thousand employees in
its 53 offices with sanctioned posts and real vacancies, posting histories,
retirements due within the year, and the demo users as employees.

Deterministic for a given day (random.Random(2026); ages are counted back
from today so that superannuation always falls around now). Fast: every
table is written with insert_many in batches."""

import datetime as dt
import random

from indic_transliteration import sanscript

from blueprints.accounts.models import User
from blueprints.employees import demo_data as D
from blueprints.employees.models import (
    Cadre,
    Designation,
    Employee,
    Posting,
    SanctionedPost,
)
from blueprints.employees.services import set_search_keys_many, superannuation
from blueprints.masters.models import Block, GramPanchayat, Office
from core import clock
from core.db import db

SEED = 2026
BATCH = 500


def _devanagari(itrans: str) -> str:
    return sanscript.transliterate(itrans, sanscript.ITRANS, sanscript.DEVANAGARI)


def _posts_of(office, gp_counts) -> list[tuple[str, int]]:
    """(designation code, sanctioned) for one office."""
    gps = gp_counts.get(office.tehsil_id, 0)
    out = {}
    for code, n in (*D.STAFFING[office.kind], *D.EXTRA_STAFF.get(office.code, ())):
        if isinstance(n, str):
            n = max(1, round(gps * float(n[3:])))
        out[code] = out.get(code, 0) + n
    if office.parent_id is None and office.kind == "collectorate_branch":
        out["DYCOL"] += 2  # the Collectorate itself: Resident Deputy Collector and others
    return list(out.items())


class _People:
    """Names, dates and contacts, drawn from one seeded generator."""

    def __init__(self, rng: random.Random, today: dt.date):
        self.rng, self.today, self.n = rng, today, 0
        self.male = [(e, _devanagari(i)) for e, i in D.MALE]
        self.female = [(e, _devanagari(i)) for e, i in D.FEMALE]
        self.surnames = [(e, _devanagari(i)) for e, i in D.SURNAMES]

    def name(self) -> tuple[str, str]:
        rng = self.rng
        first = rng.choice(self.female if rng.random() < 0.3 else self.male)
        father = rng.choice(self.male)
        last = rng.choice(self.surnames)
        return f"{first[0]} {father[0]} {last[0]}", f"{first[1]} {father[1]} {last[1]}"

    def dates(self, age_limit: int, senior: bool):
        """(date of birth, joined on, retires on) of someone still in service."""
        rng = self.rng
        while True:
            age_days = rng.randint((30 if senior else 22) * 365, age_limit * 365 + 300)
            born = self.today - dt.timedelta(days=age_days)
            retires = superannuation(born, age_limit)
            if retires >= self.today:
                break
        join_age = rng.randint(25 if senior else 20, 31 if senior else 29)
        joined = min(born + dt.timedelta(days=join_age * 365 + rng.randint(0, 300)), self.today)
        return born, joined, retires

    def mobile(self, prefix: str) -> str:
        return f"{prefix}{self.rng.randint(0, 10**8 - 1):08d}"

    def address(self, town: str) -> str:
        return f"{self.rng.randint(1, 240)}, {self.rng.choice(D.LOCALITIES)}, {town}"


def seed_demo(echo=None) -> int:
    if Employee.select().exists():
        return 0
    rng = random.Random(SEED)
    today = clock.today_ist()
    people = _People(rng, today)
    now = clock.now()
    with db.atomic():
        cadres = {}
        for code, en, hi, mr, age in D.CADRES:
            cadres[code] = Cadre.create(code=code, name_en=en, name_hi=hi, name_mr=mr,
                                        retirement_age=age)  # fmt: skip
        designations = {}
        for code, en, hi, mr, cadre, klass in D.DESIGNATIONS:
            designations[code] = Designation.create(
                code=code, name_en=en, name_hi=hi, name_mr=mr, cadre=cadres[cadre],
                service_class=klass,
            )  # fmt: skip
        offices = list(Office.select().order_by(Office.id))
        gp_counts = {}
        for tehsil_id, _gp in (
            GramPanchayat.select(Block.tehsil, GramPanchayat.id).join(Block).tuples()
        ):
            gp_counts[tehsil_id] = gp_counts.get(tehsil_id, 0) + 1
        towns = {o.id: (o.tehsil.name_en if o.tehsil_id else "Aurangabad") for o in offices}
        by_kind = {}
        for office in offices:
            by_kind.setdefault(office.kind, []).append(office)

        # Sanctioned posts, and who fills them.
        posts, employees, postings = [], [], []
        users = {u.username: u for u in User.select().where(User.username.in_(list(D.USER_POSTS)))}
        office_by_code = {o.code: o for o in offices}
        reserved = {}
        for username, (office_code, designation) in D.USER_POSTS.items():
            if username in users and office_code in office_by_code:
                reserved.setdefault((office_by_code[office_code].id, designation), []).append(
                    users[username]
                )
        for office in offices:
            for code, sanctioned in _posts_of(office, gp_counts):
                designation = designations[code]
                posts.append({"office": office.id, "designation": designation.id,
                              "sanctioned": sanctioned})  # fmt: skip
                vacancy = (
                    0
                    if sanctioned == 1 and rng.random() < 0.85
                    else round(sanctioned * rng.choice((0, 0.05, 0.1, 0.15, 0.2, 0.3)))
                )
                filled = sanctioned - vacancy + (1 if rng.random() < 0.03 else 0)
                holders = reserved.get((office.id, code), [])
                for k in range(filled):
                    user = holders[k] if k < len(holders) else None
                    employees.append(_employee(people, office, designation, cadres, towns, user))
        # A few who have retired: kept in the register, not counted as filled.
        for _ in range(120):
            office = rng.choice(offices)
            code, _n = rng.choice(_posts_of(office, gp_counts))
            row = _employee(people, office, designations[code], cadres, towns, None)
            age = designations[code].cadre.retirement_age
            row["retires_on"] = today.replace(day=1) - dt.timedelta(days=rng.randint(1, 900))
            row["retires_on"] = superannuation(
                row["retires_on"].replace(year=row["retires_on"].year - age), age
            )
            row["date_of_birth"] = row["retires_on"].replace(
                year=row["retires_on"].year - age, day=rng.randint(2, 28)
            )
            row["joined_on"] = row["date_of_birth"].replace(year=row["date_of_birth"].year + 26)
            row["status"] = "retired"
            employees.append(row)
        for n, row in enumerate(employees, start=1):
            row["code"] = f"AUR{n:05d}"
            row["created_at"] = row["updated_at"] = now
            first, last = row["name_en"].split()[0], row["name_en"].split()[-1]
            senior = row.pop("_senior")
            row["email_official"] = f"{first}.{last}{n}@example.gov.in".lower() if senior else ""
        for start in range(0, len(posts), BATCH):
            SanctionedPost.insert_many(posts[start : start + BATCH]).execute()
        history = [row.pop("_history") for row in employees]
        for start in range(0, len(employees), BATCH):
            Employee.insert_many(employees[start : start + BATCH]).execute()
        ids = dict(Employee.select(Employee.code, Employee.id).tuples())
        for row, earlier in zip(employees, history, strict=True):
            postings.extend(_postings(rng, ids[row["code"]], row, earlier, by_kind, now))
        for start in range(0, len(postings), BATCH):
            Posting.insert_many(postings[start : start + BATCH]).execute()
        set_search_keys_many((ids[r["code"]], r["name_en"], r["name_local"]) for r in employees)
    if echo:
        echo(
            f"employees: {len(employees)} in {len(offices)} offices, {len(postings)} postings, "
            f"{sum(p['sanctioned'] for p in posts)} sanctioned posts"
        )
    return len(employees)


def _employee(people, office, designation, cadres, towns, user) -> dict:
    rng = people.rng
    if user is not None:
        name_en, name_local = user.full_name, user.full_name_local
    else:
        name_en, name_local = people.name()
    senior = designation.service_class in ("I", "II")
    age_limit = next(c for c in cadres.values() if c.id == designation.cadre_id).retirement_age
    born, joined, retires = people.dates(age_limit, senior)
    roll = rng.random()
    status = "on_leave" if roll < 0.03 else "suspended" if roll < 0.04 else "working"
    return {
        "name_en": name_en,
        "name_local": name_local,
        "designation": designation.id,
        "office": office.id,
        "status": status if user is None else "working",
        "date_of_birth": born,
        "joined_on": joined,
        "retires_on": retires,
        "mobile_official": user.mobile if user is not None else people.mobile("94"),
        "mobile_personal": people.mobile(rng.choice(("98", "97", "88", "70"))),
        "address": people.address(towns[office.id]),
        "user": user.id if user is not None else None,
        "_senior": senior,
        # 35% moved before: 1-3 earlier postings, drawn when postings are made.
        "_history": rng.choice((1, 1, 2, 3)) if rng.random() < 0.35 else 0,
    }


def _postings(rng, employee_id, row, earlier, by_kind, now) -> list[dict]:
    """The employee's postings, oldest first, the last one the current."""
    office_id, designation_id = row["office"], row["designation"]
    joined, end = row["joined_on"], min(row["retires_on"], now.date())
    span = (end - joined).days
    if span < 400 * (earlier + 1):
        earlier = 0
    starts = sorted(rng.sample(range(200, span - 100), earlier)) if earlier else []
    kind_offices = by_kind[next(k for k, v in by_kind.items() if any(o.id == office_id for o in v))]
    others = [o.id for o in kind_offices if o.id != office_id] or [office_id]
    chain = [rng.choice(others) for _ in range(earlier)] + [office_id]
    dates = [joined] + [joined + dt.timedelta(days=d) for d in starts]
    rows = []
    for k, (office, start) in enumerate(zip(chain, dates, strict=True)):
        order_date = start - dt.timedelta(days=rng.randint(3, 25)) if k else None
        rows.append({
            "employee": employee_id, "office": office, "designation": designation_id,
            "order_no": f"EST/{start.year}/{rng.randint(10, 999)}" if k else "",
            "order_date": order_date, "from_date": start, "created_at": now, "created_by": None,
        })  # fmt: skip
    return rows
