"""Portuguese tax number (NIF / NIPC): nine digits, a known first digit, a mod-11 check digit."""

from __future__ import annotations

# The first digit (or the first two) says what kind of taxpayer the number belongs to.
# Persons (1-3), companies (5), public bodies (6), sole traders of the old scheme (8).
_FIRST_DIGITS = frozenset("123568")
_FIRST_TWO = frozenset(
    {
        "45",  # non-resident persons
        "70", "71", "72", "74", "75", "77", "78", "79",  # estates, non-residents, funds, other
        "90", "91", "98", "99",  # condominiums, irregular partnerships, non-residents, civil
    }
)  # fmt: skip

NOT_DIGITS = "nif.not_digits"
WRONG_LENGTH = "nif.wrong_length"
INVALID_PREFIX = "nif.invalid_prefix"
INVALID_CHECK_DIGIT = "nif.invalid_check_digit"


def normalize(value: str) -> str:
    """Drop the spaces people type between groups of digits (`123 456 789`)."""
    return "".join(value.split())


def check_digit(first_eight: str) -> int:
    """The ninth digit for these eight: weights 9..2, then 11 - remainder (0 for 0 and 1)."""
    total = sum(int(d) * w for d, w in zip(first_eight, range(9, 1, -1), strict=True))
    remainder = total % 11
    return 0 if remainder < 2 else 11 - remainder


def nif_error(value: str) -> str | None:
    """None for a valid NIF, else the code of the first problem found."""
    if not value.isascii() or not value.isdigit():
        return NOT_DIGITS
    if len(value) != 9:
        return WRONG_LENGTH
    if value[0] not in _FIRST_DIGITS and value[:2] not in _FIRST_TWO:
        return INVALID_PREFIX
    if int(value[8]) != check_digit(value[:8]):
        return INVALID_CHECK_DIGIT
    return None


def is_valid_nif(value: str) -> bool:
    return nif_error(value) is None
