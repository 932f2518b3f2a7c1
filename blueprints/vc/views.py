"""VC rooms and their faults; review meetings, their calendar file, the
attendance and the action points; open action points per officer.

Government staff (not a CSC operator) see the rooms and the meetings of the
offices they may see (core.access.office_condition); a meeting's joining
details and calendar file only those invited, the organisers and the IT cell
(services.may_join), or the signed link of the invitation. The DM/CDO
(district_manager) and the IT cell (admin) schedule meetings and keep the
rooms."""

import datetime as dt

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from blueprints.directory.models import DirectoryEntry
from blueprints.masters.models import Office
from blueprints.vc import bp
from blueprints.vc import services as svc
from blueprints.vc.forms import (
    ActionForm,
    AttendanceForm,
    CloseFaultForm,
    FaultForm,
    MeetingForm,
    RoomForm,
)
from blueprints.vc.ics import meeting_ics
from blueprints.vc.models import INVITE_KINDS, VcMeeting, VcRoom
from core import clock
from core.access import GOVERNMENT_STAFF, get_scoped_or_404, public, requires
from core.db import page_of
from core.downloads import download
from core.links import public_host
from core.render import page_arg, render

ORGANISERS = svc.ORGANISERS


# --- rooms --------------------------------------------------------------------


@bp.route("/")
@requires(*GOVERNMENT_STAFF)
def rooms():
    page = page_arg()
    query = svc.visible_rooms(current_user).order_by(
        VcRoom.status.desc(), Office.level, VcRoom.name_en
    )
    rows, has_next = page_of(query, page, 60)
    return render("vc/rooms.html", rows=rows, page=page, has_next=has_next)


def _room(room_id):
    return get_scoped_or_404(svc.visible_rooms(current_user), room_id)


def _room_page(room, fault_form=None, close_form=None, status=200):
    return render(
        "vc/room.html",
        status=status,
        room=room,
        fault=svc.open_fault(room.id),
        may_report=svc.may_report_fault(current_user, room),
        fault_form=fault_form or FaultForm(),
        close_form=close_form or CloseFaultForm(),
        join=svc.joining_text(room),
    )


@bp.route("/rooms/<int:room_id>")
@requires(*GOVERNMENT_STAFF)
def room(room_id):
    return _room_page(_room(room_id))


@bp.route("/rooms/<int:room_id>/fault", methods=["POST"])
@requires(*GOVERNMENT_STAFF)
def report_fault(room_id):
    room = _room(room_id)
    if not svc.may_report_fault(current_user, room):
        abort(403)
    form = FaultForm()
    if not form.validate():
        return _room_page(room, fault_form=form, status=400)
    try:
        svc.report_fault(room, current_user, form.description.data.strip())
    except svc.Refused as err:
        form.description.errors = [str(err)]
        return _room_page(room, fault_form=form, status=400)
    flash(_("The fault is reported; the IT cell has been told."), "info")
    return redirect(url_for("vc.room", room_id=room.id), 303)


@bp.route("/rooms/<int:room_id>/fault/close", methods=["POST"])
@requires(*ORGANISERS)
def close_fault(room_id):
    room = _room(room_id)
    form = CloseFaultForm()
    if not form.validate():
        return _room_page(room, close_form=form, status=400)
    try:
        svc.close_fault(room, current_user, form.remark.data.strip())
    except svc.Refused as err:
        form.remark.errors = [str(err)]
        return _room_page(room, close_form=form, status=400)
    flash(_("The fault is closed; the room shows as working."), "info")
    return redirect(url_for("vc.room", room_id=room.id), 303)


def _office_choices():
    return [(o.id, o.name) for o in Office.select().order_by(Office.level, Office.name_en)]


def _save_room(form, room=None):
    room = room or VcRoom()
    for name in (
        "office",
        "name_en",
        "name_local",
        "equipment",
        "bridge_number",
        "meeting_code",
        "join_link",
        "sip_address",
        "contact_name",
        "contact_mobile",
        "contact_email",
    ):
        value = getattr(form, name).data
        if value is None and name != "office":
            value = ""  # an optional field left out of the request: empty, not NULL
        setattr(room, name, value.strip() if isinstance(value, str) else value)
    from core.audit import record
    from core.db import write_transaction

    with write_transaction():
        room.save()
        record("vc_room.saved", "vc_room", room.id)
    return room


@bp.route("/rooms/new", methods=["GET", "POST"])
@requires(*ORGANISERS)
def new_room():
    form = RoomForm()
    form.office.choices = _office_choices()
    if request.method == "POST":
        if form.validate():
            room = _save_room(form)
            flash(_("The room is saved."), "info")
            return redirect(url_for("vc.room", room_id=room.id), 303)
        return render("vc/room_form.html", status=400, form=form, room=None)
    return render("vc/room_form.html", form=form, room=None)


