"""A little (or a lot) of each kind of work for the home worklist tests:
written straight to the tables, as each area's own tests' factories do. Call
inside an app context."""

import datetime as dt
import html
import secrets

from blueprints.alerts.models import AlertRecord
from blueprints.assignments.models import Task, TaskAssignee
from blueprints.cscs.models import CscProposal
from blueprints.directory.models import DirectoryEntry
from blueprints.employees.models import Employee
from blueprints.inspections.draw import current_week, shift_week
from blueprints.inspections.models import Inspector
from blueprints.masters.models import Csc
from blueprints.vc.models import VcActionPoint, VcInvitee, VcMeeting, VcRoom
from core import clock
from tests.assignments.factories import designation, make_employee
from tests.inspections.factories import filed, make_centres, schedule  # noqa: F401
from tests.mis.factories import make_indicators

_serial = iter(range(1, 1_000_000))


def lines_of(browser) -> list[tuple[str, str]]:
    """(href, text) of each line of the home page's worklist, unescaped."""
    from tests.home.test_worklist import worklist_of

    return [(html.unescape(href), html.unescape(label)) for href, label in worklist_of(browser)]


def alerts(place, offices, untold=0):
    """Today's alert records about `offices`, the first `untold` of whose
    desks could not be told (no mobile)."""
    today = clock.today_ist()
    for i, office in enumerate(offices):
        n = next(_serial)
        AlertRecord.create(
            key=f"{today}:w{n}:{office.id}:sms",
            day=today,
            post="desk",
            place_id=n,
            office=office,
            channel="sms",
            status="could_not_tell" if i < untold else "queued",
            reason="no_mobile" if i < untold else "",
            breaches=2,
        )


def inspector_of(user, block):
    return Inspector.get_or_none(Inspector.user == user.id) or Inspector.create(
        user=user, block=block
    )


def inspections(inspector, block, this_week=1, missing=0):
    """`this_week` centres of `block` drawn for `inspector` this week and
    `missing` last week whose reports were never filed."""
    week = current_week()
    for csc in make_centres(block, gps=this_week):
        schedule(inspector, csc, week)
    for csc in make_centres(block, gps=missing):
        schedule(inspector, csc, shift_week(week, -1))


def instructions(place, csc, inspector, overdue=0, open_=0):
    """A filed report on `csc` in a past week with `overdue` instructions past
    their date and `open_` still in time."""
    from blueprints.inspections.models import Inspection, Instruction

    # A centre is inspected once a week: each call, a week further back.
    back = 1 + Inspection.select().where(Inspection.csc == csc).count()
    inspection = schedule(inspector, csc, shift_week(current_week(), -back))
    report = filed(inspection)
    today = clock.today_ist()
    for i in range(overdue + open_):
        Instruction.create(
            report=report,
            csc=csc,
            item="board_displayed",
            due_date=today + dt.timedelta(days=-2 if i < overdue else 3),
        )


def proposals(place, closures=0, openings=0):
    gp = place.gps[0]
    for _ in range(closures):
        n = next(_serial)
        csc = Csc.create(
            code=f"WCL{n}", name_en=f"Closing {n}", name_local=f"बंद {n}", gram_panchayat=gp
        )
        CscProposal.create(csc=csc, kind="close", reason="Not working")
    for _ in range(openings):
        n = next(_serial)
        csc = Csc.create(
            code=f"WOP{n}",
            name_en=f"Opening {n}",
            name_local=f"नवे {n}",
            gram_panchayat=gp,
            status="proposed",
        )
        CscProposal.create(csc=csc, kind="open", reason="Far from any centre")


def indicators(place):
    """A scheme reported since four months ago: its months are due and no
    block has certified them nor any GP entered them."""
    from blueprints.mis import months

    return make_indicators(place, from_month=months.shift(months.current_month(), -4))


def reviews(place, organiser, room_office, count=1):
    """`count` VC reviews later today inviting the room of `room_office`."""
    host = VcRoom.get_or_none(VcRoom.office == place.collectorate) or VcRoom.create(
        office=place.collectorate, name_en="NIC VC studio"
    )
    room = VcRoom.get_or_none(VcRoom.office == room_office) or VcRoom.create(
        office=room_office, name_en=f"VC room {room_office.name_en}"
    )
    now = clock.now()
    # Under way now and until the end of the IST day at the latest.
    end = min(
        now + dt.timedelta(hours=1), clock.ist_day_start(clock.today_ist() + dt.timedelta(days=1))
    )
    meetings = []
    for i in range(count):
        meeting = VcMeeting.create(
            title=f"Review {next(_serial)}",
            starts_at=now - dt.timedelta(minutes=5 + i),
            ends_at=end,
            host_room=host,
            organiser=organiser,
        )
        VcInvitee.create(meeting=meeting, room=room)
        meetings.append(meeting)
    return meetings


def action_points(meeting, owner, organiser, overdue=1):
    for _ in range(overdue):
        VcActionPoint.create(
            meeting=meeting,
            text="Clear the pending mutations",
            owner=owner,
            due_on=clock.today_ist() - dt.timedelta(days=2),
            created_by=organiser,
        )


def employee(office, user=None):
    n = next(_serial)
    return make_employee(office, f"W{n:05d}", f"Worker {n}", f"98{n:08d}", user=user)


def tasks(user, office, overdue=0, open_=0):
    """`overdue` tasks past their date and `open_` due later, given to the
    employee record of `user` (made if missing)."""
    own = Employee.get_or_none(Employee.user == user.id) or employee(office, user)
    today = clock.today_ist()
    for i in range(overdue + open_):
        task = Task.create(
            title=f"Task {next(_serial)}",
            due_on=today + dt.timedelta(days=-3 if i < overdue else 5),
            assigned_by=user,
        )
        TaskAssignee.create(
            task=task, employee=own, office=own.office_id, link_nonce=secrets.token_hex(4)
        )
    return own


def directory_entry(office):
    return DirectoryEntry.create(office=office, designation=designation(), extension="101")


def retirements(office, count=1):
    """`count` employees of `office` who retire later this month (or today)."""
    today = clock.today_ist()
    for _ in range(count):
        worker = employee(office)
        Employee.update(retires_on=today).where(Employee.id == worker.id).execute()
