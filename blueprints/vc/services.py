"""Rooms, faults, meetings and their messages. Every write is one
transaction; every message goes through the outbox with a dedupe key, so a
task that runs twice sends nothing twice."""

import datetime as dt

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

from blueprints.accounts.models import User
from blueprints.masters.models import Office
from blueprints.vc.models import INVITE_KINDS, VcActionPoint, VcFault, VcInvitee, VcMeeting, VcRoom
from core import clock, notify
from core.access import DISTRICT_WIDE, office_condition
from core.audit import record
from core.db import write_transaction
from core.i18n import message_locale
from core.links import public_url

ORGANISERS = ("district_manager", "admin")
REMIND_BEFORE = dt.timedelta(hours=1)


class Refused(ValueError):
    """A request that cannot be carried out; the message is translated."""


# --- rooms --------------------------------------------------------------------


def visible_rooms(user):
    """Every member of government staff sees every room: how to join a
    district review, and which rooms are down, is for all staff to know. (A
    CSC operator is refused by the views' rule.)"""
    return VcRoom.select(VcRoom, Office).join(Office)


def answers_for(user, room) -> bool:
    """Whoever answers for a room: its contact, a user of its office, or the
    block or tehsil officer of the office's area."""
    if room.contact_user_id == user.id:
        return True
    if user.office_id and user.office_id == room.office_id:
        return True
    office = room.office
    if user.role == "block_officer":
        if user.block_id and office.block_id == user.block_id:
            return True
        if user.tehsil_id and office.tehsil_id == user.tehsil_id and not office.block_id:
            return True
    return False


def rooms_answered_by(user):
    """The rooms `user` answers for (answers_for, as a query over VcRoom
    joined to Office): its contact, a user of its office, or the block or
    tehsil officer of the office's area."""
    condition = VcRoom.contact_user == user.id
    if user.office_id:
        condition |= VcRoom.office == user.office_id
    if user.role == "block_officer":
        if user.block_id:
            condition |= Office.block == user.block_id
        if user.tehsil_id:
            condition |= (Office.tehsil == user.tehsil_id) & Office.block.is_null()
    return VcRoom.select(VcRoom.id).join(Office).where(condition)


def may_report_fault(user, room) -> bool:
    return user.role in DISTRICT_WIDE or answers_for(user, room)


def open_fault(room_id):
    return (
        VcFault.select()
        .where((VcFault.room == room_id) & VcFault.closed_at.is_null())
        .order_by(VcFault.id.desc())
        .first()
    )


def it_cell():
    """The IT cell: the active administrators."""
    return list(
        User.select().where((User.role == "admin") & (User.is_active_account == True))  # noqa: E712
    )


def report_fault(room, user, description, now=None) -> VcFault:
    now = now or clock.now()
    with write_transaction():
        room = VcRoom.get_by_id(room.id)
        if open_fault(room.id) is not None:
            raise Refused(_("A fault of this room is already open; it must be closed first."))
        fault = VcFault.create(
            room=room, reported_by=user, reported_at=now, description=description
        )
        room.status, room.faulty_since = "faulty", now
        room.save()
        record("vc_fault.reported", "vc_room", room.id, actor=user, fault=fault.id)
        with force_locale(message_locale()):

            def said(what):
                return _("%(room)s is faulty: %(what)s", room=room_label(room), what=what)

            text = said(description)
            sms = notify.with_title_fitted(said, description, sizes=(60, 30))
        for admin in it_cell():
            if admin.mobile:
                notify.queue(
                    "sms", admin.mobile, sms, dedupe_key=f"vc-fault:{fault.id}:{admin.id}:s"
                )
            if admin.email:
                notify.queue(
                    "email",
                    admin.email,
                    text,
                    subject=text[:190],
                    dedupe_key=f"vc-fault:{fault.id}:{admin.id}:e",
                )
        for meeting in upcoming_meetings_of_room(room.id, now):
            flag_faulty(meeting, room)
    return fault


def close_fault(room, user, remark, now=None):
    now = now or clock.now()
    with write_transaction():
        fault = open_fault(room.id)
        if fault is None:
            raise Refused(_("This room has no open fault."))
        fault.closed_at, fault.closed_by, fault.close_remark = now, user, remark
        fault.save()
        VcRoom.update(status="working", faulty_since=None).where(VcRoom.id == room.id).execute()
        record("vc_fault.closed", "vc_room", room.id, actor=user, fault=fault.id)
    return fault


