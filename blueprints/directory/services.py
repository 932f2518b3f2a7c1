"""Reading and keeping the directory: search, the privacy split, the
holder lookup, quarterly confirmation and its reminders."""

import datetime as dt
import re

import peewee as pw
from flask_babel import force_locale
from flask_babel import gettext as _

from blueprints.accounts.models import User
from blueprints.directory.models import DirectoryConfirmation, DirectoryEntry
from blueprints.employees.models import Designation, Employee, EmployeeKey
from blueprints.employees.register import designations_matching
from blueprints.employees.search import fold, query_words, ranked_page
from blueprints.employees.services import holders_on, holding_on
from blueprints.masters.models import Office
from core import clock, notify
from core.access import DISTRICT_WIDE, GOVERNMENT_STAFF
from core.audit import record
from core.db import write_transaction
from core.i18n import message_locale

# --- the privacy split: the ONE place that decides who sees what -------------
#
# Anyone, signed in or not, may see a listed post's official contacts: the
# office, the post, the name of the officer holding it, the post's intercom
# extension, office landline and e-mail. Signed-in staff also see the
# holder's official mobile and official e-mail, and unlisted posts. Nobody
# sees an employee's personal mobile or address here (that stays in the
# employee register, for establishment users).
PUBLIC_FIELDS = ("office", "post", "holders", "extension", "landline", "email")
STAFF_FIELDS = (*PUBLIC_FIELDS, "holder_mobile", "holder_email")
HOLDER_FIELDS = {"holder_mobile": "mobile_official", "holder_email": "email_official"}

# Office levels in the order the directory lists them.
LEVEL_ORDER = ("district", "tehsil", "block", "municipality")
PER_PAGE = 60
EXTENSION = re.compile(r"^[0-9]{2,6}$")
# Managers of a directory: the office's own head for its entries; the district.
MANAGERS = ("office_head", "district_manager", "admin")


def is_staff(user) -> bool:
    """Signed-in government staff; a CSC operator reads the public directory."""
    return bool(getattr(user, "is_authenticated", False)) and user.role in GOVERNMENT_STAFF


def visible_entries(user):
    query = (
        DirectoryEntry.select(DirectoryEntry, Office, Designation)
        .join(Office)
        .switch(DirectoryEntry)
        .join(Designation)
    )
    if not is_staff(user):
        query = query.where(DirectoryEntry.listed == True)  # noqa: E712
    return query


def may_manage(user, office_id) -> bool:
    if not is_staff(user):
        return False
    if user.role in DISTRICT_WIDE:
        return True
    return user.role == "office_head" and user.office_id == int(office_id)


def _level_rank():
    return pw.Case(Office.level, [(lvl, n) for n, lvl in enumerate(LEVEL_ORDER)], 9)


def search(user, q: str = "", office_id=None):
    """Entries matching every word of q in the post's name (English, Hindi
    or Marathi, any spelling), the office's name, the extension or the
    holder's name (in either script); ordered office by office (the index
    page ranks them: search_page)."""
    query = visible_entries(user)
    tokens = query_words((q or "").strip()[:60], most=6)
    posts = designations_matching(tokens) if tokens else {}
    for token in tokens:
        key = fold(token)
        by_name = Employee.name_en.contains(token) | Employee.name_local.contains(token)
        if len(key) >= 3:
            by_name |= Employee.id.in_(
                EmployeeKey.select(EmployeeKey.employee).where(EmployeeKey.key.startswith(key))
            )
        holder_match = holding_on(
            None, DirectoryEntry.office, DirectoryEntry.designation, fields=(Employee.id,)
        ).where(by_name)
        query = query.where(
            DirectoryEntry.designation.in_(posts[token] or [0])
            | Designation.code.contains(token)
            | Office.name_en.contains(token)
            | Office.name_local.contains(token)
            | (DirectoryEntry.extension == token)
            | pw.fn.EXISTS(holder_match)
        )
    if office_id is not None:
        query = query.where(DirectoryEntry.office == office_id)
    return query.order_by(
        _level_rank(), Office.name_en, Office.id, DirectoryEntry.sort, Designation.name_en
    )


def search_page(user, q: str, page: int):
    """One page of the directory's search, the best matches first: the post
    named exactly ("Tahsildar") before one that contains it ("Naib
    Tahsildar"), then offices and holders."""

    def fields_of(entries):
        holders = holders_of(entries)
        rows = []
        for e in entries:
            people = holders.get((e.office_id, e.designation_id), [])
            rows.append(
                [
                    e.designation.name_en,
                    e.designation.name_hi,
                    e.designation.name_mr,
                    *(h.name_en for h in people),
                    *(h.name_local for h in people),
                    e.office.name_en,
                    e.office.name_local,
                    e.extension,
                ]
            )
        return rows

    return ranked_page(search(user, q), q, fields_of, page, PER_PAGE)


def holders_of(entries) -> dict:
    """(office id, designation id) -> the employees holding that post, in one query."""
    offices = {e.office_id for e in entries}
    posts = {e.designation_id for e in entries}
    found = {}
    if not entries:
        return found
    rows = holders_on(
        None,
        list(offices),
        list(posts),
        fields=(
            Employee.id,
            Employee.name_en,
            Employee.name_local,
            Employee.mobile_official,
            Employee.email_official,
            Employee.status,
        ),
    )
    for emp in rows:
        found.setdefault((emp.office_id, emp.designation_id), []).append(emp)
    return found


