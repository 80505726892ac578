"""The centre's local day and clock: ticket numbers reset at local midnight."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo


def local_day(timezone: str, at: datetime) -> date:
    return at.astimezone(ZoneInfo(timezone)).date()


def to_local(timezone: str, at: datetime) -> datetime:
    return at.astimezone(ZoneInfo(timezone))
