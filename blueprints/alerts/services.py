"""The one-week disposal alerts: which applications need a warning or are
past their service level, who is told about them, and the record of who
was told what and when.

The rule (days_left as on the desk, in IST calendar days):
  warning     days_left == 2 (day 5 of a 7-day service level): the office's
              desk and the office head;
  breach      days_left < 0 (past the due date): also the officer over the
              office (the BDO of a block office; the SDM/tehsildar of a
              tehsil or municipal office; for a district-level office the
              SDM of the applicant's tehsil);
  escalation  days_left <= -3: also the district manager(s).
An application waiting on the applicant (awaiting_documents) has its clock
stopped and is not alerted about. Breaches are repeated every morning until
the application is disposed of; a warning is sent once.

Each person gets one digest a day (one SMS with counts, one email with the
IDs) however many posts and offices it covers. Every digest is recorded as
AlertRecord rows (one per office and channel); their unique key makes a
second run the same day, or a concurrent one on another consumer, send
nothing. A person without a mobile number or email address, or a post that
no one holds, is recorded as "could not be told".

For the dashboard: alerts_for() and templates/alerts/_recent_alerts.html."""

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

import peewee as pw
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from blueprints.accounts.models import POST_RANK, POSTS, User
from blueprints.alerts.models import AlertRecord
from blueprints.applications.models import Application
from blueprints.applications.statuses import CLOCK
from blueprints.employees.charges import ChargeBook
from blueprints.masters.models import Block, GramPanchayat, Office
from core import clock, notify, paging, sla
from core.access import DISTRICT_WIDE, office_condition
from core.db import write_transaction
from core.i18n import message_locale
from core.links import public_base

WARN_DAYS_LEFT = 2
ESCALATE_DAYS_LATE = 3
CHANNELS = ("sms", "email")
# An email lists at most this many IDs per office and kind; the count is exact.
EMAIL_ID_LIMIT = 200


@dataclass(frozen=True)
class Due:
    """An application that needs an alert today."""

    id: int
    app_id: str
    status: str
    due_date: dt.date
    office_id: int
    area_tehsil_id: int

    def days_left(self, today: dt.date) -> int:
        return CLOCK.read(self.status, self.due_date, today).days_left


@dataclass
class Part:
    """One office's part of one recipient's digest."""

    office: Office
    post: str
    warnings: dict = field(default_factory=dict)  # id -> Due
    breaches: dict = field(default_factory=dict)

    def add(self, post: str, item: Due, breach: bool):
        if POST_RANK[post] > POST_RANK[self.post]:
            self.post = post
        (self.breaches if breach else self.warnings)[item.id] = item


@dataclass
class Digest:
    """Everything one recipient is told today. user None: a post no one
    holds, recorded so that the gap shows."""

    user: User | None
    post: str
    place_id: int | None
    parts: dict = field(default_factory=dict)  # office id -> Part

    @property
    def recipient(self) -> str:
        if self.user is not None:
            return f"u{self.user.id}"
        return f"vacant:{self.post}:{self.place_id or 0}"

    def add(self, office: Office, post: str, item: Due, breach: bool):
        part = self.parts.get(office.id)
        if part is None:
            part = self.parts[office.id] = Part(office=office, post=post)
        part.add(post, item, breach)

    @property
    def warnings(self) -> int:
        return sum(len(p.warnings) for p in self.parts.values())

    @property
    def breaches(self) -> int:
        return sum(len(p.breaches) for p in self.parts.values())


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def due_applications(today: dt.date) -> list[Due]:
    """Open applications on their warning day or past their due date."""
    due = Application.due_date
    rows = (
        Application.select(
            Application.id,
            Application.app_id,
            Application.status,
            Application.due_date,
            Application.office,
            Block.tehsil,
        )
        .join(GramPanchayat, on=Application.gram_panchayat)
        .join(Block, on=GramPanchayat.block)
        .where(
            CLOCK.running_sql(Application.status)
            & Application.office.is_null(False)
            & (
                sla.days_left_equal_sql(WARN_DAYS_LEFT, today, due=due)
                | sla.days_left_below_sql(0, today, due=due)
            )
        )
        .order_by(Application.due_date, Application.id)
        .tuples()
    )
    return [
        Due(pk, app_id or "", status, _as_date(due), office, tehsil)
        for pk, app_id, status, due, office, tehsil in rows
    ]


