"""The dashboard shows who was told about overdue work in the last week,
including those who could not be told, for the offices its reader may see
(the alerts themselves are blueprints/alerts)."""

import datetime as dt

from blueprints.alerts.models import AlertRecord
from core import clock
from core.db import db
from tests.helpers import count_queries, text


def record(app, office, *, day, user=None, status="queued", reason="", channel="sms", n=0):
    with app.app_context(), db.connection_context():
        return AlertRecord.create(
            key=f"test-{office.id}-{day}-{channel}-{n}",
            day=day,
            user=user,
            post="office_head",
            office=office,
            channel=channel,
            status=status,
            reason=reason,
            breaches=2,
        )


def test_who_could_not_be_told_is_on_the_dashboard(app, place, district, manager, login_as):
    today = clock.today_ist()
    record(app, place.tehsil_offices[0], day=today, status="could_not_tell", reason="no_mobile")
    record(app, place.tehsil_offices[1], day=today - dt.timedelta(days=1))
    body = text(manager.get("/pendency/"))
    alerts = body.split('id="alerts"', 1)[1]
    assert "Could not be told" in alerts and "no mobile number" in alerts
    assert "Tehsil Office Paithan" in alerts and "Tehsil Office Kannad" in alerts
    head = login_as("office_head", username="head-alerts")
    theirs = text(head.get("/pendency/")).split('id="alerts"', 1)[1]
    assert "Tehsil Office Paithan" in theirs and "Tehsil Office Kannad" not in theirs


def test_alerts_cost_the_same_queries_however_many(app, place, district, manager):
    today = clock.today_ist()
    record(app, place.tehsil_offices[0], day=today)
    manager.get("/pendency/")
    with count_queries() as one:
        manager.get("/pendency/")
    for n in range(1, 8):
        record(app, place.tehsil_offices[n % 2], day=today - dt.timedelta(days=n % 5), n=n)
    with count_queries() as many:
        manager.get("/pendency/")
    assert len(many) == len(one)


def test_a_fragment_leaves_the_alerts_out(app, place, district, manager):
    record(app, place.tehsil_offices[0], day=clock.today_ist())
    fragment = text(manager.get("/pendency/?sort=pending", headers={"HX-Request": "true"}))
    assert 'id="alerts"' not in fragment
