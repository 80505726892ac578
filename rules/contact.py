"""Sanity checks for contact details: an e-mail address and a telephone number.

These catch typing mistakes at the counter; they do not prove the address or number exists.
"""

from __future__ import annotations

EMAIL_INVALID = "email.invalid"
PHONE_INVALID_CHARACTERS = "phone.invalid_characters"
PHONE_WRONG_LENGTH = "phone.wrong_length"
PHONE_INVALID_PREFIX = "phone.invalid_prefix"

_EMAIL_MAX = 254
_LOCAL_MAX = 64
_LOCAL_SPECIALS = frozenset("!#$%&'*+-/=?^_`{|}~.")
# Portuguese national numbers: landlines 2x, mobiles 91/92/93/96, nomadic 30, shared-cost and
# free numbers 7xx/8xx.
_PT_FIRST = frozenset("23789")


def email_error(value: str) -> str | None:
    """None for something shaped like `local@domain.tld`, else `email.invalid`."""
    if len(value) > _EMAIL_MAX or value.count("@") != 1:
        return EMAIL_INVALID
    local, domain = value.split("@")
    if not local or len(local) > _LOCAL_MAX or local.startswith(".") or local.endswith("."):
        return EMAIL_INVALID
    if ".." in local or not all(c.isalnum() or c in _LOCAL_SPECIALS for c in local):
        return EMAIL_INVALID
    labels = domain.split(".")
    if len(labels) < 2 or len(labels[-1]) < 2 or not labels[-1].isalpha():
        return EMAIL_INVALID
    for label in labels:
        if not label or len(label) > 63 or label.startswith("-") or label.endswith("-"):
            return EMAIL_INVALID
        if not all(c.isalnum() or c == "-" for c in label):
            return EMAIL_INVALID
    return None


def normalize_phone(value: str) -> str:
    """Drop the spaces, dots, hyphens and brackets people type in numbers; keep a leading +."""
    return "".join(c for c in value.strip() if c not in " .-()")


def phone_error(value: str) -> str | None:
    """None for an international `+` number of 8-15 digits (E.164) or a Portuguese national
    number of nine digits (`912345678`, `213456789`); `value` is normalized first."""
    number = normalize_phone(value)
    international = number.startswith("+")
    digits = number[1:] if international else number
    if not digits.isascii() or not digits.isdigit():
        return PHONE_INVALID_CHARACTERS
    if international:
        if not 8 <= len(digits) <= 15:
            return PHONE_WRONG_LENGTH
        if digits[0] == "0":
            return PHONE_INVALID_PREFIX
        if digits.startswith("351"):
            return _portuguese_error(digits[3:])
        return None
    if digits.startswith("00"):  # 00 351 ... is the old way of writing +351
        return phone_error("+" + digits[2:])
    return _portuguese_error(digits)


def _portuguese_error(digits: str) -> str | None:
    if len(digits) != 9:
        return PHONE_WRONG_LENGTH
    if digits[0] not in _PT_FIRST or (digits[0] == "9" and digits[1] not in "1236"):
        return PHONE_INVALID_PREFIX
    return None
