"""Portuguese NIF: the shape, the first digits and the mod-11 check digit."""

from __future__ import annotations

import pytest

from rules.nif import check_digit, is_valid_nif, nif_error, normalize


@pytest.mark.parametrize(
    "nif",
    [
        "123456789",  # the textbook example
        "501964843",  # a company (NIPC) with a valid check digit
        "999999990",  # the "consumidor final" placeholder (prefix 99)
        "500000000",  # remainder 0 -> check digit 0
        "100000070",  # remainder 1 -> check digit 0 too
        "450000001",  # non-resident person (prefix 45)
        "980000009",  # non-resident without permanent establishment (prefix 98)
        "600000001",  # a public body (prefix 6)
    ],
)
def test_valid_numbers(nif: str) -> None:
    assert nif_error(nif) is None
    assert is_valid_nif(nif)


@pytest.mark.parametrize(
    "nif",
    ["123456780", "123456788", "501964842", "999999991", "100000071", "500000001"],
)
def test_a_wrong_check_digit_is_caught(nif: str) -> None:
    assert nif_error(nif) == "nif.invalid_check_digit"


@pytest.mark.parametrize("nif", ["12345678", "1234567890", "", "1"])
def test_wrong_length(nif: str) -> None:
    expected = "nif.not_digits" if nif == "" else "nif.wrong_length"
    assert nif_error(nif) == expected


@pytest.mark.parametrize(
    "nif", ["12345678A", "PT123456789", "123 456 789", "１２３４５６７８９", "-12345678"]
)
def test_anything_but_ascii_digits(nif: str) -> None:
    assert nif_error(nif) == "nif.not_digits"


@pytest.mark.parametrize("body", ["00000001", "40000000", "73000000", "93000000"])
def test_first_digits_nobody_is_given(body: str) -> None:
    nif = body + str(check_digit(body))  # a right check digit does not save a wrong series
    assert nif_error(nif) == "nif.invalid_prefix"


def test_every_possible_check_digit_has_one_right_answer() -> None:
    body = "12345678"
    valid = [d for d in "0123456789" if is_valid_nif(body + d)]
    assert valid == ["9"]


def test_normalize_drops_spaces_only() -> None:
    assert normalize(" 123 456 789 ") == "123456789"
    assert nif_error(normalize("501 964 843")) is None
