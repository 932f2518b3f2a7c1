"""The district manager's line of this morning's alerts
(blueprints/alerts/worklist.py)."""

import datetime as dt

from blueprints.alerts.models import AlertRecord
from core import clock
from tests.helpers import text
from tests.home import work


def test_the_collector_sees_this_mornings_alerts_and_who_could_not_be_told(app, place, login_as):
    collector = login_as("district_manager")
    with app.app_context():
        work.alerts(place, [*place.tehsil_offices, place.block_offices[0]], untold=1)
        # Yesterday's are not this morning's.
        AlertRecord.create(
            key="old", day=clock.today_ist() - dt.timedelta(days=1), post="desk",
            office=place.block_offices[1], status="queued", channel="sms",
        )  # fmt: skip
    lines = work.lines_of(collector)
    assert (
        "/pendency/#alerts",
        "This morning's alerts: 3 offices with applications late or due soon",
    ) in lines
    assert ("/pendency/#alerts", "1 alert this morning could not be delivered") in lines
    # The link leads to the table of who was told.
    assert "Who was told" in text(collector.get("/pendency/"))


def test_a_person_told_by_one_channel_counts_as_told(app, place, login_as):
    collector = login_as("district_manager")
    today = clock.today_ist()
    with app.app_context():
        for channel, status in (("sms", "queued"), ("email", "could_not_tell")):
            AlertRecord.create(
                key=f"k-{channel}", day=today, post="office_head", place_id=1,
                office=place.tehsil_offices[0], channel=channel, status=status,
            )  # fmt: skip
    lines = work.lines_of(collector)
    assert (
        "/pendency/#alerts",
        "This morning's alerts: 1 office with applications late or due soon",
    ) in lines
    assert not any("could not be delivered" in label for _href, label in lines)


def test_no_alerts_no_line_and_only_for_the_collector(app, place, login_as):
    collector = login_as("district_manager")
    assert not any("alert" in label for _href, label in work.lines_of(collector))
    with app.app_context():
        work.alerts(place, place.tehsil_offices)
    officer = login_as("block_officer")
    assert not any("alert" in label for _href, label in work.lines_of(officer))
