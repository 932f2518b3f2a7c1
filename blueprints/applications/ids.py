"""Application IDs such as AUR26-0004213-K: district, year, a running number,
and a check letter, so that a mistyped ID is refused as a typo instead of
opening someone else's application.

The check letter is a position-weighted sum modulo 23 (a prime), mapped to 23
letters without I, O and S (easily misread as 1, 0 and 5). With weights 1..n
distinct modulo 23, every single wrong digit and every swap of two
neighbouring digits changes the sum. The three district letters are checked
against the portal's own district code as well (parse_id's `district`).

The printed number is not the running number itself but a keyed permutation
of it (`scramble`): a four-round Feistel network over 24 bits, keyed with an
HMAC of the server's secret and the district-and-year prefix, walked until
it falls below 10^7. So every running number of a year prints as a distinct
7-digit number, and neighbouring applications have unrelated IDs: an ID does
not lead to the next one. IDs issued before (plain running numbers) stay as
they are; tracking looks an ID up as stored."""

import hashlib
import hmac
import re

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters
_VALUES = {**{str(d): d for d in range(10)}, **{chr(65 + i): i for i in range(26)}}
# What a person types for an ID: the year and the number may carry a letter
# O for a zero and I or L for a one (the district's letters and the check
# letter are letters, so they are left alone; the check letters have no I
# or O, and an L there is the letter L).
TYPED_RE = re.compile(r"^([A-Z]{3})([\dOIL]{2})-?([\dOIL]{7})-?([A-Z])$")
AS_DIGITS = str.maketrans("OIL", "011")


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
    """Normalise what a person typed (spaces, small letters, missing dashes,
    O for 0 and I or L for 1 among the digits) to the canonical ID, or raise
    BadId (reason "shape", "district" or "check")."""
    cleaned = re.sub(r"[\s.]", "", (text or "").upper())
    match = TYPED_RE.match(cleaned)
    if not match:
        raise BadId("shape")
    code, year, number, letter = match.groups()
    year, number = year.translate(AS_DIGITS), number.translate(AS_DIGITS)
    if district and code != district:
        raise BadId("district")
    body = f"{code}{year}{number}"
    if check_letter(body) != letter:
        raise BadId("check")
    return f"{code}{year}-{number}-{letter}"


NUMBERS = 10**7  # seven digits
_HALF_BITS = 12  # 2^24 = 16,777,216 >= NUMBERS: cycle-walking takes < 2 steps on average
_HALF = (1 << _HALF_BITS) - 1
_ROUNDS = 4


def _round_keys(key: bytes, prefix: str) -> list[bytes]:
    return [
        hmac.new(key, f"app-id:{prefix}:{r}".encode(), hashlib.sha256).digest()
        for r in range(_ROUNDS)
    ]


def _feistel(value: int, keys: list[bytes]) -> int:
    left, right = value >> _HALF_BITS, value & _HALF
    for round_key in keys:
        mixed = hmac.new(round_key, right.to_bytes(2, "big"), hashlib.sha256).digest()
        left, right = right, left ^ (int.from_bytes(mixed[:2], "big") & _HALF)
    return (left << _HALF_BITS) | right


def scramble(number: int, prefix: str, key: bytes) -> int:
    """The printed number of running number `number` (0 <= number < 10^7) of
    `prefix`: a permutation of 0..10^7-1, so distinct numbers print
    distinctly, and without the key the neighbours cannot be told."""
    if not 0 <= number < NUMBERS:
        raise ValueError("running number out of range")
    keys = _round_keys(key, prefix)
    value = _feistel(number, keys)
    while value >= NUMBERS:  # cycle-walk back into the range
        value = _feistel(value, keys)
    return value


def new_id(district: str, year: int, key: bytes, taken) -> str:
    """The next ID of the district and year. `taken(app_id)` says whether an
    ID is in use: the IDs of the old scheme are plain running numbers, and
    a new ID that meets one takes the next running number instead. Must run
    inside the caller's write transaction (next_number)."""
    prefix = f"{district}{year % 100:02d}"
    while True:
        app_id = format_id(district, year, scramble(next_number(prefix), prefix, key))
        if not taken(app_id):
            return app_id


def next_number(prefix: str) -> int:
    """The next running number for a prefix such as "AUR26". Must run inside
    the caller's transaction; the row lock (PostgreSQL) or the write lock
    (SQLite) makes concurrent submissions take distinct numbers."""
    from blueprints.applications.models import IdSequence

    IdSequence.insert(prefix=prefix, last=0).on_conflict_ignore().execute()
    (IdSequence.update(last=IdSequence.last + 1).where(IdSequence.prefix == prefix).execute())
    return IdSequence.select(IdSequence.last).where(IdSequence.prefix == prefix).scalar()
