"""Ids that a client sends, in a URL or a form, read one way everywhere:
a positive whole number in ASCII digits within 64 bits (the widest key a
database here holds). Anything else is "no such row" (404 or the form's
message), never a database error. And secrets a client sends are compared
as bytes, so that a token in another script is a wrong token, not a crash."""

import hmac

from werkzeug.routing import IntegerConverter

MAX_ID = 2**63 - 1


class IdConverter(IntegerConverter):
    """`<int:name>` in every route: ids from 1 to MAX_ID; Werkzeug answers
    404 for the rest before the view runs."""

    def __init__(self, map, fixed_digits=0, min=1, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def parse_id(value) -> int | None:
    """The id in `value` (a form field, a query argument), or None."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def same_secret(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of two secrets of any script."""
    if not expected or not given:
        return False
    return hmac.compare_digest(str(expected).encode(), str(given).encode())
