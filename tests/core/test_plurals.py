"""Counts are said with ngettext: no message reads "1 drafts", "1 villages"
or "Overdue by 1 days". A count in a plain gettext message is found in the
sources; the converted messages read right for one and for many, in English,
Hindi and Marathi."""

import re
from pathlib import Path

import pytest
from flask import render_template_string
from flask_babel import force_locale

ROOT = Path(__file__).resolve().parents[2]
# A plain gettext call: _("..."), _l("..."), gettext("...").
GETTEXT = re.compile(r"""(?<![\w.])(?:_|_l|gettext|lazy_gettext)\(\s*(["'])(.*?)(?<!\\)\1""", re.S)
# A placeholder followed by a counted noun in the plural.
COUNTED = re.compile(
    r"%\(\w+\)[sd] (?:[a-z-]+ )?(?:days|villages|drafts|applications|wards|CSCs|gram panchayats"
    r"|rows|punches|employees|accounts|failures|dates|hours|offices|tasks|meetings|rooms"
    r"|entries|posts|photos|months|weeks|minutes|files|points|items)\b"
)
# A fixed limit, always above one: "at most 5 photos", "more than 200 rows".
LIMIT = re.compile(r"(?:at most|at least|more than|longer than|between) %\(\w+\)[sd]")


def _sources():
    for folder in ("blueprints", "core", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".html") and path.is_file():
                yield path


def test_no_count_is_said_without_ngettext():
    found = []
    for path in _sources():
        for match in GETTEXT.finditer(path.read_text(encoding="utf-8")):
            text = " ".join(match.group(2).split())
            for counted in COUNTED.finditer(text):
                before = text[max(0, counted.start() - 12) : counted.end()]
                if not LIMIT.search(before):
                    found.append(f"{path.relative_to(ROOT)}: {text[:90]}")
    assert found == [], "\n".join(found)


DAYS_LEFT = (
    '{% from "components/days_left_tag.html" import days_left_tag %}{{ days_left_tag(clock) }}'
)


class Reading:
    def __init__(self, days_left):
        self.state = "running"
        self.paused = False
        self.days_left = days_left
        self.overdue = days_left < 0
        self.due_today = days_left == 0


@pytest.mark.parametrize(
    ("lang", "one_left", "many_left", "one_late", "many_late"),
    [
        ("en", "1 day left", "3 days left", "Overdue by 1 day<", "Overdue by 3 days<"),
        ("hi", "1 दिन शेष", "3 दिन शेष", "1 दिन की देरी", "3 दिन की देरी"),
        ("mr", "1 दिवस शिल्लक", "3 दिवस शिल्लक", "1 दिवस उशीर", "3 दिवस उशीर"),
    ],
)
def test_days_left_reads_right_for_one_and_for_many(
    app, lang, one_left, many_left, one_late, many_late
):
    with app.test_request_context(), force_locale(lang):
        said = {n: render_template_string(DAYS_LEFT, clock=Reading(n)) for n in (1, 3, -1, -3)}
    assert one_left in said[1] and many_left in said[3]
    assert one_late in said[-1] and many_late in said[-3]
    if lang == "en":
        assert "1 days" not in "".join(said.values())
