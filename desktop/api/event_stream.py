"""The centre's live event stream: `GET /centres/{id}/events` read as Server-Sent Events.

`SseDecoder` is the pure part (bytes in, messages out, as the WHATWG "event stream
interpretation" says: comments, multi-line data, `id`, `retry`, any line ending). `EventStream`
reads a streaming answer through it and can be closed from another thread, which wakes a read
blocked on the socket. The read timeout (about twice the server's ping interval) turns a dead
connection into an `OfflineError` instead of a silent wait.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from typing import NamedTuple

import requests

from desktop.api.api_client import ApiClient, offline_error
from desktop.domain.errors import OfflineError
from desktop.lifecycle import ClosedOnExit

log = logging.getLogger(__name__)

# The central pings every 15 s when idle (BALCAO_SSE_PING_SECONDS); two missed pings and a
# margin mean the connection is dead.
DEFAULT_READ_TIMEOUT = 35.0


class SseEvent(NamedTuple):
    event: str  # `message` when the block named none
    id: str | None  # the last event id seen so far on the stream (it carries over)
    data: str


class SseDecoder:
    """Feed it bytes as they arrive; it returns the messages each chunk completes."""

    def __init__(self) -> None:
        self._pending = b""
        self._after_cr = False  # the last line ended with CR: an LF may follow in the next chunk
        self._first_line = True
        self._event = ""
        self._data: list[str] = []
        self.last_id: str | None = None
        self.retry_ms: int | None = None
        self.comments = 0  # keep-alive pings and the greeting

    def feed(self, chunk: bytes) -> list[SseEvent]:
        events: list[SseEvent] = []
        buffer = self._pending + chunk
        start = 0
        if self._after_cr and buffer.startswith(b"\n"):
            start = 1  # the LF of a CRLF split across chunks
        self._after_cr = False
        while True:
            cut = _line_end(buffer, start)
            if cut is None:
                break
            end, after = cut
            event = self._line(buffer[start:end].decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)
            start = after
        self._after_cr = start > 0 and buffer[start - 1 : start] == b"\r"
        self._pending = buffer[start:]
        return events

    def _line(self, line: str) -> SseEvent | None:
        if self._first_line:
            self._first_line = False
            line = line.removeprefix("\ufeff")
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            self.comments += 1
            return None
        name, colon, value = line.partition(":")
        if colon:
            value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self.last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SseEvent | None:
        event, data = self._event, self._data
        self._event, self._data = "", []
        if not data:
            return None
        return SseEvent(event or "message", self.last_id, "\n".join(data))


def _line_end(buffer: bytes, start: int) -> tuple[int, int] | None:
    """(end of the line, start of the next) for the first CRLF, LF or CR after `start`; None
    if no complete line yet."""
    lf = buffer.find(b"\n", start)
    cr = buffer.find(b"\r", start)
    if cr != -1 and (lf == -1 or cr < lf):
        return (cr, cr + 2) if lf == cr + 1 else (cr, cr + 1)
    if lf != -1:
        return (lf, lf + 1)
    return None


class EventStream(ClosedOnExit):
    """An open event stream: iterate it for `SseEvent`s; `close()` from any thread."""

    def __init__(self, response: requests.Response, session: requests.Session) -> None:
        self._response = response
        self._session = session
        self._decoder = SseDecoder()
        self._closed = threading.Event()

    @property
    def retry_ms(self) -> int | None:
        """The reconnection delay the server asked for (`retry:`), if any."""
        return self._decoder.retry_ms

    @property
    def last_id(self) -> str | None:
        return self._decoder.last_id

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    def __iter__(self) -> Iterator[SseEvent]:
        """Messages until the server ends the stream (then the iteration just ends) or the
        connection fails (`OfflineError`). After `close()` it ends quietly."""
        try:
            for chunk in self._response.iter_content(chunk_size=None):
                if self.closed:
                    return
                yield from self._decoder.feed(chunk)
        except requests.RequestException as exc:
            if self.closed:
                return
            raise offline_error(exc) from exc
        except Exception as exc:
            # Closing from another thread pulls the socket from under the read: whatever that
            # raises (ValueError, AttributeError, OSError) means "closed".
            if self.closed:
                return
            raise OfflineError(message=f"event stream broken ({type(exc).__name__})") from exc

    def close(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        raw = self._response.raw
        # Shutting the socket down wakes a read blocked in another thread; closing alone does
        # not on every platform.
        with contextlib.suppress(Exception):
            raw.shutdown()
        with contextlib.suppress(Exception):
            self._response.close()
        with contextlib.suppress(Exception):
            self._session.close()


def open_stream(
    api: ApiClient,
    centre_id: int,
    last_event_id: int | None,
    timeout: float = DEFAULT_READ_TIMEOUT,
) -> EventStream:
    """Connect to the centre's stream, resuming after `last_event_id` (None: from now on).

    Raises like any request (ApiError, OfflineError, SessionExpired) if it cannot be opened.
    """
    headers = {"Cache-Control": "no-cache"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    response, session = api.open_stream(f"/centres/{centre_id}/events", headers, timeout)
    log.info("event stream of centre %s open after id %s", centre_id, last_event_id)
    return EventStream(response, session)
