import itertools

import pytest

from blueprints.applications.ids import CHECK_LETTERS, BadId, format_id, parse_id


def test_format_and_parse_round_trip():
    app_id = format_id("AUR", 2026, 4213)
    assert app_id.startswith("AUR26-0004213-")
    assert parse_id(app_id) == app_id
    # What a person types: small letters, spaces, no dashes.
    assert parse_id(app_id.lower().replace("-", " ")) == app_id


def test_every_single_typo_is_caught():
    for app_id in (format_id("AUR", 2026, 4213), format_id("AUR", 2027, 9990001)):
        body = app_id.replace("-", "")[:-1]
        for i, ch in enumerate(body):
            pool = "0123456789" if ch.isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            for other in pool:
                if other == ch:
                    continue
                typo = body[:i] + other + body[i + 1 :]
                with pytest.raises(BadId):
                    parse_id(f"{typo[:5]}-{typo[5:]}-{app_id[-1]}", district="AUR")


def test_another_districts_id_is_refused():
    with pytest.raises(BadId) as err:
        parse_id(format_id("GON", 2026, 12), district="AUR")
    assert err.value.reason == "district"


def test_swapped_neighbouring_digits_are_caught():
    app_id = format_id("AUR", 2026, 4213)
    digits = app_id[6:13]
    for i in range(len(digits) - 1):
        if digits[i] == digits[i + 1]:
            continue
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        with pytest.raises(BadId) as err:
            parse_id(f"{app_id[:6]}{swapped}-{app_id[-1]}")
        assert err.value.reason == "check"


def test_check_letters_avoid_lookalikes():
    assert not set("IOS") & set(CHECK_LETTERS)
    assert all(
        parse_id(format_id("AUR", 26, n)) for n in itertools.islice(range(1, 10**7, 9973), 200)
    )


@pytest.mark.parametrize("text", ["", "AUR26", "AUR26-123-K", "XX26-0004213-K", "AUR26-0004213-1"])
def test_wrong_shapes_are_refused(text):
    with pytest.raises(BadId) as err:
        parse_id(text)
    assert err.value.reason == "shape"
