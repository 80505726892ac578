"""Every queue command of QueueService end to end, idempotent retries, an unreachable central."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.api.api_client import ApiClient
from desktop.domain.centre import CounterState, PauseReason
from desktop.domain.errors import ApiError, OfflineError
from desktop.domain.tickets import CallRule, Outcome, Position, Priority, Status
from desktop.services.queue_service import QueueService
from tests.central.factories import World
from tests.integration.conftest import LosingAdapter, logged_in, session_with
from tests.integration.test_auth_flow import free_port_url

MakeApi = Callable[..., ApiClient]


def test_centre_and_counters(attendant: QueueService, world: World) -> None:
    centre = attendant.load_centre(world.centre_id)
    assert centre.code == "TST"
    assert centre.timezone == "Europe/Lisbon"
    assert {s.prefix for s in centre.services} == {"A", "B", "C"}
    service_a = centre.service(world.services["A"])
    assert service_a is not None
    assert service_a.target_wait_minutes == 20
    counter = centre.counter(world.counters[1])
    assert counter is not None
    assert counter.state == CounterState.CLOSED
    assert dict(counter.services) == {world.services["A"]: 1.0, world.services["B"]: 0.5}


def test_counter_states(attendant: QueueService, world: World) -> None:
    counter_id = world.counters[1]
    opened = attendant.open_counter(counter_id)
    assert opened.state == CounterState.OPEN
    assert opened.user_id == world.users["attendant"]
    paused = attendant.pause(counter_id, PauseReason.BACK_OFFICE)
    assert (paused.state, paused.pause_reason) == (CounterState.PAUSED, "back_office")
    with pytest.raises(ApiError) as caught:
        attendant.call_next(counter_id)
    assert (caught.value.status, caught.value.code) == (409, "counter.paused")
    assert attendant.resume(counter_id).state == CounterState.OPEN
    assert attendant.close_counter(counter_id).state == CounterState.CLOSED


def test_a_whole_visit(attendant: QueueService, reception: QueueService, world: World) -> None:
    centre_id, counter_id = world.centre_id, world.counters[1]
    issued = reception.issue_ticket(centre_id, world.services["A"], Priority.NONE)
    assert (issued.number, issued.status, issued.centre_id) == ("A001", Status.WAITING, centre_id)
    attendant.open_counter(counter_id)
    with pytest.raises(ApiError) as caught:
        attendant.call_next(world.counters[2])  # not the counter this attendant opened
    assert caught.value.code in ("counter.not_yours", "counter.closed")
    call = attendant.call_next(counter_id)
    assert call.ticket.id == issued.id
    assert call.ticket.status == Status.CALLED
    assert call.reason.rule == CallRule.LONGEST_WAIT
    assert call.ticket.call_reason is not None
    counter = attendant.load_centre(centre_id).counter(counter_id)
    assert counter is not None
    current = attendant.current_ticket(counter)
    assert current is not None
    assert current.id == issued.id
    assert attendant.recall(issued.id).call_count == 2
    assert attendant.start(issued.id).status == Status.SERVING
    done = attendant.finish(issued.id, Outcome.RESOLVED, "Pediu certidão", ["certidão"])
    assert (done.status, done.outcome, done.notes) == (Status.DONE, "resolved", "Pediu certidão")
    assert done.services_performed == ("certidão",)
    counter = attendant.load_centre(centre_id).counter(counter_id)
    assert counter is not None
    assert attendant.current_ticket(counter) is None
    with pytest.raises(ApiError) as caught:
        attendant.call_next(counter_id)
    assert (caught.value.status, caught.value.code) == (409, "queue.empty")


def test_call_specific_no_show_and_reactivate(
    attendant: QueueService, reception: QueueService, world: World
) -> None:
    first = reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    second = reception.issue_ticket(world.centre_id, world.services["B"], Priority.ELDERLY)
    attendant.open_counter(world.counters[1])
    call = attendant.call_specific(world.counters[1], f" {second.number.lower()} ")
    assert call.ticket.id == second.id
    assert call.reason.rule == CallRule.SPECIFIC
    assert attendant.no_show(second.id).status == Status.NO_SHOW
    back = reception.reactivate(second.id, Position.FRONT)
    assert (back.status, back.front) == (Status.WAITING, True)
    assert attendant.call_next(world.counters[1]).ticket.id == second.id  # front goes first
    assert reception.cancel(first.id).status == Status.CANCELLED
    assert reception.reactivate(first.id).status == Status.WAITING


def test_transfer_park_and_return(
    attendant: QueueService, reception: QueueService, world: World
) -> None:
    ticket = reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    counter_id = world.counters[1]
    attendant.open_counter(counter_id)
    attendant.call_next(counter_id)
    attendant.start(ticket.id)
    parked = attendant.park(ticket.id)
    assert parked.status == Status.PARKED
    returned = attendant.return_parked(ticket.id, counter_id)
    assert (returned.status, returned.counter_id) == (Status.CALLED, counter_id)
    moved = attendant.transfer(ticket.id, service_id=world.services["C"])
    assert (moved.status, moved.service_id, moved.number) == (
        Status.WAITING,
        world.services["C"],
        ticket.number,
    )
    assert moved.transfer_count == 1
    attendant.call_ticket(counter_id, ticket.id)
    reserved = attendant.transfer(ticket.id, counter_id=world.counters[3], position=Position.FRONT)
    assert (reserved.target_counter_id, reserved.front) == (world.counters[3], True)
    with pytest.raises(ApiError) as caught:
        attendant.transfer(ticket.id)
    assert caught.value.code in ("transfer.target_required", "ticket.illegal_transition")


def test_find_tickets_and_load_queue(
    attendant: QueueService, reception: QueueService, world: World
) -> None:
    a1 = reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    a2 = reception.issue_ticket(world.centre_id, world.services["A"], Priority.DISABILITY)
    b1 = reception.issue_ticket(world.centre_id, world.services["B"], Priority.NONE)
    attendant.open_counter(world.counters[1])
    called = attendant.call_next(world.counters[1]).ticket
    assert [t.id for t in attendant.find_tickets(world.centre_id, "a002")] == [a2.id]
    assert attendant.find_tickets(world.centre_id, "Z999") == []
    state = attendant.load_queue(world.centre_id)
    assert set(state.tickets) == {a1.id, a2.id, b1.id}
    assert state.tickets[called.id].status == Status.CALLED
    counter = state.counters[world.counters[1]]
    assert counter.current_ticket_id == called.id
    assert counter.attendant == "Attendant"
    waiting = state.waiting_for(counter.service_ids, counter.id)
    assert called.id not in [t.id for t in waiting]
    assert len(waiting) == 2


def test_lost_answer_is_replayed_not_repeated(
    make_api: MakeApi, reception: QueueService, world: World
) -> None:
    first = reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    second = reception.issue_ticket(world.centre_id, world.services["A"], Priority.NONE)
    adapter = LosingAdapter("/call-next")
    api = make_api(session_factory=session_with(adapter))
    logged_in(api, "attendant")
    pauses: list[float] = []
    service = QueueService(api, backoff=lambda attempt: 0.25 * (attempt + 1), pause=pauses.append)
    service.open_counter(world.counters[1])
    call = service.call_next(world.counters[1])
    assert call.ticket.id == first.id
    assert pauses == [0.25]
    assert len(adapter.seen) == 2
    assert adapter.keys[0] == adapter.keys[1] is not None  # the same key, sent again
    assert adapter.seen[0].headers.get("Idempotent-Replayed") is None
    assert adapter.seen[1].headers.get("Idempotent-Replayed") == "true"
    statuses = {t.id: t.status for t in reception.find_tickets(world.centre_id, "A001")}
    statuses.update({t.id: t.status for t in reception.find_tickets(world.centre_id, "A002")})
    assert statuses == {first.id: Status.CALLED, second.id: Status.WAITING}  # one call only
    # The next click is a new action with a new key.
    service.start(first.id)
    service.finish(first.id, Outcome.INFORMATION_ONLY, None, [])
    assert service.call_next(world.counters[1]).ticket.id == second.id
    assert len(adapter.keys) == 3
    assert adapter.keys[2] != adapter.keys[0]


def test_gives_up_after_two_retries(make_api: MakeApi, world: World) -> None:
    adapter = LosingAdapter("/open", lose=3)
    api = make_api(session_factory=session_with(adapter))
    logged_in(api, "attendant")
    tries: list[int] = []
    service = QueueService(api, backoff=lambda attempt: tries.append(attempt) or 0.0)
    with pytest.raises(OfflineError) as caught:
        service.open_counter(world.counters[1])
    assert caught.value.code == "client.offline"
    assert tries == [0, 1]
    assert len(adapter.seen) == 3
    assert len(set(adapter.keys)) == 1
    # The first attempt did open the counter; the replays said so each time.
    assert [r.headers.get("Idempotent-Replayed") for r in adapter.seen] == [None, "true", "true"]


def test_central_down() -> None:
    api = ApiClient(free_port_url())
    api.start_session("access-token", "refresh-token-0123456789")
    tries: list[int] = []
    service = QueueService(api, backoff=lambda attempt: tries.append(attempt) or 0.0)
    with pytest.raises(OfflineError) as caught:
        service.call_next(1)
    assert caught.value.code == "client.offline"
    assert tries == [0, 1]
    with pytest.raises(OfflineError):
        service.load_centre(1)
    with pytest.raises(OfflineError):
        api.health()


def test_refused_commands_are_not_retried(attendant: QueueService, world: World) -> None:
    with pytest.raises(ApiError) as caught:
        attendant.start(999_999)
    assert (caught.value.status, caught.value.code) == (404, "ticket.not_found")
    with pytest.raises(ApiError) as caught:
        attendant.open_counter(world.other_counter_id)
    assert (caught.value.status, caught.value.code) == (403, "auth.wrong_centre")


def test_reception_cannot_call(reception: QueueService, world: World) -> None:
    with pytest.raises(ApiError) as caught:
        reception.open_counter(world.counters[1])
    assert (caught.value.status, caught.value.code) == (403, "auth.forbidden")
    assert caught.value.details.get("role") == "reception"
