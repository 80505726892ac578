"""The JSON shapes the desktop parses, pinned against a real central.

Each test reads a real answer, checks that every field the desktop reads is there with the
type it expects, and parses it with the desktop's own domain code. A server change that would
break counters in the field (a renamed or dropped field, a changed type) fails here; a new
field does not.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import fields
from datetime import datetime
from typing import Any

import pytest

from desktop.api.api_client import ApiClient
from desktop.api.event_stream import EventStream, SseEvent, open_stream
from desktop.domain.centre import Centre, CounterInfo, ServiceInfo
from desktop.domain.live_queue import CounterLive, QueueEvent, QueueState
from desktop.domain.tickets import CallResult, Ticket, TicketSummary
from desktop.domain.users import User
from desktop.services.queue_service import QueueService
from tests.central.factories import PASSWORD, World

INT, STR, BOOL, NUM, TIME, DAY, OBJ, LIST = (
    "int",
    "str",
    "bool",
    "num",
    "time",
    "day",
    "obj",
    "list",
)

TICKET_READ = {
    "id": INT, "centre_id": INT, "number": STR, "service_id": INT, "issued_service_id": INT,
    "service_day": DAY, "status": STR, "priority": STR, "appointment_at": TIME + "?",
    "issued_at": TIME, "queued_at": TIME, "front": BOOL, "target_counter_id": INT + "?",
    "counter_id": INT + "?", "attendant_id": INT + "?", "called_at": TIME + "?",
    "started_at": TIME + "?", "finished_at": TIME + "?", "call_count": INT,
    "transfer_count": INT, "call_reason": OBJ + "?", "outcome": STR + "?", "notes": STR + "?",
    "services_performed": LIST + "?", "version": INT,
}  # fmt: skip
TICKET_EVENT = {
    "id": INT, "number": STR, "service_id": INT, "status": STR, "priority": STR,
    "counter_id": INT + "?", "target_counter_id": INT + "?", "front": BOOL,
    "appointment_at": TIME + "?", "issued_at": TIME, "queued_at": TIME,
    "called_at": TIME + "?", "call_count": INT, "version": INT,
}  # fmt: skip
COUNTER_READ = {
    "id": INT, "number": INT, "name": STR, "state": STR, "pause_reason": STR + "?",
    "user_id": INT + "?", "current_ticket_id": INT + "?", "state_since": TIME, "services": LIST,
}  # fmt: skip
COUNTER_EVENT = {
    "id": INT, "number": INT, "state": STR, "pause_reason": STR + "?", "user_id": INT + "?",
    "current_ticket_id": INT + "?", "state_since": TIME,
}  # fmt: skip
SERVICE_READ = {
    "id": INT, "code": STR, "name": STR, "prefix": STR, "target_wait_minutes": INT,
    "priority_allowed": BOOL, "active": BOOL,
}  # fmt: skip
CENTRE_READ = {
    "id": INT, "code": STR, "name": STR, "timezone": STR, "services": LIST, "counters": LIST,
}  # fmt: skip
SNAPSHOT = {"centre_id": INT, "as_of": TIME, "last_event_id": INT, "services": LIST,
            "counters": LIST}  # fmt: skip
SNAPSHOT_SERVICE = {
    "service_id": INT, "prefix": STR, "name": STR, "target_wait_minutes": INT, "waiting": INT,
    "priority_waiting": INT, "longest_wait_seconds": INT,
}  # fmt: skip
SNAPSHOT_COUNTER = {
    "counter_id": INT, "number": INT, "name": STR, "state": STR, "pause_reason": STR + "?",
    "state_since": TIME, "user_id": INT + "?", "attendant": STR + "?", "service_ids": LIST,
    "ticket": OBJ + "?",
}  # fmt: skip
TICKET_BRIEF = {"id": INT, "number": STR}
REASON = {"rule": STR, "text": STR, "details": OBJ}
USER_READ = {"id": INT, "username": STR, "full_name": STR, "role": STR, "centre_id": INT + "?"}
TOKEN_READ = {"access_token": STR, "refresh_token": STR, "expires_in": INT, "user": OBJ}


def _is(kind: str, value: Any) -> bool:
    checks = {
        INT: lambda v: isinstance(v, int) and not isinstance(v, bool),
        STR: lambda v: isinstance(v, str),
        BOOL: lambda v: isinstance(v, bool),
        NUM: lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        TIME: lambda v: isinstance(v, str) and datetime.fromisoformat(v).tzinfo is not None,
        DAY: lambda v: isinstance(v, str) and len(v) == 10,
        OBJ: lambda v: isinstance(v, dict),
        LIST: lambda v: isinstance(v, list),
    }
    return bool(checks[kind](value))


def conforms(data: Any, shape: dict[str, str]) -> None:
    assert isinstance(data, dict), data
    missing = set(shape) - set(data)
    assert not missing, f"fields the desktop reads are missing: {sorted(missing)}"
    for name, kind in shape.items():
        value = data[name]
        optional = kind.endswith("?")
        if value is None:
            assert optional, f"{name} is null"
            continue
        assert _is(kind.rstrip("?"), value), f"{name}: {value!r} is not {kind}"


def test_shapes_cover_the_domain_classes() -> None:
    """The pinned shapes name every field the desktop's classes are built from."""
    assert {f.name for f in fields(Ticket)} == set(TICKET_READ)
    assert {f.name for f in fields(TicketSummary)} == set(TICKET_EVENT)
    assert {f.name for f in fields(ServiceInfo)} == set(SERVICE_READ)
    assert {f.name for f in fields(CounterInfo)} == set(COUNTER_READ)
    assert {f.name for f in fields(User)} == set(USER_READ)
    snapshot_fields = set(SNAPSHOT_COUNTER) - {"counter_id", "ticket"}
    derived = {"id", "current_ticket_id", "current_ticket_number"}
    assert {f.name for f in fields(CounterLive)} == snapshot_fields | derived


