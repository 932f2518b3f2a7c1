import pytest

from tests.fixtures import english  # noqa: F401


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
