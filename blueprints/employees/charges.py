"""Posts and their charge: who is told for "the desk of office X", "the BDO
of block Y" on a given day. The one answer: ChargeBook(day).holders(post,
place) (and holders_on); the alerts ask it, and it asks the employee
register, which the directory, VC invitations and tasks read too.

From the register (employees.services.holding_on: the postings in force on
the day, working or on leave): an active account linked to an employee
holds the post its role takes in the office of that day's posting (an
office user the desk, an office head the office head, a block officer the
BDO of the office's block or the SDM of its tehsil). A transfer is entered
once, in the register, and moves the alerts with the directory.

By role: an account that no employee is linked to keeps the post of the
place it is bound to, so that a district gets alerts before its register
is complete; every district manager holds the district manager's post.

By assignment (ChargeAssignment: additional charge or leave substitute, what
the register cannot say; regular charges entered before the register took
over still count), from a date, to a date or until further orders:
  - the office head, BDO and SDM are one person's posts: a regular or
    additional charge in force replaces the holder by role (a transfer or
    a vacancy filled by additional charge);
  - the desk and the district manager are held by several people: a charge
    adds its holder to those by role;
  - a leave substitute replaces the holder named in `instead_of` (or every
    holder when none is named) for the days of the leave."""

import datetime as dt
from collections import defaultdict

import peewee as pw
from flask_babel import gettext as _

from blueprints.accounts.models import CHARGE_REASONS, POST_PLACE, POSTS, ChargeAssignment, User
from blueprints.employees.models import Employee
from blueprints.employees.services import holding_on
from blueprints.masters.models import Block, Office, Tehsil
from core import audit
from core.db import write_transaction
from core.ids import parse_id

# Posts one person holds at a time: an additional or regular charge in force
# replaces the holder instead of joining them.
SINGLE_HOLDER = frozenset({"office_head", "bdo", "sdm"})
# Roles that may hold a post: government staff, not CSC or GP workers.
CHARGE_ROLES = ("office_user", "office_head", "block_officer", "district_manager", "admin")
NAME_FIELDS = ("id", "username", "full_name", "full_name_local")
PLACE_FIELDS = ("id", "code", "name_en", "name_local")
PLACE_MODELS = {"office": Office, "block": Block, "tehsil": Tehsil}
USER_FIELDS = (
    User.id,
    User.username,
    User.full_name,
    User.full_name_local,
    User.role,
    User.mobile,
    User.email,
    User.office,
    User.block,
    User.tehsil,
    User.is_active_account,
)


def active_on(day: dt.date):
    return (ChargeAssignment.from_date <= day) & (
        ChargeAssignment.to_date.is_null() | (ChargeAssignment.to_date >= day)
    )


def default_post(user: User, office: Office | None = None) -> tuple[str, int | None] | None:
    """The post a user's role takes at `office` (the office of their posting
    in the register), or at the place their account is bound to."""
    if user.role == "district_manager":
        return ("district_manager", None)
    if office is not None:
        office_id, block_id = office.id, office.block_id
        tehsil_id = office.tehsil_id if not block_id else None
    else:
        office_id, block_id, tehsil_id = user.office_id, user.block_id, user.tehsil_id
    if user.role == "office_user" and office_id:
        return ("desk", office_id)
    if user.role == "office_head" and office_id:
        return ("office_head", office_id)
    if user.role == "block_officer" and block_id:
        return ("bdo", block_id)
    if user.role == "block_officer" and tehsil_id:
        return ("sdm", tehsil_id)
    return None


def _register_posts(day: dt.date) -> tuple[dict, set]:
    """user id -> the office of the linked employee's posting on `day`
    (for those who hold one), and the ids of every linked user (one query
    each)."""
    linked = {
        uid
        for (uid,) in Employee.select(Employee.user).where(Employee.user.is_null(False)).tuples()
    }
    posted = {}
    if linked:
        rows = holding_on(day, fields=(Employee.user,)).where(Employee.user.is_null(False))
        offices = {}
        for row in rows:
            offices.setdefault(row.post_office, []).append(row.user_id)
        for office in Office.select(Office.id, Office.block, Office.tehsil).where(
            Office.id.in_(list(offices) or [0])
        ):
            for uid in offices[office.id]:
                posted[uid] = office
    return posted, linked


class ChargeBook:
    """Every post's holders on one day, read in a few queries."""

    def __init__(self, day: dt.date):
        self.day = day
        self._assigned = defaultdict(list)
        rows = (
            ChargeAssignment.select(ChargeAssignment, *USER_FIELDS)
            .join(User, on=ChargeAssignment.user)
            .where(active_on(day))
            .order_by(ChargeAssignment.from_date, ChargeAssignment.id)
        )
        for row in rows:
            self._assigned[(row.post, row.place_id)].append(row)
        self._holders = {}
        self._by_role = defaultdict(list)
        users = User.select(*USER_FIELDS).where(
            User.role.in_(("office_user", "office_head", "block_officer", "district_manager"))
            & (User.is_active_account == True)  # noqa: E712
        )
        posted, linked = _register_posts(day)
        for user in users.order_by(User.id):
            if user.id in linked and user.role != "district_manager":
                post = default_post(user, posted[user.id]) if user.id in posted else None
            else:
                post = default_post(user)
            if post:
                self._by_role[post].append(user)

    def holders(self, post: str, place_id: int | None = None) -> list[User]:
        """Who holds `post` of the office, block or tehsil `place_id` today:
        active accounts only, each once; empty when the post is vacant."""
        key = (post, place_id)
        if key not in self._holders:
            self._holders[key] = self._resolve(post, place_id)
        return self._holders[key]

    def _resolve(self, post: str, place_id: int | None) -> list[User]:
        active = self._assigned.get((post, place_id), [])
        people = [a.user for a in active if a.reason != "leave"]
        if not people or post not in SINGLE_HOLDER:
            people += self._by_role.get((post, place_id), [])
        substitutes = [a for a in active if a.reason == "leave"]
        if substitutes:
            away = {a.instead_of_id for a in substitutes}
            people = [] if None in away else [u for u in people if u.id not in away]
            people += [a.user for a in substitutes]
        seen, result = set(), []
        for user in people:
            if user.id not in seen and user.is_active_account:
                seen.add(user.id)
                result.append(user)
        return result


