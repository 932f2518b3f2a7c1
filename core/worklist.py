"""A line of a home page's worklist, as an area's `worklist.py` gives it
(blueprints/home/lines.py collects them; areas import this, not the home
area, so that no two areas import each other)."""

from dataclasses import dataclass

from flask_babel import ngettext

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
