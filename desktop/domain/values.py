"""Parsing helpers for values that arrive as JSON from the central service."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 timestamp from the wire (always UTC there), or None."""
    if value is None or value == "":
        return None
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp without a zone: {value!r}")
    return parsed


def require_time(value: Any) -> datetime:
    parsed = parse_time(value)
    if parsed is None:
        raise ValueError("a required timestamp is missing")
    return parsed


def parse_day(value: Any) -> date:
    return date.fromisoformat(str(value))


def optional_int(value: Any) -> int | None:
    return None if value is None else int(value)
