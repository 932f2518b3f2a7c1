"""The contract services: transfer, current holders, superannuation."""

import datetime as dt

import pytest

from blueprints.employees.models import Employee, Posting
from blueprints.employees.services import (
    TransferError,
    current_holders,
    set_retirement_age,
    superannuation,
    transfer,
)


@pytest.mark.parametrize(
    "born, age, expected",
    [
        (dt.date(1968, 6, 15), 58, dt.date(2026, 6, 30)),
        (dt.date(1968, 2, 10), 58, dt.date(2026, 2, 28)),
        (dt.date(1968, 2, 29), 60, dt.date(2028, 2, 29)),  # leap birthday
        (dt.date(1968, 6, 1), 58, dt.date(2026, 5, 31)),  # born on the 1st
        (dt.date(1968, 1, 1), 58, dt.date(2025, 12, 31)),
        (dt.date(1968, 12, 31), 58, dt.date(2026, 12, 31)),
    ],
)
def test_superannuation_is_the_last_day_of_the_month_of_the_age(born, age, expected):
    assert superannuation(born, age) == expected


def test_transfer_appends_a_posting_and_moves_the_employee(ctx, staff):
    transfer(
        staff.patil,
        staff.office1,
        staff.talathi,
        "EST/12/2025",
        dt.date(2025, 5, 2),
        dt.date(2025, 6, 1),
        None,
    )
    transfer(
        staff.patil,
        staff.office0,
        staff.clerk,
        "EST/40/2026",
        dt.date(2026, 1, 2),
        dt.date(2026, 1, 10),
        None,
    )
    rows = list(Posting.select().where(Posting.employee == staff.patil).order_by(Posting.id))
    # The first transfer of an employee entered without a history records
    # where they were since joining, so that a day before it has its answer.
    assert [(p.office_id, p.order_no) for p in rows] == [
        (staff.office0.id, ""),
        (staff.office1.id, "EST/12/2025"),
        (staff.office0.id, "EST/40/2026"),
    ]
    fresh = Employee.get_by_id(staff.patil.id)
    assert (fresh.office_id, fresh.designation_id) == (staff.office0.id, staff.clerk.id)


def test_transfer_before_joining_or_before_the_last_posting_is_refused(ctx, staff):
    with pytest.raises(TransferError):
        transfer(staff.patil, staff.office1, staff.clerk, "X", None, dt.date(2000, 1, 1), None)
    transfer(staff.patil, staff.office1, staff.clerk, "A", None, dt.date(2024, 1, 1), None)
    with pytest.raises(TransferError):
        transfer(staff.patil, staff.office0, staff.clerk, "B", None, dt.date(2023, 1, 1), None)
    assert [p.order_no for p in Posting.select().order_by(Posting.id)] == ["", "A"]
    assert Employee.get_by_id(staff.patil.id).office_id == staff.office1.id


def test_current_holders_are_working_or_on_leave(ctx, staff):
    holders = current_holders(staff.office0.id, staff.clerk.id)
    assert [e.code for e in holders] == ["E001"]
    Employee.update(status="suspended").where(Employee.id == staff.patil.id).execute()
    assert current_holders(staff.office0.id, staff.clerk.id).count() == 0
    Employee.update(status="on_leave").where(Employee.id == staff.patil.id).execute()
    assert current_holders(staff.office0.id, staff.clerk.id).count() == 1


def test_changing_the_cadre_age_recomputes_superannuation(ctx, staff):
    assert Employee.get_by_id(staff.patil.id).retires_on == dt.date(2038, 6, 30)
    assert set_retirement_age(staff.cadre, 60) == 3
    assert Employee.get_by_id(staff.patil.id).retires_on == dt.date(2040, 6, 30)
    assert set_retirement_age(staff.cadre, 60) == 0
