"""iCalendar (RFC 5545) for appointments, written by hand: the subset we need is small and a
library would be one more runtime dependency on the server.

What the RFC asks of this subset: CRLF line ends (3.1), content lines folded so no line is
longer than 75 octets, never inside a UTF-8 character, continued by one space (3.1), TEXT
values with backslash, semicolon, comma and newline escaped (3.3.11), UTC times as
`YYYYMMDDTHHMMSSZ` (3.3.5), and VERSION, PRODID, UID and DTSTAMP present (3.6, 3.8.4.7).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//Balcao//Appointments//PT"
MAX_OCTETS = 75


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    stamp: datetime
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str | None = None
    cancelled: bool = False
    sequence: int = 0


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold one content line at 75 octets, between characters, continuations led by a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _event_lines(event: IcsEvent) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(event.stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SEQUENCE:{event.sequence}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        # URI values are not TEXT: no escaping, but no line break may be in them either.
        lines.append(f"URL:{event.url.replace(chr(13), '').replace(chr(10), '')}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[IcsEvent], *, name: str | None = None) -> str:
    """A VCALENDAR with these events, as the text to send (`text/calendar; charset=utf-8`)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines.append("METHOD:PUBLISH")
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
