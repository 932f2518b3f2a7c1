"""Each role's home page is its worklist: what needs the signed-in user
today, a line each, drawn from every area. An area contributes through its
own `blueprints/<area>/worklist.py`, found through the one list of areas
(blueprints.AREAS), so a new area adds its lines without touching this file:

    def lines(user) -> list[core.worklist.Line]

An area returns only the lines that concern `user`'s role, computed with one
query or a few over indexed columns (the page must stay cheap at district
scale), and omits a line with nothing in it unless it is worth saying so
(e.g. "Filed today: 0"). The home page shows urgent lines first, then the
rest in the order of AREAS."""

from blueprints import area_modules
from core.worklist import Line


def worklist(user) -> list[Line]:
    lines: list[Line] = []
    for _area, module in area_modules("worklist"):
        lines.extend(module.lines(user))
    # sorted() is stable: within urgent and not, the order of AREAS.
    return sorted(lines, key=lambda line: not line.urgent)
