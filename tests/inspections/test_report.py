"""The report from a phone: filed exactly once, with its photos re-encoded;
a retry gets the same report; a second report, someone else's inspection or
a file that is not a photo is refused, and nothing is lost or half-written."""

import datetime as dt
import io
from decimal import Decimal

from PIL import Image

from blueprints.inspections import services as svc
from blueprints.inspections.draw import current_week, shift_week
from blueprints.inspections.models import (
    Inspection,
    InspectionPhoto,
    InspectionReport,
    Inspector,
    Instruction,
)
from core import clock
from core.audit import AuditEvent
from tests.applications.conftest import MINIMAL_PDF, photo_bytes
from tests.helpers import at_once, csrf_from
from tests.inspections.factories import all_in_order, schedule
from tests.inspections.helpers import open_form, submit


def files_in(folder) -> list:
    return sorted(p.name for p in folder.glob("*")) if folder.exists() else []


def test_an_inspector_files_a_report_with_photos(app, visit, uploads_here):
    response = submit(
        visit.browser,
        visit.inspection,
        photos=[(photo_bytes(), "board.jpg"), (photo_bytes(fmt="PNG"), "counter.png")],
        rate_list_displayed="no",
        overcharging_complaints="yes",
        other_instruction="Keep the visitors' register at the counter.",
        latitude="19.8765432",
        longitude="75.3432",
        rating="2",
        remarks="Queue of twelve citizens; rates not shown.",
    )
    assert response.status_code == 303
    assert response.location.endswith(f"/inspections/{visit.inspection.id}")
    page = visit.browser.get(response.location).get_data(as_text=True)
    assert "Report filed. The centre sees the instructions from now on." in page
    assert "Reported" in page and "2 / 5" in page
    assert "Display the list of services and their rates" in page
    assert "Keep the visitors&#39; register at the counter." in page
    assert "Photo 1" in page and "Photo 2" in page
    with app.app_context():
        report = InspectionReport.get()
        assert (report.rating, report.latitude, report.longitude) == (
            2,
            Decimal("19.876543"),
            Decimal("75.343200"),
        )
        assert report.findings == ["rate_list_displayed", "overcharging_complaints"]
        assert Inspection.get_by_id(visit.inspection.id).status == "reported"
        today = clock.today_ist()
        due = {i.item: i.due_date for i in Instruction.select()}
        assert due == {
            "rate_list_displayed": today + dt.timedelta(days=7),
            "overcharging_complaints": today + dt.timedelta(days=3),
            "other": today + dt.timedelta(days=7),
        }
        photos = list(InspectionPhoto.select().order_by(InspectionPhoto.id))
        assert [p.original_name for p in photos] == ["board.jpg", "counter.png"]
        event = AuditEvent.get(AuditEvent.action == "inspection.reported")
        assert event.actor_id == visit.browser.user.id
    # Stored small, as JPEG, the camera's metadata gone.
    assert len(files_in(uploads_here)) == 2
    for p in photos:
        stored = uploads_here / p.stored_name
        with Image.open(stored) as img:
            assert img.format == "JPEG" and max(img.size) <= 1600
            assert not img.getexif()
    photo = visit.browser.get(f"/inspections/photos/{photos[0].id}")
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"


def test_a_retried_submit_returns_the_same_report(app, visit, uploads_here):
    tokens = open_form(visit.browser, visit.inspection)
    photos = [(photo_bytes(size=(400, 300)), "board.jpg")]
    first = submit(visit.browser, visit.inspection, tokens, photos, board_displayed="no")
    stored = files_in(uploads_here)
    # The link dropped before the answer came: the phone sends it all again.
    again = submit(visit.browser, visit.inspection, tokens, photos, board_displayed="no")
    assert first.status_code == again.status_code == 303
    assert first.location == again.location
    with app.app_context():
        assert InspectionReport.select().count() == 1
        assert InspectionPhoto.select().count() == 1
        assert Instruction.select().count() == 1
    assert files_in(uploads_here) == stored  # the retry's photo was not kept
    page = visit.browser.get(again.location).get_data(as_text=True)
    assert "already reported" not in page


def test_a_second_report_is_refused_and_the_first_kept(app, visit):
    # Two tabs opened before either was sent.
    tab_one = open_form(visit.browser, visit.inspection)
    tab_two = open_form(visit.browser, visit.inspection)
    assert submit(visit.browser, visit.inspection, tab_one, rating="5").status_code == 303
    refused = submit(visit.browser, visit.inspection, tab_two, rating="1", board_displayed="no")
    assert refused.status_code == 303
    page = visit.browser.get(refused.location).get_data(as_text=True)
    assert "This inspection was already reported on" in page
    assert "A second report is not accepted." in page
    with app.app_context():
        assert InspectionReport.get().rating == 5
        assert Instruction.select().count() == 0
    # The form is not offered again.
    again = visit.browser.get(f"/inspections/{visit.inspection.id}/report")
    assert again.status_code == 303 and again.location.endswith(f"/{visit.inspection.id}")


