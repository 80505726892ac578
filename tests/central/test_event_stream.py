"""The live event stream (Server-Sent Events) over a real socket, on both engines.

A real uvicorn serves the app; a real HTTP client reads the stream line by line. Every wait has
a deadline; keep-alive pings (every 0.2 s in tests) keep reads short.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from central.auth.actor import Actor
from central.auth.roles import Role
from central.clock import FrozenClock
from central.context import AppContext
from central.events import service as events
from central.events.models import Event
from central.main import build_context
from central.tickets import service as tickets
from central.tickets.models import Ticket
from tests.central.conftest import T0, make_settings
from tests.central.factories import World, build_world
from tests.central.live_server import (
    LiveServer,
    LiveStaff,
    SseMessage,
    SseStream,
    wait_until,
)

# Cheap argon2 parameters: passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")

NOTES = "Maria Silva, NIF 123456789"


def issue(staff: LiveStaff, world: World, prefix: str = "A") -> dict[str, Any]:
    body = {"service_id": world.services[prefix], "priority": "none"}
    ticket: dict[str, Any] = staff.ok(f"/centres/{world.centre_id}/tickets", body)
    return ticket


def connected(stream: SseStream) -> SseStream:
    """Open and read the greeting: the server has then subscribed the stream to live events."""
    first = stream.open().next_message()
    assert first.retry == 3000
    assert first.comments == ["connected"]
    return stream


def table_events(ctx: AppContext, centre_id: int | None = None) -> list[Event]:
    with ctx.db.reading() as session:
        query = select(Event).order_by(Event.seq)
        if centre_id is not None:
            query = query.where(Event.centre_id == centre_id)
        return list(session.execute(query).scalars())


def last_seq(ctx: AppContext) -> int:
    with ctx.db.reading() as session:
        return events.last_seq(session)


def hub_caught_up(ctx: AppContext) -> None:
    wait_until(lambda: ctx.hub.last_seq == last_seq(ctx), what="the hub reading every commit")


def keys_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_in(inner)


def seqs(messages: list[SseMessage]) -> list[int]:
    return [m.seq for m in messages if m.is_event]


# --- delivery -----------------------------------------------------------------------------------


def test_issued_tickets_reach_an_open_stream_in_order(live: LiveServer, world: World) -> None:
    reception = live.login("reception")
    with connected(reception.stream(world.centre_id)) as stream:
        first, second = issue(reception, world), issue(reception, world)
        got = [m for m in stream.wait_for(lambda m: m.event is not None and m.seq >= 2) if m.event]
    assert [m.event for m in got] == ["ticket.issued", "ticket.issued"]
    assert seqs(got) == [1, 2]
    for message, ticket in zip(got, (first, second), strict=True):
        data = message.json
        assert data["seq"] == message.seq
        assert data["kind"] == "ticket.issued"
        assert data["at"] == T0.isoformat()
        assert data["ticket"]["id"] == ticket["id"]
        assert data["ticket"]["number"] == ticket["number"]
        assert data["ticket"]["status"] == "waiting"
        assert data["ticket"]["service_id"] == world.services["A"]
    assert [m.json["ticket"]["number"] for m in got] == ["A001", "A002"]
    # The stream is the table, read live.
    assert [(e.seq, e.kind) for e in table_events(live.ctx)] == [
        (1, "ticket.issued"),
        (2, "ticket.issued"),
    ]


def test_notes_never_reach_the_stream_or_the_events_table(live: LiveServer, world: World) -> None:
    reception, attendant = live.login("reception"), live.login("attendant")
    counter_id = world.counters[1]
    with connected(attendant.stream(world.centre_id)) as stream:
        ticket = issue(reception, world)
        attendant.ok(f"/counters/{counter_id}/open")
        attendant.ok(f"/counters/{counter_id}/call-next")
        attendant.ok(f"/tickets/{ticket['id']}/start")
        done = attendant.ok(
            f"/tickets/{ticket['id']}/finish",
            {"outcome": "resolved", "notes": NOTES, "services_performed": ["A"]},
        )
        got = stream.wait_for(lambda m: m.event == "ticket.finished")
    assert done["status"] == "done"
    kinds = [m.event for m in got if m.is_event]
    assert kinds == [
        "ticket.issued",
        "counter.opened",
        "ticket.called",
        "ticket.started",
        "ticket.finished",
    ]
    # The notes were kept where they belong, so their absence below means something.
    with live.ctx.db.reading() as session:
        assert session.get(Ticket, ticket["id"]).notes == NOTES  # type: ignore[union-attr]
    streamed = "\n".join(m.data for m in got)
    rows = table_events(live.ctx)
    stored = json.dumps([e.payload for e in rows], ensure_ascii=False)
    for text in (streamed, stored):
        assert "Maria Silva" not in text
        assert "123456789" not in text
    assert len(rows) == 5
    for message in got:
        if message.is_event:
            assert "notes" not in set(keys_in(message.json))
    for row in rows:
        assert "notes" not in set(keys_in(row.payload))


# --- resuming -----------------------------------------------------------------------------------


def test_reconnect_with_last_event_id_replays_exactly_what_was_missed(
    live: LiveServer, world: World
) -> None:
    reception, attendant = live.login("reception"), live.login("attendant")
    with connected(attendant.stream(world.centre_id)) as stream:
        issue(reception, world)
        seen = stream.wait_for(lambda m: m.event == "ticket.issued")[-1].seq
    # The connection dropped; life went on without the client.
    missed_tickets = [issue(reception, world) for _ in range(3)]
    attendant.ok(f"/counters/{world.counters[1]}/open")
    attendant.ok(f"/counters/{world.counters[1]}/call-next")
    expected = [e.seq for e in table_events(live.ctx, world.centre_id) if e.seq > seen]
    assert len(expected) == 5
    with connected(attendant.stream(world.centre_id, last_event_id=seen)) as stream:
        replayed = stream.events_until_idle()
        assert seqs(replayed) == expected
        assert [m.event for m in replayed] == ["ticket.issued"] * 3 + [
            "counter.opened",
            "ticket.called",
        ]
        assert [m.json["ticket"]["id"] for m in replayed[:3]] == [t["id"] for t in missed_tickets]
        # Live events follow on the same connection, without repeating the replay.
        issue(reception, world)
        after = stream.events_until_idle()
    assert seqs(after) == [expected[-1] + 1]


def test_replay_and_live_events_meet_without_gaps_or_duplicates(
    live: LiveServer, world: World
) -> None:
    """Commits racing with the replay are delivered once: subscribed first, deduplicated by id."""
    reception = live.login("reception")
    writer = reception.twin()
    for _ in range(5):
        issue(reception, world)
    start = threading.Event()
    failures: list[BaseException] = []

    def keep_issuing() -> None:
        try:
            start.wait(10)
            for _ in range(40):
                issue(writer, world)
        except BaseException as exc:  # reported by the test thread
            failures.append(exc)

    thread = threading.Thread(target=keep_issuing)
    thread.start()
    try:
        with reception.stream(world.centre_id, last_event_id=2) as stream:
            start.set()
            got = stream.wait_for(lambda m: m.is_event and m.seq >= 45, timeout=30)
    finally:
        start.set()
        thread.join(30)
    assert not thread.is_alive()
    assert not failures, failures
    assert seqs(got) == list(range(3, 46))


def test_without_last_event_id_only_new_events_come(live: LiveServer, world: World) -> None:
    reception = live.login("reception")
    for _ in range(3):
        issue(reception, world)
    hub_caught_up(live.ctx)
    with connected(reception.stream(world.centre_id)) as stream:
        assert stream.events_until_idle() == []
        fresh = issue(reception, world)
        got = stream.events_until_idle()
    assert seqs(got) == [4]
    assert got[0].json["ticket"]["id"] == fresh["id"]


def test_last_event_id_beyond_the_last_known_gets_a_reset(live: LiveServer, world: World) -> None:
    reception = live.login("reception")
    issue(reception, world)
    hub_caught_up(live.ctx)
    with reception.stream(world.centre_id, last_event_id=1000) as stream:
        connected(stream)
        reset = stream.next_message()
        assert reset.event == "reset"
        assert reset.json == {"last_event_id": 1}
        # The reset moves the client's cursor back to the server's, so a retry does not loop.
        assert reset.id == "1"
        assert stream.events_until_idle() == []
        issue(reception, world)
        got = stream.events_until_idle()
    assert seqs(got) == [2]


def test_keep_alive_pings_arrive_when_idle(live: LiveServer, world: World) -> None:
    attendant = live.login("attendant")
    assert live.ctx.settings.sse_ping_seconds == 0.2
    with connected(attendant.stream(world.centre_id)) as stream:
        quiet = [stream.next_message(timeout=2) for _ in range(3)]
    for message in quiet:
        assert message.comments == ["ping"]
        assert not message.is_event


def test_a_client_too_far_behind_is_cut_off_and_resumes_without_a_hole(
    live: LiveServer, world: World
) -> None:
    """Past the hub's backlog a stream ends after what it had queued; its last id then resumes
    from the table. Nothing may be skipped on the way (the oldest queued event was, once)."""
    reception = live.login("reception")
    live.ctx.hub.max_backlog = 3
    actor = Actor(world.users["reception"], "reception", Role.RECEPTION, world.centre_id)
    with connected(reception.stream(world.centre_id)) as stream:
        # One commit, ten events: the hub hands them over in one go, faster than any client.
        with live.ctx.db.writing() as session:
            for _ in range(10):
                tickets.issue(session, actor, world.centre_id, world.services["A"], "none", T0)
        got = stream.events_until_closed()
    assert seqs(got) == [1, 2, 3]
    wait_until(lambda: live.ctx.hub.subscriber_count == 0, what="the cut-off subscriber leaving")
    with connected(reception.stream(world.centre_id, last_event_id=got[-1].seq)) as stream:
        assert seqs(stream.events_until_idle()) == list(range(4, 11))


# --- who sees what ------------------------------------------------------------------------------


def test_another_centres_events_are_not_delivered(live: LiveServer, world: World) -> None:
    reception, other = live.login("reception"), live.login("other_reception")
    with (
        connected(reception.stream(world.centre_id)) as ours,
        connected(other.stream(world.other_centre_id)) as theirs,
    ):
        foreign = other.ok(
            f"/centres/{world.other_centre_id}/tickets", {"service_id": world.other_service_id}
        )
        own = issue(reception, world)
        # Events are dispatched in id order, so the foreign one (id 1) would come first.
        got_ours = [m for m in ours.wait_for(lambda m: m.is_event) if m.is_event]
        got_theirs = [m for m in theirs.wait_for(lambda m: m.is_event) if m.is_event]
        got_ours += ours.events_until_idle()
        got_theirs += theirs.events_until_idle()
    assert [(m.seq, m.json["ticket"]["id"]) for m in got_ours] == [(2, own["id"])]
    assert [(m.seq, m.json["ticket"]["id"]) for m in got_theirs] == [(1, foreign["id"])]


def test_a_user_of_another_centre_is_refused(live: LiveServer, world: World) -> None:
    stranger = live.login("other_attendant")
    with stranger.stream(world.centre_id) as stream:
        assert stream.response.status_code == 403
        assert stream.response.json()["error"]["code"] == "auth.wrong_centre"
    with SseStream(live.base_url, f"/api/v1/centres/{world.centre_id}/events", {}) as anonymous:
        assert anonymous.response.status_code == 401
    assert live.ctx.hub.subscriber_count == 0


def test_dropped_connections_leave_no_subscriber_behind(live: LiveServer, world: World) -> None:
    attendant = live.login("attendant")
    streams = [connected(attendant.stream(world.centre_id)) for _ in range(3)]
    assert live.ctx.hub.subscriber_count == 3
    for stream in streams:
        stream.close()
    wait_until(lambda: live.ctx.hub.subscriber_count == 0, what="subscribers going away")


# --- the sequence -------------------------------------------------------------------------------


def test_ids_are_gapless_and_increasing_across_concurrent_writers(
    live: LiveServer, world: World
) -> None:
    reception, other = live.login("reception"), live.login("other_reception")
    ours_path, theirs_path = f"/centres/{world.centre_id}", f"/centres/{world.other_centre_id}"
    writers = [(reception.twin(), ours_path, world.services["A"]) for _ in range(5)]
    writers += [(other.twin(), theirs_path, world.other_service_id) for _ in range(2)]
    per_writer = 12
    total = len(writers) * per_writer
    start = threading.Barrier(len(writers) + 1, timeout=30)
    failures: list[BaseException] = []

    def work(staff: LiveStaff, centre_path: str, service_id: int) -> None:
        try:
            start.wait()
            for _ in range(per_writer):
                staff.ok(f"{centre_path}/tickets", {"service_id": service_id})
        except BaseException as exc:  # reported by the test thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=w) for w in writers]
    with connected(reception.stream(world.centre_id)) as stream:
        for thread in threads:
            thread.start()
        start.wait()
        for thread in threads:
            thread.join(60)
        assert not any(t.is_alive() for t in threads)
        assert not failures, failures
        got = stream.events_until_idle(timeout=30)
    rows = table_events(live.ctx)
    assert [e.seq for e in rows] == list(range(1, total + 1))
    assert last_seq(live.ctx) == total
    ours = [e.seq for e in rows if e.centre_id == world.centre_id]
    assert len(ours) == 5 * per_writer
    assert seqs(got) == ours  # strictly increasing, none missing, none twice
    numbers = sorted(m.json["ticket"]["number"] for m in got)
    assert numbers == [f"A{n:03d}" for n in range(1, len(ours) + 1)]


# --- several central processes --------------------------------------------------------------


def _context(url: str, **overrides: object) -> AppContext:
    return build_context(make_settings(url, **overrides), FrozenClock(T0))


@pytest.fixture
def two_instances_pg(pg_url: str) -> Iterator[tuple[AppContext, AppContext, World]]:
    # A slow poll: only LISTEN/NOTIFY can explain an event crossing over within seconds.
    first, second = _context(pg_url, sse_poll_seconds=30), _context(pg_url, sse_poll_seconds=30)
    with first.db.writing() as session:
        world = build_world(session, T0)
    yield first, second, world
    first.db.dispose()
    second.db.dispose()


@pytest.mark.postgres
def test_notify_carries_events_between_instances(
    two_instances_pg: tuple[AppContext, AppContext, World],
) -> None:
    first, second, world = two_instances_pg
    assert second.settings.sse_poll_seconds == 30
    with LiveServer(first) as one, LiveServer(second) as two:
        reception_one, attendant_two = one.login("reception"), two.login("attendant")
        with connected(attendant_two.stream(world.centre_id)) as stream:
            ticket = issue(reception_one, world)
            got = stream.wait_for(lambda m: m.event == "ticket.issued", timeout=3)
        assert got[-1].json["ticket"]["id"] == ticket["id"]
        # And the other way round.
        reception_two, attendant_one = two.login("reception"), one.login("attendant")
        with connected(attendant_one.stream(world.centre_id)) as stream:
            ticket = issue(reception_two, world)
            got = stream.wait_for(lambda m: m.event == "ticket.issued", timeout=3)
        assert got[-1].json["ticket"]["id"] == ticket["id"]


def test_resuming_on_an_instance_that_has_not_caught_up_replays(db_url: str) -> None:
    """A client moved to another process (load balancer) whose hub has not read the client's
    last id yet: that is not a reset, the id is in the table."""
    first, second = _context(db_url), _context(db_url, sse_poll_seconds=30)
    try:
        with first.db.writing() as session:
            world = build_world(session, T0)
        with LiveServer(first) as one, LiveServer(second) as two:
            reception = one.login("reception")
            with connected(reception.stream(world.centre_id)) as stream:
                issue(reception, world)
                seen = stream.wait_for(lambda m: m.event == "ticket.issued")[-1].seq
            moved = two.login("reception")
            with connected(moved.stream(world.centre_id, last_event_id=seen)) as stream:
                assert stream.events_until_idle() == []
                issue(moved, world)
                got = stream.events_until_idle()
            assert [(m.event, m.seq) for m in got] == [("ticket.issued", seen + 1)]
    finally:
        first.db.dispose()
        second.db.dispose()
