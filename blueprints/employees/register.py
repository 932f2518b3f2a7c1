"""Reading the register: search, who may see personal data, the vacancy
statement and the retirements due."""

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from blueprints.employees.models import (
    HOLDING_STATUSES,
    STATUSES,
    Designation,
    Employee,
    EmployeeKey,
    SanctionedPost,
)
from blueprints.employees.search import fold, query_words, rank, ranked_page
from blueprints.masters.models import Block, Office

# Who sees the register at all: every signed-in member of staff, official
# contacts only; personal fields follow may_see_personal.
ESTABLISHMENT = "establishment"
MANAGE_ROLES = (ESTABLISHMENT,)
PERSONAL_VIEWED = "employee.personal_viewed"
# Who sees anyone's personal fields: the establishment, and an office head
# those of the staff of their own office (may_see_personal).
PERSONAL_ROLES = (ESTABLISHMENT, "office_head")
IMPORT_ROLES = (ESTABLISHMENT, "admin")
AUDIT_ROLES = (ESTABLISHMENT, "admin")
STATEMENT_ROLES = (ESTABLISHMENT, "admin", "district_manager", "block_officer", "office_head")
RETIREMENT_ROLES = (ESTABLISHMENT, "admin", "district_manager", "office_head")
PAGE_SIZE = 25
MAX_QUERY = 80
KEY_END = "{"  # just after "z": keys are [a-z0-9], so key..key+"{" is a prefix range


def may_see_personal(user, employee) -> bool:
    """Date of birth (so the superannuation date too), personal mobile and
    address: the establishment users, and the head of the office where the
    employee now works."""
    if user.role == ESTABLISHMENT:
        return True
    return user.role == "office_head" and user.office_id == employee.office_id


def shown_personal(user, employees, **detail) -> set[int]:
    """The one rule wherever personal fields are shown (the employee page,
    the retirements due and their exports): the ids among `employees` whose
    personal fields `user` may see, each such view recorded, append-only."""
    from core.audit import record_many

    allowed = [e for e in employees if may_see_personal(user, e)]
    record_many(PERSONAL_VIEWED, "employee", [(e.id, {"code": e.code, **detail}) for e in allowed])
    return {e.id for e in allowed}


@dataclass
class Filters:
    q: str = ""
    office: int | None = None
    designation: int | None = None
    status: str = ""
    errors: list = field(default_factory=list)

    def args(self) -> dict:
        out = {"q": self.q, "office": self.office, "designation": self.designation}
        out["status"] = self.status
        return {k: v for k, v in out.items() if v}


def _int_arg(raw):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**31 else None


def parse_filters(args) -> Filters:
    from flask_babel import gettext as _

    f = Filters(q=(args.get("q") or "").strip())
    if len(f.q) > MAX_QUERY:
        f.errors.append(_("Type at most %(n)s characters to search.", n=MAX_QUERY))
        f.q = f.q[:MAX_QUERY]
    f.office = _int_arg(args.get("office"))
    f.designation = _int_arg(args.get("designation"))
    status = args.get("status") or ""
    f.status = status if status in STATUSES else ""
    return f


def designations_matching(tokens) -> dict[str, list[int]]:
    """{word: ids of the designations one of whose names (English, Hindi or
    Marathi) has that word, as typed or by sound}. The designations are a
    few dozen rows: read once, matched here."""
    names = list(
        Designation.select(
            Designation.id, Designation.name_en, Designation.name_hi, Designation.name_mr
        ).tuples()
    )
    return {
        token: [d_id for d_id, *texts in names if rank(token, texts) is not None]
        for token in tokens
    }


def _token_condition(token: str, posts=()):
    """One typed word: a code or official mobile when it has digits, else a
    name in either script, matched on the indexed search keys, or the
    designation (`posts`: the ids of those it names)."""
    if any(ch.isdigit() for ch in token):
        upper = token.upper()
        by_code = (Employee.code >= upper) & (Employee.code < upper + "~")
        if token.isdigit():
            by_mobile = (Employee.mobile_official >= token) & (
                Employee.mobile_official < token + ":"
            )
            return by_code | by_mobile
        return by_code
    key = fold(token)
    if not key:
        return None
    keys = EmployeeKey.select(EmployeeKey.employee).where(
        (EmployeeKey.key >= key) & (EmployeeKey.key < key + KEY_END)
    )
    if posts:
        return Employee.id.in_(keys) | Employee.designation.in_(list(posts))
    return Employee.id.in_(keys)


def search(filters: Filters):
    """The matching employees with designation and office, by name: every
    word typed is in the name, the code, the official mobile or the
    designation."""
    query = (
        Employee.select(Employee, Designation, Office)
        .join(Designation)
        .switch(Employee)
        .join(Office)
    )
    tokens = query_words(filters.q, most=6)
    named = [t for t in tokens if not any(ch.isdigit() for ch in t)]
    posts = designations_matching(named) if named else {}
    for token in tokens:
        condition = _token_condition(token, posts.get(token, ()))
        if condition is not None:
            query = query.where(condition)
    if filters.office:
        query = query.where(Employee.office == filters.office)
    if filters.designation:
        query = query.where(Employee.designation == filters.designation)
    if filters.status:
        query = query.where(Employee.status == filters.status)
    return query.order_by(Employee.name_en, Employee.id)