def holders_on(post: str, place_id: int | None, day: dt.date) -> list[User]:
    return ChargeBook(day).holders(post, place_id)


# --- the administrator's form ---------------------------------------------------


class ChargeError(ValueError):
    """Bad input for a charge; the message is translated."""


def _date(text: str, what) -> dt.date:
    text = (text or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ChargeError(
            _(
                "%(what)s: “%(text)s” is not a date. Write it as YYYY-MM-DD.",
                what=what,
                text=text[:20],
            )
        ) from None


def _staff(username: str, what) -> User:
    user = User.get_or_none(User.username == (username or "").strip().lower()[:40])
    if user is None or user.role not in CHARGE_ROLES:
        raise ChargeError(
            _(
                "%(what)s: no officer has the username “%(name)s”.",
                what=what,
                name=(username or "")[:40],
            )
        )
    if not user.is_active_account:
        raise ChargeError(_("%(what)s: that account is deactivated.", what=what))
    return user


def _place(post: str, code: str):
    kind = POST_PLACE[post]
    if kind is None:
        return {}
    model = PLACE_MODELS[kind]
    row = model.get_or_none(model.code == (code or "").strip().upper()[:20])
    if row is None:
        messages = {
            "office": _("Give the code of an office, for example TO0."),
            "block": _("Give the code of a block."),
            "tehsil": _("Give the code of a tehsil."),
        }
        raise ChargeError(messages[kind])
    return {kind: row}


def assign(
    *,
    post: str,
    place_code: str,
    username: str,
    reason: str,
    from_text: str,
    to_text: str = "",
    instead_of: str = "",
    note: str = "",
    actor=None,
) -> ChargeAssignment:
    """Give `username` an additional charge or a leave substitute's charge of
    a post. A regular charge (a posting) is entered in the employee register,
    once, as a transfer: it is refused here."""
    if post not in POSTS:
        raise ChargeError(_("Choose one of the posts in the list."))
    if reason == "regular":
        raise ChargeError(
            _(
                "A posting or transfer is entered in the employee register; "
                "here only an additional charge or a leave substitute."
            )
        )
    if reason not in CHARGE_REASONS:
        raise ChargeError(_("Choose one of the kinds of charge in the list."))
    place = _place(post, place_code)
    user = _staff(username, _("Officer"))
    first = _date(from_text, _("From date"))
    last = _date(to_text, _("To date")) if (to_text or "").strip() else None
    if last is not None and last < first:
        raise ChargeError(_("The start date is after the end date."))
    away = None
    if reason == "leave":
        if last is None:
            raise ChargeError(_("A leave substitute needs the last day of the leave."))
        if (instead_of or "").strip():
            away = _staff(instead_of, _("On leave"))
    with write_transaction():
        row = ChargeAssignment.create(
            post=post,
            user=user,
            reason=reason,
            instead_of=away,
            from_date=first,
            to_date=last,
            note=(note or "").strip()[:200],
            created_by=getattr(actor, "id", None),
            **place,
        )
        audit.record(
            "charge.assigned",
            "user",
            user.id,
            actor=actor,
            post=post,
            place=(place_code or "").strip().upper(),
            reason=reason,
            from_date=first,
            to_date=last,
        )
    return row


def end_charge(assignment_id, to_text: str, actor=None) -> ChargeAssignment:
    assignment_id = parse_id(assignment_id)
    if assignment_id is None:
        raise ChargeError(_("That charge does not exist."))
    last = _date(to_text, _("Last day"))
    with write_transaction():
        row = ChargeAssignment.get_or_none(ChargeAssignment.id == assignment_id)
        if row is None:
            raise ChargeError(_("That charge does not exist."))
        if last < row.from_date:
            raise ChargeError(_("The last day is before the charge began."))
        row.to_date = last
        row.save(only=[ChargeAssignment.to_date])
        audit.record("charge.ended", "user", row.user_id, actor=actor, post=row.post, to_date=last)
    return row


def current_and_coming(day: dt.date, limit: int = 100) -> list[ChargeAssignment]:
    """Charges in force on `day` or starting later, newest first, with the
    names the list shows (one query)."""
    away = User.alias("away")
    left = pw.JOIN.LEFT_OUTER
    return list(
        ChargeAssignment.select(
            ChargeAssignment,
            *(f for f in USER_FIELDS if f.name in NAME_FIELDS),
            *(getattr(away, f) for f in NAME_FIELDS),
            *(getattr(m, f) for m in PLACE_MODELS.values() for f in PLACE_FIELDS),
        )
        .join(User, on=ChargeAssignment.user)
        .switch(ChargeAssignment)
        .join(away, left, on=ChargeAssignment.instead_of)
        .switch(ChargeAssignment)
        .join(Office, left, on=ChargeAssignment.office)
        .switch(ChargeAssignment)
        .join(Block, left, on=ChargeAssignment.block)
        .switch(ChargeAssignment)
        .join(Tehsil, left, on=ChargeAssignment.tehsil)
        .where(ChargeAssignment.to_date.is_null() | (ChargeAssignment.to_date >= day))
        .order_by(ChargeAssignment.from_date.desc(), ChargeAssignment.id.desc())
        .limit(limit)
    )