@bp.route("/rooms/<int:room_id>/edit", methods=["GET", "POST"])
@requires(*ORGANISERS)
def edit_room(room_id):
    room = _room(room_id)
    form = RoomForm(obj=room if request.method == "GET" else None)
    if request.method == "GET":
        form.office.data = room.office_id
    form.office.choices = _office_choices()
    if request.method == "POST":
        if form.validate():
            _save_room(form, room)
            flash(_("The room is saved."), "info")
            return redirect(url_for("vc.room", room_id=room.id), 303)
        return render("vc/room_form.html", status=400, form=form, room=room)
    return render("vc/room_form.html", form=form, room=room)


# --- meetings -----------------------------------------------------------------


@bp.route("/meetings")
@requires(*GOVERNMENT_STAFF)
def meetings():
    now = clock.now()
    page = page_arg()
    query = svc.visible_meetings(current_user)
    upcoming = list(
        query.where((VcMeeting.ends_at > now) & (VcMeeting.status == "scheduled"))
        .order_by(VcMeeting.starts_at)
        .limit(30)
    )
    past, has_next = page_of(
        query.where((VcMeeting.ends_at <= now) | (VcMeeting.status != "scheduled")).order_by(
            VcMeeting.starts_at.desc()
        ),
        page,
        30,
    )
    return render("vc/meetings.html", upcoming=upcoming, past=past, page=page, has_next=has_next)


def _meeting_form(form=None):
    form = form or MeetingForm()
    rooms = svc.host_choices()
    form.host_room.choices = [(r.id, f"{r.name} ({r.office.name})") for r in rooms]
    form.rooms.choices = [(r.id, r.name) for r in rooms]
    return form


@bp.route("/meetings/new", methods=["GET", "POST"])
@requires(*ORGANISERS)
def new_meeting():
    form = _meeting_form()
    if request.method == "GET":
        return render("vc/meeting_form.html", form=form, refusal=None)
    refusal = None
    if form.validate():
        day, at = form.starts()
        room_ids = set(form.rooms.data or []) | set(svc.rooms_of_kinds(form.kinds.data or []))
        try:
            meeting = svc.schedule(
                current_user,
                title=form.title.data.strip(),
                agenda=(form.agenda.data or "").strip(),
                starts_at=clock.from_ist(dt.datetime.combine(day, at)),
                minutes=form.minutes.data,
                host_room_id=form.host_room.data,
                room_ids=room_ids,
            )
        except svc.Refused as err:
            refusal = str(err)
        else:
            flash(_("The meeting is scheduled and the invitations are on their way."), "info")
            return redirect(url_for("vc.meeting", meeting_id=meeting.id), 303)
    return render("vc/meeting_form.html", status=400, form=form, refusal=refusal)


def _meeting(meeting_id):
    return get_scoped_or_404(svc.visible_meetings(current_user), meeting_id)


def _meeting_page(meeting, action_form=None, status=200, refusal=None):
    from blueprints.vc.models import VcActionPoint

    invitees = svc.invitees_of(meeting.id)
    organiser = current_user.role in ORGANISERS
    points = list(
        svc.visible_actions(current_user)
        .where(VcActionPoint.meeting == meeting.id)
        .order_by(VcActionPoint.due_on)
    )
    svc.sync_status(points)
    if organiser and action_form is None:
        action_form = ActionForm()
    if organiser:
        action_form.post.choices = _post_choices(meeting)
    attendance = AttendanceForm()
    attendance.joined.choices = [(i.id, i.room.name) for i in invitees]
    attendance.joined.data = [i.id for i in invitees if i.joined]
    attendance.minutes_text.data = meeting.minutes
    host = VcRoom.get_by_id(meeting.host_room_id)
    joins = svc.may_join(current_user, meeting)
    return render(
        "vc/meeting.html",
        status=status,
        meeting=meeting,
        host=host,
        invitees=invitees,
        faulty=[i for i in invitees if i.room.status == "faulty"],
        organiser=organiser,
        points=points,
        action_form=action_form,
        attendance=attendance,
        refusal=refusal,
        may_join=joins,
        join=svc.joining_text(host) if joins else "",
        upcoming=meeting.starts_at > clock.now(),
    )


def _post_choices(meeting):
    return [(e.id, f"{e.designation.name()}, {e.office.name}") for e in svc.post_choices(meeting)]


@bp.route("/meetings/<int:meeting_id>")
@requires(*GOVERNMENT_STAFF)
def meeting(meeting_id):
    return _meeting_page(_meeting(meeting_id))