def search_page(filters: Filters, page: int):
    """One page of the register's search, the best matches first."""

    def fields_of(rows):
        return [
            [
                e.name_en,
                e.name_local,
                e.designation.name_en,
                e.designation.name_hi,
                e.designation.name_mr,
                e.code,
                e.mobile_official,
            ]
            for e in rows
        ]

    return ranked_page(search(filters), filters.q, fields_of, page, PAGE_SIZE)


# --- the vacancy statement ----------------------------------------------------


@dataclass
class Line:
    """Sanctioned, filled and vacant posts of one row of the statement."""

    label: str
    sub: str = ""
    sanctioned: int = 0
    filled: int = 0
    key: object = None
    # The label or sub-label fell back to English (no name in the page language).
    label_en: bool = False
    sub_en: bool = False

    # A sum of posts counts the vacancies of each post: an excess in one
    # office does not fill a vacancy in another.
    vacant_sum: int = 0
    excess_sum: int = 0

    @property
    def vacant(self) -> int:
        return self.vacant_sum or max(0, self.sanctioned - self.filled)

    @property
    def excess(self) -> int:
        return self.excess_sum or max(0, self.filled - self.sanctioned)

    def add(self, other: "Line"):
        self.sanctioned += other.sanctioned
        self.filled += other.filled
        self.vacant_sum += other.vacant
        self.excess_sum += other.excess


LEVELS = ("office", "block", "district")


def _post_counts() -> dict:
    """(office id, designation id) -> [sanctioned, filled]."""
    counts: dict = {}
    for office_id, designation_id, n in SanctionedPost.select(
        SanctionedPost.office, SanctionedPost.designation, SanctionedPost.sanctioned
    ).tuples():
        counts[(office_id, designation_id)] = [n, 0]
    filled = (
        Employee.select(Employee.office, Employee.designation, pw.fn.COUNT(Employee.id))
        .where(Employee.status.in_(HOLDING_STATUSES))
        .group_by(Employee.office, Employee.designation)
        .tuples()
    )
    for office_id, designation_id, n in filled:
        counts.setdefault((office_id, designation_id), [0, 0])[1] = n
    return counts


def vacancy_statement(level: str, office_id: int | None = None) -> tuple[list[Line], Line]:
    """Rows of the statement at `level` and the district total. At office
    level each row is one designation of one office (of `office_id` only
    when given); at block level an office's posts count in its block (a
    tehsil's block for tehsil and town offices; "district offices" for the
    rest); at district level each row is a designation."""
    from flask_babel import gettext as _

    counts = _post_counts()
    offices = {o.id: o for o in Office.select()}
    designations = {d.id: d for d in Designation.select()}
    block_of_tehsil = dict(Block.select(Block.tehsil, Block.id).order_by(Block.id.desc()).tuples())
    blocks = {b.id: b for b in Block.select()}
    lines: dict = {}
    total = Line(_("District total"))
    for (o_id, d_id), (sanctioned, filled) in counts.items():
        if office_id and o_id != office_id:
            continue
        office, designation = offices[o_id], designations[d_id]
        one = Line("", sanctioned=sanctioned, filled=filled)
        total.add(one)
        if level == "office":
            key = (office.name_en, o_id, designation.name_en, d_id)
            name = designation.name()
            line = lines.setdefault(
                key,
                Line(office.name, name, key=(o_id, d_id), sub_en=_fell_back(name, designation)),
            )
        elif level == "block":
            b_id = office.block_id or block_of_tehsil.get(office.tehsil_id)
            name = blocks[b_id].name if b_id else _("District offices")
            key = (0 if b_id is None else 1, name, b_id)
            line = lines.setdefault(key, Line(name, key=b_id))
        else:
            key = (designation.name_en, d_id)
            name = designation.name()
            line = lines.setdefault(
                key, Line(name, key=d_id, label_en=_fell_back(name, designation))
            )
        line.add(one)
    return [lines[k] for k in sorted(lines, key=lambda k: tuple(str(x) for x in k))], total


def _fell_back(name: str, designation) -> bool:
    from flask_babel import get_locale

    locale = get_locale()
    return locale is not None and locale.language != "en" and name == designation.name_en


def retirements_due(
    today: dt.date, months: int = 12, office_id: int | None = None, dated: bool = True
):
    """Employees not yet retired whose superannuation falls within `months`;
    by date, or (`dated` False, for those who may not see the dates) by
    office and name, so the order does not tell them either."""
    end = _add_months(today, months)
    query = (
        Employee.select(Employee, Designation, Office)
        .join(Designation)
        .switch(Employee)
        .join(Office)
        .where(
            (Employee.retires_on >= today)
            & (Employee.retires_on < end)
            & (Employee.status != "retired")
        )
    )
    if office_id:
        query = query.where(Employee.office == office_id)
    if not dated:
        return query.order_by(Office.name_en, Employee.name_en, Employee.id)
    return query.order_by(Employee.retires_on, Employee.name_en)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, 1)
