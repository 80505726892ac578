"""Every ticket action through the HTTP API: what it changes when legal, 409 when not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import httpx
import pytest

from central.auth.actor import Actor
from central.auth.roles import Role
from central.clock import FrozenClock
from central.db import Database
from central.errors import Conflict
from central.tickets import counters, service
from central.tickets.models import Ticket
from central.tickets.transitions import ALLOWED_FROM, Action, Status
from tests.central.factories import World, build_world
from tests.central.http import ApiClient, StaffSession, expect_error

Json = dict[str, Any]

# The queue's state machine as the API promises it: action -> statuses it is legal from.
LEGAL_FROM: dict[str, set[str]] = {
    "call": {"waiting"},
    "recall": {"called"},
    "start": {"called"},
    "finish": {"serving"},
    "no_show": {"called"},
    "transfer": {"called", "serving"},
    "park": {"called", "serving"},
    "return": {"parked"},
    "cancel": {"waiting", "parked"},
    "reactivate": {"no_show", "cancelled"},
}
STATUSES = ("waiting", "called", "serving", "parked", "done", "no_show", "cancelled")
ILLEGAL = [
    (action, status)
    for action, legal in LEGAL_FROM.items()
    for status in STATUSES
    if status not in legal
]


def at(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


@dataclass
class Desk:
    """Reception, and two attendants at open counters 1 (A, B) and 2 (A)."""

    api: ApiClient
    reception: StaffSession
    attendant: StaffSession
    attendant2: StaffSession

    def counter(self, number: int) -> int:
        return self.api.world.counters[number]

    def service(self, prefix: str) -> int:
        return self.api.world.services[prefix]

    def issue(self, prefix: str = "A", priority: str = "none") -> Json:
        ticket: Json = self.api.issue(self.reception, prefix, priority)
        return ticket

    def get(self, ticket_id: int) -> Json:
        ticket: Json = self.reception.ok("get", f"/tickets/{ticket_id}")
        return ticket

    def call_next(self, staff: StaffSession, counter: int) -> Json:
        call: Json = staff.ok("post", f"/counters/{self.counter(counter)}/call-next")
        return call

    def call(self, staff: StaffSession, counter: int, **body: Any) -> httpx.Response:
        return staff.post(f"/counters/{self.counter(counter)}/call", body)

    def act(
        self, staff: StaffSession, ticket_id: int, action: str, body: Json | None = None
    ) -> httpx.Response:
        return staff.post(f"/tickets/{ticket_id}/{action.replace('_', '-')}", body)

    def ok(
        self, staff: StaffSession, ticket_id: int, action: str, body: Json | None = None
    ) -> Json:
        response = self.act(staff, ticket_id, action, body)
        assert response.status_code == 200, response.text
        ticket: Json = response.json()
        return ticket

    def current_ticket(self, counter: int) -> int | None:
        snapshot = self.reception.ok("get", f"/centres/{self.api.world.centre_id}/queue")
        (view,) = [c for c in snapshot["counters"] if c["counter_id"] == self.counter(counter)]
        return view["ticket"]["id"] if view["ticket"] else None

    def make(self, status: str, prefix: str = "A") -> Json:
        """A ticket in `status`, at counter 1 (the attendant's) when a counter holds it."""
        ticket = self.issue(prefix)
        if status == "waiting":
            return ticket
        if status == "cancelled":
            return self.ok(self.reception, ticket["id"], "cancel")
        response = self.call(self.attendant, 1, ticket_id=ticket["id"])
        assert response.status_code == 200, response.text
        if status == "called":
            called: Json = response.json()["ticket"]
            return called
        if status == "no_show":
            return self.ok(self.attendant, ticket["id"], "no_show")
        if status == "parked":
            return self.ok(self.attendant, ticket["id"], "park")
        ticket = self.ok(self.attendant, ticket["id"], "start")
        if status == "serving":
            return ticket
        assert status == "done"
        return self.ok(self.attendant, ticket["id"], "finish", {"outcome": "resolved"})


@pytest.fixture
def world(fast_passwords: None, world: World) -> World:
    """The conftest world, built with cheap password hashing: these tests are not about it."""
    return world


@pytest.fixture
def desk(api: ApiClient) -> Desk:
    d = Desk(api, api.login("reception"), api.login("attendant"), api.login("attendant2"))
    api.open_counter(d.attendant, 1)
    api.open_counter(d.attendant2, 2)
    return d


def test_make_builds_every_status(desk: Desk) -> None:
    for status in STATUSES:
        ticket = desk.make(status)
        assert desk.get(ticket["id"])["status"] == status
        if status in ("called", "serving"):
            desk.ok(desk.attendant, ticket["id"], "park")  # free counter 1 for the next one


# --- call -------------------------------------------------------------------------------------


def test_call_next(desk: Desk, clock: FrozenClock) -> None:
    issued = desk.issue("A")
    assert (issued["status"], issued["version"], issued["call_count"]) == ("waiting", 1, 0)
    clock.advance(minutes=3)
    call = desk.call_next(desk.attendant, 1)
    ticket = call["ticket"]
    assert ticket["id"] == issued["id"]
    assert ticket["status"] == "called"
    assert ticket["counter_id"] == desk.counter(1)
    assert ticket["attendant_id"] == desk.api.world.users["attendant"]
    assert at(ticket["called_at"]) == clock.now()
    assert ticket["started_at"] is None
    assert ticket["call_count"] == 1
    assert ticket["version"] == 2
    assert call["reason"]["rule"] == "longest_wait"
    assert call["reason"]["text"] == "longest wait in A, 3 min"
    assert ticket["call_reason"] == call["reason"]
    assert desk.get(issued["id"]) == ticket
    assert desk.current_ticket(1) == issued["id"]


def test_call_specific_by_number(desk: Desk) -> None:
    first, second = desk.issue("A"), desk.issue("A")
    response = desk.call(desk.attendant, 1, number=" a002 ")
    assert response.status_code == 200, response.text
    call = response.json()
    assert call["ticket"]["id"] == second["id"]
    assert call["ticket"]["number"] == "A002"
    assert call["ticket"]["status"] == "called"
    assert call["ticket"]["call_count"] == 1
    assert call["ticket"]["version"] == 2
    assert call["reason"] == {
        "rule": "specific",
        "text": "called by number",
        "details": {"number": "A002"},
    }
    assert desk.get(first["id"])["status"] == "waiting"
    assert desk.current_ticket(1) == second["id"]


def test_call_specific_by_id(desk: Desk) -> None:
    desk.issue("A")
    wanted = desk.issue("B")
    response = desk.call(desk.attendant, 1, ticket_id=wanted["id"])
    assert response.status_code == 200, response.text
    ticket = response.json()["ticket"]
    assert (ticket["id"], ticket["status"]) == (wanted["id"], "called")
    assert ticket["counter_id"] == desk.counter(1)
    assert response.json()["reason"]["rule"] == "specific"


def test_call_specific_unknown_number(desk: Desk) -> None:
    desk.issue("A")
    details = expect_error(desk.call(desk.attendant, 1, number="A099"), 404, "ticket.not_found")
    assert details == {"number": "A099"}


def test_call_specific_needs_exactly_one_of_number_or_id(desk: Desk) -> None:
    ticket = desk.issue("A")
    expect_error(desk.call(desk.attendant, 1), 422, "validation.failed")
    both = desk.call(desk.attendant, 1, number="A001", ticket_id=ticket["id"])
    expect_error(both, 422, "validation.failed")


def test_call_specific_ticket_of_another_centre(desk: Desk) -> None:
    other_reception = desk.api.login("other_reception")
    other = other_reception.ok(
        "post",
        f"/centres/{desk.api.world.other_centre_id}/tickets",
        {"service_id": desk.api.world.other_service_id},
    )
    response = desk.call(desk.attendant, 1, ticket_id=other["id"])
    expect_error(response, 404, "ticket.not_found")


# --- at the counter ---------------------------------------------------------------------------


def test_recall(desk: Desk, clock: FrozenClock) -> None:
    called = desk.make("called")
    clock.advance(minutes=1)
    ticket = desk.ok(desk.attendant, called["id"], "recall")
    assert ticket["status"] == "called"
    assert ticket["call_count"] == 2
    assert ticket["counter_id"] == desk.counter(1)
    assert ticket["version"] == called["version"] + 1
    ticket = desk.ok(desk.attendant, called["id"], "recall")
    assert (ticket["call_count"], ticket["version"]) == (3, called["version"] + 2)
    assert desk.current_ticket(1) == called["id"]


def test_start(desk: Desk, clock: FrozenClock) -> None:
    called = desk.make("called")
    clock.advance(minutes=2)
    ticket = desk.ok(desk.attendant, called["id"], "start")
    assert ticket["status"] == "serving"
    assert at(ticket["started_at"]) == clock.now()
    assert at(ticket["called_at"]) == clock.now() - timedelta(minutes=2)
    assert ticket["counter_id"] == desk.counter(1)
    assert ticket["version"] == called["version"] + 1
    assert desk.current_ticket(1) == called["id"]


def test_finish(desk: Desk, clock: FrozenClock) -> None:
    serving = desk.make("serving")
    clock.advance(minutes=7)
    ticket = desk.ok(
        desk.attendant,
        serving["id"],
        "finish",
        {"outcome": "referred", "notes": "see B", "services_performed": ["A", "B"]},
    )
    assert ticket["status"] == "done"
    assert at(ticket["finished_at"]) == clock.now()
    assert ticket["outcome"] == "referred"
    assert ticket["notes"] == "see B"
    assert ticket["services_performed"] == ["A", "B"]
    assert ticket["counter_id"] == desk.counter(1)
    assert ticket["version"] == serving["version"] + 1
    assert desk.current_ticket(1) is None
    # The counter is free again.
    nxt = desk.issue("A")
    assert desk.call_next(desk.attendant, 1)["ticket"]["id"] == nxt["id"]


def test_finish_with_invalid_outcome(desk: Desk) -> None:
    serving = desk.make("serving")
    response = desk.act(desk.attendant, serving["id"], "finish", {"outcome": "happy"})
    details = expect_error(response, 422, "validation.failed")
    assert ["body", "outcome"] in [f["loc"] for f in details["fields"]]
    assert desk.get(serving["id"])["status"] == "serving"


def test_no_show(desk: Desk, clock: FrozenClock) -> None:
    called = desk.make("called")
    clock.advance(minutes=2)
    ticket = desk.ok(desk.attendant, called["id"], "no_show")
    assert ticket["status"] == "no_show"
    assert at(ticket["finished_at"]) == clock.now()
    assert ticket["version"] == called["version"] + 1
    assert desk.current_ticket(1) is None


@pytest.mark.parametrize("source", ["called", "serving"])
def test_transfer_to_service(desk: Desk, clock: FrozenClock, source: str) -> None:
    ticket = desk.make(source, "A")
    clock.advance(minutes=4)
    moved = desk.ok(desk.attendant, ticket["id"], "transfer", {"service_id": desk.service("B")})
    assert moved["status"] == "waiting"
    assert moved["number"] == "A001"
    assert moved["service_id"] == desk.service("B")
    assert moved["issued_service_id"] == desk.service("A")
    assert moved["transfer_count"] == 1
    assert moved["counter_id"] is None
    assert moved["attendant_id"] is None
    assert moved["called_at"] is None
    assert moved["started_at"] is None
    assert moved["target_counter_id"] is None
    assert moved["front"] is False
    assert at(moved["queued_at"]) == clock.now()
    assert at(moved["issued_at"]) == clock.now() - timedelta(minutes=4)
    assert moved["version"] == ticket["version"] + 1
    assert desk.current_ticket(1) is None


def _transfer_scene(desk: Desk, clock: FrozenClock, position: str) -> tuple[Json, Json]:
    """A002 is called at counter 1 and sent to B (front or back) while B001 waits for B."""
    desk.issue("A")  # A001 stays in A, out of counter 3's sight
    clock.advance(minutes=1)
    b001 = desk.issue("B")
    clock.advance(minutes=1)
    a002 = desk.issue("A")
    assert desk.call(desk.attendant, 1, number="A002").status_code == 200
    clock.advance(minutes=1)
    desk.ok(
        desk.attendant,
        a002["id"],
        "transfer",
        {"service_id": desk.service("B"), "position": position},
    )
    return a002, b001


def test_transfer_to_service_goes_to_the_back(desk: Desk, clock: FrozenClock) -> None:
    a002, b001 = _transfer_scene(desk, clock, "back")
    attendant3 = desk.api.login("attendant3")
    desk.api.open_counter(attendant3, 3)  # serves B and C
    first = desk.call_next(attendant3, 3)
    assert first["ticket"]["id"] == b001["id"]
    desk.ok(attendant3, b001["id"], "no_show")
    second = desk.call_next(attendant3, 3)
    assert second["ticket"]["id"] == a002["id"]
    assert second["ticket"]["number"] == "A002"
    assert second["ticket"]["service_id"] == desk.service("B")
    assert second["ticket"]["transfer_count"] == 1
    assert second["reason"]["rule"] == "longest_wait"


def test_transfer_to_service_at_the_front(desk: Desk, clock: FrozenClock) -> None:
    a002, _ = _transfer_scene(desk, clock, "front")
    assert desk.get(a002["id"])["front"] is True
    attendant3 = desk.api.login("attendant3")
    desk.api.open_counter(attendant3, 3)
    first = desk.call_next(attendant3, 3)
    assert first["ticket"]["id"] == a002["id"]
    assert first["ticket"]["number"] == "A002"
    assert first["ticket"]["service_id"] == desk.service("B")
    assert first["ticket"]["front"] is False
    assert first["reason"]["rule"] == "front"
    assert first["reason"]["text"] == "returned to the front of B"


def test_transfer_to_a_service_whose_same_number_exists(desk: Desk) -> None:
    b001 = desk.issue("B")
    a001 = desk.make("called", "A")
    moved = desk.ok(desk.attendant, a001["id"], "transfer", {"service_id": desk.service("B")})
    assert (moved["number"], moved["service_id"]) == ("A001", desk.service("B"))
    assert (b001["number"], b001["service_id"]) == ("B001", desk.service("B"))


def test_transfer_to_a_counter_reserves_the_ticket(desk: Desk) -> None:
    ticket = desk.make("called", "A")
    target = desk.counter(3)
    moved = desk.ok(desk.attendant, ticket["id"], "transfer", {"counter_id": target})
    assert moved["status"] == "waiting"
    assert moved["target_counter_id"] == target
    assert moved["service_id"] == desk.service("A")
    assert moved["transfer_count"] == 1
    # Counter 2 serves A, but the ticket is not for it.
    expect_error(desk.attendant2.post(f"/counters/{desk.counter(2)}/call-next"), 409, "queue.empty")
    details = expect_error(desk.call(desk.attendant2, 2, number="A001"), 409, "ticket.reserved")
    assert details == {"target_counter_id": target}
    # Nor does counter 1, which sent it away.
    expect_error(desk.attendant.post(f"/counters/{desk.counter(1)}/call-next"), 409, "queue.empty")
    # Counter 3 does not serve A, yet gets it.
    attendant3 = desk.api.login("attendant3")
    desk.api.open_counter(attendant3, 3)
    call = desk.call_next(attendant3, 3)
    assert call["ticket"]["id"] == ticket["id"]
    assert call["ticket"]["counter_id"] == target
    assert call["ticket"]["target_counter_id"] is None


def test_transfer_to_a_counter_by_number_at_that_counter(desk: Desk) -> None:
    ticket = desk.make("serving", "A")
    desk.ok(desk.attendant, ticket["id"], "transfer", {"counter_id": desk.counter(2)})
    response = desk.call(desk.attendant2, 2, number="A001")
    assert response.status_code == 200, response.text
    assert response.json()["ticket"]["counter_id"] == desk.counter(2)


def test_transfer_needs_a_valid_target(desk: Desk) -> None:
    ticket = desk.make("called")
    response = desk.act(desk.attendant, ticket["id"], "transfer", {})
    expect_error(response, 422, "transfer.target_required")
    body = {"counter_id": desk.counter(1)}
    response = desk.act(desk.attendant, ticket["id"], "transfer", body)
    expect_error(response, 422, "transfer.same_counter")
    body = {"service_id": desk.api.world.other_service_id}
    response = desk.act(desk.attendant, ticket["id"], "transfer", body)
    expect_error(response, 404, "service.not_found")
    body = {"counter_id": desk.api.world.other_counter_id}
    response = desk.act(desk.attendant, ticket["id"], "transfer", body)
    expect_error(response, 404, "counter.not_found")
    after = desk.get(ticket["id"])
    assert (after["status"], after["version"], after["transfer_count"]) == ("called", 2, 0)


@pytest.mark.parametrize("source", ["called", "serving"])
def test_park(desk: Desk, source: str) -> None:
    ticket = desk.make(source)
    parked = desk.ok(desk.attendant, ticket["id"], "park")
    assert parked["status"] == "parked"
    assert parked["counter_id"] == desk.counter(1)  # where the citizen comes back to
    assert parked["version"] == ticket["version"] + 1
    assert desk.current_ticket(1) is None
    # The counter calls someone else meanwhile.
    other = desk.issue("A")
    assert desk.call_next(desk.attendant, 1)["ticket"]["id"] == other["id"]


def test_park_then_return_to_the_same_counter(desk: Desk, clock: FrozenClock) -> None:
    parked = desk.make("parked")
    clock.advance(minutes=10)
    body = {"counter_id": desk.counter(1)}
    back = desk.ok(desk.attendant, parked["id"], "return", body)
    assert back["status"] == "called"
    assert back["counter_id"] == desk.counter(1)
    assert back["attendant_id"] == desk.api.world.users["attendant"]
    assert at(back["called_at"]) == clock.now()
    assert back["version"] == parked["version"] + 1
    assert desk.current_ticket(1) == parked["id"]
    assert desk.ok(desk.attendant, parked["id"], "start")["status"] == "serving"


def test_park_then_return_to_another_counter(desk: Desk) -> None:
    parked = desk.make("parked")
    back = desk.ok(desk.attendant2, parked["id"], "return", {"counter_id": desk.counter(2)})
    assert back["status"] == "called"
    assert back["counter_id"] == desk.counter(2)
    assert back["attendant_id"] == desk.api.world.users["attendant2"]
    assert desk.current_ticket(2) == parked["id"]
    assert desk.current_ticket(1) is None
    # Now it is counter 2's ticket: counter 1's attendant may not touch it.
    response = desk.act(desk.attendant, parked["id"], "start")
    expect_error(response, 403, "counter.not_yours")
    assert desk.ok(desk.attendant2, parked["id"], "start")["status"] == "serving"


def test_return_to_a_busy_counter(desk: Desk) -> None:
    parked = desk.make("parked")
    desk.make("called")  # counter 1 is busy again
    body = {"counter_id": desk.counter(1)}
    expect_error(desk.act(desk.attendant, parked["id"], "return", body), 409, "counter.busy")
    assert desk.get(parked["id"])["status"] == "parked"


@pytest.mark.parametrize("source", ["waiting", "parked"])
def test_cancel(desk: Desk, clock: FrozenClock, source: str) -> None:
    ticket = desk.make(source)
    clock.advance(minutes=5)
    cancelled = desk.ok(desk.reception, ticket["id"], "cancel")
    assert cancelled["status"] == "cancelled"
    assert at(cancelled["finished_at"]) == clock.now()
    assert cancelled["version"] == ticket["version"] + 1
    # A cancelled ticket is not called.
    expect_error(desk.attendant.post(f"/counters/{desk.counter(1)}/call-next"), 409, "queue.empty")


@pytest.mark.parametrize("source", ["no_show", "cancelled"])
def test_reactivate(desk: Desk, clock: FrozenClock, source: str) -> None:
    ticket = desk.make(source)
    clock.advance(minutes=5)
    back = desk.ok(desk.reception, ticket["id"], "reactivate", {"position": "back"})
    assert back["status"] == "waiting"
    assert back["number"] == "A001"
    assert back["finished_at"] is None
    assert back["counter_id"] is None
    assert back["called_at"] is None
    assert back["front"] is False
    assert at(back["queued_at"]) == clock.now()
    assert back["version"] == ticket["version"] + 1
    call = desk.call_next(desk.attendant, 1)
    assert call["ticket"]["id"] == ticket["id"]


def _cancelled_behind(desk: Desk, clock: FrozenClock, position: str) -> tuple[Json, Json]:
    """A001 is cancelled and reactivated (front or back) while A002 waits."""
    a001 = desk.issue("A")
    clock.advance(minutes=1)
    a002 = desk.issue("A")
    clock.advance(minutes=1)
    desk.ok(desk.reception, a001["id"], "cancel")
    clock.advance(minutes=1)
    desk.ok(desk.reception, a001["id"], "reactivate", {"position": position})
    return a001, a002


def test_reactivate_to_the_back(desk: Desk, clock: FrozenClock) -> None:
    a001, a002 = _cancelled_behind(desk, clock, "back")
    call = desk.call_next(desk.attendant2, 2)
    assert call["ticket"]["id"] == a002["id"]
    assert desk.call_next(desk.attendant, 1)["ticket"]["id"] == a001["id"]


def test_reactivate_to_the_front(desk: Desk, clock: FrozenClock) -> None:
    a001, a002 = _cancelled_behind(desk, clock, "front")
    assert desk.get(a001["id"])["front"] is True
    call = desk.call_next(desk.attendant2, 2)
    assert call["ticket"]["id"] == a001["id"]
    assert call["reason"]["rule"] == "front"
    assert desk.call_next(desk.attendant, 1)["ticket"]["id"] == a002["id"]


def test_reactivate_yesterdays_ticket(desk: Desk, clock: FrozenClock) -> None:
    ticket = desk.make("cancelled")
    clock.advance(days=1)
    reception = desk.api.login("reception")  # yesterday's access token has expired
    response = desk.act(reception, ticket["id"], "reactivate", {"position": "back"})
    details = expect_error(response, 409, "ticket.expired")
    assert details == {"service_day": "2026-11-23"}
    assert reception.ok("get", f"/tickets/{ticket['id']}")["status"] == "cancelled"


# --- illegal transitions ----------------------------------------------------------------------


def _attempt(desk: Desk, action: str, ticket_id: int) -> httpx.Response:
    if action == "call":
        return desk.call(desk.attendant2, 2, ticket_id=ticket_id)
    if action == "return":
        return desk.act(desk.attendant2, ticket_id, "return", {"counter_id": desk.counter(2)})
    if action in ("cancel", "reactivate"):
        return desk.act(desk.reception, ticket_id, action, {})
    return desk.act(desk.attendant, ticket_id, action, body_for(desk, action))


def body_for(desk: Desk, action: str) -> Json | None:
    if action == "finish":
        return {"outcome": "resolved"}
    if action == "transfer":
        return {"service_id": desk.service("B")}
    return None


def test_the_table_covers_every_action() -> None:
    assert set(STATUSES) == set(Status)
    assert {a.value: {s.value for s in allowed} for a, allowed in ALLOWED_FROM.items()} == (
        LEGAL_FROM
    )
    assert set(LEGAL_FROM) == set(Action)


@pytest.mark.parametrize(("action", "status"), ILLEGAL)
def test_illegal_transition(desk: Desk, action: str, status: str) -> None:
    ticket = desk.make(status)
    before = desk.get(ticket["id"])
    details = expect_error(_attempt(desk, action, ticket["id"]), 409, "ticket.illegal_transition")
    assert details["action"] == action
    assert details["status"] == status
    assert desk.get(ticket["id"]) == before


# --- unknown tickets and who may act ----------------------------------------------------------


@pytest.mark.parametrize("action", sorted(set(LEGAL_FROM) - {"call"}))
def test_unknown_ticket(desk: Desk, action: str) -> None:
    details = expect_error(_attempt(desk, action, 99999), 404, "ticket.not_found")
    assert details == {"ticket_id": 99999}


def test_unknown_ticket_read_and_call(desk: Desk) -> None:
    expect_error(desk.reception.get("/tickets/99999"), 404, "ticket.not_found")
    expect_error(desk.call(desk.attendant, 1, ticket_id=99999), 404, "ticket.not_found")


@pytest.mark.parametrize(
    ("action", "source"),
    [
        ("recall", "called"),
        ("start", "called"),
        ("no_show", "called"),
        ("park", "called"),
        ("finish", "serving"),
        ("transfer", "serving"),
    ],
)
def test_attendant_cannot_act_at_another_counter(desk: Desk, action: str, source: str) -> None:
    ticket = desk.make(source)  # at counter 1, the attendant's
    response = desk.act(desk.attendant2, ticket["id"], action, body_for(desk, action))
    details = expect_error(response, 403, "counter.not_yours")
    assert details == {"counter_id": desk.counter(1)}
    assert desk.get(ticket["id"]) == ticket


def test_attendant_cannot_call_or_return_through_another_counter(desk: Desk) -> None:
    waiting = desk.issue("A")
    response = desk.call(desk.attendant2, 1, ticket_id=waiting["id"])
    expect_error(response, 403, "counter.not_yours")
    response = desk.attendant2.post(f"/counters/{desk.counter(1)}/call-next")
    expect_error(response, 403, "counter.not_yours")
    parked = desk.make("parked")
    body = {"counter_id": desk.counter(1)}
    response = desk.act(desk.attendant2, parked["id"], "return", body)
    expect_error(response, 403, "counter.not_yours")


def test_supervisor_may_act_at_any_counter(desk: Desk) -> None:
    supervisor = desk.api.login("supervisor")
    waiting = desk.issue("A")
    call = supervisor.ok("post", f"/counters/{desk.counter(1)}/call-next")
    assert call["ticket"]["id"] == waiting["id"]
    # The attendant at the counter is the one serving, whoever pressed the button.
    assert call["ticket"]["attendant_id"] == desk.api.world.users["attendant"]
    assert desk.ok(supervisor, waiting["id"], "recall")["call_count"] == 2
    assert desk.ok(supervisor, waiting["id"], "start")["status"] == "serving"
    done = desk.ok(supervisor, waiting["id"], "finish", {"outcome": "resolved"})
    assert done["status"] == "done"
    assert desk.current_ticket(1) is None


def test_attendant_of_another_centre(desk: Desk) -> None:
    ticket = desk.make("called")
    outsider = desk.api.login("other_attendant")
    expect_error(desk.act(outsider, ticket["id"], "start"), 403, "auth.wrong_centre")
    expect_error(outsider.get(f"/tickets/{ticket['id']}"), 403, "auth.wrong_centre")


def test_reception_may_not_work_a_counter(desk: Desk) -> None:
    ticket = desk.make("called")
    expect_error(desk.act(desk.reception, ticket["id"], "start"), 403, "auth.forbidden")
    response = desk.reception.post(f"/counters/{desk.counter(1)}/call-next")
    expect_error(response, 403, "auth.forbidden")


# --- a command checks the row it locked, not an older read of it ------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["cancel", "reactivate"])
def test_front_desk_checks_the_locked_row_not_an_earlier_read(
    fast_passwords: None, pg_url: str, clock: FrozenClock, command: str
) -> None:
    """On PostgreSQL a command may read a ticket, wait for its lock while another command
    commits, then lock it: its checks must see the committed state, not the earlier read."""
    db = Database(pg_url)
    now = clock.now()
    try:
        with db.writing() as session:
            world = build_world(session, now)
        reception = Actor(world.users["reception"], "reception", Role.RECEPTION, world.centre_id)
        attendant = Actor(world.users["attendant"], "attendant", Role.ATTENDANT, world.centre_id)
        counter_id = world.counters[1]
        with db.writing() as session:
            ticket_id = service.issue(
                session, reception, world.centre_id, world.services["A"], "none", now
            ).id
            counters.open_counter(session, attendant, counter_id, now)
            if command == "reactivate":
                service.cancel(session, reception, ticket_id, now)
        with db.write_session() as late, late.begin():
            seen = late.get(Ticket, ticket_id)  # held, as a command holds what it read
            assert seen is not None
            stale_status = seen.status
            with db.writing() as session:  # meanwhile, the ticket is called and committed
                if command == "reactivate":
                    service.reactivate(session, reception, ticket_id, now, front=False)
                service.call_next(session, attendant, counter_id, now)
            act = (
                partial(service.cancel, late, reception, ticket_id, now)
                if command == "cancel"
                else partial(service.reactivate, late, reception, ticket_id, now, front=True)
            )
            with pytest.raises(Conflict) as raised:
                act()
            assert stale_status != "called"
        assert raised.value.code == "ticket.illegal_transition"
        assert raised.value.details["status"] == "called"
        with db.reading() as session:
            ticket = session.get(Ticket, ticket_id)
            assert ticket is not None
            assert (ticket.status, ticket.counter_id) == ("called", counter_id)
    finally:
        db.dispose()
