"""Reading central's answers: a JSON shape the desktop cannot read becomes
`client.bad_answer` (never a KeyError deep in a view), and a reference goes into a URL path
escaped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

from desktop.domain.errors import BAD_ANSWER, ApiError

T = TypeVar("T")


def parse_answer(parse: Callable[[Any], T], answer: Any, what: str) -> T:
    """`parse(answer)`, or `ApiError(client.bad_answer)` naming `what` could not be read."""
    try:
        return parse(answer)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ApiError(200, BAD_ANSWER, f"unreadable {what}: {type(exc).__name__}") from exc


def path_segment(reference: str) -> str:
    """`reference` as one segment of a URL path (a `/` in it cannot reach another route)."""
    return quote(reference, safe="")
