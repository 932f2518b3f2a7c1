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