# --- meetings -----------------------------------------------------------------


def rooms_of_kinds(kinds) -> list[int]:
    office_kinds = [INVITE_KINDS[k][1] for k in kinds if k in INVITE_KINDS]
    if not office_kinds:
        return []
    return [
        r.id
        for r in VcRoom.select(VcRoom.id)
        .join(Office)
        .where(Office.kind.in_(office_kinds))
        .order_by(VcRoom.id)
    ]


def busy_rooms(room_ids, starts_at, ends_at, exclude_meeting=None) -> list[VcRoom]:
    """Rooms among room_ids already in a scheduled meeting that overlaps
    [starts_at, ends_at), as host or as invitee."""
    overlap = (
        (VcMeeting.status == "scheduled")
        & (VcMeeting.starts_at < ends_at)
        & (VcMeeting.ends_at > starts_at)
    )
    if exclude_meeting is not None:
        overlap &= VcMeeting.id != exclude_meeting
    meetings = VcMeeting.select(VcMeeting.id).where(overlap)
    invited = VcInvitee.select(VcInvitee.room).where(VcInvitee.meeting.in_(meetings))
    hosting = VcMeeting.select(VcMeeting.host_room).where(overlap)
    return list(
        VcRoom.select()
        .where(VcRoom.id.in_(list(room_ids)) & (VcRoom.id.in_(invited) | VcRoom.id.in_(hosting)))
        .order_by(VcRoom.name_en)
    )


def schedule(organiser, *, title, agenda, starts_at, minutes, host_room_id, room_ids, now=None):
    """Make the meeting and its invitations, or refuse with nothing saved."""
    now = now or clock.now()
    ends_at = starts_at + dt.timedelta(minutes=minutes)
    if starts_at <= now:
        raise Refused(_("The meeting must start in the future."))
    room_ids = sorted({int(r) for r in room_ids} - {int(host_room_id)})
    if not room_ids:
        raise Refused(_("Invite at least one room: pick rooms or a kind of officer."))
    with write_transaction():
        found = VcRoom.select(VcRoom.id).where(VcRoom.id.in_(room_ids)).count()
        if found != len(room_ids) or VcRoom.get_or_none(VcRoom.id == host_room_id) is None:
            raise Refused(_("Choose one of the options in the list."))
        busy = busy_rooms([*room_ids, host_room_id], starts_at, ends_at)
        if busy:
            raise Refused(
                _(
                    "These rooms are already booked for an overlapping meeting: %(rooms)s",
                    rooms=", ".join(r.name for r in busy),
                )
            )
        meeting = VcMeeting.create(
            title=title,
            agenda=agenda,
            starts_at=starts_at,
            ends_at=ends_at,
            host_room=host_room_id,
            organiser=organiser,
            created_at=now,
        )
        VcInvitee.insert_many([{"meeting": meeting.id, "room": r} for r in room_ids]).execute()
        record("vc_meeting.scheduled", "vc_meeting", meeting.id, actor=organiser, rooms=room_ids)
        send_invitations(meeting, now)
    return meeting


def recipients(room) -> list[tuple[str, str]]:
    """(channel, address) of whoever answers for a room: its contact, and the
    officers who hold the office's posts in the directory (the SDM, BDO, EO)."""
    out = []
    if room.contact_mobile:
        out.append(("sms", room.contact_mobile))
    if room.contact_email:
        out.append(("email", room.contact_email))
    try:
        from blueprints.directory.services import head_contacts
    except ImportError:  # the directory is not installed
        return out
    for mobile, email in head_contacts(room.office_id):
        if mobile and ("sms", mobile) not in out:
            out.append(("sms", mobile))
        if email and ("email", email) not in out:
            out.append(("email", email))
    return out


def room_label(room) -> str:
    """A room as a message names it, in the message's language: its name
    (which often says "VC room" and the office already), and its office
    when the name does not say it. No label of ours is put before it."""
    name = room.name
    office = room.office.name
    return name if office in name else f"{name} ({office})"


