"""One record of who holds a post: the employee register's postings decide
the morning alerts' recipients, the directory's holder, the VC invitations
and the owner of an action point alike; a posting counts from its date."""

import datetime as dt

from blueprints.alerts.services import send_digests
from blueprints.assignments.services import assignable_employees
from blueprints.directory.services import head_contacts, holders_of
from blueprints.employees.models import Employee
from blueprints.employees.services import current_holders, transfer
from core import clock
from tests.alerts.conftest import day
from tests.alerts.test_digests import whom
from tests.directory.factories import entry, holder, posts


def _register(place, staff):
    """The two tehsil offices' head posts in the directory, held by the
    employees whose accounts are the two office heads."""
    tehsildar, _steno = posts()
    office0, office1 = place.tehsil_offices
    old = holder(office0, tehsildar, "T001", "Tehsil Head", "तहसील प्रमुख", user=staff.head)
    new = holder(office1, tehsildar, "T002", "New Head", "नवे प्रमुख", user=staff.newcomer)
    heads = [entry(office0, tehsildar, is_head=True), entry(office1, tehsildar, is_head=True)]
    return tehsildar, old, new, heads


def _at(move_clock, n: int):
    """09:00 IST on day n."""
    move_clock(clock.from_ist(dt.datetime.combine(day(n), dt.time(9, 0))))


def test_a_transfer_entered_in_the_register_moves_the_alerts_and_the_directory(
    ctx, place, staff, application, move_clock
):
    from tests.alerts.conftest import person

    staff.newcomer = person(place, "office_head", "new-head", 7, office=place.tehsil_offices[1])
    tehsildar, old, new, heads = _register(place, staff)
    office0, office1 = place.tehsil_offices
    _at(move_clock, 1)
    # One order, entered once: the heads change places on day 8.
    transfer(old, office1, tehsildar, "EST/8/2026", day(1), day(8), None)
    transfer(new, office0, tehsildar, "EST/8/2026", day(1), day(8), None)

    send_digests(day(5))
    assert ("tehsil-head", "office_head") in whom(day(5))
    assert ("new-head", "office_head") not in whom(day(5))
    send_digests(day(8))
    assert ("new-head", "office_head") in whom(day(8))
    assert ("tehsil-head", "office_head") not in whom(day(8))

    # The directory says the same on that day: TO0's head is the new one.
    _at(move_clock, 8)
    found = holders_of(heads)
    assert [e.name_en for e in found[(office0.id, tehsildar.id)]] == ["New Head"]
    assert [e.name_en for e in found[(office1.id, tehsildar.id)]] == ["Tehsil Head"]


def test_a_transfer_dated_tomorrow_counts_from_tomorrow(ctx, place, staff, application, move_clock):
    from tests.alerts.conftest import person

    staff.newcomer = person(place, "office_head", "new-head", 7, office=place.tehsil_offices[1])
    tehsildar, old, new, heads = _register(place, staff)
    Employee.update(mobile_official="9876500011").where(Employee.id == old.id).execute()
    office0, office1 = place.tehsil_offices
    _at(move_clock, 7)
    transfer(old, office1, tehsildar, "EST/9/2026", day(7), day(8), None)

    # Today (day 7) the old head still holds TO0, and TO1 has one tehsildar.
    assert [e.code for e in current_holders(office0.id, tehsildar.id)] == ["T001"]
    assert [e.code for e in current_holders(office1.id, tehsildar.id)] == ["T002"]
    found = holders_of(heads)
    assert [e.name_en for e in found[(office0.id, tehsildar.id)]] == ["Tehsil Head"]
    assert [e.name_en for e in found[(office1.id, tehsildar.id)]] == ["New Head"]
    assert [m for m, _e in head_contacts(office0.id)] == ["9876500011"]
    assert Employee.get_by_id(old.id).office_id == office0.id
    # Tasks are given to who is there today, the old head among them.
    assert "T001" in [e.code for e in assignable_employees(staff.head)]
    from blueprints.employees.services import apply_due_postings

    assert apply_due_postings() == 0
    send_digests(day(7))
    send_digests(day(5))
    assert ("tehsil-head", "office_head") in whom(day(5))

    # Tomorrow the posting is in force: TO0 is vacant, TO1 has two.
    _at(move_clock, 8)
    assert list(current_holders(office0.id, tehsildar.id)) == []
    assert sorted(e.code for e in current_holders(office1.id, tehsildar.id)) == ["T001", "T002"]
    assert head_contacts(office0.id) == []
    assert "T001" not in [e.code for e in assignable_employees(staff.head)]
    send_digests(day(8))
    assert ("vacant", "office_head") in whom(day(8))
    assert ("tehsil-head", "office_head") not in whom(day(8))
    # The night's task moves the register's "now" to match.
    assert apply_due_postings() == 1
    assert Employee.get_by_id(old.id).office_id == office1.id
