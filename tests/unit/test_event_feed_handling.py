"""How the feed turns stream messages into batches and states (no network: the messages are
handed straight to its batch handler, the part between the socket and the callbacks)."""

from __future__ import annotations

import json
import queue

import pytest

from desktop.api.api_client import ApiClient
from desktop.api.event_stream import SseEvent
from desktop.domain.errors import OfflineError
from desktop.domain.live_queue import QueueEvent
from desktop.services.event_feed import (
    EventFeed,
    FeedState,
    _batch,
    _ClosedByServer,
    _Ended,
    _Progress,
)
from tests.unit.live_queue_data import iso, ticket_json


def message(seq: int, kind: str = "ticket.issued") -> SseEvent:
    body = {"seq": seq, "kind": kind, "at": iso(), "ticket": ticket_json(seq)}
    return SseEvent(kind, str(seq), json.dumps(body))


class Calls:
    def __init__(self) -> None:
        self.log: list[object] = []

    def on_events(self, events: list[QueueEvent]) -> None:
        self.log.append([e.seq for e in events])

    def on_state(self, state: FeedState, delay: float | None) -> None:
        self.log.append(state)


@pytest.fixture
def feed() -> EventFeed:
    return EventFeed(ApiClient("http://127.0.0.1:9"), 1)


def test_duplicates_and_old_events_are_dropped(feed: EventFeed) -> None:
    calls, progress = Calls(), _Progress(10)
    items = [message(9), message(11), message(11), message(12)]
    feed._handle(items, progress, calls.on_events, calls.on_state)  # type: ignore[arg-type]
    assert calls.log == [[11, 12]]
    assert (progress.last, progress.delivered) == (12, True)


def test_reset_flushes_first_then_moves_the_cursor(feed: EventFeed) -> None:
    calls, progress = Calls(), _Progress(10)
    reset = SseEvent("reset", "3", '{"last_event_id": 3}')
    feed._handle([message(11), reset, message(4)], progress, calls.on_events, calls.on_state)  # type: ignore[arg-type]
    assert calls.log == [[11], FeedState.RESET, [4]]
    assert progress.last == 4


def test_unreadable_event_is_skipped_and_not_asked_again(feed: EventFeed) -> None:
    calls, progress = Calls(), _Progress(10)
    bad = SseEvent("ticket.issued", "11", "{oops")
    feed._handle([bad, message(12)], progress, calls.on_events, calls.on_state)  # type: ignore[arg-type]
    assert calls.log == [[12]]
    calls.log.clear()
    progress = _Progress(10)
    feed._handle([bad], progress, calls.on_events, calls.on_state)  # type: ignore[arg-type]
    assert calls.log == []
    assert progress.last == 11


def test_end_of_stream_delivers_what_came_before(feed: EventFeed) -> None:
    calls, progress = Calls(), _Progress(10)
    with pytest.raises(_ClosedByServer):
        feed._handle([message(11), _Ended(None)], progress, calls.on_events, calls.on_state)  # type: ignore[arg-type]
    assert calls.log == [[11]]
    with pytest.raises(OfflineError):
        feed._handle([_Ended(OfflineError())], progress, calls.on_events, calls.on_state)


def test_batch_takes_what_is_queued_and_stops_at_the_end() -> None:
    inbox: queue.Queue[SseEvent | _Ended] = queue.Queue()
    for seq in (2, 3):
        inbox.put(message(seq))
    end = _Ended(None)
    inbox.put(end)
    inbox.put(message(4))
    assert _batch(inbox, message(1))[-1] is end
    assert inbox.qsize() == 1  # what follows the end waits for the next connection
    assert len(_batch(queue.Queue(), message(5))) == 1  # nothing more within the window