def joining_text(room, short=False) -> str:
    """How to join from `room`'s host; `short` for an SMS that must fit its
    budget: the bridge, the meeting ID and the one join link."""
    parts = []
    if room.bridge_number:
        parts.append(_("Bridge %(number)s", number=room.bridge_number))
    if room.meeting_code:
        parts.append(_("Meeting ID %(code)s", code=room.meeting_code))
    if room.join_link:
        parts.append(room.join_link)
    if room.sip_address and not short:
        parts.append(_("SIP %(address)s", address=room.sip_address))
    return "; ".join(parts)


def _sms_versions(full: str, fmt, meeting, host) -> str:
    """The SMS of a meeting's message: the full text if it keeps to the SMS
    budget, else a shorter one (the title cut, the bridge, the ID and the
    join link only), else only the join link."""
    short = joining_text(host, short=True)
    return notify.first_fitting(
        full,
        notify.with_title_fitted(lambda title: fmt(title, short), meeting.title),
        notify.with_title_fitted(lambda title: fmt(title, host.join_link or ""), meeting.title),
    )


def _when(meeting) -> str:
    return clock.to_ist(meeting.starts_at).strftime("%d-%m-%Y %H:%M")


CALENDAR_SALT = "vc-calendar-link"
CALENDAR_LINK_DAYS = 60


def _calendar_signer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=CALENDAR_SALT)


def calendar_key(meeting) -> str:
    return _calendar_signer().dumps(meeting.id)


def meeting_for_key(meeting_id: int, key: str):
    """The meeting a calendar link was signed for, or None: tampered with,
    expired (VC_CALENDAR_LINK_DAYS), or signed for another meeting."""
    days = int(current_app.config.get("VC_CALENDAR_LINK_DAYS", CALENDAR_LINK_DAYS))
    try:
        signed_for = _calendar_signer().loads(key, max_age=days * 86400)
    except (BadSignature, UnicodeError):  # SignatureExpired is a BadSignature
        return None
    if signed_for != meeting_id:
        return None
    return VcMeeting.get_or_none(VcMeeting.id == meeting_id)


def may_join(user, meeting) -> bool:
    """The joining details and the calendar file: the organisers and the IT
    cell, and whoever answers for an invited room or the chair's."""
    if user.role in DISTRICT_WIDE:
        return True
    rooms = [i.room for i in invitees_of(meeting.id)]
    rooms.append(
        VcRoom.select(VcRoom, Office).join(Office).where(VcRoom.id == meeting.host_room_id).get()
    )
    return any(answers_for(user, room) for room in rooms)


def _ics_url(meeting) -> str:
    """The invitation's calendar link: signed, so that an invitee's calendar
    app fetches it without a sign-in, and no one walks the meeting ids."""
    return public_url("vc.ics_link", meeting_id=meeting.id, key=calendar_key(meeting))


def _queue_all(room, text, subject, key, sms=None):
    """`text` by e-mail, and by SMS (`sms` when a shorter one is given)."""
    for channel, address in recipients(room):
        notify.queue(
            channel,
            address,
            (sms or text) if channel == "sms" else text,
            subject=subject if channel == "email" else "",
            dedupe_key=f"{key}:{channel}:{address}"[:120],
        )


def send_invitations(meeting, now=None):
    now = now or clock.now()
    host = VcRoom.get_by_id(meeting.host_room_id)
    rows = list(
        VcInvitee.select(VcInvitee, VcRoom).join(VcRoom).where(VcInvitee.meeting == meeting.id)
    )
    with force_locale(message_locale()):
        join = joining_text(host)
        text = _(
            "VC review %(title)s on %(when)s IST. Join: %(join)s. Calendar: %(ics)s",
            title=meeting.title,
            when=_when(meeting),
            join=join,
            ics=_ics_url(meeting),
        )
        sms = _sms_versions(
            text,
            lambda title, join: _(
                "VC review %(title)s on %(when)s IST. Join: %(join)s",
                title=title,
                when=_when(meeting),
                join=join,
            ),
            meeting,
            host,
        )
        subject = _("VC review: %(title)s", title=meeting.title)
        for inv in rows:
            _queue_all(inv.room, text, subject, f"vc-inv:{meeting.id}:{inv.room_id}", sms=sms)
            if inv.invited_at is None:
                VcInvitee.update(invited_at=now).where(VcInvitee.id == inv.id).execute()
            if inv.room.status == "faulty":
                flag_faulty(meeting, inv.room)


