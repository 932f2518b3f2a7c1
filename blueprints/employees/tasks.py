"""The huey tasks of the employee register: the real run of an import, and
the nightly removal of import files no job may run any more."""

from flask_babel import lazy_gettext as _l
from huey import crontab

from core import storage
from core.periodic import scheduled
from core.queue import huey, in_app


@huey.task()
def run_import(job_id: int):
    from blueprints.employees.jobs import run

    return in_app(run, job_id)


# 02:45 IST is 21:15 UTC (huey reads crontabs in UTC), after the uploads' sweep.
@scheduled(
    crontab(minute="15", hour="21"),
    _l("Employee imports: remove the files of dry runs that were not started in time"),
    _l("Every night at 02:45 IST"),
    lease_seconds=3600,
)
def sweep_imports():
    from blueprints.employees.jobs import expire_dry_runs

    return {"expired": expire_dry_runs(), **storage.sweep("imports")}


# 00:05 IST is 18:35 UTC: a transfer dated today moves its employee in the
# register (the readers of "who holds a post" go by the postings themselves).
@scheduled(
    crontab(minute="35", hour="18"),
    _l("Employee register: move the employees whose transfer takes effect today"),
    _l("Every night at 00:05 IST"),
    lease_seconds=3600,
)
def apply_due_postings():
    from blueprints.employees.services import apply_due_postings as apply

    return {"moved": apply()}
