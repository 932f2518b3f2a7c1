"""The figures form: bad input is refused with a clear message and nothing
saved; another GP's figures answer 404 and write nothing; who may enter."""

import datetime as dt

import pytest

from blueprints.mis import months
from blueprints.mis.models import Entry
from core.audit import AuditEvent
from tests.mis.factories import reporting_key


def _url(gp, month=None):
    return f"/mis/gps/{gp.id}?month={month or reporting_key()}"


def _count(app):
    with app.app_context():
        return Entry.select().count()


@pytest.fixture
def sevak(login_as):
    return login_as("gp_staff")


def _post(browser, gp, data, month=None):
    return browser.form_post(_url(gp, month), data=data)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "A figure cannot be negative."),
        ("twelve", "Enter a whole number"),
        ("12.5", "Enter a whole number"),
        ("1001", "More than a gram panchayat can report in a month (at most 1,000)"),
        ("9" * 40, "More than a gram panchayat can report in a month"),
    ],
)
def test_a_bad_figure_is_refused_and_nothing_is_saved(app, place, mis, sevak, typed, message):
    houses, money = mis.indicators
    data = {
        f"t{houses.id}": typed,
        f"a{houses.id}": "3",
        f"t{money.id}": "100",
        f"a{money.id}": "50",
    }
    response = _post(sevak, place.gps[0], data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert "Nothing was saved" in html
    assert f'id="t{houses.id}-err"' in html and 'aria-invalid="true"' in html
    assert f'value="{typed}"' in html  # what was typed stays in the box
    assert _count(app) == 0


def test_half_a_pair_and_an_empty_form_are_refused(app, place, mis, sevak):
    houses, _money = mis.indicators
    response = _post(sevak, place.gps[0], {f"t{houses.id}": "4"})
    assert response.status_code == 400
    assert "Enter both the target and the achievement, or neither." in response.get_data(
        as_text=True
    )
    response = _post(sevak, place.gps[0], {})
    assert response.status_code == 400
    assert "Enter at least one figure." in response.get_data(as_text=True)
    assert _count(app) == 0


def test_indian_grouping_and_devanagari_digits_are_read(app, place, mis, sevak):
    houses, money = mis.indicators
    data = {
        f"t{houses.id}": "१२",
        f"a{houses.id}": "9",
        f"t{money.id}": "1,20,000",
        f"a{money.id}": "0",
    }
    assert _post(sevak, place.gps[0], data).status_code == 303
    with app.app_context():
        got = {e.indicator_id: (e.target, e.achievement) for e in Entry.select()}
    assert got == {houses.id: (12, 9), money.id: (120000, 0)}


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "Give the month as year and month, for example 2026-10."),
        ("October", "Give the month as year and month"),
        ("1999-12", "Give the month as year and month"),
        ("2999-01", "has not begun"),
    ],
)
def test_a_malformed_or_future_month_is_refused(app, place, mis, sevak, month, message):
    houses, _money = mis.indicators
    assert message in sevak.get(_url(place.gps[0], month)).get_data(as_text=True)
    assert sevak.get(_url(place.gps[0], month)).status_code == 400
    token_page = _url(place.gps[0])
    response = sevak.form_post(
        token_page, _url(place.gps[0], month), data={f"t{houses.id}": "1", f"a{houses.id}": "1"}
    )
    assert response.status_code == 400
    assert _count(app) == 0


def test_next_month_is_refused_by_the_clock(app, place, mis, sevak):
    following = months.key(months.shift(months.current_month(), 1))
    assert sevak.get(_url(place.gps[0], following)).status_code == 400
    assert sevak.get(_url(place.gps[0], months.key(months.current_month()))).status_code == 200


def test_another_gps_figures_answer_404_and_write_nothing(app, place, mis, sevak):
    houses, _money = mis.indicators
    for other in (place.gps[1], place.gps[2]):  # same block, other tehsil
        assert sevak.get(_url(other)).status_code == 404
        response = sevak.form_post(
            _url(place.gps[0]), _url(other), data={f"t{houses.id}": "1", f"a{houses.id}": "1"}
        )
        assert response.status_code == 404
    assert sevak.get("/mis/gps/999999").status_code == 404
    assert _count(app) == 0