def supervisor(office: Office, item: Due) -> tuple[str, int]:
    """The officer told of a breach: (post, block or tehsil id)."""
    if office.block_id:
        return ("bdo", office.block_id)
    return ("sdm", office.tehsil_id or item.area_tehsil_id)


def compute_digests(today: dt.date) -> list[Digest]:
    """Who is told what on `today`: one Digest per person (or vacant post),
    in a stable order. Reads only; send_digests() sends and records."""
    items = due_applications(today)
    if not items:
        return []
    offices = {
        o.id: o for o in Office.select().where(Office.id.in_(sorted({i.office_id for i in items})))
    }
    book = ChargeBook(today)
    digests: dict[str, Digest] = {}

    def tell(post, place_id, office, item, breach):
        holders = book.holders(post, place_id)
        if not holders:
            key = f"vacant:{post}:{place_id or 0}"
            digest = digests.setdefault(key, Digest(user=None, post=post, place_id=place_id))
            digest.add(office, post, item, breach)
        for user in holders:
            digest = digests.setdefault(f"u{user.id}", Digest(user=user, post=post, place_id=None))
            digest.add(office, post, item, breach)

    for item in items:
        office = offices[item.office_id]
        left = item.days_left(today)
        breach = left < 0
        tell("desk", office.id, office, item, breach)
        tell("office_head", office.id, office, item, breach)
        if breach:
            tell(*supervisor(office, item), office, item, breach)
        if left <= -ESCALATE_DAYS_LATE:
            tell("district_manager", None, office, item, breach)
    return [digests[k] for k in sorted(digests)]


# --- the messages ----------------------------------------------------------------


def _place_words(digest: Digest) -> str:
    parts = list(digest.parts.values())
    if len(parts) == 1:
        return parts[0].office.name
    return ngettext("%(num)d office", "%(num)d offices", len(parts))


def sms_text(digest: Digest, today: dt.date) -> str:
    return _(
        "Zila %(day)s: applications near deadline %(warnings)d, overdue %(overdue)d at %(place)s.",
        day=today.strftime("%d-%m"),
        warnings=digest.warnings,
        overdue=digest.breaches,
        place=_place_words(digest),
    )


def _id_list(items: dict, today: dt.date, breach: bool) -> list[str]:
    lines = []
    for item in list(items.values())[:EMAIL_ID_LIMIT]:
        if breach:
            lines.append(
                "  "
                + ngettext(
                    "%(id)s, due %(due)s, %(num)d day late",
                    "%(id)s, due %(due)s, %(num)d days late",
                    -item.days_left(today),
                    id=item.app_id,
                    due=item.due_date.strftime("%d-%m-%Y"),
                )
            )
        else:
            lines.append(
                "  "
                + _("%(id)s, due %(due)s", id=item.app_id, due=item.due_date.strftime("%d-%m-%Y"))
            )
    if len(items) > EMAIL_ID_LIMIT:
        lines.append("  " + _("and %(count)d more", count=len(items) - EMAIL_ID_LIMIT))
    return lines


def email_text(digest: Digest, today: dt.date) -> str:
    lines = [
        _("Dear %(name)s,", name=digest.user.display_name),
        "",
        _(
            "These applications need action. The district disposes of every application "
            "within its service level."
        ),
    ]
    for part in digest.parts.values():
        lines += ["", f"{part.office.name} ({POSTS[part.post]})"]
        if part.breaches:
            lines.append(_("Overdue: %(count)d", count=len(part.breaches)))
            lines += _id_list(part.breaches, today, breach=True)
        if part.warnings:
            lines.append(_("Due in two days: %(count)d", count=len(part.warnings)))
            lines += _id_list(part.warnings, today, breach=False)
    lines += ["", _("Open Zila: %(url)s", url=public_base() + "/")]
    return "\n".join(lines)


