"""E-mail and telephone sanity checks."""

from __future__ import annotations

import pytest

from rules.contact import email_error, normalize_phone, phone_error


@pytest.mark.parametrize(
    "email",
    ["ana.silva@example.pt", "joao+balcao@cm-lisboa.pt", "a@b.co", "x_y-z@sub.domain.org"],
)
def test_valid_emails(email: str) -> None:
    assert email_error(email) is None


@pytest.mark.parametrize(
    "email",
    [
        "",
        "ana.silva",
        "ana@",
        "@example.pt",
        "ana@@example.pt",
        "ana silva@example.pt",
        "ana@example",
        "ana@example.p",
        "ana@-example.pt",
        "ana@exa_mple.pt",
        ".ana@example.pt",
        "an..a@example.pt",
        "ana@example..pt",
        "a" * 65 + "@example.pt",
        "ana@" + "d" * 250 + ".pt",
    ],
)
def test_invalid_emails(email: str) -> None:
    assert email_error(email) == "email.invalid"


@pytest.mark.parametrize(
    "phone",
    [
        "912345678",
        "213 456 789",
        "+351 912 345 678",
        "00351912345678",
        "+34 612 345 678",
        "+44 20 7946 0958",
        "808 200 200",
        "300 123 456",
    ],
)
def test_valid_phones(phone: str) -> None:
    assert phone_error(phone) is None


@pytest.mark.parametrize(
    ("phone", "code"),
    [
        ("91234567", "phone.wrong_length"),
        ("9123456789", "phone.wrong_length"),
        ("+351 91234567", "phone.wrong_length"),
        ("+1234567", "phone.wrong_length"),
        ("+1234567890123456", "phone.wrong_length"),
        ("951234567", "phone.invalid_prefix"),
        ("112345678", "phone.invalid_prefix"),
        ("+0123456789", "phone.invalid_prefix"),
        ("91234567a", "phone.invalid_characters"),
        ("", "phone.invalid_characters"),
        ("+", "phone.invalid_characters"),
        ("++351912345678", "phone.invalid_characters"),
    ],
)
def test_invalid_phones(phone: str, code: str) -> None:
    assert phone_error(phone) == code


def test_normalize_phone_keeps_the_plus_and_digits() -> None:
    assert normalize_phone(" +351 (21) 345-67.89 ") == "+351213456789"
