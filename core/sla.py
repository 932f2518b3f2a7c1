"""A service-level clock: the days an item has left before its due date, in
Python for the row a page shows and in SQL for the rows a figure counts,
from one definition, so that a list and the number linking to it agree.

The clock runs in some statuses and stands still in others (the item waits
on someone outside the office, who must not eat into the office's time); in
every other status there is no clock. Days are calendar days in India: the
caller gives `today` and the day the clock stopped as IST dates."""

import datetime as dt
from dataclasses import dataclass

RUNNING = "running"
PAUSED = "paused"


@dataclass(frozen=True)
class Reading:
    """What the clock says about one item on one day."""

    # Negative when past the due date; frozen at the day the clock stopped
    # while it stands still; None without a due date.
    days_left: int | None
    # RUNNING, PAUSED, or None: no clock (a closed item, or no due date).
    state: str | None

    @property
    def paused(self) -> bool:
        return self.state == PAUSED

    @property
    def overdue(self) -> bool:
        """Past the due date with the clock running: what is counted and
        alerted about."""
        return self.state == RUNNING and self.days_left < 0

    @property
    def due_today(self) -> bool:
        return self.state == RUNNING and self.days_left == 0

    @property
    def past_due(self) -> bool:
        """Below zero days left, the clock running or not: an item paused
        after its due date stays past due (though not overdue) until it
        resumes."""
        return self.state is not None and self.days_left < 0


@dataclass(frozen=True)
class Clock:
    """The statuses in which the clock runs and in which it stands still, in
    a stable order (the SQL lists them so)."""

    running: tuple
    paused: tuple = ()

    def read(
        self, status: str, due_date: dt.date | None, today: dt.date, paused_on=None
    ) -> Reading:
        """paused_on: the IST day the clock stopped, for a paused status."""
        if due_date is None:
            return Reading(None, None)
        if status in self.paused and paused_on is not None:
            left = (due_date - paused_on).days
        else:
            left = (due_date - today).days
        if status in self.running:
            return Reading(left, RUNNING)
        if status in self.paused:
            return Reading(left, PAUSED)
        return Reading(left, None)

    # The SQL forms take the columns, or expressions over them such as an
    # index hint.

    def running_sql(self, status):
        return status.in_(self.running)

    def overdue_sql(self, today: dt.date, *, due, status):
        """Reading.overdue as a condition."""
        return days_left_below_sql(0, today, due=due) & self.running_sql(status)


# Days left on a running clock, compared as the due date with a constant so
# that a condition stays a range of the due date's index. Combine with
# Clock.running_sql: a paused clock's days left are frozen, not counted so.


def days_left_below_sql(days: int, today: dt.date, *, due):
    return due < today + dt.timedelta(days=days)


def days_left_equal_sql(days: int, today: dt.date, *, due):
    return due == today + dt.timedelta(days=days)


def days_paused(paused_on: dt.date, resumed_on: dt.date) -> int:
    """Calendar days the clock stood still, to add to the due date when it
    resumes: the same count that Clock.read froze at, so that resuming
    neither gains nor loses a day."""
    return max(0, (resumed_on - paused_on).days)
