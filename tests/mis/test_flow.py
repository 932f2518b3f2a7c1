"""The issue's "done when": a gram sevak enters a month's figures with a
plain form (JavaScript off), the district roll-up shows them, and the block
office head's certification locks them."""

from blueprints.mis import months
from blueprints.mis.models import Certification, Entry
from tests.mis.factories import block_head, fill, reporting_key


def test_gram_sevak_enters_figures_and_the_district_sees_them(app, place, mis, login_as):
    houses, money = mis.indicators
    sevak = login_as("gp_staff")
    gp = place.gps[0]
    url = f"/mis/gps/{gp.id}?month={reporting_key()}"
    page = sevak.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'name="t{houses.id}"' in html and "Houses completed" in html
    response = sevak.form_post(
        url,
        data={
            f"t{houses.id}": "12",
            f"a{houses.id}": "9",
            f"t{money.id}": "1,20,000",
            f"a{money.id}": "90000",
        },
    )
    assert response.status_code == 303
    assert response.location.endswith(url)
    with app.app_context():
        rows = {e.indicator_id: (e.target, e.achievement) for e in Entry.select()}
    assert rows == {houses.id: (12, 9), money.id: (120000, 90000)}

    district = login_as("district_manager")
    html = district.get(f"/mis/?month={reporting_key()}").get_data(as_text=True)
    assert "9 / 12" in html and "75%" in html
    assert "90,000 / 1,20,000" in html


def test_certification_locks_the_month(app, place, mis, login_as):
    houses, money = mis.indicators
    with app.app_context():
        from blueprints.masters.models import GramPanchayat

        clerk = block_head(place, username="filler", mobile="9700000300")
        month = months.reporting_month()
        fill(
            GramPanchayat.select().where(GramPanchayat.block == place.blocks[0]),
            mis.indicators,
            month,
            clerk,
        )
    head = login_as("office_head", office=place.block_offices[0], username="ps-head")
    block_url = f"/mis/blocks/{place.blocks[0].id}?month={reporting_key()}"
    assert "Certify" in head.get(block_url).get_data(as_text=True)
    response = head.form_post(
        block_url, f"/mis/blocks/{place.blocks[0].id}/certify", data={"month": reporting_key()}
    )
    assert response.status_code == 303
    with app.app_context():
        assert Certification.select().count() == 1
        before = Entry.select().count()

    sevak = login_as("gp_staff")
    url = f"/mis/gps/{place.gps[0].id}?month={reporting_key()}"
    html = sevak.get(url).get_data(as_text=True)
    assert "locked" in html and f'name="t{houses.id}"' not in html
    token_page = head.get(url)  # the head sees the correction form
    assert "Reason for the correction" in token_page.get_data(as_text=True)
    refused = sevak.form_post("/account", url, data={f"t{houses.id}": "1", f"a{houses.id}": "1"})
    assert refused.status_code == 409
    assert "certified and locked" in refused.get_data(as_text=True)
    with app.app_context():
        assert Entry.select().count() == before
