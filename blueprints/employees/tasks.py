"""The huey task of the employee register: the real run of an import."""

from core.queue import huey, in_app


@huey.task()
def run_import(job_id: int):
    from blueprints.employees.jobs import run

    return in_app(run, job_id)