def flag_faulty(meeting, room):
    """Tell the organiser, once per meeting and room, that an invitee's room
    is faulty (the meeting page shows it too, from the room's status)."""
    organiser = User.get_by_id(meeting.organiser_id)
    with force_locale(message_locale()):

        def said(title):
            return _(
                "%(room)s, invited to %(title)s (%(when)s IST), is marked faulty.",
                room=room_label(room),
                title=title,
                when=_when(meeting),
            )

        text = said(meeting.title)
        sms = notify.with_title_fitted(said, meeting.title)
    key = f"vc-faulty:{meeting.id}:{room.id}"
    if organiser.mobile:
        notify.queue("sms", organiser.mobile, sms, dedupe_key=f"{key}:s")
    if organiser.email:
        notify.queue("email", organiser.email, text, subject=text[:190], dedupe_key=f"{key}:e")


def upcoming_meetings_of_room(room_id, now):
    invited = VcInvitee.select(VcInvitee.meeting).where(VcInvitee.room == room_id)
    return list(
        VcMeeting.select().where(
            (VcMeeting.status == "scheduled")
            & (VcMeeting.ends_at > now)
            & VcMeeting.id.in_(invited)
        )
    )


def remind_due(now=None) -> int:
    """The one-hour reminder: every invitee of a meeting that starts within
    the hour and has not been reminded. Safe to run any number of times."""
    now = now or clock.now()
    due = list(
        VcInvitee.select(VcInvitee, VcMeeting, VcRoom)
        .join(VcMeeting)
        .switch(VcInvitee)
        .join(VcRoom)
        .where(
            (VcMeeting.status == "scheduled")
            & (VcMeeting.starts_at > now)
            & (VcMeeting.starts_at <= now + REMIND_BEFORE)
            & VcInvitee.reminded_at.is_null()
        )
    )
    hosts = {
        m.id: m for m in VcRoom.select().where(VcRoom.id.in_({i.meeting.host_room_id for i in due}))
    }
    for inv in due:
        with write_transaction():
            claimed = (
                VcInvitee.update(reminded_at=now)
                .where((VcInvitee.id == inv.id) & VcInvitee.reminded_at.is_null())
                .execute()
            )
            if not claimed:  # another run got it first
                continue
            meeting = inv.meeting
            host = hosts[meeting.host_room_id]
            with force_locale(message_locale()):

                def reminder(title, join, meeting=meeting):
                    return _(
                        "Reminder: VC review %(title)s at %(when)s IST. Join: %(join)s",
                        title=title,
                        when=_when(meeting),
                        join=join,
                    )

                text = reminder(meeting.title, joining_text(host))
                sms = _sms_versions(text, reminder, meeting, host)
                subject = _("Reminder: %(title)s", title=meeting.title)
            _queue_all(inv.room, text, subject, f"vc-rem:{meeting.id}:{inv.room_id}", sms=sms)
    return len(due)


def visible_meetings(user):
    """District roles see every meeting; others those that invite a room they
    may see."""
    query = VcMeeting.select()
    if user.role in DISTRICT_WIDE:
        return query
    rooms = VcRoom.select(VcRoom.id).join(Office).where(office_condition(user))
    invited = VcInvitee.select(VcInvitee.meeting).where(VcInvitee.room.in_(rooms))
    return query.where(VcMeeting.id.in_(invited))


def invitees_of(meeting_id):
    return list(
        VcInvitee.select(VcInvitee, VcRoom, Office)
        .join(VcRoom)
        .join(Office)
        .where(VcInvitee.meeting == meeting_id)
        .order_by(Office.kind, VcRoom.name_en)
    )


def record_attendance(meeting, joined_ids, minutes, actor):
    joined_ids = {int(i) for i in joined_ids}
    with write_transaction():
        VcInvitee.update(joined=VcInvitee.id.in_(list(joined_ids) or [0])).where(
            VcInvitee.meeting == meeting.id
        ).execute()
        VcMeeting.update(minutes=minutes, status="held").where(VcMeeting.id == meeting.id).execute()
        record("vc_meeting.recorded", "vc_meeting", meeting.id, actor=actor, joined=len(joined_ids))


def host_choices():
    return list(
        VcRoom.select(VcRoom, Office)
        .join(Office)
        .order_by(Office.level != "district", VcRoom.name_en)
    )


# --- action points ------------------------------------------------------------


