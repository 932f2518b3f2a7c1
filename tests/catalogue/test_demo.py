"""The demo catalogue: a dozen real-looking services with valid definitions,
seeded once."""

from blueprints.catalogue import catalogue
from blueprints.catalogue.demo import SERVICES
from blueprints.catalogue.demo import seed_demo as seed_services
from blueprints.catalogue.fields import make_details_form
from blueprints.catalogue.models import Service
from blueprints.masters import demo_data


def test_seed_creates_a_dozen_valid_services_once(app, departments):
    said = []
    with app.app_context():
        assert seed_services(echo=said.append) >= 12
        services = list(Service.select())
        assert len(services) >= 12
        assert seed_services(echo=said.append) == 0
        assert Service.select().count() == len(services)
    assert "already" in said[-1]
    by_code = {s.code: s for s in services}
    # Codes found in the masters are used; others fall back to the first
    # collectorate branch (place's COLL here).
    assert by_code["INC-CERT"].department_id == departments["revenue"].id
    assert by_code["RATION-NEW"].department_id == departments["supply"].id
    fallback = by_code["DEATH-CERT"].department_id
    with app.test_request_context():
        for service in services:
            assert catalogue.definition_errors(service.documents, service.fields) == [], (
                service.code
            )
            assert 3 <= len(service.documents) <= 5, service.code
            assert 1 <= len(service.fields) <= 4, service.code
            assert service.split_csc + service.split_gp + service.split_society == 100
            assert 0 <= service.govt_fee <= 5000 and 2000 <= service.user_charge <= 3400
            assert 1 <= service.sla_days <= 90
            assert catalogue.is_devanagari_text(service.name_hi), service.code
            assert catalogue.is_devanagari_text(service.name_mr), service.code
            form = make_details_form(service)
            assert len(list(form)) == len(service.fields) + 1  # and the CSRF token
    assert {s.department_id for s in services} > {fallback}


def test_seed_needs_the_masters(app):
    said = []
    with app.app_context():
        assert seed_services(echo=said.append) == 0
        assert Service.select().count() == 0
    assert "district" in said[-1]


def test_every_department_code_is_an_office_of_the_demo_district():
    codes = {f"COLL-{code}" for code, _en, _mr in demo_data.COLLECTORATE_BRANCHES}
    codes |= {f"ZP-{code}" for code, _en, _mr in demo_data.ZP_DEPARTMENTS}
    codes |= {code for code, _en, _mr in demo_data.LINE_DEPARTMENTS}
    assert {row[4] for row in SERVICES} <= codes
