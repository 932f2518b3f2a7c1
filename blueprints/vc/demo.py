"""Demo VC rooms (the collectorate's NIC studio, the Zilla Parishad, every
tehsil office, panchayat samiti and municipal office), two of them faulty,
and review meetings: two held with attendance and action points, two to
come with their invitations sent."""

import datetime as dt
import random

from blueprints.accounts.models import User
from blueprints.directory.models import DirectoryEntry
from blueprints.employees.models import Employee
from blueprints.masters.models import Office
from blueprints.vc import services as svc
from blueprints.vc.models import VcFault, VcInvitee, VcMeeting, VcRoom
from core import clock

SEED = 2026
ROOM_KINDS = ("tehsil_office", "block_office", "municipal_office")
EQUIPMENT = (
    "Codec, PTZ camera, 2 ceiling microphones, 55-inch display",
    "Desktop VC kit (webcam, speakerphone), 43-inch display",
    "Codec, fixed camera, table microphone, projector",
)


def _contact(office_id):
    return (
        Employee.select(Employee.name_en, Employee.mobile_official, Employee.email_official)
        .where((Employee.office == office_id) & (Employee.status == "working"))
        .order_by(Employee.id)
        .first()
    )


def _rooms(rng) -> list[VcRoom]:
    offices = list(
        Office.select()
        .where(Office.code.in_(["COLL", "ZP"]) | Office.kind.in_(ROOM_KINDS))
        .order_by(Office.id)
    )
    made = []
    for n, office in enumerate(offices):
        person = _contact(office.id)
        studio = office.code == "COLL"
        made.append(
            VcRoom.create(
                office=office,
                name_en="NIC VC studio" if studio else f"VC room, {office.name_en}",
                name_local="एनआयसी व्हीसी कक्ष" if studio else f"व्हीसी कक्ष, {office.name_local}",
                equipment=EQUIPMENT[0 if studio else rng.randrange(len(EQUIPMENT))],
                bridge_number=f"0240-23{31000 + n}",
                meeting_code=f"{rng.randrange(100, 999)} {rng.randrange(100, 999)} {n:03d}",
                join_link=f"https://vc.zila-demo.gov.in/r/{office.code.lower()}",
                sip_address=f"{office.code.lower()}@sip.zila-demo.gov.in",
                contact_name=person.name_en if person else "",
                contact_mobile=person.mobile_official if person else "",
                contact_email=person.email_official if person else "",
            )
        )
    return made


def seed_demo(echo=None) -> int:
    if VcRoom.select().exists():
        return 0
    rng = random.Random(SEED)
    rooms = _rooms(rng)
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    chair = User.get_or_none(User.username == "collector") or User.get_or_none(
        User.role == "district_manager"
    )
    if admin is None or chair is None:
        return len(rooms)
    now = clock.now()
    # Two rooms down: a block's camera and a council's line.
    by_kind = {}
    for room in rooms:
        by_kind.setdefault(room.office.kind, []).append(room)
    faulty = [by_kind["block_office"][2], by_kind["municipal_office"][3]]
    for room, what, days in zip(
        faulty, ("कॅमेरा सुरू होत नाही", "वादळापासून बीएसएनएल लाईन बंद"), (3, 9), strict=True
    ):
        since = now - dt.timedelta(days=days)
        VcFault.create(room=room, reported_by=admin, reported_at=since, description=what)
        VcRoom.update(status="faulty", faulty_since=since).where(VcRoom.id == room.id).execute()
    studio = rooms[0]
    today = clock.today_ist(now)
    past = [
        ("पावसाळापूर्व सज्जता आढावा", today - dt.timedelta(days=12), "tehsil_office"),
        ("मनरेगा व पीएमएवाय-जी प्रगती", today - dt.timedelta(days=5), "block_office"),
    ]
    points = 0
    for title, day, kind in past:
        start = clock.from_ist(dt.datetime.combine(day, dt.time(11)))
        meeting = VcMeeting.create(
            title=title, agenda="1. प्रगती\n2. प्रलंबितता\n3. इतर विषय",
            starts_at=start, ends_at=start + dt.timedelta(minutes=90), host_room=studio,
            organiser=chair, status="held", created_at=start - dt.timedelta(days=3),
            minutes="गटनिहाय आढावा घेतला; कार्यवाहीचे मुद्दे खाली.",
        )  # fmt: skip
        invited = by_kind[kind]
        VcInvitee.insert_many(
            [
                {
                    "meeting": meeting.id,
                    "room": r.id,
                    "invited_at": meeting.created_at,
                    "reminded_at": start - dt.timedelta(hours=1),
                    "joined": n % 4 != 1,
                }  # fmt: skip
                for n, r in enumerate(invited)
            ]
        ).execute()
        heads = list(
            DirectoryEntry.select()
            .where(
                DirectoryEntry.office.in_([r.office_id for r in invited])
                & (DirectoryEntry.is_head == True)  # noqa: E712
            )
            .order_by(DirectoryEntry.id)
            .limit(4)
        )
        for n, entry in enumerate(heads):
            try:
                svc.add_action(
                    meeting, chair, text=f"{title}: अनुपालन अहवाल सादर करा",
                    entry=entry, due_on=day + dt.timedelta(days=7 + 4 * n),
                )  # fmt: skip
                points += 1
            except svc.Refused:  # a vacant post
                continue
    upcoming = [
        ("उपविभागीय अधिकारी व तहसीलदारांसोबत साप्ताहिक महसूल आढावा", 2, ["sdm"]),
        ("पाणीटंचाई: गटविकास अधिकारी व मुख्याधिकारी", 6, ["bdo", "eo"]),
    ]
    for title, days, kinds in upcoming:
        start = clock.from_ist(dt.datetime.combine(today + dt.timedelta(days=days), dt.time(16)))
        svc.schedule(
            chair, title=title, agenda="1. प्रलंबित अर्ज\n2. टँकर आराखडा",
            starts_at=start, minutes=60,
            host_room_id=studio.id, room_ids=svc.rooms_of_kinds(kinds),
        )  # fmt: skip
    if echo:
        echo(f"vc: {len(rooms)} rooms ({len(faulty)} faulty), 4 meetings, {points} action points")
    return len(rooms) + 4 + points
