"""Ticket numbers (per service, per local day), issuing errors, and the call-next policy end to
end through the API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from central.clock import FrozenClock
from central.context import AppContext
from central.reference.models import Centre
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

Json = dict[str, Any]


@pytest.fixture
def world(fast_passwords: None, world: World) -> World:
    """The conftest world, built with cheap password hashing: these tests are not about it."""
    return world


def issue_at(api: ApiClient, clock: FrozenClock, when: datetime, prefix: str = "A") -> Json:
    """Issue a ticket at `when`, logging in then (access tokens follow the service's clock)."""
    clock.set(when)
    ticket: Json = api.issue(api.login("reception"), prefix)
    return ticket


def search(staff: StaffSession, api: ApiClient, **params: Any) -> list[Json]:
    response = staff.get(f"/centres/{api.world.centre_id}/tickets", **params)
    assert response.status_code == 200, response.text
    found: list[Json] = response.json()
    return found


def set_policy(ctx: AppContext, centre_id: int, policy: Json) -> None:
    with ctx.db.writing() as session:
        centre = session.get(Centre, centre_id)
        assert centre is not None
        centre.policy = policy


def call_next(api: ApiClient, staff: StaffSession, counter: int) -> Json:
    call: Json = staff.ok("post", f"/counters/{api.world.counters[counter]}/call-next")
    return call


def no_show(staff: StaffSession, call: Json) -> None:
    staff.ok("post", f"/tickets/{call['ticket']['id']}/no-show")


# --- numbering --------------------------------------------------------------------------------


def test_numbers_count_per_service(api: ApiClient) -> None:
    reception = api.login("reception")
    issued = [api.issue(reception, prefix) for prefix in "AABACBA"]
    assert [t["number"] for t in issued] == [
        "A001",
        "A002",
        "B001",
        "A003",
        "C001",
        "B002",
        "A004",
    ]
    assert [t["service_id"] for t in issued[:3]] == [
        api.world.services["A"],
        api.world.services["A"],
        api.world.services["B"],
    ]
    assert all(t["issued_service_id"] == t["service_id"] for t in issued)
    assert {t["service_day"] for t in issued} == {"2026-11-23"}
    assert len({t["id"] for t in issued}) == len(issued)


def test_numbers_of_another_centre_are_its_own(api: ApiClient) -> None:
    api.issue(api.login("reception"), "A")
    api.issue(api.login("reception"), "A")
    other = api.login("other_reception").ok(
        "post",
        f"/centres/{api.world.other_centre_id}/tickets",
        {"service_id": api.world.other_service_id},
    )
    assert other["number"] == "A001"


def test_numbers_reset_at_local_midnight_in_winter(api: ApiClient, clock: FrozenClock) -> None:
    # November: Lisbon is on UTC+0, local midnight is UTC midnight.
    assert issue_at(api, clock, datetime(2026, 11, 23, 10, 0, tzinfo=UTC))["number"] == "A001"
    assert issue_at(api, clock, datetime(2026, 11, 23, 10, 0, tzinfo=UTC), "B")["number"] == "B001"
    late = issue_at(api, clock, datetime(2026, 11, 23, 23, 59, tzinfo=UTC))
    assert (late["number"], late["service_day"]) == ("A002", "2026-11-23")
    after = issue_at(api, clock, datetime(2026, 11, 24, 0, 0, 30, tzinfo=UTC))
    assert (after["number"], after["service_day"]) == ("A001", "2026-11-24")
    b = issue_at(api, clock, datetime(2026, 11, 24, 0, 1, tzinfo=UTC), "B")
    assert (b["number"], b["service_day"]) == ("B001", "2026-11-24")
    assert issue_at(api, clock, datetime(2026, 11, 24, 0, 2, tzinfo=UTC))["number"] == "A002"


def test_numbers_reset_at_local_not_utc_midnight_in_summer(
    api: ApiClient, clock: FrozenClock
) -> None:
    # July: Lisbon is on UTC+1. 22:59 UTC is 23:59 local; 23:01 UTC is already tomorrow there.
    first = issue_at(api, clock, datetime(2026, 7, 1, 22, 0, tzinfo=UTC))
    assert (first["number"], first["service_day"]) == ("A001", "2026-07-01")
    late = issue_at(api, clock, datetime(2026, 7, 1, 22, 59, tzinfo=UTC))
    assert (late["number"], late["service_day"]) == ("A002", "2026-07-01")
    after = issue_at(api, clock, datetime(2026, 7, 1, 23, 1, tzinfo=UTC))
    assert (after["number"], after["service_day"]) == ("A001", "2026-07-02")
    # UTC midnight changes nothing: still the same local day, numbering continues.
    later = issue_at(api, clock, datetime(2026, 7, 2, 0, 30, tzinfo=UTC))
    assert (later["number"], later["service_day"]) == ("A002", "2026-07-02")


# --- searching by number ----------------------------------------------------------------------


def test_search_by_number(api: ApiClient) -> None:
    reception = api.login("reception")
    a001, _, b001 = api.issue(reception, "A"), api.issue(reception, "A"), api.issue(reception, "B")
    found = search(reception, api, number="A001")
    assert [t["id"] for t in found] == [a001["id"]]
    assert found[0]["number"] == "A001"
    assert [t["id"] for t in search(reception, api, number=" b001 ")] == [b001["id"]]
    assert search(reception, api, number="A009") == []
    assert len(search(reception, api)) == 3


def test_search_by_number_is_per_day(api: ApiClient, clock: FrozenClock) -> None:
    yesterday = issue_at(api, clock, datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    today = issue_at(api, clock, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    reception = api.login("reception")
    assert [t["id"] for t in search(reception, api, number="A001")] == [today["id"]]
    old = search(reception, api, number="A001", day="2026-11-23")
    assert [t["id"] for t in old] == [yesterday["id"]]


def test_call_by_number_means_todays_ticket(api: ApiClient, clock: FrozenClock) -> None:
    issue_at(api, clock, datetime(2026, 11, 23, 15, 0, tzinfo=UTC))
    today = issue_at(api, clock, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    attendant = api.login("attendant")
    api.open_counter(attendant, 1)
    call = attendant.ok("post", f"/counters/{api.world.counters[1]}/call", {"number": "A001"})
    assert call["ticket"]["id"] == today["id"]


# --- yesterday's queue ------------------------------------------------------------------------


def test_yesterdays_waiting_tickets_are_not_todays_queue(
    api: ApiClient, clock: FrozenClock
) -> None:
    left = issue_at(api, clock, datetime(2026, 11, 23, 17, 0, tzinfo=UTC))
    today = issue_at(api, clock, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    clock.set(datetime(2026, 11, 24, 9, 5, tzinfo=UTC))
    reception, attendant = api.login("reception"), api.login("attendant")
    snapshot = reception.ok("get", f"/centres/{api.world.centre_id}/queue")
    a = {s["prefix"]: s for s in snapshot["services"]}["A"]
    assert (a["waiting"], a["longest_wait_seconds"]) == (1, 5 * 60)
    api.open_counter(attendant, 1)
    call = call_next(api, attendant, 1)
    assert call["ticket"]["id"] == today["id"]
    assert call["reason"]["text"] == "longest wait in A, 5 min"
    no_show(attendant, call)
    response = attendant.post(f"/counters/{api.world.counters[1]}/call-next")
    expect_error(response, 409, "queue.empty")
    assert reception.ok("get", f"/tickets/{left['id']}")["status"] == "waiting"


# --- issuing errors ---------------------------------------------------------------------------


def test_service_of_another_centre(api: ApiClient) -> None:
    reception = api.login("reception")
    response = reception.post(
        f"/centres/{api.world.centre_id}/tickets", {"service_id": api.world.other_service_id}
    )
    details = expect_error(response, 404, "service.not_found")
    assert details == {"service_id": api.world.other_service_id}
    response = reception.post(f"/centres/{api.world.centre_id}/tickets", {"service_id": 99999})
    expect_error(response, 404, "service.not_found")
    assert search(reception, api) == []


def test_issue_in_another_centre(api: ApiClient) -> None:
    response = api.login("reception").post(
        f"/centres/{api.world.other_centre_id}/tickets",
        {"service_id": api.world.other_service_id},
    )
    expect_error(response, 403, "auth.wrong_centre")


def test_attendant_cannot_issue(api: ApiClient) -> None:
    response = api.login("attendant").post(
        f"/centres/{api.world.centre_id}/tickets", {"service_id": api.world.services["A"]}
    )
    expect_error(response, 403, "auth.forbidden")


@pytest.mark.parametrize("priority", ["elderly", "pregnancy", "disability", "infant"])
def test_priority_on_a_service_without_priority(api: ApiClient, priority: str) -> None:
    reception = api.login("reception")
    service_c = api.world.services["C"]
    response = reception.post(
        f"/centres/{api.world.centre_id}/tickets", {"service_id": service_c, "priority": priority}
    )
    details = expect_error(response, 422, "ticket.priority_not_allowed")
    assert details == {"service_id": service_c}
    # No number was used up by the refusal.
    assert api.issue(reception, "C")["number"] == "C001"


def test_priority_on_a_service_with_priority(api: ApiClient) -> None:
    ticket = api.issue(api.login("reception"), "A", "infant")
    assert (ticket["priority"], ticket["number"]) == ("infant", "A001")


def test_unknown_priority(api: ApiClient) -> None:
    response = api.login("reception").post(
        f"/centres/{api.world.centre_id}/tickets",
        {"service_id": api.world.services["A"], "priority": "vip"},
    )
    expect_error(response, 422, "validation.failed")


# --- the policy, end to end -------------------------------------------------------------------


def test_policy_priority(api: ApiClient, clock: FrozenClock) -> None:
    reception, attendant = api.login("reception"), api.login("attendant2")
    normal = api.issue(reception, "A")
    clock.advance(minutes=5)
    elderly = api.issue(reception, "A", "elderly")
    api.open_counter(attendant, 2)
    first = call_next(api, attendant, 2)
    assert first["ticket"]["id"] == elderly["id"]
    assert first["reason"] == {
        "rule": "priority",
        "text": "priority: elderly",
        "details": {"priority": "elderly", "service": "A", "waited_minutes": 0},
    }
    no_show(attendant, first)
    second = call_next(api, attendant, 2)
    assert second["ticket"]["id"] == normal["id"]
    assert second["reason"]["rule"] == "longest_wait"
    assert second["reason"]["text"] == "longest wait in A, 5 min"


def test_policy_anti_starvation(api: ApiClient, ctx: AppContext, clock: FrozenClock) -> None:
    set_policy(
        ctx, api.world.centre_id, {"anti_starvation_after": 2, "anti_starvation_wait_minutes": 10}
    )
    reception, attendant = api.login("reception"), api.login("attendant2")
    normal = api.issue(reception, "A")
    clock.advance(minutes=1)
    p1 = api.issue(reception, "A", "elderly")
    p2 = api.issue(reception, "A", "pregnancy")
    p3 = api.issue(reception, "A", "infant")
    clock.advance(minutes=10)  # the normal ticket has waited 11 min
    api.open_counter(attendant, 2)
    calls = []
    for _ in range(4):
        call = call_next(api, attendant, 2)
        calls.append((call["ticket"]["id"], call["reason"]["rule"]))
        no_show(attendant, call)
        if call["ticket"]["id"] == normal["id"]:
            assert call["reason"]["details"] == {
                "service": "A",
                "waited_minutes": 11,
                "priority_streak": 2,
            }
            assert call["reason"]["text"] == "waited 11 min in A after 2 priority calls"
    assert calls == [
        (p1["id"], "priority"),
        (p2["id"], "priority"),
        (normal["id"], "anti_starvation"),
        (p3["id"], "priority"),
    ]


def test_policy_no_anti_starvation_before_the_wait(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    set_policy(
        ctx, api.world.centre_id, {"anti_starvation_after": 1, "anti_starvation_wait_minutes": 10}
    )
    reception, attendant = api.login("reception"), api.login("attendant2")
    normal = api.issue(reception, "A")
    p1, p2 = api.issue(reception, "A", "elderly"), api.issue(reception, "A", "infant")
    clock.advance(minutes=9)
    api.open_counter(attendant, 2)
    rules = []
    for _ in range(3):
        call = call_next(api, attendant, 2)
        rules.append((call["ticket"]["id"], call["reason"]["rule"]))
        no_show(attendant, call)
    assert rules == [(p1["id"], "priority"), (p2["id"], "priority"), (normal["id"], "longest_wait")]


def test_policy_disabled_priority_category(
    api: ApiClient, ctx: AppContext, clock: FrozenClock
) -> None:
    set_policy(ctx, api.world.centre_id, {"priority_categories": ["pregnancy"]})
    reception, attendant = api.login("reception"), api.login("attendant2")
    normal = api.issue(reception, "A")
    clock.advance(minutes=1)
    elderly = api.issue(reception, "A", "elderly")
    clock.advance(minutes=1)
    pregnancy = api.issue(reception, "A", "pregnancy")
    api.open_counter(attendant, 2)
    rules = []
    for _ in range(3):
        call = call_next(api, attendant, 2)
        rules.append((call["ticket"]["id"], call["reason"]["rule"]))
        no_show(attendant, call)
    assert rules == [
        (pregnancy["id"], "priority"),
        (normal["id"], "longest_wait"),
        (elderly["id"], "longest_wait"),
    ]


@pytest.mark.parametrize(
    ("a_after_minutes", "expected", "text"),
    [
        # B waited 10 min x 0.5 = 5; A waited 6 min x 1.0 = 6: A, though B waited longer.
        (4, "A", "longest wait in A, 6 min"),
        # A waited 4 min x 1.0 = 4 < 5: B.
        (6, "B", "longest wait in B, 10 min"),
    ],
)
def test_policy_longest_wait_weighted_by_the_counter(
    api: ApiClient, clock: FrozenClock, a_after_minutes: int, expected: str, text: str
) -> None:
    reception, attendant = api.login("reception"), api.login("attendant")
    tickets = {"B": api.issue(reception, "B")}
    clock.advance(minutes=a_after_minutes)
    tickets["A"] = api.issue(reception, "A")
    clock.advance(minutes=10 - a_after_minutes)
    api.open_counter(attendant, 1)  # weights A 1.0, B 0.5
    call = call_next(api, attendant, 1)
    assert call["ticket"]["id"] == tickets[expected]["id"]
    assert call["reason"]["rule"] == "longest_wait"
    assert call["reason"]["text"] == text


def test_policy_counter_with_even_weights_takes_the_longest_wait(
    api: ApiClient, clock: FrozenClock
) -> None:
    reception, attendant = api.login("reception"), api.login("attendant3")
    c = api.issue(reception, "C")
    clock.advance(minutes=4)
    api.issue(reception, "B")
    clock.advance(minutes=6)
    api.open_counter(attendant, 3)  # weights B 1.0, C 1.0
    call = call_next(api, attendant, 3)
    assert call["ticket"]["id"] == c["id"]
    assert call["reason"]["text"] == "longest wait in C, 10 min"
