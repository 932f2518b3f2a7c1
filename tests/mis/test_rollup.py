"""Roll-up sums GP → block → district, the share achieved, what each role
sees, the downloads, certification and the district's not-reported list."""

import io

import pytest
from openpyxl import load_workbook

from blueprints.masters.models import GramPanchayat
from blueprints.mis import months
from blueprints.mis import services as svc
from blueprints.mis.models import Certification
from core.audit import AuditEvent
from tests.factories import make_user
from tests.mis.factories import block_head, fill, reporting_key


@pytest.fixture
def figures(app, place, mis):
    """Block 0: GP0 10/7 and GP1 10/7 of each indicator; block 1: GP2 20/5;
    GP3 has not reported."""
    month = months.reporting_month()
    with app.app_context():
        user = make_user("admin", place, username="filler")
        fill(place.gps[0:2], mis.indicators, month, user, target=10, achievement=7)
        fill(place.gps[2:3], mis.indicators, month, user, target=20, achievement=5)
    return month


def test_block_and_district_sums_and_shares(ctx, place, mis, figures):
    from blueprints.mis import rollup as ru

    houses, money = mis.indicators
    admin = make_user("admin", place, username="reader")
    ids = [houses.id, money.id]
    rows, total = ru.block_rows(admin, figures, ids, ids)
    by_name = {r.name: r for r in rows}
    paithan, kannad = by_name["Paithan"], by_name["Kannad"]
    assert (paithan.cell(houses.id).target, paithan.cell(houses.id).achievement) == (20, 14)
    assert paithan.cell(houses.id).share == pytest.approx(70.0)
    assert (paithan.reported, paithan.gps) == (2, 2)
    assert (kannad.reported, kannad.gps, kannad.cell(money.id).achievement) == (1, 2, 5)
    assert (total.cell(houses.id).target, total.cell(houses.id).achievement) == (40, 19)
    assert total.cell(houses.id).share == pytest.approx(47.5)
    assert (total.reported, total.gps) == (3, 4)
    gp_rows, has_next = ru.gp_rows(admin, place.blocks[1].id, figures, ids, ids, page=1)
    assert not has_next
    assert [(r.name, r.reported, r.cell(houses.id).target) for r in gp_rows] == [
        (place.gps[3].name_en, 0, 0),
        (place.gps[2].name_en, 1, 20),
    ]


def test_district_page_shows_blocks_and_total(place, figures, login_as):
    html = login_as("district_manager").get(f"/mis/?month={reporting_key()}").get_data(as_text=True)
    assert "14 / 20" in html and "70%" in html  # Paithan
    assert "19 / 40" in html and "48%" in html  # the district
    assert "3/4" in html
    assert '<svg class="chart"' in html and "Paithan: 70%" in html


def test_each_role_sees_its_own_area(place, figures, login_as):
    gp_user = login_as("gp_staff")
    sevak = gp_user.get(f"/mis/?month={reporting_key()}").get_data(as_text=True)
    assert "7 / 10" in sevak and "14 / 20" not in sevak and "Kannad" not in sevak
    officer = login_as("block_officer")
    assert "Kannad" not in officer.get(f"/mis/?month={reporting_key()}").get_data(as_text=True)
    assert officer.get(f"/mis/blocks/{place.blocks[1].id}").status_code == 404
    assert officer.get(f"/mis/gps/{place.gps[2].id}/history").status_code == 404
    assert login_as("csc_operator").get("/mis/").status_code == 403
    assert gp_user.get("/mis/pending").status_code == 403