# --- sending and recording -------------------------------------------------------


def _address(user: User, channel: str) -> str:
    return ((user.mobile if channel == "sms" else user.email) or "").strip()


def _rows(digest: Digest, today: dt.date, channel: str, status: str, reason: str) -> list[dict]:
    now = clock.now()
    return [
        {
            "key": f"{today.isoformat()}|{digest.recipient}|o{office_id}|{channel or '-'}",
            "day": today,
            "user": digest.user.id if digest.user else None,
            "post": part.post,
            "place_id": digest.place_id,
            "office": office_id,
            "channel": channel,
            "status": status,
            "reason": reason,
            "warnings": len(part.warnings),
            "breaches": len(part.breaches),
            "application_ids": json.dumps([*part.breaches, *part.warnings]),
            "created_at": now,
        }
        for office_id, part in sorted(digest.parts.items())
    ]


def _send_one(digest: Digest, today: dt.date, channel: str) -> str:
    """Record and send one digest over one channel, once: returns "told",
    "could_not_tell" or "already" (another run recorded it first)."""
    if digest.user is None:
        status, reason, address = "could_not_tell", "vacant", ""
    else:
        address = _address(digest.user, channel)
        status = "queued" if address else "could_not_tell"
        reason = "" if address else ("no_mobile" if channel == "sms" else "no_email")
    rows = _rows(digest, today, channel, status, reason)
    try:
        with write_transaction():
            # The claim: a concurrent run blocks here, then fails on the key.
            AlertRecord.insert_many(rows).execute()
            if status == "queued":
                with force_locale(message_locale()):
                    text = sms_text(digest, today)
                    body = email_text(digest, today) if channel == "email" else text
                note = notify.queue(
                    channel,
                    address,
                    body,
                    subject=text if channel == "email" else "",
                    dedupe_key=f"alert:{today.isoformat()}:{digest.user.id}:{channel}",
                )
                AlertRecord.update(notification=note.id).where(
                    AlertRecord.key.in_([r["key"] for r in rows])
                ).execute()
    except pw.IntegrityError:
        return "already"
    return "told" if status == "queued" else "could_not_tell"


def send_digests(today: dt.date) -> dict:
    """Send today's digests; safe to run again or concurrently. Returns
    counts for the task-run record."""
    digests = compute_digests(today)
    counts = Counter()
    for digest in digests:
        for channel in CHANNELS if digest.user is not None else ("",):
            counts[_send_one(digest, today, channel)] += 1
    applications = {
        i for d in digests for p in d.parts.values() for i in (*p.warnings, *p.breaches)
    }
    return {
        "applications": len(applications),
        "recipients": sum(1 for d in digests if d.user is not None),
        "told": counts["told"],
        "could_not_tell": counts["could_not_tell"],
        "already": counts["already"],
    }


# --- for the dashboard -----------------------------------------------------------

OUTCOMES = {
    "sent": _l("sent"),
    "queued": _l("waiting to be sent"),
    "failed": _l("failed"),
}
CHANNEL_NAMES = {"sms": _l("SMS"), "email": _l("Email"), "": ""}


@dataclass
class Told:
    """One person (or vacant post) told on one day about one office's
    applications, over every channel tried."""

    day: dt.date
    user: User | None
    post: str
    office: Office
    warnings: int
    breaches: int
    application_ids: list
    records: list = field(default_factory=list)

    @property
    def post_label(self):
        return POSTS.get(self.post, self.post)

    @property
    def told(self) -> bool:
        """Reached over at least one channel (a failed delivery does not count)."""
        return any(self._reached(r) for r in self.records)

    @staticmethod
    def _reached(record) -> bool:
        note = record.notification
        return record.status == "queued" and (note is None or note.status != "failed")

    @property
    def channels(self) -> list[tuple]:
        """(channel name, what happened, reached) for each channel tried."""
        result = []
        order = {channel: i for i, channel in enumerate(CHANNELS)}
        for record in sorted(self.records, key=lambda r: order.get(r.channel, len(order))):
            result.append(
                (
                    CHANNEL_NAMES.get(record.channel, record.channel),
                    outcome(record),
                    self._reached(record),
                )
            )
        return result


