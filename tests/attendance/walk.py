"""URL values for the attendance routes: an employee of place 0's tehsil
office (`staff_id`, not `employee_id`, which the register's routes use).
No audit event is written here (the POST walks count them)."""

from tests.assignments.factories import make_employee


def walk_values(app, place, user=None) -> dict:
    if not getattr(place, "attendance_walk", None):
        with app.app_context():
            person = make_employee(place.tehsil_offices[0], "WALKATT", "Walk Attendance", "")
        place.attendance_walk = {"staff_id": person.id}
    return place.attendance_walk