def contact(entry, holders, staff: bool) -> dict:
    """The fields of one entry that this audience may see (see above)."""
    full = {
        "id": entry.id,
        "office": entry.office,
        "post": entry.designation,
        "holders": holders,
        "extension": entry.extension,
        "landline": entry.landline,
        "email": entry.email,
        "listed": entry.listed,
        "is_head": entry.is_head,
    }
    if staff:
        for field, column in HOLDER_FIELDS.items():
            full[field] = [getattr(h, column) for h in holders if getattr(h, column)]
    allowed = STAFF_FIELDS if staff else PUBLIC_FIELDS
    return {k: v for k, v in full.items() if k in allowed or k in ("id", "listed", "is_head")}


def contacts(user, entries) -> list[dict]:
    holders = holders_of(entries)
    staff = is_staff(user)
    return [contact(e, holders.get((e.office_id, e.designation_id), []), staff) for e in entries]


def group_by_office(rows: list[dict]) -> list[tuple]:
    groups = []
    for row in rows:
        if not groups or groups[-1][0].id != row["office"].id:
            groups.append((row["office"], []))
        groups[-1][1].append(row)
    return groups


def head_contacts(office_id) -> list[tuple[str, str]]:
    """(official mobile, official e-mail) of whoever holds the head post of
    an office now: for the VC invitations."""
    heads = DirectoryEntry.select(DirectoryEntry.designation).where(
        (DirectoryEntry.office == office_id) & (DirectoryEntry.is_head == True)  # noqa: E712
    )
    rows = holding_on(
        None, int(office_id), heads, fields=(Employee.mobile_official, Employee.email_official)
    )
    return [(r.mobile_official, r.email_official) for r in rows]


# --- keeping entries ---------------------------------------------------------


class Refused(ValueError):
    pass


def save_entry(office, designation_id, data: dict, actor, entry=None) -> DirectoryEntry:
    """Add (entry None) or change an entry; refuses a second entry for the
    same post."""
    with write_transaction():
        clash = DirectoryEntry.select().where(
            (DirectoryEntry.office == office.id) & (DirectoryEntry.designation == designation_id)
        )
        if entry is not None:
            clash = clash.where(DirectoryEntry.id != entry.id)
        if clash.exists():
            raise Refused(_("This office already has an entry for that post."))
        if entry is None:
            entry = DirectoryEntry(office=office, designation=designation_id)
        entry.designation = designation_id
        for field in ("extension", "landline", "email", "is_head", "listed", "sort"):
            setattr(entry, field, data[field])
        entry.updated_at = clock.now()
        entry.save()
        record("directory.entry_saved", "office", office.id, actor=actor, entry=entry.id)
    return entry


def remove_entry(entry, actor):
    with write_transaction():
        record("directory.entry_removed", "office", entry.office_id, actor=actor, entry=entry.id)
        entry.delete_instance()


def quarter_of(when: dt.datetime | None = None) -> str:
    day = clock.today_ist(when)
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def confirmation(office_id, quarter=None):
    return DirectoryConfirmation.get_or_none(
        (DirectoryConfirmation.office == office_id)
        & (DirectoryConfirmation.quarter == (quarter or quarter_of()))
    )


def confirm(office, actor, now=None):
    now = now or clock.now()
    quarter = quarter_of(now)
    with write_transaction():
        if confirmation(office.id, quarter) is not None:
            raise Refused(
                _("The entries of this office are already confirmed for %(q)s.", q=quarter)
            )
        DirectoryConfirmation.create(
            office=office, quarter=quarter, confirmed_by=actor, confirmed_at=now
        )
        record("directory.confirmed", "office", office.id, actor=actor, quarter=quarter)


def unconfirmed_offices(quarter):
    done = DirectoryConfirmation.select(DirectoryConfirmation.office).where(
        DirectoryConfirmation.quarter == quarter
    )
    with_entries = DirectoryEntry.select(DirectoryEntry.office)
    return Office.select().where(Office.id.in_(with_entries) & Office.id.not_in(done))


def remind_unconfirmed(now=None) -> int:
    """SMS the head of every office with entries not confirmed this quarter:
    its office_head users and the holder of its head post. One message per
    person, office and week (dedupe key), however often this runs. Returns
    how many were queued: a second run in the week counts none."""
    now = now or clock.now()
    quarter = quarter_of(now)
    year, week, _day = clock.today_ist(now).isocalendar()
    offices = list(unconfirmed_offices(quarter))
    heads = {}
    for user in User.select().where(
        (User.role == "office_head")
        & User.office.in_([o.id for o in offices])
        & (User.is_active_account == True)  # noqa: E712
    ):
        if user.mobile:
            heads.setdefault(user.office_id, set()).add(user.mobile)
    sent = 0
    for office in offices:
        mobiles = set(heads.get(office.id, set()))
        mobiles |= {m for m, _e in head_contacts(office.id) if m}
        with force_locale(message_locale()):
            text = _(
                "Please confirm the directory entries of %(office)s for %(q)s on the Zila portal.",
                office=office.name_local or office.name_en,
                q=quarter,
            )
        for mobile in sorted(mobiles):
            note = notify.queue(
                "sms",
                mobile,
                text,
                dedupe_key=f"dir-confirm:{office.id}:{year}-W{week:02d}:{mobile}",
            )
            sent += notify.was_queued(note)
    return sent
