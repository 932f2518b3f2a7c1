"""Aadhaar numbers: checked with the Verhoeff check digit, kept only masked.
The whole number is never stored or logged."""

_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def verhoeff_ok(number: str) -> bool:
    check = 0
    for i, digit in enumerate(reversed(number)):
        check = _D[check][_P[i % 8][int(digit)]]
    return check == 0


def clean(text: str) -> str:
    return "".join(ch for ch in (text or "") if not ch.isspace() and ch != "-")


def is_valid(text: str) -> bool:
    number = clean(text)
    # UIDAI never issues numbers starting with 0 or 1.
    return (
        len(number) == 12
        and number.isascii()
        and number.isdigit()
        and number[0] not in "01"
        and verhoeff_ok(number)
    )


def mask(text: str) -> str:
    return f"XXXX-XXXX-{clean(text)[-4:]}"


def check_digit(first_eleven: str) -> str:
    """The Verhoeff digit that completes an 11-digit prefix (for demo data)."""
    for digit in "0123456789":
        if verhoeff_ok(first_eleven + digit):
            return digit
    raise ValueError(first_eleven)