def offices_seen_by(user):
    """The offices whose alerts `user` may read: None for the whole
    district, else a subquery of Office ids (core.access.office_condition)."""
    if user.role in DISTRICT_WIDE:
        return None
    return Office.select(Office.id).where(office_condition(user))


def _records(offices=None):
    """AlertRecord rows with the recipient's name, the office's name and the
    delivery status joined in, for the offices given (None: all)."""
    left = pw.JOIN.LEFT_OUTER
    query = (
        AlertRecord.select(
            AlertRecord,
            User.id,
            User.username,
            User.full_name,
            User.full_name_local,
            Office.id,
            Office.code,
            Office.name_en,
            Office.name_local,
            notify.Notification.id,
            notify.Notification.status,
            notify.Notification.sent_at,
        )
        .join(User, left, on=AlertRecord.user)
        .switch(AlertRecord)
        .join(Office, on=AlertRecord.office)
        .switch(AlertRecord)
        .join(notify.Notification, left, on=AlertRecord.notification)
    )
    if offices is not None:
        query = query.where(AlertRecord.office.in_(offices))
    return query


def alert_records(
    offices=None, since: dt.date | None = None, until: dt.date | None = None, limit: int = 200
):
    """AlertRecord rows, newest day first, with the recipient's name, the
    office's name and the delivery status joined in (one query).

    offices: None for the whole district, else a list of office ids or a
    subquery selecting Office.id (e.g. Office.select(Office.id).where(
    office_condition(user))). since/until: IST days, both inclusive;
    since defaults to 7 days before today."""
    since = since or clock.today_ist() - dt.timedelta(days=7)
    query = _records(offices).where(AlertRecord.day >= since)
    if until is not None:
        query = query.where(AlertRecord.day <= until)
    return list(
        query.order_by(AlertRecord.day.desc(), AlertRecord.office, AlertRecord.key).limit(limit)
    )


LOG_PAGE = 50


def alert_log(offices=None, *, after=None, before=None, size=LOG_PAGE) -> paging.Page:
    """The full record of who was told what and when, newest first, one row
    a person (or vacant post), office and channel, a page at a time."""
    return paging.keyset_page(
        _records(offices),
        AlertRecord.created_at,
        AlertRecord.id,
        after=after,
        before=before,
        size=size,
        newest_first=True,
    )


def outcome(record) -> str:
    """What happened to one record, in the reader's language."""
    if record.status == "could_not_tell":
        return _("could not be told: %(reason)s", reason=record.reason_label)
    note = record.notification
    return str(OUTCOMES.get(note.status if note else "queued", ""))


def alerts_for(
    offices=None, since: dt.date | None = None, until: dt.date | None = None, limit: int = 100
) -> list[Told]:
    """Who was told what and when, for the offices a dashboard user may see:
    a list of Told (newest day first), one per day, person (or vacant post)
    and office, each with its channels' outcomes, including "could not be
    told". Arguments as for alert_records(); at most `limit` entries.

    Render with {% include "alerts/_recent_alerts.html" %} and `alerts` set
    to this list."""
    grouped: dict[tuple, Told] = {}
    for record in alert_records(offices, since, until, limit=limit * len(CHANNELS)):
        who = record.user_id or f"{record.post}:{record.place_id}"
        key = (record.day, record.office_id, who)
        told = grouped.get(key)
        if told is None:
            if len(grouped) >= limit:
                break
            told = grouped[key] = Told(
                day=_as_date(record.day),
                user=record.user if record.user_id else None,
                post=record.post,
                office=record.office,
                warnings=record.warnings,
                breaches=record.breaches,
                application_ids=record.ids,
            )
        told.records.append(record)
    return list(grouped.values())
