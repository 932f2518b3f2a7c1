import pytest


@pytest.fixture(autouse=True)
def english(app):
    """Read pages as a user who chose English (the district default is Marathi)."""
    app.config["DEFAULT_LOCALE"] = "en"


@pytest.fixture
def admin(login_as):
    return login_as("admin")


@pytest.fixture
def departments(app, place):
    """Two department offices with demo codes, besides place's COLL and ZP."""
    from blueprints.masters.models import Office

    with app.app_context():
        revenue = Office.create(
            code="COLL-REV",
            name_en="Revenue Branch",
            name_local="महसूल शाखा",
            level="district",
            kind="collectorate_branch",
            parent=place.collectorate,
        )
        supply = Office.create(
            code="COLL-SUP",
            name_en="Supply Branch",
            name_local="पुरवठा शाखा",
            level="district",
            kind="collectorate_branch",
            parent=place.collectorate,
        )
    return {"revenue": revenue, "supply": supply}
