"""The district adds indicators to a scheme and stops asking for one."""

from blueprints.mis import months
from blueprints.mis.models import Indicator
from core.audit import AuditEvent


def _form(owner, **over):
    return {
        "scheme": str(owner.id),
        "code": "shg_loans",
        "name_en": "Loans to self-help groups",
        "name_hi": "स्वयं सहायता समूहों को ऋण",
        "name_mr": "बचत गटांना कर्ज",
        "unit": "rupees",
        "max_monthly": "",
        "from_month": months.key(months.current_month()),
        **over,
    }


def test_the_district_adds_an_indicator(app, mis, login_as):
    district = login_as("district_manager")
    response = district.form_post("/mis/indicators", data=_form(mis.scheme))
    assert response.status_code == 303
    with app.app_context():
        added = Indicator.get(Indicator.code == "shg_loans")
        assert (added.unit, added.max_monthly, added.position) == ("rupees", 10_00_00_000, 3)
        assert AuditEvent.select().where(AuditEvent.action == "mis.indicator_added").count() == 1
    assert "Loans to self-help groups" in district.get("/mis/indicators").get_data(as_text=True)


def test_bad_indicators_are_refused(app, mis, login_as):
    district = login_as("district_manager")
    cases = [
        ({"code": "houses"}, "already has an indicator with this code"),
        ({"code": "Bad Code!"}, "Use 2 to 30 small letters"),
        ({"unit": "kg"}, "Choose one of the options in the list."),
        ({"scheme": "99999"}, "Choose one of the options in the list."),
        ({"from_month": "2026/10"}, "Give the month as year and month"),
        ({"from_month": "2999-01"}, "Choose a month within the coming year."),
        ({"max_monthly": "-4"}, "Enter a whole number above zero."),
        ({"name_en": ""}, "This field is required."),
    ]
    for change, message in cases:
        response = district.form_post("/mis/indicators", data=_form(mis.scheme, **change))
        assert response.status_code in (400, 409), change
        assert message in response.get_data(as_text=True), change
    with app.app_context():
        assert Indicator.select().count() == 2


def test_stop_and_resume_asking(app, place, mis, login_as):
    houses = mis.indicators[0]
    district = login_as("admin")
    district.form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")
    sevak = login_as("gp_staff")
    html = sevak.get(f"/mis/gps/{place.gps[0].id}").get_data(as_text=True)
    assert f'name="t{houses.id}"' not in html
    district.form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")
    with app.app_context():
        assert Indicator.get_by_id(houses.id).is_active
    assert login_as("office_head").post(f"/mis/indicators/{houses.id}/active").status_code in (
        400,
        403,
    )
    assert district.form_post("/mis/indicators", "/mis/indicators/999999/active").status_code == 404


def _certify(place, block, month):
    from blueprints.mis.models import Certification
    from tests.mis.factories import block_head

    head = block_head(place, 0)
    Certification.create(block=block, month=month, certified_by=head)


def test_a_stopped_indicator_keeps_its_certified_figures_in_the_roll_up(app, place, mis, login_as):
    from tests.factories import make_user
    from tests.mis.factories import fill

    houses, money = mis.indicators
    earlier = months.shift(months.reporting_month(), -1)
    with app.app_context():
        filler = make_user("admin", place, username="filler")
        fill(place.gps[0:2], mis.indicators, earlier, filler, target=10, achievement=7)
        _certify(place, place.blocks[0], earlier)
    admin = login_as("admin")
    response = admin.form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")
    assert response.status_code == 303
    with app.app_context():
        stopped = Indicator.get_by_id(houses.id)
        assert not stopped.is_active and stopped.until_month == earlier
    # The certified month still shows the stopped indicator's figures, and
    # its GPs still count as having reported every figure.
    district = login_as("district_manager")
    html = district.get(f"/mis/?month={months.key(earlier)}").get_data(as_text=True)
    assert "Houses completed" in html and "14 / 20" in html
    block = district.get(f"/mis/blocks/{place.blocks[0].id}?month={months.key(earlier)}")
    assert "Houses completed" in block.get_data(as_text=True)
    # The month being reported now no longer asks for it.
    now = district.get(f"/mis/?month={months.key(months.reporting_month())}")
    assert "Houses completed" not in now.get_data(as_text=True)
    sevak = login_as("gp_staff").get(f"/mis/gps/{place.gps[0].id}").get_data(as_text=True)
    assert f'name="t{houses.id}"' not in sevak and f'name="t{money.id}"' in sevak
    page = admin.get("/mis/indicators").get_data(as_text=True)
    with app.test_request_context():
        assert f"Asked for up to {months.label(earlier)}" in page


def test_stopping_keeps_the_month_being_reported_once_a_block_certified_it(
    app, place, mis, login_as
):
    houses = mis.indicators[0]
    month = months.reporting_month()
    with app.app_context():
        _certify(place, place.blocks[0], month)
    login_as("admin").form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")
    with app.app_context():
        assert Indicator.get_by_id(houses.id).until_month == month


def test_the_stopped_indicator_reads_in_hindi_and_marathi(app, place, mis, login_as):
    houses = mis.indicators[0]
    admin = login_as("admin")
    for lang, flashed in (("hi", "के बाद नहीं माँगा जाता"), ("mr", "नंतर मागितला जात नाही")):
        admin.set_cookie("lang", lang)
        response = admin.form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")
        page = admin.get(response.headers["Location"]).get_data(as_text=True)
        assert flashed in page
        admin.form_post("/mis/indicators", f"/mis/indicators/{houses.id}/active")  # ask again