@bp.route("/meetings/<int:meeting_id>.ics")
@requires(*GOVERNMENT_STAFF)
def ics(meeting_id):
    meeting = _meeting(meeting_id)
    if not svc.may_join(current_user, meeting):
        abort(404)
    return _calendar(meeting)


@bp.route("/meetings/<int:meeting_id>.ics/<key>")
@public
def ics_link(meeting_id, key):
    """The invitation's link: the key is the access, so an invitee's phone
    calendar needs no sign-in."""
    meeting = svc.meeting_for_key(meeting_id, key)
    if meeting is None:
        abort(404)
    return _calendar(meeting)


def _calendar(meeting):
    host = VcRoom.get_by_id(meeting.host_room_id)
    description = "\n".join(x for x in (meeting.agenda, svc.joining_text(host)) if x)
    data = meeting_ics(
        meeting,
        host=f"{host.name_en} ({svc.joining_text(host)})",
        description=description,
        domain=public_host(),
        now=clock.now(),
    )
    response = download(data, "text/calendar", f"vc-meeting-{meeting.id}.ics")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    return response


@bp.route("/meetings/<int:meeting_id>/attendance", methods=["POST"])
@requires(*ORGANISERS)
def attendance(meeting_id):
    meeting = _meeting(meeting_id)
    if meeting.starts_at > clock.now():
        flash(_("Attendance can be recorded once the meeting has started."), "error")
        return redirect(url_for("vc.meeting", meeting_id=meeting.id), 303)
    form = AttendanceForm()
    form.joined.choices = [(i.id, i.room.name) for i in svc.invitees_of(meeting.id)]
    if not form.validate():
        return _meeting_page(meeting, status=400, refusal=" ".join(form.joined.errors))
    svc.record_attendance(
        meeting, form.joined.data or [], form.minutes_text.data or "", current_user
    )
    flash(_("Attendance and minutes are saved."), "info")
    return redirect(url_for("vc.meeting", meeting_id=meeting.id), 303)


@bp.route("/meetings/<int:meeting_id>/cancel", methods=["POST"])
@requires(*ORGANISERS)
def cancel_meeting(meeting_id):
    meeting = _meeting(meeting_id)
    try:
        svc.cancel(meeting, current_user)
    except svc.Refused as err:
        flash(str(err), "error")
    else:
        flash(_("The meeting is cancelled and the invitees are told."), "info")
    return redirect(url_for("vc.meeting", meeting_id=meeting.id), 303)


@bp.route("/meetings/<int:meeting_id>/actions", methods=["POST"])
@requires(*ORGANISERS)
def add_action(meeting_id):
    meeting = _meeting(meeting_id)
    form = ActionForm()
    form.post.choices = _post_choices(meeting)
    if not form.validate():
        return _meeting_page(meeting, action_form=form, status=400)
    entry = DirectoryEntry.get_by_id(form.post.data)
    try:
        svc.add_action(
            meeting, current_user, text=form.text.data.strip(), entry=entry, due_on=form.due_on.data
        )
    except svc.Refused as err:
        form.post.errors = [str(err)]
        return _meeting_page(meeting, action_form=form, status=400)
    flash(_("The action point is added; its owner gets SMS reminders until it is done."), "info")
    return redirect(url_for("vc.meeting", meeting_id=meeting.id), 303)


@bp.route("/actions/<int:action_id>/close", methods=["POST"])
@requires(*ORGANISERS)
def close_action(action_id):
    point = get_scoped_or_404(svc.visible_actions(current_user), action_id)
    svc.close_action(point, current_user, request.form.get("remark", "")[:500])
    flash(_("The action point is closed."), "info")
    return redirect(url_for("vc.meeting", meeting_id=point.meeting_id), 303)


@bp.route("/actions")
@requires(*GOVERNMENT_STAFF)
def actions():
    """Open action points, officer by officer."""
    from blueprints.employees.models import Employee
    from blueprints.vc.models import VcActionPoint

    page = page_arg()
    rows, has_next = page_of(
        svc.visible_actions(current_user)
        .where(VcActionPoint.status == "open")
        .order_by(Employee.name_en, Employee.id, VcActionPoint.due_on),
        page,
        60,
    )
    svc.sync_status(rows)
    groups = []
    for p in rows:
        if p.status != "open":
            continue
        if not groups or groups[-1][0].id != p.owner_id:
            groups.append((p.owner, []))
        groups[-1][1].append(p)
    return render(
        "vc/actions.html",
        groups=groups,
        page=page,
        has_next=has_next,
        today=clock.today_ist(),
        kinds=INVITE_KINDS,
    )
