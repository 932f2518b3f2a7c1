"""The one clock: stored times are naive UTC, days are counted in IST, and
moving the clock in a test moves every reader of it."""

import datetime as dt

from core import clock


def test_the_day_in_india_turns_at_18_30_utc():
    assert clock.today_ist(dt.datetime(2026, 3, 1, 18, 29)) == dt.date(2026, 3, 1)
    assert clock.today_ist(dt.datetime(2026, 3, 1, 18, 30)) == dt.date(2026, 3, 2)
    assert clock.ist_day_start(dt.date(2026, 3, 2)) == dt.datetime(2026, 3, 1, 18, 30)


def test_to_and_from_ist_are_inverse():
    stored = dt.datetime(2026, 3, 1, 20, 0, 5, 123)
    local = clock.to_ist(stored)
    assert (local.hour, local.minute, local.utcoffset()) == (1, 30, dt.timedelta(hours=5.5))
    assert clock.from_ist(local) == stored
    assert clock.from_ist(local.replace(tzinfo=None)) == stored  # naive means IST
    assert clock.ist_cell(stored) == dt.datetime(2026, 3, 2, 1, 30, 5)
    assert clock.ist_cell(None) == ""


def test_moving_the_clock_moves_today(move_clock):
    move_clock(dt.datetime(2030, 1, 15, 19, 0))
    assert clock.now() == dt.datetime(2030, 1, 15, 19, 0)
    assert clock.today_ist() == dt.date(2030, 1, 16)
