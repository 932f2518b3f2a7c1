"""The lists of the filing forms read in the order of the names shown, in
the page's language; the village list starts at the CSC's own village and
groups villages by gram panchayat, telling apart those of the same name."""

import re

import pytest

from blueprints.masters.models import Village
from tests.applications.test_filing import fill_applicant, start
from tests.factories import make_plain_service
from tests.helpers import text


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [label for label in re.findall(r"<option[^>]*>([^<]*)</option>", select) if label != "—"]


@pytest.fixture
def villages(app, place):
    """Two more villages in our CSC's gram panchayat and a namesake of one
    in the other gram panchayat of the block. The English and the
    Devanagari alphabets order them differently (S < T, but ट < श)."""
    ours, other = place.gps[0], place.gps[1]
    with app.app_context():
        made = {
            "shivur": Village.create(
                code="V-SHI", name_en="Shivur", name_local="शिवूर", gram_panchayat=ours
            ),
            "takli": Village.create(
                code="V-TAK", name_en="Takli", name_local="टाकळी", gram_panchayat=ours
            ),
            "takli2": Village.create(
                code="V-TAK2", name_en="Takli", name_local="टाकळी", gram_panchayat=other
            ),
        }
    return made


def test_villages_in_the_order_shown_grouped_and_told_apart(
    app, operator, service, place, villages
):
    pk = start(operator, service)
    english = text(operator.get(f"/applications/{pk}/applicant"))
    assert options(english, "village") == [
        "Deulgaon Paithan",
        "Takli (Deulgaon Paithan)",
        "Pimpalgaon Paithan",
        "Shivur",
        "Takli (Pimpalgaon Paithan)",
    ]
    assert re.findall(r'<optgroup label="([^"]+)"', english) == [
        "Deulgaon Paithan",
        "Pimpalgaon Paithan",
    ]
    operator.set_cookie("lang", "mr")
    marathi = text(operator.get(f"/applications/{pk}/applicant"))
    assert options(marathi, "village") == [
        "टाकळी (देऊळगाव पैठण)",
        "देऊळगाव पैठण",
        "टाकळी (पिंपळगाव पैठण)",
        "पिंपळगाव पैठण",
        "शिवूर",
    ]
    operator.set_cookie("lang", "hi")
    hindi = text(operator.get(f"/applications/{pk}/applicant"))
    assert options(hindi, "village") == options(marathi, "village")


def test_the_csc_s_own_village_is_chosen_first(app, operator, service, place, villages):
    csc = place.cscs[0]
    with app.app_context():
        csc.village = villages["shivur"]
        csc.save()
    pk = start(operator, service)
    page = text(operator.get(f"/applications/{pk}/applicant"))
    assert f'<option selected value="{villages["shivur"].id}">' in page
    # A choice once made stays made.
    assert fill_applicant(operator, pk, place, village=str(villages["takli"].id)).status_code == 303
    again = text(operator.get(f"/applications/{pk}/applicant"))
    assert f'<option selected value="{villages["takli"].id}">' in again


def test_without_a_village_of_its_own_the_csc_s_only_village_is_chosen(
    app, operator, service, place
):
    pk = start(operator, service)
    page = text(operator.get(f"/applications/{pk}/applicant"))
    assert f'<option selected value="{place.villages[0].id}">' in page


def test_services_in_the_order_shown(app, operator, place):
    with app.app_context():
        make_plain_service(place, "INC", "Income certificate", "आय प्रमाण पत्र", "उत्पन्नाचा दाखला")
        make_plain_service(place, "CASTE", "Caste certificate", "जाति प्रमाण पत्र", "जातीचा दाखला")
        make_plain_service(
            place, "RES", "Residence certificate", "निवास प्रमाण पत्र", "रहिवासी दाखला"
        )
    assert options(text(operator.get("/applications/new")), "service") == [
        "Caste certificate",
        "Income certificate",
        "Residence certificate",
    ]
    operator.set_cookie("lang", "mr")
    assert options(text(operator.get("/applications/new")), "service") == [
        "उत्पन्नाचा दाखला",
        "जातीचा दाखला",
        "रहिवासी दाखला",
    ]
    operator.set_cookie("lang", "hi")
    assert options(text(operator.get("/applications/new")), "service") == [
        "आय प्रमाण पत्र",
        "जाति प्रमाण पत्र",
        "निवास प्रमाण पत्र",
    ]
