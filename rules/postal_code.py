"""Portuguese postal codes: four digits, a hyphen, three digits (`1050-099`)."""

from __future__ import annotations

INVALID_FORMAT = "postal_code.invalid_format"


def normalize(value: str) -> str:
    return value.strip()


def postal_code_error(value: str) -> str | None:
    """None for `NNNN-NNN` with a first digit from 1 to 9, else `postal_code.invalid_format`."""
    if len(value) != 8 or value[4] != "-":
        return INVALID_FORMAT
    digits = value[:4] + value[5:]
    if not digits.isascii() or not digits.isdigit() or value[0] == "0":
        return INVALID_FORMAT
    return None
