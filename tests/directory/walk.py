"""URL values for the directory routes, for the route walks of
tests/test_access.py and tests/test_budget.py: an entry of the signed-in
user's own office (so an office head may edit it), else of tehsil office 0."""

from blueprints.directory.models import DirectoryEntry
from tests.directory.factories import entry, posts

PUBLIC_ENDPOINTS = {
    "directory.index",
    "directory.office",
    "directory.vcf",
    "directory.csv",
    "directory.pdf",
}


def walk_values(app, place, user=None) -> dict:
    with app.app_context():
        office_id = getattr(user, "office_id", None) or place.tehsil_offices[0].id
        tehsildar, _steno = posts()
        row = DirectoryEntry.get_or_none(
            (DirectoryEntry.office == office_id) & (DirectoryEntry.designation == tehsildar.id)
        ) or entry(office_id, tehsildar, extension="101")
    return {"entry_id": row.id}