def test_block_office_users_enter_for_their_block_only(app, place, mis, login_as):
    houses, _money = mis.indicators
    clerk = login_as("office_user", office=place.block_offices[0], username="ps-clerk")
    data = {f"t{houses.id}": "5", f"a{houses.id}": "5"}
    assert clerk.form_post(_url(place.gps[1]), data=data).status_code == 303
    assert clerk.get(_url(place.gps[2])).status_code == 404
    assert _count(app) == 1


def test_viewers_who_may_not_enter_get_no_form_and_a_403(app, place, mis, login_as):
    houses, _money = mis.indicators
    for browser in (
        login_as("office_user"),
        login_as("block_officer"),
        login_as("district_manager"),
    ):
        page = browser.get(_url(place.gps[0]))
        assert page.status_code == 200
        assert f'name="t{houses.id}"' not in page.get_data(as_text=True)
        response = browser.form_post(
            "/account", _url(place.gps[0]), data={f"t{houses.id}": "1", f"a{houses.id}": "1"}
        )
        assert response.status_code == 403
    assert _count(app) == 0


def test_a_change_supersedes_and_the_history_shows_both(app, place, mis, sevak):
    houses, _money = mis.indicators
    _post(sevak, place.gps[0], {f"t{houses.id}": "10", f"a{houses.id}": "4"})
    response = _post(sevak, place.gps[0], {f"t{houses.id}": "10", f"a{houses.id}": "6"})
    assert response.status_code == 303
    with app.app_context():
        rows = list(Entry.select().order_by(Entry.id))
    assert [(r.achievement, r.is_current) for r in rows] == [(4, False), (6, True)]
    assert rows[1].supersedes_id == rows[0].id
    html = sevak.get(f"/mis/gps/{place.gps[0].id}/history?month={reporting_key()}").get_data(
        as_text=True
    )
    assert "Replaced" in html and "Current" in html
    # The same figures again: nothing new is written.
    _post(sevak, place.gps[0], {f"t{houses.id}": "10", f"a{houses.id}": "6"})
    assert _count(app) == 2


def test_a_correction_after_certification_needs_a_reason(app, place, mis, login_as):
    from tests.mis.factories import fill

    houses, _money = mis.indicators
    month = months.reporting_month()
    with app.app_context():
        from blueprints.masters.models import GramPanchayat
        from blueprints.mis import services as svc
        from tests.mis.factories import block_head

        head_user = block_head(place)
        fill(
            GramPanchayat.select().where(GramPanchayat.block == place.blocks[0]),
            mis.indicators,
            month,
            head_user,
        )
        svc.certify(place.blocks[0], month, head_user)
    head = login_as("office_head", office=place.block_offices[0], username="ps-head-web")
    before = _count(app)
    data = {f"t{houses.id}": "10", f"a{houses.id}": "8"}
    response = _post(head, place.gps[0], data)
    assert response.status_code == 400
    assert "Give the reason for the correction." in response.get_data(as_text=True)
    assert _count(app) == before
    response = _post(head, place.gps[0], {**data, "reason": "Register recount on 4th"})
    assert response.status_code == 303
    with app.app_context():
        newest = Entry.select().order_by(Entry.id.desc()).first()
        assert (newest.kind, newest.reason, newest.achievement) == (
            "correction",
            "Register recount on 4th",
            8,
        )
        assert AuditEvent.select().where(AuditEvent.action == "mis.corrected").count() == 1
    html = head.get(f"/mis/gps/{place.gps[0].id}/history?month={reporting_key()}").get_data(
        as_text=True
    )
    assert "Register recount on 4th" in html and "Correction after certification" in html


def test_the_form_reads_in_hindi_and_marathi(place, mis, sevak):
    for lang, word in (("hi", "लक्ष्य"), ("mr", "उद्दिष्ट")):
        sevak.set_cookie("lang", lang)
        html = sevak.get(_url(place.gps[0])).get_data(as_text=True)
        assert word in html and "Target" not in html
    sevak.set_cookie("lang", "mr")
    response = _post(
        sevak, place.gps[0], {f"t{mis.indicators[0].id}": "-1", f"a{mis.indicators[0].id}": "1"}
    )
    assert "आकडा ऋण (वजा) असू शकत नाही." in response.get_data(as_text=True)


def test_month_field_keeps_dates_out():
    with pytest.raises(months.MonthError):
        months.parse("2026-10-01")
    assert months.parse("2026-01", now=dt.datetime(2026, 3, 1)) == dt.date(2026, 1, 1)
