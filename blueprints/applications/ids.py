"""Application IDs such as AUR26-0004213-K: district, year, a running number,
and a check letter, so that a mistyped ID is refused as a typo instead of
opening someone else's application.

The check letter is a position-weighted sum modulo 23 (a prime), mapped to 23
letters without I, O and S (easily misread as 1, 0 and 5). With weights 1..n
distinct modulo 23, every single wrong digit and every swap of two
neighbouring digits changes the sum. The three district letters are checked
against the portal's own district code as well (parse_id's `district`)."""

import re

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters
_VALUES = {**{str(d): d for d in range(10)}, **{chr(65 + i): i for i in range(26)}}
ID_RE = re.compile(r"^([A-Z]{3})(\d{2})-?(\d{7})-?([A-Z])$")


class BadId(ValueError):
    """Not an application ID: wrong shape, or a check letter that does not fit."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "shape" or "check"


def check_letter(body: str) -> str:
    total = sum(_VALUES[ch] * weight for weight, ch in enumerate(body, start=1))
    return CHECK_LETTERS[total % 23]


def format_id(district: str, year: int, number: int) -> str:
    body = f"{district}{year % 100:02d}{number:07d}"
    return f"{body[:5]}-{body[5:]}-{check_letter(body)}"


def parse_id(text: str, district: str | None = None) -> str:
    """Normalise what a person typed (spaces, small letters, missing dashes)
    to the canonical ID, or raise BadId (reason "shape", "district" or
    "check")."""
    cleaned = re.sub(r"[\s.]", "", (text or "").upper())
    match = ID_RE.match(cleaned)
    if not match:
        raise BadId("shape")
    code, year, number, letter = match.groups()
    if district and code != district:
        raise BadId("district")
    body = f"{code}{year}{number}"
    if check_letter(body) != letter:
        raise BadId("check")
    return f"{code}{year}-{number}-{letter}"


def next_number(prefix: str) -> int:
    """The next running number for a prefix such as "AUR26". Must run inside
    the caller's transaction; the row lock (PostgreSQL) or the write lock
    (SQLite) makes concurrent submissions take distinct numbers."""
    from blueprints.applications.models import IdSequence

    IdSequence.insert(prefix=prefix, last=0).on_conflict_ignore().execute()
    (IdSequence.update(last=IdSequence.last + 1).where(IdSequence.prefix == prefix).execute())
    return IdSequence.select(IdSequence.last).where(IdSequence.prefix == prefix).scalar()