def test_downloads(place, figures, login_as):
    district = login_as("district_manager")
    response = district.get(f"/mis/?month={reporting_key()}&format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data().decode("utf-8-sig")
    assert "Houses completed: target" in text
    assert text.strip().splitlines()[-1].startswith(",Total,4,3,40,19,47.5")
    response = district.get(f"/mis/blocks/{place.blocks[0].id}?month={reporting_key()}&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert sheet.max_row == 4  # header, two GPs, the block's total
    assert sheet.cell(row=4, column=5).value == 20
    response = district.get(f"/mis/pending?month={reporting_key()}&format=csv")
    assert "Panchayat Samiti Kannad" in response.get_data().decode("utf-8-sig")
    assert district.get("/mis/?format=pdf").status_code == 400
    assert district.get("/mis/?scheme=99999").status_code == 400


def test_certify_refusals_and_the_lock(app, place, mis, figures, login_as):
    head = login_as("office_head", office=place.block_offices[1], username="ps-head-1")
    url = f"/mis/blocks/{place.blocks[1].id}"
    response = head.form_post("/account", f"{url}/certify", data={"month": reporting_key()})
    assert response.status_code == 409
    assert "1 gram panchayat has not entered all its figures" in response.get_data(as_text=True)
    current = months.key(months.current_month())
    response = head.form_post("/account", f"{url}/certify", data={"month": current})
    assert response.status_code == 409
    assert "only after it has ended" in response.get_data(as_text=True)
    # The tehsil office's head, and block 1's head for block 0, may not.
    tehsil_head = login_as("office_head")
    other = f"/mis/blocks/{place.blocks[0].id}"
    assert (
        tehsil_head.form_post(
            "/account", f"{other}/certify", data={"month": reporting_key()}
        ).status_code
        == 403
    )
    assert (
        head.form_post("/account", f"{other}/certify", data={"month": reporting_key()}).status_code
        == 404
    )
    with app.app_context():
        assert Certification.select().count() == 0
        assert AuditEvent.select().where(AuditEvent.action == "mis.certified").count() == 0
    # Block 0 complete: its head certifies, once.
    own = login_as("office_head", office=place.block_offices[0], username="ps-head-0")
    assert (
        own.form_post(other, f"{other}/certify", data={"month": reporting_key()}).status_code == 303
    )
    again = own.form_post("/account", f"{other}/certify", data={"month": reporting_key()})
    assert again.status_code == 409 and "already certified" in again.get_data(as_text=True)
    with app.app_context():
        assert Certification.select().count() == 1
    html = (
        login_as("district_manager")
        .get(f"/mis/pending?month={reporting_key()}")
        .get_data(as_text=True)
    )
    assert "1/2" in html and "Not certified" in html


def test_the_lock_holds_in_the_service_too(ctx, place, mis, figures):
    head = block_head(place)
    svc.certify(place.blocks[0], figures, head)
    sevak = make_user("gp_staff", place, username="late-sevak")
    with pytest.raises(svc.MisError) as err:
        svc.save_figures(place.gps[0], figures, {mis.indicators[0].id: (1, 1)}, sevak)
    assert err.value.status == 409
    counts = GramPanchayat.select().count()
    assert counts == 4


def test_pages_read_in_hindi_and_marathi(place, figures, login_as):
    district = login_as("district_manager")
    for lang, word in (("hi", "योजना प्रगति"), ("mr", "योजना प्रगती")):
        district.set_cookie("lang", lang)
        for url in ("/mis/", f"/mis/blocks/{place.blocks[0].id}", "/mis/pending"):
            response = district.get(f"{url}?month={reporting_key()}")
            assert response.status_code == 200
            html = response.get_data(as_text=True)
            assert word in html and "Scheme progress" not in html


def test_pages_cost_the_same_queries_for_more_gps(app, place, mis, figures, login_as):
    from tests.helpers import count_queries

    district = login_as("district_manager")
    urls = ("/mis/", f"/mis/blocks/{place.blocks[0].id}", "/mis/pending")

    def counts():
        found = []
        for url in urls:
            with count_queries() as log:
                assert district.get(f"{url}?month={reporting_key()}").status_code == 200
            found.append(len(log))
        return found

    before = counts()
    with app.app_context():
        user = make_user("admin", place, username="filler-2")
        more = [
            GramPanchayat.create(
                code=f"XGP{i}",
                name_en=f"Extra {i}",
                name_local=f"अतिरिक्त {i}",
                block=place.blocks[0],
            )
            for i in range(10)
        ]
        fill(more, mis.indicators, figures, user)
    assert counts() == before
