"""Each role's home page is its worklist: what needs the signed-in user
today, a line each, drawn from every area. An area contributes through its
own `blueprints/<area>/worklist.py`, found through the one list of areas
(blueprints.AREAS), so a new area adds its lines without touching this file:

    def lines(user) -> list[Line]

An area returns only the lines that concern `user`'s role, computed with one
query or a few over indexed columns (the page must stay cheap at district
scale), and omits a line with nothing in it unless it is worth saying so
(e.g. "Filed today: 0"). The home page shows urgent lines first, then the
rest in the order of AREAS."""

from dataclasses import dataclass

from flask_babel import ngettext

from blueprints import area_modules
from core.i18n import indian_number


@dataclass(frozen=True)
class Line:
    text: str  # translated, with its figure (ngettext for counts)
    url: str  # where the work is: a list already filtered to it
    count: int = 0
    urgent: bool = False  # past a deadline: shown first, marked


def counted(count: int, singular: str, plural: str, url: str, *, urgent=False, **variables):
    """The line of `count` things, as a list to add to an area's lines: empty
    when there are none. `singular` and `plural` are ngettext's, with the
    count as %(n)s in Indian grouping (the extraction keyword counted:2,3 in
    the Makefile and core.i18n_check finds them)."""
    if not count:
        return []
    text = ngettext(singular, plural, count, n=indian_number(count), **variables)
    return [Line(text, url, count, urgent)]


def worklist(user) -> list[Line]:
    lines: list[Line] = []
    for _area, module in area_modules("worklist"):
        lines.extend(module.lines(user))
    # sorted() is stable: within urgent and not, the order of AREAS.
    return sorted(lines, key=lambda line: not line.urgent)
