"""The pendency summary PDF is one A4 page for the demo district (its nine
blocks, ten worst service-office rows, charts and note), in each language."""

import io

import pypdf
import pytest

from tests.helpers import report_pdf

A4 = (595, 842)  # points, rounded


@pytest.fixture
def demo_district(app):
    """The demo's places, users, services and applications (the areas the
    summary reads), seeded as `flask seed-demo` does."""
    from blueprints import area_modules
    from core.db import db

    wanted = ("masters", "accounts", "catalogue", "applications")
    with app.app_context(), db.connection_context():
        for area, demo in area_modules("demo"):
            if area.name in wanted:
                demo.seed_demo(echo=lambda *_a, **_k: None)
    return app


def test_the_summary_of_the_demo_district_is_one_a4_page(demo_district):
    from blueprints.accounts.models import User
    from blueprints.masters.demo_data import DEMO_PASSWORD
    from tests.helpers import Browser

    app = demo_district
    browser = Browser(app.test_client())
    with app.app_context():
        collector = User.get(User.username == "collector")
    assert browser.login(collector, DEMO_PASSWORD).status_code == 303
    # One seeding for the three languages: it is the slow part.
    for lang in ("en", "hi", "mr"):
        browser.set_cookie("lang", lang)
        response = report_pdf(browser, "/pendency/summary.pdf")
        assert response.mimetype == "application/pdf"
        pages = pypdf.PdfReader(io.BytesIO(response.data)).pages
        assert len(pages) == 1, lang
        box = pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4, lang
