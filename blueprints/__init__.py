"""The portal's areas, in one list. Everything that plugs an area in is
derived from AREAS: blueprint registration (app.create_app), the models that
migrations and the tests' truncate know (core.migrate.all_models), the demo
district (flask seed-demo), the periodic tasks (tasks.py) and the access
walk's objects (tests/test_access.py).

An area `blueprints/<name>/` has the same files for the same jobs; each
beyond `views.py` is optional:

- `views.py`   its `bp` (created in `__init__.py`), registered at `url_prefix`
- `models.py`  `MODELS`, the tuple of its tables
- `demo.py`    `seed_demo(echo) -> int | dict`: its part of the demo district
               (`demo_data.py`, where present, is only the data it reads)
- `worklist.py` `lines(user) -> list[core.worklist.Line]`: its lines of the
               signed-in user's home page (blueprints/home/lines.py)
- `tasks.py`   registers its periodic tasks (`core.periodic.scheduled`) and
               huey tasks; importing it is all that is needed
- `tests/<name>/walk.py`  `walk_values(app, place, user)` and
               `PUBLIC_ENDPOINTS` for the access walk

The order is the order of the demo seed: an area may use what an earlier
one seeded. Adding an area is one line here, plus its migration."""

import importlib
import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    name: str
    url_prefix: str | None = None

    def module(self, part: str):
        """blueprints.<name>.<part>, or None where the area has none."""
        dotted = f"blueprints.{self.name}.{part}"
        if importlib.util.find_spec(dotted) is None:
            return None
        return importlib.import_module(dotted)


AREAS = (
    Area("home"),
    Area("masters", "/masters"),
    Area("accounts"),
    Area("admin", "/admin"),
    Area("catalogue", "/services"),
    Area("applications", "/applications"),
    Area("desk", "/desk"),
    Area("track"),
    Area("reports", "/reports"),
    Area("cscs", "/cscs"),
    Area("pendency", "/pendency"),
    Area("alerts", "/alerts"),
    Area("inspections", "/inspections"),
    Area("schemes", "/schemes"),
    Area("mis", "/mis"),
    Area("employees", "/employees"),
    Area("assignments", "/assignments"),
    Area("attendance", "/attendance"),
    Area("directory", "/directory"),
    Area("vc", "/vc"),
)


def area_modules(part: str):
    """(area, module) for every area that has blueprints/<area>/<part>.py."""
    for area in AREAS:
        module = area.module(part)
        if module is not None:
            yield area, module
