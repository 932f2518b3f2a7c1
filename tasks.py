"""Run: huey_consumer tasks.huey

The huey instance (core.queue) with every task registered: the kernel's
(core.notify_tasks, core.report_jobs) and each area's
blueprints/<area>/tasks.py, found through the one list of areas
(blueprints.AREAS). SCHEDULE names every periodic task
for the administrator's page."""

import core.notify_tasks  # noqa: F401 (registers the outbox tasks)
import core.report_jobs  # noqa: F401 (registers the report PDF tasks)
from blueprints import area_modules
from core.periodic import SCHEDULE
from core.queue import huey

AREA_TASKS = [module for _area, module in area_modules("tasks")]

__all__ = ["AREA_TASKS", "SCHEDULE", "huey"]