def test_login_and_user(make_api: Any, world: World) -> None:
    api: ApiClient = make_api()
    answer = api.post("/auth/login", {"username": "attendant", "password": PASSWORD}, auth=False)
    conforms(answer, TOKEN_READ)
    conforms(answer["user"], USER_READ)
    assert User.from_json(answer["user"]).id == world.users["attendant"]
    api.start_session(answer["access_token"], answer["refresh_token"])
    conforms(api.get("/auth/me")["user"], USER_READ)
    conforms(api.refresh_session(), TOKEN_READ)


def test_centre(attendant: QueueService, world: World) -> None:
    data = attendant.api.client.get(f"/centres/{world.centre_id}")
    conforms(data, CENTRE_READ)
    for service in data["services"]:
        conforms(service, SERVICE_READ)
    for counter in data["counters"]:
        conforms(counter, COUNTER_READ)
        for link in counter["services"]:
            conforms(link, {"service_id": INT, "weight": NUM})
    Centre.from_json(data)
    for summary in attendant.api.client.get("/centres"):
        conforms(summary, {"id": INT, "code": STR, "name": STR, "timezone": STR})


def test_tickets_calls_and_counters(
    attendant: QueueService, reception: QueueService, world: World
) -> None:
    client = reception.api.client
    issued = client.post(
        f"/centres/{world.centre_id}/tickets",
        {"service_id": world.services["A"], "priority": "elderly"},
        key="contract-issue",
    )
    conforms(issued, TICKET_READ)
    counter = attendant.api.client.post(f"/counters/{world.counters[1]}/open", key="c-open")
    conforms(counter, COUNTER_READ)
    CounterInfo.from_json(counter)
    call = attendant.api.client.post(f"/counters/{world.counters[1]}/call-next", key="c-call")
    assert set(call) >= {"ticket", "reason"}
    conforms(call["ticket"], TICKET_READ)
    conforms(call["reason"], REASON)
    conforms(call["ticket"]["call_reason"], REASON)
    assert CallResult.from_json(call).ticket.id == issued["id"]
    rows = attendant.api.client.get(f"/centres/{world.centre_id}/tickets", {"status": "called"})
    assert [row["id"] for row in rows] == [issued["id"]]
    for row in rows:
        conforms(row, TICKET_READ)
        Ticket.from_json(row)


def test_queue_snapshot(attendant: QueueService, reception: QueueService, world: World) -> None:
    reception.api.issue(world.centre_id, world.services["A"], "none", "snap-issue")
    attendant.open_counter(world.counters[1])
    attendant.call_next(world.counters[1])
    data = attendant.api.client.get(f"/centres/{world.centre_id}/queue")
    conforms(data, SNAPSHOT)
    for service in data["services"]:
        conforms(service, SNAPSHOT_SERVICE)
    for counter in data["counters"]:
        conforms(counter, SNAPSHOT_COUNTER)
        if counter["ticket"] is not None:
            conforms(counter["ticket"], TICKET_BRIEF)
    state = QueueState.from_snapshot(data, [])
    assert state.counters[world.counters[1]].current_ticket_number == "A001"


@pytest.fixture
def stream(attendant: QueueService, world: World) -> Iterator[EventStream]:
    opened = open_stream(attendant.api.client, world.centre_id, 0, timeout=10)
    yield opened
    opened.close()


def read_events(stream: EventStream, count: int) -> list[SseEvent]:
    got: list[SseEvent] = []
    done = threading.Event()

    def read() -> None:
        for message in stream:
            got.append(message)
            if len(got) == count:
                break
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(10), f"only {len(got)} of {count} events"
    return got


def test_event_data(
    attendant: QueueService, reception: QueueService, world: World, stream: EventStream
) -> None:
    ticket = reception.api.issue(world.centre_id, world.services["A"], "none", "ev-issue")
    attendant.open_counter(world.counters[1])
    attendant.call_next(world.counters[1])
    attendant.transfer(ticket.id, service_id=world.services["B"])
    messages = read_events(stream, 4)
    assert [m.event for m in messages] == [
        "ticket.issued",
        "counter.opened",
        "ticket.called",
        "ticket.transferred",
    ]

    for message in messages:
        data = json.loads(message.data)
        conforms(data, {"seq": INT, "kind": STR, "at": TIME})
        assert str(data["seq"]) == message.id
        assert data["kind"] == message.event
        if "ticket" in data:
            conforms(data["ticket"], TICKET_EVENT)
        if "counter" in data:
            conforms(data["counter"], COUNTER_EVENT)
        QueueEvent.from_sse(message.event, message.data)
    called = json.loads(messages[2].data)
    conforms(called["reason"], REASON)
    transferred = json.loads(messages[3].data)
    conforms(transferred, {"from_counter_id": INT})
    assert "notes" not in transferred["ticket"]  # never citizen text on the stream
