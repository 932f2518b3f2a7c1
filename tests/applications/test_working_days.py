"""Service levels in working days: Sundays and the district holidays do not
count; calendar days remain the default."""

import datetime as dt

from blueprints.applications.filing import due_date_for
from blueprints.applications.models import Application
from core import clock
from core.workdays import Holiday, add_holiday
from tests.applications.test_filing import file_to_review, submit
from tests.factories import make_service

FRIDAY = dt.date(2026, 3, 6)


def test_working_days_skip_sunday_and_a_holiday(ctx, place):
    calendar = make_service(place, code="CAL", sla_days=3)
    working = make_service(place, code="WRK", sla_days=3, working_days=True)
    # Saturday counts; Sunday 8 March does not; Monday 9 March is a holiday.
    assert due_date_for(working, FRIDAY) == dt.date(2026, 3, 10)
    add_holiday("2026-03-09", "Holi", "होळी")
    assert due_date_for(working, FRIDAY) == dt.date(2026, 3, 11)
    assert due_date_for(calendar, FRIDAY) == dt.date(2026, 3, 9)


def test_a_long_run_of_holidays_is_skipped(ctx, place):
    working = make_service(place, code="WRK", sla_days=2, working_days=True)
    Holiday.insert_many(
        [{"date": FRIDAY + dt.timedelta(days=i), "name_en": f"Closure {i}"} for i in range(1, 60)]
    ).execute()
    # The closure ends on Monday 4 May 2026: Tuesday and Wednesday count.
    assert due_date_for(working, FRIDAY) == dt.date(2026, 5, 6)


def test_filing_a_working_days_service_uses_the_holiday_list(app, place, login_as):
    with app.app_context():
        service = make_service(place, sla_days=2, working_days=True)
        today = clock.today_ist()
        for i in range(1, 15):
            add_holiday((today + dt.timedelta(days=i)).isoformat(), f"Closure {i}", "")
    operator = login_as("csc_operator")
    app.config["DEFAULT_LOCALE"] = "en"
    pk = file_to_review(operator, service, place)
    response, _token = submit(operator, pk)
    assert response.status_code == 303
    with app.app_context():
        due = Application.get_by_id(pk).due_date
    # Two working days after a fortnight of holidays, never on a Sunday.
    assert today + dt.timedelta(days=16) <= due <= today + dt.timedelta(days=18)
    assert due.weekday() != 6
