"""The directory's line of the home worklist (blueprints/directory/worklist.py):
the office's entries not yet confirmed this quarter."""

from blueprints.directory.models import DirectoryConfirmation
from blueprints.directory.services import quarter_of
from tests.helpers import csrf_from
from tests.home import work


def test_the_head_is_asked_to_confirm_until_confirmed(app, place, login_as):
    head = login_as("office_head")
    clerk = login_as("office_user")
    office = place.tehsil_offices[0]
    with app.app_context():
        work.directory_entry(office)
        work.directory_entry(place.tehsil_offices[1])
        quarter = quarter_of()
    url = f"/directory/offices/{office.id}"
    assert (url, f"Confirm your office's directory entries for {quarter}") in work.lines_of(head)
    assert (
        url,
        f"Your office's directory entries are not yet confirmed for {quarter}",
    ) in work.lines_of(clerk)
    # The link leads to the confirm button, a plain form.
    page = head.get(url).get_data(as_text=True)
    assert f'action="/directory/offices/{office.id}/confirm"' in page
    head.post(f"{url}/confirm", data={"csrf_token": csrf_from(page)})
    with app.app_context():
        assert DirectoryConfirmation.select().count() == 1
    assert not any("directory" in label for _href, label in work.lines_of(head))
    assert not any("directory" in label for _href, label in work.lines_of(clerk))


def test_an_office_without_entries_has_nothing_to_confirm(app, place, login_as):
    head = login_as("office_head")
    assert not any("directory" in label for _href, label in work.lines_of(head))
