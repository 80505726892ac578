"""The live feed of a centre: keeps the event stream open and hands events over in batches.

`EventFeed.run` is one long blocking call (a task on a network thread): it connects with
`Last-Event-ID`, reports LIVE, delivers events in small batches (whatever arrived within 50 ms
of the first), and on a dropped connection reports OFFLINE with the delay before the next try
(1, 2, 4 ... 30 s with jitter) and resumes after the last id it delivered, so nothing is missed
and nothing is delivered twice. `event: reset` (the central's data was reset) is reported as
RESET: the caller reloads the queue, and the feed carries on from the id the central gave.

A reader thread per connection reads the socket; this thread waits on its queue with timeouts,
which is how it forms batches and notices `stop` (within ~0.2 s) without sleeping.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from desktop.api.api_client import ApiClient
from desktop.api.event_stream import DEFAULT_READ_TIMEOUT, EventStream, SseEvent, open_stream
from desktop.domain.errors import BAD_ANSWER, ApiError, BalcaoError, OfflineError, SessionExpired
from desktop.domain.live_queue import QueueEvent

log = logging.getLogger(__name__)

BATCH_WINDOW = 0.05  # seconds: events arriving this close together are delivered together
STOP_POLL = 0.2  # seconds: how often a quiet stream checks the stop flag
STABLE_AFTER = 10.0  # seconds: a connection that lasted this long resets the backoff
MAX_BACKOFF = 30.0


class FeedState(Enum):
    CONNECTING = "connecting"
    LIVE = "live"
    OFFLINE = "offline"  # with the seconds until the next try
    RESET = "reset"  # the central's data was reset: reload the queue
    SESSION_EXPIRED = "session_expired"  # the feed has ended: log in again


EventsCallback = Callable[[list[QueueEvent]], None]
StateCallback = Callable[[FeedState, float | None], None]


def default_backoff(attempt: int) -> float:
    """1, 2, 4 ... 30 s, each with up to 20 % jitter so counters do not reconnect in step."""
    base = min(MAX_BACKOFF, float(2 ** min(attempt, 5)))
    return base * (1 + 0.2 * random.random())


@dataclass(frozen=True)
class _Ended:
    """Put by the reader thread when the stream ends; `error` is None for a clean end."""

    error: BaseException | None


@dataclass
class _Progress:
    last: int  # the id to resume after: the last event delivered (or the id of a reset)
    delivered: bool = False


class _ClosedByServer(Exception):
    pass


class EventFeed:
    def __init__(
        self,
        api: ApiClient,
        centre_id: int,
        *,
        backoff: Callable[[int], float] | None = None,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        self._api = api
        self.centre_id = centre_id
        self._backoff = backoff or default_backoff
        self._read_timeout = read_timeout
        self._stream: EventStream | None = None
        self._stream_lock = threading.Lock()

    def run(
        self,
        last_event_id: int,
        on_events: EventsCallback,
        on_state: StateCallback,
        stop: threading.Event,
    ) -> None:
        """Until `stop` is set, or the session expires (reported, then it returns). A refusal
        that retrying cannot cure (403 for a centre no longer the user's) is raised."""
        progress = _Progress(last_event_id)
        failures = 0
        while not stop.is_set():
            on_state(FeedState.CONNECTING, None)
            connected_at = time.monotonic()
            progress.delivered = False
            try:
                self._connection(progress, on_events, on_state, stop)
            except SessionExpired:
                log.info("event feed of centre %s: the session has expired", self.centre_id)
                on_state(FeedState.SESSION_EXPIRED, None)
                return
            except (OfflineError, _ClosedByServer) as exc:
                log.info("event feed of centre %s dropped: %s", self.centre_id, exc)
            except ApiError as exc:
                if exc.status < 500 and exc.status != 429 and exc.code != BAD_ANSWER:
                    raise
                log.info("event feed of centre %s refused: %s", self.centre_id, exc.code)
            if stop.is_set():
                return
            if progress.delivered or time.monotonic() - connected_at >= STABLE_AFTER:
                failures = 0
            delay = self._backoff(failures)
            failures += 1
            on_state(FeedState.OFFLINE, delay)
            stop.wait(delay)

    def stop_now(self) -> None:
        """Close the open stream at once, from any thread (after `stop.set()`, so that `run`
        ends instead of reconnecting); without it `run` notices `stop` within ~0.2 s."""
        with self._stream_lock:
            stream = self._stream
        if stream is not None:
            stream.close()

    def _connection(
        self,
        progress: _Progress,
        on_events: EventsCallback,
        on_state: StateCallback,
        stop: threading.Event,
    ) -> None:
        """One connection, until it drops (raises) or `stop` is set (returns)."""
        stream = open_stream(self._api, self.centre_id, progress.last, self._read_timeout)
        with self._stream_lock:
            self._stream = stream
        inbox: queue.Queue[SseEvent | _Ended] = queue.Queue()
        reader = threading.Thread(
            target=_read, args=(stream, inbox), name=f"event-stream-{self.centre_id}", daemon=True
        )
        reader.start()
        try:
            on_state(FeedState.LIVE, None)
            while not stop.is_set():
                try:
                    first = inbox.get(timeout=STOP_POLL)
                except queue.Empty:
                    continue
                self._handle(_batch(inbox, first), progress, on_events, on_state)
        finally:
            with self._stream_lock:
                self._stream = None
            # Closing shuts the socket down, which wakes the reader if it is blocked on it.
            stream.close()
            reader.join(1.0)

    def _handle(
        self,
        items: list[SseEvent | _Ended],
        progress: _Progress,
        on_events: EventsCallback,
        on_state: StateCallback,
    ) -> None:
        events: list[QueueEvent] = []

        def flush() -> None:
            if events:
                on_events(list(events))
                progress.last = events[-1].seq
                progress.delivered = True
                events.clear()

        for item in items:
            if isinstance(item, _Ended):
                flush()
                if item.error is not None:
                    raise item.error
                raise _ClosedByServer("the central ended the stream")
            try:
                event = QueueEvent.from_sse(item.event, item.data)
            except BalcaoError as exc:
                # Skipped, and not asked for again; events are hints and the next reload fixes
                # whatever it would have changed.
                log.warning("event feed: %s", exc.message)
                if item.id is not None and item.id.isdigit():
                    progress.last = max(progress.last, int(item.id))
                continue
            if event.is_reset:
                flush()
                log.info("event feed of centre %s: the central was reset", self.centre_id)
                progress.last = event.seq
                on_state(FeedState.RESET, None)
            elif event.seq > max(progress.last, events[-1].seq if events else 0):
                events.append(event)
        flush()


def _batch(
    inbox: queue.Queue[SseEvent | _Ended], first: SseEvent | _Ended
) -> list[SseEvent | _Ended]:
    """`first` and whatever follows it within the batch window (the end of the stream closes
    the batch at once)."""
    items = [first]
    deadline = time.monotonic() + BATCH_WINDOW
    while not isinstance(items[-1], _Ended):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            items.append(inbox.get(timeout=remaining))
        except queue.Empty:
            break
    return items


def _read(stream: EventStream, inbox: queue.Queue[SseEvent | _Ended]) -> None:
    """The reader thread: every message of the stream into the inbox, then how it ended."""
    try:
        for message in stream:
            inbox.put(message)
    except BaseException as exc:  # handed over to the feed thread, which decides
        inbox.put(_Ended(exc))
    else:
        inbox.put(_Ended(None))