def post_choices(meeting) -> list:
    """Directory posts of the invited offices and the chair's: an action
    point is owned by a post, that is, by whoever holds it today."""
    from blueprints.directory.models import DirectoryEntry
    from blueprints.employees.models import Designation

    offices = [i.room.office_id for i in invitees_of(meeting.id)]
    offices.append(VcRoom.get_by_id(meeting.host_room_id).office_id)
    return list(
        DirectoryEntry.select(DirectoryEntry, Office, Designation)
        .join(Office)
        .switch(DirectoryEntry)
        .join(Designation)
        .where(DirectoryEntry.office.in_(offices))
        .order_by(Office.name_en, DirectoryEntry.sort, Designation.name_en)
    )


def add_action(meeting, actor, *, text, entry, due_on) -> VcActionPoint:
    """The action point and its task (assignments.create_task, whose
    reminders go to the owner by SMS until they mark it done)."""
    from blueprints.assignments.services import TaskError, create_task
    from blueprints.employees.models import Employee
    from blueprints.employees.services import current_holders

    holders = list(current_holders(entry.office_id, entry.designation_id).order_by(Employee.id))
    if not holders:
        raise Refused(_("No one holds this post now; choose another owner."))
    owner = holders[0]
    with write_transaction():
        try:
            task = create_task(
                actor,
                text,
                [owner],
                due_on,
                details=_("Action point of the VC review %(title)s", title=meeting.title),
                source=f"vc:{meeting.id}",
            )
        except TaskError as err:
            raise Refused(str(err.args[0])) from err
        point = VcActionPoint.create(
            meeting=meeting,
            text=text,
            owner=owner,
            due_on=due_on,
            task_id=task.id,
            created_by=actor,
        )
        record("vc_action.added", "vc_meeting", meeting.id, actor=actor, point=point.id)
    return point


def _assignee(point):
    from blueprints.assignments.models import TaskAssignee

    if point.task_id is None:
        return None
    return TaskAssignee.get_or_none(
        (TaskAssignee.task == point.task_id) & (TaskAssignee.employee == point.owner_id)
    )


def sync_status(points) -> None:
    """An owner who marked the task done (SMS link, task page) closed the
    action point too: carry that over, in one query for a page of points."""
    from blueprints.assignments.models import TaskAssignee

    open_ids = {p.task_id: p for p in points if p.status == "open" and p.task_id}
    if not open_ids:
        return
    done = TaskAssignee.select(TaskAssignee.task, TaskAssignee.done_at).where(
        TaskAssignee.task.in_(list(open_ids)) & TaskAssignee.done_at.is_null(False)
    )
    for row in done:
        point = open_ids[row.task_id]
        VcActionPoint.update(status="closed", closed_at=row.done_at).where(
            VcActionPoint.id == point.id
        ).execute()
        point.status, point.closed_at = "closed", row.done_at


def close_action(point, actor, remark=""):
    from blueprints.assignments.services import mark_done

    with write_transaction():
        part = _assignee(point)
        if part is not None:
            mark_done(part, remark, actor=actor)
        VcActionPoint.update(status="closed", closed_at=clock.now()).where(
            VcActionPoint.id == point.id
        ).execute()


def visible_actions(user):
    from blueprints.employees.models import Employee

    query = (
        VcActionPoint.select(VcActionPoint, Employee, VcMeeting)
        .join(Employee)
        .switch(VcActionPoint)
        .join(VcMeeting)
    )
    if user.role in DISTRICT_WIDE:
        return query
    offices = Office.select(Office.id).where(office_condition(user))
    return query.where(Employee.office.in_(offices))


def cancel(meeting, actor, now=None):
    """Cancel a meeting that has not started, and tell its invitees."""
    now = now or clock.now()
    with write_transaction():
        changed = (
            VcMeeting.update(status="cancelled")
            .where(
                (VcMeeting.id == meeting.id)
                & (VcMeeting.status == "scheduled")
                & (VcMeeting.starts_at > now)
            )
            .execute()
        )
        if not changed:
            raise Refused(_("Only a scheduled meeting that has not started can be cancelled."))
        record("vc_meeting.cancelled", "vc_meeting", meeting.id, actor=actor)
        with force_locale(message_locale()):
            text = _(
                "VC review %(title)s on %(when)s IST is cancelled.",
                title=meeting.title,
                when=_when(meeting),
            )
        for inv in invitees_of(meeting.id):
            _queue_all(inv.room, text, text[:190], f"vc-cancel:{meeting.id}:{inv.room_id}")
