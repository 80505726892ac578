"""The live feed against a real central: live events, a central restart without gaps or
duplicates, reset, a prompt stop, an expired session."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from central.clock import FrozenClock
from central.context import AppContext
from central.events.models import Event
from desktop.api.api_client import ApiClient
from desktop.api.event_stream import open_stream
from desktop.domain.errors import ApiError
from desktop.domain.live_queue import QueueEvent
from desktop.domain.tickets import Priority, Status
from desktop.services.event_feed import EventFeed, FeedState, default_backoff
from desktop.services.queue_service import QueueService
from tests.central.factories import World
from tests.integration.conftest import Restartable, issue_in_database, logged_in, no_backoff

WAIT = 15.0


@dataclass
class Recorder:
    """What the feed reported, with a condition to wait on (no sleeps)."""

    batches: list[list[QueueEvent]] = field(default_factory=list)
    states: list[tuple[FeedState, float | None]] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def on_events(self, events: list[QueueEvent]) -> None:
        with self.changed:
            self.batches.append(events)
            self.changed.notify_all()

    def on_state(self, state: FeedState, delay: float | None) -> None:
        with self.changed:
            self.states.append((state, delay))
            self.changed.notify_all()

    @property
    def events(self) -> list[QueueEvent]:
        return [e for batch in self.batches for e in batch]

    def wait(self, predicate: Callable[[Recorder], bool], what: str) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: predicate(self), WAIT):
                raise AssertionError(f"{what} within {WAIT} s; states {self.states}")

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def state_count(self, state: FeedState) -> int:
        return sum(1 for s, _ in self.states if s is state)


class Running:
    def __init__(self, feed: EventFeed, last_event_id: int) -> None:
        self.recorder = Recorder()
        self.stop = threading.Event()
        self.error: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, args=(feed, last_event_id), daemon=True)
        self.thread.start()

    def _run(self, feed: EventFeed, last_event_id: int) -> None:
        try:
            feed.run(last_event_id, self.recorder.on_events, self.recorder.on_state, self.stop)
        except BaseException as exc:
            self.error.append(exc)

    def finish(self, within: float = 1.5) -> float:
        started = time.monotonic()
        self.stop.set()
        self.thread.join(within)
        assert not self.thread.is_alive(), f"the feed did not stop within {within} s"
        return time.monotonic() - started


@pytest.fixture
def running() -> Iterator[Callable[[EventFeed, int], Running]]:
    started: list[Running] = []

    def start(feed: EventFeed, last_event_id: int) -> Running:
        run = Running(feed, last_event_id)
        started.append(run)
        return run

    yield start
    for run in started:
        run.stop.set()
        run.thread.join(5)


def table_seqs(ctx: AppContext, centre_id: int, after: int) -> list[int]:
    with ctx.db.reading() as session:
        query = select(Event.seq).where(Event.centre_id == centre_id, Event.seq > after)
        return sorted(s for s in session.execute(query).scalars() if s is not None)


def test_live_events_keep_the_queue(
    attendant: QueueService, reception: QueueService, world: World, running: Callable[..., Running]
) -> None:
    state = attendant.load_queue(world.centre_id)
    feed = EventFeed(attendant.api.client, world.centre_id, backoff=no_backoff)
    run = running(feed, state.last_event_id)
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 1, "live")
    ticket = reception.issue_ticket(world.centre_id, world.services["A"], Priority.ELDERLY)
    attendant.open_counter(world.counters[1])
    attendant.call_next(world.counters[1])
    run.recorder.wait(lambda r: "ticket.called" in r.kinds(), "the call")
    assert run.recorder.kinds() == ["ticket.issued", "counter.opened", "ticket.called"]
    for batch in run.recorder.batches:
        state.apply_all(batch)
    assert state.tickets[ticket.id].status == Status.CALLED
    counter = state.counters[world.counters[1]]
    assert (counter.state, counter.current_ticket_id) == ("open", ticket.id)
    assert counter.current_ticket_number == ticket.number
    # Events name the attendant by id only: the name is read once and learnt.
    assert state.unnamed_counters() == (world.counters[1],)
    assert state.learn_names(attendant.attendant_names(world.centre_id)).counters == (
        world.counters[1],
    )
    assert state.unnamed_counters() == ()
    fresh = attendant.load_queue(world.centre_id)
    assert dict(state.tickets) == dict(fresh.tickets)
    assert state.counters[world.counters[1]] == fresh.counters[world.counters[1]]
    assert run.recorder.states[:2] == [(FeedState.CONNECTING, None), (FeedState.LIVE, None)]
    run.finish()
    assert run.error == []


def test_a_burst_arrives_in_few_batches(
    attendant: QueueService,
    world: World,
    ctx: AppContext,
    running: Callable[..., Running],
) -> None:
    start = attendant.load_queue(world.centre_id).last_event_id
    run = running(EventFeed(attendant.api.client, world.centre_id), start)
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 1, "live")
    issue_in_database(ctx, world, count=20)
    run.recorder.wait(lambda r: len(r.events) == 20, "twenty events")
    assert [e.seq for e in run.recorder.events] == table_seqs(ctx, world.centre_id, start)
    assert len(run.recorder.batches) < 5  # committed together, read together, batched


def test_restart_of_the_central_loses_and_repeats_nothing(
    restartable: Restartable,
    ctx: AppContext,
    world: World,
    running: Callable[..., Running],
) -> None:
    api = ApiClient(restartable.base_url)
    logged_in(api, "attendant")
    service = QueueService(api, backoff=no_backoff)
    start = service.load_queue(world.centre_id).last_event_id
    run = running(EventFeed(api, world.centre_id, backoff=lambda n: 0.05), start)
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 1, "live")
    issue_in_database(ctx, world)
    ctx.hub.notify()
    run.recorder.wait(lambda r: len(r.events) == 1, "the first event")

    restartable.stop()
    run.recorder.wait(lambda r: r.state_count(FeedState.OFFLINE) >= 1, "offline")
    offline = next(delay for state, delay in run.recorder.states if state is FeedState.OFFLINE)
    assert offline == 0.05
    for _ in range(3):  # while the central is away
        issue_in_database(ctx, world, "B")
    restartable.start()
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 2, "live again")
    issue_in_database(ctx, world, "C")
    ctx.hub.notify()
    run.recorder.wait(lambda r: len(r.events) >= 5, "the missed events and a new one")

    seqs = [e.seq for e in run.recorder.events]
    assert seqs == table_seqs(ctx, world.centre_id, start)  # no gap, no duplicate, in order
    assert len(seqs) == 5
    run.finish()
    assert run.error == []
    api.close()


def test_reset_is_reported_and_the_feed_carries_on(
    attendant: QueueService, reception: QueueService, world: World, running: Callable[..., Running]
) -> None:
    newest = attendant.load_queue(world.centre_id).last_event_id
    # An id from the future: the central's data was reset since this desktop last saw it.
    run = running(EventFeed(attendant.api.client, world.centre_id), newest + 1000)
    run.recorder.wait(lambda r: r.state_count(FeedState.RESET) == 1, "the reset")
    reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    run.recorder.wait(lambda r: len(r.events) == 1, "an event after the reset")
    assert run.recorder.events[0].seq > newest
    states = [s for s, _ in run.recorder.states]
    assert states == [FeedState.CONNECTING, FeedState.LIVE, FeedState.RESET]
    run.finish()


def test_stop_is_prompt_on_a_quiet_stream(
    attendant: QueueService, world: World, running: Callable[..., Running]
) -> None:
    run = running(EventFeed(attendant.api.client, world.centre_id), 0)
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 1, "live")
    assert run.finish(within=1.0) < 1.0
    assert run.error == []


def test_stop_is_prompt_while_waiting_to_reconnect(
    restartable: Restartable, world: World, running: Callable[..., Running]
) -> None:
    api = ApiClient(restartable.base_url)
    logged_in(api, "attendant")
    restartable.stop()
    run = running(EventFeed(api, world.centre_id), 0)
    run.recorder.wait(lambda r: r.state_count(FeedState.OFFLINE) == 1, "offline")
    delay = run.recorder.states[-1][1]
    assert delay is not None
    assert 1.0 <= delay <= 1.2
    assert run.finish(within=1.0) < 1.0


def test_session_expired_ends_the_feed(
    attendant: QueueService, world: World, clock: FrozenClock, running: Callable[..., Running]
) -> None:
    clock.advance(hours=13)
    run = running(EventFeed(attendant.api.client, world.centre_id, backoff=no_backoff), 0)
    run.thread.join(WAIT)
    assert not run.thread.is_alive()
    assert run.error == []
    assert run.recorder.states == [
        (FeedState.CONNECTING, None),
        (FeedState.SESSION_EXPIRED, None),
    ]


def test_a_centre_of_someone_else_is_refused(
    attendant: QueueService, world: World, running: Callable[..., Running]
) -> None:
    run = running(EventFeed(attendant.api.client, world.other_centre_id), 0)
    run.thread.join(WAIT)
    assert len(run.error) == 1
    assert isinstance(run.error[0], ApiError)
    assert run.error[0].code == "auth.wrong_centre"


def test_stream_closed_from_another_thread(attendant: QueueService, world: World) -> None:
    stream = open_stream(attendant.api.client, world.centre_id, None, timeout=30)
    ended = threading.Event()

    def read() -> None:
        for _ in stream:
            pass
        ended.set()

    threading.Thread(target=read, daemon=True).start()
    assert not ended.wait(0.3)  # blocked on a quiet stream (pings are comments, not events)
    started = time.monotonic()
    stream.close()
    assert ended.wait(2.0)
    assert time.monotonic() - started < 1.0
    assert stream.retry_ms == 3000


def test_default_backoff_grows_to_thirty_seconds() -> None:
    delays = [default_backoff(n) for n in range(8)]
    for base, delay in zip([1, 2, 4, 8, 16, 30, 30, 30], delays, strict=True):
        assert base <= delay <= base * 1.2


def test_stop_now_closes_the_stream_at_once(
    attendant: QueueService, world: World, running: Callable[..., Running]
) -> None:
    feed = EventFeed(attendant.api.client, world.centre_id)
    run = running(feed, 0)
    run.recorder.wait(lambda r: r.state_count(FeedState.LIVE) == 1, "live")
    started = time.monotonic()
    run.stop.set()
    feed.stop_now()
    run.thread.join(1.0)
    assert not run.thread.is_alive()
    assert time.monotonic() - started < 1.0
    assert run.recorder.state_count(FeedState.OFFLINE) == 0  # stopped, not dropped
    feed.stop_now()  # nothing open any more: harmless
