"""Scheme progress lines of the home worklist (blueprints/mis/worklist.py):
the months blocks have not certified, for the district manager, and the
months a gram panchayat has yet to enter, for its staff."""

import datetime as dt

from blueprints.mis.models import Certification
from tests.factories import make_user
from tests.helpers import text
from tests.home import work
from tests.mis.factories import fill, make_indicators

# 10 March 2026 IST: January and February are due (from the 3rd of the month
# after); March has not ended.
TENTH_OF_MARCH = dt.datetime(2026, 3, 10, 5, 0)
JANUARY, FEBRUARY = dt.date(2026, 1, 1), dt.date(2026, 2, 1)


def indicators(app, place):
    with app.app_context():
        return make_indicators(place, from_month=JANUARY)[1]


def test_the_collector_sees_each_due_month_blocks_have_not_certified(
    app, place, login_as, move_clock
):
    move_clock(TENTH_OF_MARCH)
    indicators(app, place)
    collector = login_as("district_manager")
    with app.app_context():
        Certification.create(block=place.blocks[0], month=JANUARY, certified_by=collector.user)
    lines = work.lines_of(collector)
    assert (
        "/mis/pending?month=2026-01",
        "1 block has not certified the scheme figures of January 2026",
    ) in lines
    assert (
        "/mis/pending?month=2026-02",
        "2 blocks have not certified the scheme figures of February 2026",
    ) in lines
    assert "Panchayat Samiti Paithan" in text(collector.get("/mis/pending?month=2026-02"))


def test_a_gram_panchayat_sees_the_months_it_has_to_enter(app, place, login_as, move_clock):
    move_clock(TENTH_OF_MARCH)
    houses, paid = indicators(app, place)
    ours = login_as("gp_staff")
    theirs = login_as("gp_staff", which=1)
    with app.app_context():
        head = make_user("office_head", place, office=place.block_offices[0])
        # Block 0's January is certified: nothing more to enter for it.
        Certification.create(block=place.blocks[0], month=JANUARY, certified_by=head)
        # Half of February is not all of it.
        fill([place.gps[0]], [houses], FEBRUARY, head)
    gp = place.gps[0].id
    assert work.lines_of(ours)[0] == (
        f"/mis/gps/{gp}?month=2026-02",
        "1 month of scheme figures to enter: February 2026",
    )
    assert work.lines_of(theirs)[0] == (
        f"/mis/gps/{place.gps[2].id}?month=2026-01",
        "2 months of scheme figures to enter, from January 2026",
    )
    with app.app_context():
        fill([place.gps[0]], [paid], FEBRUARY, head)
    assert not any("scheme figures" in label for _href, label in work.lines_of(ours))


def test_no_scheme_no_months(app, place, login_as, move_clock):
    move_clock(TENTH_OF_MARCH)
    for role in ("district_manager", "gp_staff"):
        browser = login_as(role)
        assert not any("scheme figures" in label for _href, label in work.lines_of(browser))