def test_someone_elses_inspection_answers_404(app, visit, place, login_as):
    url = f"/inspections/{visit.inspection.id}"
    other = login_as("gp_staff", username="other-gs", mobile="9700000002")
    with app.app_context():
        Inspector.create(user=other.user, block=place.blocks[0])
    assert other.get(f"{url}/report").status_code == 404
    assert other.get(url).status_code == 404
    tokens = {"csrf_token": csrf_from(other.get("/account").get_data(as_text=True))}
    tokens["token"] = open_form(visit.browser, visit.inspection)["token"]
    assert submit(other, visit.inspection, tokens).status_code == 404
    # The block officer of the area may read it, but not report it.
    bdo = login_as("block_officer")
    assert bdo.get(url).status_code == 200
    assert bdo.get(f"{url}/report").status_code == 404
    # The other tehsil's officer sees nothing; the operator is not let in.
    assert login_as("block_officer", which=1, username="bdo-1").get(url).status_code == 404
    assert login_as("csc_operator").get(url).status_code == 403
    with app.app_context():
        assert InspectionReport.select().count() == 0


def test_a_file_that_is_not_a_photo_is_refused_beside_the_field(app, visit, uploads_here):
    for body, name in ((b"shopping list: rice, dal", "notes.jpg"), (MINIMAL_PDF, "scan.pdf")):
        response = submit(
            visit.browser,
            visit.inspection,
            photos=[(photo_bytes(size=(300, 200)), "good.jpg"), (body, name)],
            rate_list_displayed="no",
            remarks="Board is faded.",
        )
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert f"“{name}” is not a photo. Choose JPEG or PNG pictures." in page
        assert 'id="photos-err"' in page and 'aria-invalid="true"' in page
        # What was answered is still there.
        assert 'id="rate_list_displayed-no" name="rate_list_displayed" value="no" checked' in page
        assert "Board is faded." in page
    with app.app_context():
        assert InspectionReport.select().count() == 0
        assert InspectionPhoto.select().count() == 0
    assert files_in(uploads_here) == []  # the good photo was not kept either


def test_unanswered_checks_are_marked_and_nothing_is_filed(app, visit):
    tokens = open_form(visit.browser, visit.inspection)
    response = submit(
        visit.browser, visit.inspection, tokens, board_displayed="", rating="9", latitude="north"
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was filed yet. Check the answers marked below." in page
    assert 'id="board_displayed-err" class="err" role="alert">Answer yes or no.' in page
    assert "Choose a rating from 1 to 5." in page
    assert "Enter a latitude such as 19.876543, or leave it empty." in page
    assert tokens["token"] in page  # the same one-time token travels on
    with app.app_context():
        assert InspectionReport.select().count() == 0


def test_a_location_needs_both_numbers(app, visit):
    response = submit(visit.browser, visit.inspection, latitude="19.5", longitude="")
    assert response.status_code == 400
    assert "Give both latitude and longitude, or neither." in response.get_data(as_text=True)


def test_too_many_photos_are_refused(app, visit):
    small = photo_bytes(size=(60, 40))
    response = submit(
        visit.browser, visit.inspection, photos=[(small, f"p{n}.jpg") for n in range(5)]
    )
    assert response.status_code == 400
    assert "Send at most 4 photos." in response.get_data(as_text=True)


def test_the_time_to_report_runs_out_after_the_week(app, visit, place):
    with app.app_context():
        old = schedule(visit.inspector, place.cscs[1], week=shift_week(current_week(), -2))
    page = visit.browser.get("/inspections/?week=" + old.week).get_data(as_text=True)
    assert "Missed" in page and "File the report" not in page
    assert visit.browser.get(f"/inspections/{old.id}/report").status_code == 303
    csrf = csrf_from(visit.browser.get("/account").get_data(as_text=True))
    response = submit(visit.browser, old, {"csrf_token": csrf, "token": "ab" * 16})
    assert response.status_code == 400
    assert "counts as missed" in response.get_data(as_text=True)
    with app.app_context():
        assert InspectionReport.select().count() == 0


def test_two_submits_at_the_same_moment_file_one_report(app, visit):
    """The service under two threads, as two web workers would run it."""
    with app.app_context():
        inspection = Inspection.get_by_id(visit.inspection.id)
        user = visit.browser.user
    data = svc.ReportInput(token=svc.new_token(), answers=all_in_order(), rating=4)
    results, errors = at_once(app, lambda: svc.file_report(inspection, user, data), timeout=60)
    assert errors == []
    assert sorted(new for _r, new in results) == [False, True]
    assert len({r.id for r, _new in results}) == 1
    with app.app_context():
        assert InspectionReport.select().count() == 1


def test_photos_over_the_size_limit_are_refused_in_place(app, visit):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    big = io.BytesIO()
    Image.effect_noise((400, 400), 80).convert("RGB").save(big, "PNG")
    response = submit(visit.browser, visit.inspection, photos=[(big.getvalue(), "big.png")])
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The photos together are larger than 8 MB." in page
    assert 'id="photos-err"' in page
