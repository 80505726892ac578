"""Portuguese postal codes: NNNN-NNN."""

from __future__ import annotations

import pytest

from rules.postal_code import normalize, postal_code_error


@pytest.mark.parametrize("code", ["1050-099", "1000-001", "4000-322", "9500-150", "2795-242"])
def test_valid(code: str) -> None:
    assert postal_code_error(code) is None


@pytest.mark.parametrize(
    "code",
    [
        "1050099",
        "1050-99",
        "1050 099",
        "105-0099",
        "0500-123",
        "ABCD-EFG",
        "1050-0999",
        "",
        "１０５０-０９９",
    ],
)
def test_invalid(code: str) -> None:
    assert postal_code_error(code) == "postal_code.invalid_format"


def test_normalize_trims() -> None:
    assert postal_code_error(normalize("  1050-099 ")) is None
