"""The daily reminder, on a frozen clock: none before the 3rd of the month
after, one SMS a day per block office and per GP from the 3rd until they
report and certify, none after certification."""

import datetime as dt

import pytest

from blueprints.masters.models import GramPanchayat
from blueprints.mis import services as svc
from blueprints.mis.models import Indicator
from blueprints.mis.tasks import due_months, send_reminders
from core.notify import Notification
from tests.factories import make_user
from tests.mis.factories import block_head, fill, make_indicators

MAY = dt.date(2026, 5, 1)
HEAD_MOBILE = "9700000100"
SEVAK_MOBILE = "9700000200"


def at(day, hour=5):
    """A UTC instant on `day` of June 2026 (10:30 IST at the default hour)."""
    return dt.datetime(2026, 6, day, hour, 0)


@pytest.fixture
def district(ctx, place):
    _scheme, indicators = make_indicators(place, from_month=MAY)
    head = block_head(place, mobile=HEAD_MOBILE)
    sevak = make_user("gp_staff", place, mobile=SEVAK_MOBILE)
    return place, indicators, head, sevak


def sms(mobile):
    return list(Notification.select().where(Notification.recipient == mobile))


def test_none_before_the_third(district):
    assert send_reminders(at(1)) == {
        "offices": 0,
        "gram_panchayats": 0,
        "no_mobile": 0,
        "already": 0,
        "gps_no_account": 0,
        "gps_no_mobile": 0,
    }
    send_reminders(at(2, 18))  # 23:30 IST on the 2nd: still the 2nd in India
    assert Notification.select().count() == 0


def test_from_the_third_one_a_day_per_office_and_gp(district):
    place, _indicators, _head, _sevak = district
    counts = send_reminders(at(2, 19))  # 00:30 IST on the 3rd
    assert counts["offices"] == 1 and counts["gram_panchayats"] == 1
    assert counts["no_mobile"] == 1  # block 1's office has nobody to tell
    [office_sms] = sms(HEAD_MOBILE)
    assert "Panchayat Samiti Paithan" in office_sms.body and "May 2026" in office_sms.body
    assert "Gram panchayats yet to enter figures: 2" in office_sms.body
    [gp_sms] = sms(SEVAK_MOBILE)
    assert place.gps[0].name_en in gp_sms.body

    send_reminders(at(3, 9))  # later the same day: nothing more
    assert len(sms(HEAD_MOBILE)) == 1 and len(sms(SEVAK_MOBILE)) == 1
    send_reminders(at(4))
    assert len(sms(HEAD_MOBILE)) == 2 and len(sms(SEVAK_MOBILE)) == 2
    send_reminders(at(5))
    assert len(sms(HEAD_MOBILE)) == 3


def test_a_gp_that_reported_is_not_reminded_its_block_still_is(district):
    place, indicators, head, _sevak = district
    fill([place.gps[0]], indicators, MAY, head)
    send_reminders(at(3))
    assert sms(SEVAK_MOBILE) == []
    assert "yet to enter figures: 1" in sms(HEAD_MOBILE)[0].body


def test_none_after_certification(district):
    place, indicators, head, _sevak = district
    send_reminders(at(3))
    gps = GramPanchayat.select().where(GramPanchayat.block == place.blocks[0])
    fill(gps, indicators, MAY, head)
    svc.certify(place.blocks[0], MAY, head, now=at(4))
    send_reminders(at(4, 8))
    send_reminders(at(5))
    assert len(sms(HEAD_MOBILE)) == 1 and len(sms(SEVAK_MOBILE)) == 1


def test_an_older_month_left_uncertified_is_still_chased(district):
    place, indicators, head, _sevak = district
    # May certified, April (indicators from April on) not: on 2 July, before
    # June is due, April is still outstanding.
    Indicator.update(from_month=dt.date(2026, 4, 1)).execute()
    assert due_months(dt.date(2026, 7, 2)) == [dt.date(2026, 4, 1), dt.date(2026, 5, 1)]
    assert due_months(dt.date(2026, 7, 3))[-1] == dt.date(2026, 6, 1)
    assert due_months(dt.date(2026, 5, 20)) == [dt.date(2026, 4, 1)]
    assert due_months(dt.date(2026, 5, 2)) == []


def test_the_task_is_scheduled():
    import tasks

    assert "mis_reminders" in tasks.SCHEDULE


def test_the_run_record_says_which_gps_get_no_reminder_and_counts_only_what_was_queued(district):
    import json

    from core.periodic import TaskRun, recorded

    place, _indicators, _head, _sevak = district
    make_user("gp_staff", place, which=1, username="sevak-no-mobile", mobile="")  # GP10
    recorded("mis_reminders", lambda: send_reminders(at(3)))
    recorded("mis_reminders", lambda: send_reminders(at(3, 8)))  # the same IST day
    first, second = (json.loads(r.summary) for r in TaskRun.select().order_by(TaskRun.id))
    assert (first["offices"], first["gram_panchayats"], first["already"]) == (1, 1, 0)
    assert (first["gps_no_account"], first["gps_no_account_codes"]) == (2, "GP01, GP11")
    assert (first["gps_no_mobile"], first["gps_no_mobile_codes"]) == (1, "GP10")
    # The outbox refused the second day's copies: nothing queued, and it says so.
    assert (second["offices"], second["gram_panchayats"], second["already"]) == (0, 0, 2)
    assert Notification.select().count() == 2


@pytest.mark.parametrize(
    ("lang", "heading", "no_account", "no_mobile"),
    [
        (
            "en",
            "Gram panchayats that get no reminder",
            "No staff account of the gram panchayat",
            "Its staff account has no mobile number",
        ),
        ("hi", "जिन ग्राम पंचायतों को स्मरण नहीं जाता", "कर्मचारी का खाता नहीं", "मोबाइल नंबर नहीं"),
        ("mr", "ज्या ग्रामपंचायतींना स्मरणपत्र जात नाही", "कर्मचारी खाते नाही", "मोबाइल क्रमांक नाही"),
    ],
)
def test_the_pending_page_names_the_gps_that_get_no_reminder(
    app, place, login_as, lang, heading, no_account, no_mobile
):
    from blueprints.mis import months
    from tests.mis.factories import reporting_key

    with app.app_context():
        make_indicators(place, from_month=months.shift(months.reporting_month(), -6))
        make_user("gp_staff", place, mobile=SEVAK_MOBILE)  # GP00 is told
        make_user("gp_staff", place, which=1, username="sevak-no-mobile", mobile="")
    district = login_as("district_manager")
    district.set_cookie("lang", lang)
    html = district.get(f"/mis/pending?month={reporting_key()}").get_data(as_text=True)
    told, untold = html.split(heading)
    assert no_account in untold and no_mobile in untold
    with app.app_context():
        names = {gp.code: gp.name_local if lang != "en" else gp.name_en for gp in place.gps}
    assert names["GP01"] in untold and names["GP10"] in untold and names["GP11"] in untold
    assert names["GP00"] not in untold
    # A month older than the reminders reach: the page says none go out.
    old = months.key(months.shift(months.reporting_month(), -4))
    html = district.get(f"/mis/pending?month={old}").get_data(as_text=True)
    assert heading not in html
    if lang == "en":
        assert "No SMS reminders go out for this month any more" in html
