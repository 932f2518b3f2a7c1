import itertools

import pytest

from blueprints.applications.ids import CHECK_LETTERS, BadId, format_id, parse_id
from tests.fixtures import ctx  # noqa: F401


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


# --- IDs that do not lead to their neighbours (issue 14) ---------------------

KEY = b"test-secret-key-not-for-production"


def test_a_years_running_numbers_print_as_distinct_seven_digit_numbers():
    from blueprints.applications.ids import NUMBERS, scramble

    printed = [scramble(n, "AUR26", KEY) for n in range(20000)]
    assert len(set(printed)) == len(printed)
    assert all(0 <= p < NUMBERS for p in printed)
    assert scramble(NUMBERS - 1, "AUR26", KEY) < NUMBERS
    assert all(parse_id(format_id("AUR", 2026, p)) for p in printed[:100])


def test_neighbouring_numbers_are_unrelated_and_keyed():
    from blueprints.applications.ids import scramble

    printed = [scramble(n, "AUR26", KEY) for n in range(1, 1001)]
    gaps = [abs(b - a) for a, b in itertools.pairwise(printed)]
    assert min(gaps) > 10 and sorted(gaps)[len(gaps) // 2] > 100_000
    # Another year, or another server key, is another permutation.
    assert [scramble(n, "AUR27", KEY) for n in range(1, 1001)] != printed
    assert [scramble(n, "AUR26", b"another key") for n in range(1, 1001)] != printed


def test_a_new_id_that_meets_an_old_one_takes_the_next_number(ctx):  # noqa: F811
    from blueprints.applications.ids import new_id, scramble
    from blueprints.applications.models import IdSequence

    first = format_id("AUR", 2026, scramble(1, "AUR26", KEY))
    assert new_id("AUR", 2026, KEY, taken=lambda i: i == first) == format_id(
        "AUR", 2026, scramble(2, "AUR26", KEY)
    )
    assert IdSequence.get_by_id("AUR26").last == 2


def test_two_submissions_in_a_row_get_unrelated_ids(app, operator, service, place):
    from blueprints.applications.models import Application
    from tests.applications.test_filing import file_to_review, submit

    ids = []
    for _ in range(2):
        pk = file_to_review(operator, service, place)
        # The same applicant twice: the second is confirmed as no repeat.
        assert submit(operator, pk, confirm_repeat=bool(ids))[0].status_code == 303
        ids.append(Application.get_by_id(pk).app_id)
    first, second = (int(i[6:13]) for i in ids)
    assert abs(second - first) > 10, ids
    # The page of the second is found by its ID, like any other.
    assert operator.get(f"/track/{ids[1]}").status_code == 200


# --- what a person types (issue 15) -----------------------------------------


def test_a_letter_o_for_a_zero_and_i_or_l_for_a_one_read_as_digits():
    app_id = format_id("AUR", 2026, 1004213)  # AUR26-1004213-?
    assert app_id.startswith("AUR26-1004213-")
    letter = app_id[-1]
    for typed in (
        f"AUR26-IOO4213-{letter}",
        f"aur26 loo42i3 {letter.lower()}",
        f"AURZ6-1004213-{letter}".replace("Z", "2"),
        f"AUR2b-1004213-{letter}".replace("b", "6"),
        f"AUR26-1OO4213{letter}",
    ):
        assert parse_id(typed, district="AUR") == app_id, typed
    # A mistyped digit stays a typo, whatever letters stand for the others.
    with pytest.raises(BadId) as err:
        parse_id(f"AUR26-IOO4214-{letter}", district="AUR")
    assert err.value.reason == "check"


def test_the_district_letters_and_the_check_letter_stay_letters():
    """A district code may hold O, I or L (SOL, LTR): they are not digits
    there; nor is an L in the check letter's place."""
    app_id = format_id("SOL", 2026, 4213)
    assert parse_id(app_id.replace("-0", "-O"), district="SOL") == app_id
    with pytest.raises(BadId) as err:
        parse_id(app_id.replace("SOL", "S0L"), district="SOL")
    assert err.value.reason == "shape"
    ending_l = next(
        format_id("AUR", 2026, n) for n in range(1, 100) if format_id("AUR", 2026, n)[-1] == "L"
    )
    assert parse_id(ending_l) == ending_l
