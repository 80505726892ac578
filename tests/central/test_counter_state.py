"""A counter's live state through the API: open, pause, resume, close, and the queue snapshot."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from central.clock import FrozenClock
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

Json = dict[str, Any]


@pytest.fixture
def world(fast_passwords: None, world: World) -> World:
    """The conftest world, built with cheap password hashing: these tests are not about it."""
    return world


def at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def counter_path(api: ApiClient, number: int, action: str) -> str:
    return f"/counters/{api.world.counters[number]}/{action}"


def call_next(api: ApiClient, staff: StaffSession, number: int) -> httpx.Response:
    return staff.post(counter_path(api, number, "call-next"))


def snapshot(api: ApiClient, staff: StaffSession) -> Json:
    body: Json = staff.ok("get", f"/centres/{api.world.centre_id}/queue")
    return body


def counter_view(api: ApiClient, staff: StaffSession, number: int) -> Json:
    views: list[Json] = snapshot(api, staff)["counters"]
    (view,) = [c for c in views if c["counter_id"] == api.world.counters[number]]
    return view


# --- open -------------------------------------------------------------------------------------


def test_open_sets_the_user(api: ApiClient, clock: FrozenClock) -> None:
    attendant = api.login("attendant")
    clock.advance(minutes=5)
    counter = api.open_counter(attendant, 1)
    assert counter["id"] == api.world.counters[1]
    assert counter["state"] == "open"
    assert counter["user_id"] == api.world.users["attendant"]
    assert counter["pause_reason"] is None
    assert counter["current_ticket_id"] is None
    assert at(counter["state_since"]) == clock.now()
    view = counter_view(api, attendant, 1)
    assert (view["state"], view["attendant"]) == ("open", "Attendant")


def test_open_a_counter_someone_else_holds(api: ApiClient) -> None:
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    api.open_counter(attendant, 1)
    response = attendant2.post(counter_path(api, 1, "open"))
    details = expect_error(response, 409, "counter.taken")
    assert details == {"counter_id": api.world.counters[1], "user_id": api.world.users["attendant"]}
    assert counter_view(api, attendant, 1)["user_id"] == api.world.users["attendant"]


def test_open_a_second_counter(api: ApiClient) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    details = expect_error(
        attendant.post(counter_path(api, 2, "open")), 409, "counter.user_elsewhere"
    )
    assert details == {"counter_id": api.world.counters[1], "counter_number": 1}
    assert counter_view(api, attendant, 2)["state"] == "closed"


def test_a_paused_counter_still_holds_its_user(api: ApiClient) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "break"})
    response = attendant.post(counter_path(api, 2, "open"))
    expect_error(response, 409, "counter.user_elsewhere")
    expect_error(api.login("attendant2").post(counter_path(api, 1, "open")), 409, "counter.taken")


def test_reopen_by_the_same_user_is_harmless(api: ApiClient, clock: FrozenClock) -> None:
    attendant = api.login("attendant")
    first = api.open_counter(attendant, 1)
    clock.advance(minutes=3)
    again = api.open_counter(attendant, 1)
    assert again == first  # same state, same state_since: nothing happened
    # Reopening a paused counter does not resume it.
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "meeting"})
    paused = api.open_counter(attendant, 1)
    assert (paused["state"], paused["pause_reason"]) == ("paused", "meeting")


def test_after_closing_the_user_may_open_another_and_others_this_one(api: ApiClient) -> None:
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    api.open_counter(attendant, 1)
    closed = attendant.ok("post", counter_path(api, 1, "close"))
    assert (closed["state"], closed["user_id"]) == ("closed", None)
    assert api.open_counter(attendant, 2)["user_id"] == api.world.users["attendant"]
    assert api.open_counter(attendant2, 1)["user_id"] == api.world.users["attendant2"]


def test_reception_cannot_open_a_counter(api: ApiClient) -> None:
    response = api.login("reception").post(counter_path(api, 1, "open"))
    expect_error(response, 403, "auth.forbidden")


def test_open_a_counter_of_another_centre(api: ApiClient) -> None:
    response = api.login("attendant").post(f"/counters/{api.world.other_counter_id}/open")
    expect_error(response, 403, "auth.wrong_centre")


def test_open_an_unknown_counter(api: ApiClient) -> None:
    response = api.login("attendant").post("/counters/99999/open")
    expect_error(response, 404, "counter.not_found")


# --- pause and resume -------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["break", "back_office", "training", "technical"])
def test_pause_with_a_reason(api: ApiClient, clock: FrozenClock, reason: str) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    clock.advance(minutes=10)
    paused = attendant.ok("post", counter_path(api, 1, "pause"), {"reason": reason})
    assert paused["state"] == "paused"
    assert paused["pause_reason"] == reason
    assert paused["user_id"] == api.world.users["attendant"]
    assert at(paused["state_since"]) == clock.now()
    view = counter_view(api, attendant, 1)
    assert (view["state"], view["pause_reason"]) == ("paused", reason)


@pytest.mark.parametrize("body", [{"reason": "lunch"}, {"reason": ""}, {}])
def test_pause_with_an_invalid_reason(api: ApiClient, body: Json) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    response = attendant.post(counter_path(api, 1, "pause"), body)
    details = expect_error(response, 422, "validation.failed")
    assert ["body", "reason"] in [f["loc"] for f in details["fields"]]
    assert counter_view(api, attendant, 1)["state"] == "open"


def test_a_paused_counter_gets_nothing(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "break"})
    ticket = api.issue(reception, "A")
    details = expect_error(call_next(api, attendant, 1), 409, "counter.paused")
    assert details == {"counter_id": api.world.counters[1]}
    by_number = attendant.post(counter_path(api, 1, "call"), {"number": "A001"})
    expect_error(by_number, 409, "counter.paused")
    assert reception.ok("get", f"/tickets/{ticket['id']}")["status"] == "waiting"


def test_pause_twice(api: ApiClient) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "break"})
    response = attendant.post(counter_path(api, 1, "pause"), {"reason": "other"})
    details = expect_error(response, 409, "counter.not_open")
    assert details == {"state": "paused"}
    assert counter_view(api, attendant, 1)["pause_reason"] == "break"


def test_pause_while_holding_a_ticket(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 1)
    ticket = api.issue(reception, "A")
    attendant.ok("post", counter_path(api, 1, "call-next"))
    response = attendant.post(counter_path(api, 1, "pause"), {"reason": "break"})
    details = expect_error(response, 409, "counter.busy")
    assert details == {"counter_id": api.world.counters[1], "ticket_id": ticket["id"]}


def test_resume(api: ApiClient, clock: FrozenClock) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "break"})
    clock.advance(minutes=10)
    resumed = attendant.ok("post", counter_path(api, 1, "resume"))
    assert resumed["state"] == "open"
    assert resumed["pause_reason"] is None
    assert at(resumed["state_since"]) == clock.now()
    ticket = api.issue(reception, "A")
    assert attendant.ok("post", counter_path(api, 1, "call-next"))["ticket"]["id"] == ticket["id"]


def test_resume_an_open_counter(api: ApiClient) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    details = expect_error(
        attendant.post(counter_path(api, 1, "resume")), 409, "counter.not_paused"
    )
    assert details == {"state": "open"}


def test_another_attendant_cannot_pause_my_counter_but_a_supervisor_can(api: ApiClient) -> None:
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    api.open_counter(attendant, 1)
    response = attendant2.post(counter_path(api, 1, "pause"), {"reason": "break"})
    expect_error(response, 403, "counter.not_yours")
    supervisor = api.login("supervisor")
    paused = supervisor.ok("post", counter_path(api, 1, "pause"), {"reason": "meeting"})
    assert (paused["state"], paused["user_id"]) == ("paused", api.world.users["attendant"])
    expect_error(attendant2.post(counter_path(api, 1, "resume")), 403, "counter.not_yours")
    assert supervisor.ok("post", counter_path(api, 1, "resume"))["state"] == "open"


# --- close ------------------------------------------------------------------------------------


def test_close(api: ApiClient, clock: FrozenClock) -> None:
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    attendant.ok("post", counter_path(api, 1, "pause"), {"reason": "break"})
    clock.advance(minutes=10)
    closed = attendant.ok("post", counter_path(api, 1, "close"))
    assert closed["state"] == "closed"
    assert closed["user_id"] is None
    assert closed["pause_reason"] is None
    assert at(closed["state_since"]) == clock.now()
    view = counter_view(api, attendant, 1)
    assert (view["state"], view["user_id"], view["attendant"]) == ("closed", None, None)


def test_closing_with_a_called_ticket_puts_it_back_at_the_front(
    api: ApiClient, clock: FrozenClock
) -> None:
    reception = api.login("reception")
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    api.open_counter(attendant, 1)
    api.open_counter(attendant2, 2)
    older = api.issue(reception, "A")  # A001 has waited longest
    clock.advance(minutes=1)
    first = api.issue(reception, "A")
    call = attendant.ok("post", counter_path(api, 1, "call"), {"number": "A002"})
    assert call["ticket"]["id"] == first["id"]
    clock.advance(minutes=2)
    closed = attendant.ok("post", counter_path(api, 1, "close"))
    assert (closed["state"], closed["current_ticket_id"]) == ("closed", None)
    back = reception.ok("get", f"/tickets/{first['id']}")
    assert back["status"] == "waiting"
    assert back["front"] is True
    assert back["counter_id"] is None
    assert back["called_at"] is None
    assert back["version"] == call["ticket"]["version"] + 1
    assert at(back["queued_at"]) == at(first["queued_at"])
    # Another counter gets it before `older`, by the front rule.
    again = attendant2.ok("post", counter_path(api, 2, "call-next"))
    assert again["ticket"]["id"] == first["id"]
    assert again["ticket"]["call_count"] == 2
    assert again["reason"]["rule"] == "front"
    assert again["reason"]["text"] == "returned to the front of A"
    assert reception.ok("get", f"/tickets/{older['id']}")["status"] == "waiting"


def test_closing_while_serving(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 1)
    ticket = api.issue(reception, "A")
    attendant.ok("post", counter_path(api, 1, "call-next"))
    attendant.ok("post", f"/tickets/{ticket['id']}/start")
    details = expect_error(attendant.post(counter_path(api, 1, "close")), 409, "counter.busy")
    assert details == {"counter_id": api.world.counters[1], "ticket_id": ticket["id"]}
    assert reception.ok("get", f"/tickets/{ticket['id']}")["status"] == "serving"
    view = counter_view(api, attendant, 1)
    assert view["state"] == "open"
    assert view["ticket"]["id"] == ticket["id"]


def test_another_attendant_cannot_close_my_counter(api: ApiClient) -> None:
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    api.open_counter(attendant, 1)
    expect_error(attendant2.post(counter_path(api, 1, "close")), 403, "counter.not_yours")
    assert counter_view(api, attendant, 1)["state"] == "open"


# --- calling from the counter's state ---------------------------------------------------------


def test_call_next_while_holding_a_ticket(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 1)
    held = api.issue(reception, "A")
    other = api.issue(reception, "A")
    attendant.ok("post", counter_path(api, 1, "call-next"))
    details = expect_error(call_next(api, attendant, 1), 409, "counter.busy")
    assert details == {"counter_id": api.world.counters[1], "ticket_id": held["id"]}
    by_id = attendant.post(counter_path(api, 1, "call"), {"ticket_id": other["id"]})
    expect_error(by_id, 409, "counter.busy")
    attendant.ok("post", f"/tickets/{held['id']}/start")
    expect_error(call_next(api, attendant, 1), 409, "counter.busy")
    assert reception.ok("get", f"/tickets/{other['id']}")["status"] == "waiting"


def test_call_next_on_an_empty_queue(api: ApiClient) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    api.open_counter(attendant, 2)  # serves A only
    details = expect_error(call_next(api, attendant, 2), 409, "queue.empty")
    assert details == {"counter_id": api.world.counters[2]}
    api.issue(reception, "C")  # not a service of counter 2
    expect_error(call_next(api, attendant, 2), 409, "queue.empty")


def test_call_next_on_a_closed_counter(api: ApiClient) -> None:
    api.issue(api.login("reception"), "A")
    # Nobody holds a closed counter: an attendant is refused, a supervisor told it is closed.
    expect_error(call_next(api, api.login("attendant"), 1), 403, "counter.not_yours")
    expect_error(call_next(api, api.login("supervisor"), 1), 409, "counter.closed")


# --- the queue snapshot -----------------------------------------------------------------------


def test_queue_snapshot(api: ApiClient, clock: FrozenClock) -> None:
    reception = api.login("reception")
    attendant, attendant2 = api.login("attendant"), api.login("attendant2")
    world = api.world
    empty = snapshot(api, reception)
    assert empty["centre_id"] == world.centre_id
    assert [(s["prefix"], s["waiting"]) for s in empty["services"]] == [
        ("A", 0),
        ("B", 0),
        ("C", 0),
    ]
    assert all(c["state"] == "closed" for c in empty["counters"])

    api.issue(reception, "A")  # 10:00, will be called
    clock.advance(minutes=1)
    api.issue(reception, "A")  # 10:01
    api.issue(reception, "A", "elderly")
    clock.advance(minutes=2)
    api.issue(reception, "B", "pregnancy")  # 10:03
    api.open_counter(attendant, 1)
    called = attendant.ok("post", counter_path(api, 1, "call"), {"number": "A001"})["ticket"]
    api.open_counter(attendant2, 2)
    attendant2.ok("post", counter_path(api, 2, "pause"), {"reason": "back_office"})
    clock.advance(minutes=9, seconds=30)  # 10:12:30

    snap = snapshot(api, reception)
    assert at(snap["as_of"]) == clock.now()
    assert snap["last_event_id"] > empty["last_event_id"]
    services = {s["prefix"]: s for s in snap["services"]}
    assert services["A"]["service_id"] == world.services["A"]
    assert services["A"]["target_wait_minutes"] == 20
    assert (services["A"]["waiting"], services["A"]["priority_waiting"]) == (2, 1)
    assert services["A"]["longest_wait_seconds"] == 11 * 60 + 30
    assert (services["B"]["waiting"], services["B"]["priority_waiting"]) == (1, 1)
    assert services["B"]["longest_wait_seconds"] == 9 * 60 + 30
    assert (services["C"]["waiting"], services["C"]["longest_wait_seconds"]) == (0, 0)

    counters = {c["number"]: c for c in snap["counters"]}
    one, two, three = counters[1], counters[2], counters[3]
    assert (one["state"], one["attendant"], one["user_id"]) == (
        "open",
        "Attendant",
        world.users["attendant"],
    )
    assert one["ticket"]["id"] == called["id"]
    assert one["ticket"]["number"] == "A001"
    assert one["ticket"]["status"] == "called"
    assert sorted(one["service_ids"]) == sorted([world.services["A"], world.services["B"]])
    assert (two["state"], two["pause_reason"], two["attendant"]) == (
        "paused",
        "back_office",
        "Attendant2",
    )
    assert two["ticket"] is None
    assert (three["state"], three["attendant"], three["ticket"]) == ("closed", None, None)
    assert sorted(three["service_ids"]) == sorted([world.services["B"], world.services["C"]])

    # Start serving: the snapshot shows it; a second later the longest wait grew by a second.
    attendant.ok("post", f"/tickets/{called['id']}/start")
    clock.advance(seconds=1)
    later = snapshot(api, reception)
    assert {c["number"]: c for c in later["counters"]}[1]["ticket"]["status"] == "serving"
    assert {s["prefix"]: s for s in later["services"]}["A"]["longest_wait_seconds"] == 11 * 60 + 31


def test_queue_snapshot_of_another_centre(api: ApiClient) -> None:
    response = api.login("attendant").get(f"/centres/{api.world.other_centre_id}/queue")
    expect_error(response, 403, "auth.wrong_centre")
