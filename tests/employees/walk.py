"""URL values of the employee routes for the route walks of
tests/test_access.py and tests/test_budget.py: an employee of tehsil office
0, a cadre and a dry-run import job. Made once per test (every signed-in
user may see every employee; personal fields differ, not access)."""

from blueprints.employees.models import Cadre, Employee, ImportJob


def walk_values(app, place, user=None) -> dict:
    cached = place.__dict__.get("employee_walk")
    if cached is None:
        with app.app_context():
            if not Employee.select().exists():
                from tests.employees.factories import make_register

                make_register(place)
            employee = Employee.select().order_by(Employee.id).first()
            job = ImportJob.create(kind="employees", state="checked", original_name="walk.csv")
            cached = {
                "employee_id": employee.id,
                "cadre_id": Cadre.select().first().id,
                "job_id": job.id,
            }
        place.employee_walk = cached
    return cached
