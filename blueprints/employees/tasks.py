"""The huey task of the employee register: the real run of an import."""

from tasks import _in_app, huey


@huey.task()
def run_import(job_id: int):
    from blueprints.employees.jobs import run

    return _in_app(run, job_id)
