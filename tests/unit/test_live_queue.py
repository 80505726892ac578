"""The rules of the live queue (desktop/domain/live_queue.py), on the pure state."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

from desktop.domain.errors import BalcaoError
from desktop.domain.live_queue import (
    CounterLive,
    QueueChange,
    QueueEvent,
    QueueState,
    ServiceStats,
)
from desktop.domain.tickets import CallRule
from tests.unit.live_queue_data import (
    ALICE,
    COUNTER_1,
    COUNTER_2,
    SERVICE_A,
    SERVICE_B,
    SERVICE_C,
    T0,
    counter_json,
    counter_patch,
    event,
    iso,
    snapshot,
    ticket,
    ticket_json,
)


def state_with(*tickets_: object, last_event_id: int = 100) -> QueueState:
    return QueueState.from_snapshot(snapshot(last_event_id), tickets_)  # type: ignore[arg-type]


# --- building from the snapshot -------------------------------------------------------------


def test_snapshot_gives_counters_and_active_tickets() -> None:
    current = {"id": 5, "number": "A005", "service_id": SERVICE_A, "status": "serving",
               "called_at": iso(1), "started_at": iso(2)}  # fmt: skip
    snap = snapshot(counters=[counter_json(COUNTER_1, ticket=current)])
    state = QueueState.from_snapshot(
        snap,
        [ticket(1), ticket(5, status="serving", counter_id=COUNTER_1), ticket(6, status="done")],
    )
    assert state.centre_id == 1
    assert state.last_event_id == 100
    assert set(state.tickets) == {1, 5}  # a done ticket is not part of the live queue
    counter = state.counters[COUNTER_1]
    assert counter == CounterLive(
        id=COUNTER_1,
        number=1,
        name="Balcão 1",
        state="open",
        pause_reason=None,
        user_id=ALICE,
        attendant="Alice Almeida",
        current_ticket_id=5,
        current_ticket_number="A005",
        state_since=T0,
        service_ids=(SERVICE_A, SERVICE_B),
    )


def test_snapshot_keeps_the_newest_of_duplicate_tickets() -> None:
    state = state_with(ticket(1, version=3, status="called"), ticket(1, version=2))
    assert state.tickets[1].status == "called"


def test_handed_out_values_are_frozen_copies() -> None:
    state = state_with(ticket(1))
    tickets = state.tickets
    with pytest.raises(TypeError):
        tickets[2] = ticket(2)  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        tickets[1].status = "called"  # type: ignore[misc]
    state.apply(event(101, "ticket.issued", ticket=ticket_json(2)))
    assert set(tickets) == {1}  # the mapping handed out earlier did not move under its holder
    assert set(state.tickets) == {1, 2}


# --- ticket events --------------------------------------------------------------------------


def test_issued_inserts_and_moves_the_event_id() -> None:
    state = state_with()
    change = state.apply(event(101, "ticket.issued", ticket=ticket_json(1)))
    assert change == QueueChange(inserted=(1,))
    assert state.last_event_id == 101
    assert state.tickets[1].number == "A001"


def test_newer_version_updates() -> None:
    state = state_with(ticket(1))
    called = ticket_json(1, status="called", counter_id=COUNTER_1, version=2)
    change = state.apply(event(101, "ticket.called", ticket=called))
    assert change.updated == (1,)
    assert state.tickets[1].status == "called"
    assert state.tickets[1].counter_id == COUNTER_1


@pytest.mark.parametrize("status", ["done", "no_show", "cancelled"])
def test_terminal_status_removes(status: str) -> None:
    state = state_with(ticket(1, status="serving", version=3))
    change = state.apply(event(101, "ticket.x", ticket=ticket_json(1, status=status, version=4)))
    assert change == QueueChange(removed=(1,))
    assert 1 not in state.tickets


def test_parked_stays_in_the_state() -> None:
    state = state_with(ticket(1, status="serving", version=3))
    state.apply(event(101, "ticket.parked", ticket=ticket_json(1, status="parked", version=4)))
    assert state.tickets[1].status == "parked"


def test_replayed_event_changes_nothing() -> None:
    state = state_with()
    issued = event(101, "ticket.issued", ticket=ticket_json(1))
    state.apply(issued)
    assert state.apply(issued).empty
    assert len(state.tickets) == 1


def test_older_version_is_ignored_whatever_the_order() -> None:
    state = state_with(ticket(1, status="serving", version=3))
    # The list already held version 3; the replay of the call (version 2) comes after it.
    stale = event(101, "ticket.called", ticket=ticket_json(1, status="called", version=2))
    assert state.apply(stale).empty
    assert state.tickets[1].status == "serving"
    assert state.last_event_id == 101  # replayed or not, the stream has moved past it


def test_late_event_does_not_revive_a_removed_ticket() -> None:
    state = state_with(ticket(1, version=1))
    state.apply(event(103, "ticket.finished", ticket=ticket_json(1, status="done", version=4)))
    late = event(102, "ticket.started", ticket=ticket_json(1, status="serving", version=3))
    assert state.apply(late).empty
    assert 1 not in state.tickets


def test_removal_of_an_unknown_ticket_is_remembered() -> None:
    state = state_with()
    done = event(105, "ticket.cancelled", ticket=ticket_json(9, status="cancelled", version=2))
    assert state.apply(done).empty
    assert state.apply(event(104, "ticket.issued", ticket=ticket_json(9, version=1))).empty
    assert 9 not in state.tickets


def test_reactivated_ticket_comes_back() -> None:
    state = state_with(ticket(1, version=1))
    state.apply(
        event(101, "ticket.cancelled", ticket=ticket_json(1, status="cancelled", version=2))
    )
    change = state.apply(event(102, "ticket.reactivated", ticket=ticket_json(1, version=3)))
    assert change.inserted == (1,)
    assert state.tickets[1].status == "waiting"


def test_events_out_of_order_converge() -> None:
    events = [
        event(101, "ticket.issued", ticket=ticket_json(1, version=1)),
        event(102, "ticket.called", ticket=ticket_json(1, status="called", version=2)),
        event(103, "ticket.started", ticket=ticket_json(1, status="serving", version=3)),
        event(104, "ticket.issued", ticket=ticket_json(2, version=1)),
    ]
    in_order, shuffled = state_with(), state_with()
    in_order.apply_all(events)
    shuffled.apply_all([events[2], events[0], events[3], events[1], events[2]])
    assert dict(in_order.tickets) == dict(shuffled.tickets)
    assert in_order.tickets[1].status == "serving"
    assert shuffled.last_event_id == 104


def test_reset_changes_nothing() -> None:
    state = state_with(ticket(1))
    reset = QueueEvent.from_sse("reset", '{"last_event_id": 7}')
    assert reset.is_reset
    assert reset.seq == 7
    assert state.apply(reset).empty
    assert state.last_event_id == 100


# --- counter patches ------------------------------------------------------------------------


def test_counter_patch_merges_keeping_name_and_attendant() -> None:
    state = state_with()
    patch = counter_patch(
        COUNTER_1, number=1, state="paused", pause_reason="break", user_id=ALICE,
        current_ticket_id=None, state_since=iso(5),
    )  # fmt: skip
    change = state.apply(event(101, "counter.paused", counter=patch))
    assert change == QueueChange(counters=(COUNTER_1,))
    counter = state.counters[COUNTER_1]
    assert (counter.state, counter.pause_reason) == ("paused", "break")
    assert counter.state_since == T0 + timedelta(minutes=5)
    assert counter.name == "Balcão 1"
    assert counter.attendant == "Alice Almeida"
    assert counter.service_ids == (SERVICE_A, SERVICE_B)


def test_counter_user_change_drops_an_unknown_name_and_finds_a_known_one() -> None:
    state = state_with()
    state.apply(event(101, "counter.closed", counter=counter_patch(COUNTER_1, state="closed",
                                                                    user_id=None)))  # fmt: skip
    assert state.counters[COUNTER_1].attendant is None
    state.apply(event(102, "counter.opened", counter=counter_patch(COUNTER_2, state="open",
                                                                    user_id=ALICE)))  # fmt: skip
    assert state.counters[COUNTER_2].attendant == "Alice Almeida"  # seen in the snapshot
    state.apply(event(103, "counter.opened", counter=counter_patch(COUNTER_1, state="open",
                                                                    user_id=99)))  # fmt: skip
    assert state.counters[COUNTER_1].attendant is None


def test_ticket_event_with_counter_sets_the_current_number() -> None:
    state = state_with(ticket(1))
    state.apply(
        event(
            101,
            "ticket.called",
            ticket=ticket_json(1, status="called", counter_id=COUNTER_1, version=2),
            counter=counter_patch(COUNTER_1, state="open", current_ticket_id=1),
            reason={"rule": "longest_wait", "text": "waited longest", "details": {}},
        )
    )
    counter = state.counters[COUNTER_1]
    assert (counter.current_ticket_id, counter.current_ticket_number) == (1, "A001")
    state.apply(
        event(
            102,
            "ticket.finished",
            ticket=ticket_json(1, status="done", counter_id=COUNTER_1, version=4),
            counter=counter_patch(COUNTER_1, current_ticket_id=None),
        )
    )
    counter = state.counters[COUNTER_1]
    assert (counter.current_ticket_id, counter.current_ticket_number) == (None, None)


def test_older_counter_patch_is_ignored() -> None:
    state = state_with()
    state.apply(event(105, "counter.paused", counter=counter_patch(COUNTER_1, state="paused")))
    late = event(104, "counter.resumed", counter=counter_patch(COUNTER_1, state="open"))
    assert state.apply(late).empty
    assert state.apply(event(105, "counter.paused", counter=counter_patch(COUNTER_1))).empty
    assert state.counters[COUNTER_1].state == "paused"


def test_replay_up_to_the_snapshot_id_leaves_counters_alone() -> None:
    state = state_with(last_event_id=100)
    old = event(99, "counter.closed", counter=counter_patch(COUNTER_1, state="closed"))
    assert state.apply(old).empty
    assert state.counters[COUNTER_1].state == "open"


def test_services_changed_patch() -> None:
    state = state_with()
    patch = counter_patch(COUNTER_1, services=[{"service_id": SERVICE_C, "weight": 2.0}])
    state.apply(event(101, "counter.services_changed", counter=patch))
    assert state.counters[COUNTER_1].service_ids == (SERVICE_C,)
    assert state.counters[COUNTER_1].state == "open"


def test_patch_of_an_unknown_counter() -> None:
    state = state_with()
    thin = event(101, "counter.paused", counter=counter_patch(77, state="paused"))
    assert state.apply(thin).empty  # too little to show
    full = counter_patch(77, number=7, state="open", user_id=None, state_since=iso(3))
    assert state.apply(event(102, "counter.opened", counter=full)).counters == (77,)
    assert state.counters[77].number == 7


# --- derived views --------------------------------------------------------------------------


def test_waiting_for_a_counter() -> None:
    state = state_with(
        ticket(1, service_id=SERVICE_A, queued=1),
        ticket(2, service_id=SERVICE_B, queued=0),
        ticket(3, service_id=SERVICE_C, queued=0),  # not a service of the counter
        ticket(4, service_id=SERVICE_A, target_counter_id=COUNTER_2),  # reserved elsewhere
        ticket(5, service_id=SERVICE_C, target_counter_id=COUNTER_1, queued=5),  # sent to it
        ticket(6, service_id=SERVICE_A, status="called", counter_id=COUNTER_2),
        ticket(7, service_id=SERVICE_A, front=True, queued=9),  # transferred to the front
    )
    waiting = state.waiting_for((SERVICE_A, SERVICE_B), COUNTER_1)
    assert [t.id for t in waiting] == [7, 2, 1, 5]
    assert [t.id for t in state.waiting_for([SERVICE_A], COUNTER_2)] == [7, 4, 1]
    assert [t.id for t in state.waiting()] == [7, 2, 3, 4, 1, 5]


def test_service_stats() -> None:
    state = state_with(
        ticket(1, service_id=SERVICE_A, queued=0),
        ticket(2, service_id=SERVICE_A, queued=4, priority="elderly"),
        ticket(3, service_id=SERVICE_B, status="called"),
    )
    now = T0 + timedelta(minutes=10)
    stats = state.service_stats(now)
    assert stats[SERVICE_A] == ServiceStats(waiting=2, priority_waiting=1, longest_wait_seconds=600)
    assert stats[SERVICE_B] == ServiceStats()  # a called ticket is not waiting
    assert stats[SERVICE_C] == ServiceStats()
    state.apply(event(101, "ticket.called", ticket=ticket_json(1, status="called", version=2)))
    assert state.service_stats(now)[SERVICE_A].longest_wait_seconds == 360


# --- merging changes ------------------------------------------------------------------------


def test_change_merge() -> None:
    a = QueueChange(inserted=(1,), updated=(2,), removed=(3,), counters=(21,))
    b = QueueChange(inserted=(3,), updated=(1, 4), removed=(1, 2), counters=(21, 22))
    merged = a.merge(b)
    assert merged.inserted == ()  # 1 came and went
    assert merged.updated == (3, 4)  # 3 went and came back: still there, changed
    assert merged.removed == (2,)
    assert merged.counters == (21, 22)


def test_apply_all_merges() -> None:
    state = state_with(ticket(1))
    change = state.apply_all(
        [
            event(101, "ticket.issued", ticket=ticket_json(2)),
            event(102, "ticket.called", ticket=ticket_json(2, status="called", version=2)),
            event(103, "ticket.cancelled", ticket=ticket_json(1, status="cancelled", version=2)),
        ]
    )
    assert change == QueueChange(inserted=(2,), removed=(1,))


# --- parsing events -------------------------------------------------------------------------


def test_event_parsing() -> None:
    data = {
        "seq": 42,
        "kind": "ticket.transferred",
        "at": iso(),
        "ticket": ticket_json(1, version=3, target_counter_id=COUNTER_2),
        "counter": {"id": COUNTER_1, "number": 1, "state": "open", "pause_reason": None,
                    "user_id": ALICE, "current_ticket_id": None, "state_since": iso()},
        "from_counter_id": COUNTER_1,
    }  # fmt: skip
    ev = QueueEvent.from_sse("ticket.transferred", json.dumps(data))
    assert (ev.seq, ev.kind, ev.at, ev.from_counter_id) == (42, "ticket.transferred", T0, COUNTER_1)
    assert ev.ticket is not None
    assert ev.ticket.target_counter_id == COUNTER_2
    assert ev.counter is not None
    assert ev.counter.present == {
        "number", "state", "pause_reason", "user_id", "current_ticket_id", "state_since",
    }  # fmt: skip
    assert ev.counter.current_ticket_id is None
    assert ev.reason is None


def test_called_event_carries_the_reason() -> None:
    reason = {"rule": "priority", "text": "legal priority", "details": {"category": "elderly"}}
    ev = event(5, "ticket.called", ticket=ticket_json(1, status="called"), reason=reason)
    assert ev.reason is not None
    assert ev.reason.rule == CallRule.PRIORITY
    assert ev.reason.details == {"category": "elderly"}


@pytest.mark.parametrize(
    "data",
    ["not json", "[1, 2]", '{"kind": "ticket.issued"}', '{"seq": 1, "at": "yesterday"}',
     '{"seq": 1, "at": "2026-11-23T10:00:00+00:00", "ticket": {"id": 1}}'],
)  # fmt: skip
def test_unreadable_event_is_a_bad_answer(data: str) -> None:
    with pytest.raises(BalcaoError) as caught:
        QueueEvent.from_sse("ticket.issued", data)
    assert caught.value.code == "client.bad_answer"


def test_learning_names() -> None:
    state = state_with()
    state.apply(event(101, "counter.opened", counter=counter_patch(COUNTER_2, state="open",
                                                                    user_id=99)))  # fmt: skip
    assert state.unnamed_counters() == (COUNTER_2,)
    change = state.learn_names({99: "Rui Carvalho", ALICE: "Alice Almeida"})
    assert change == QueueChange(counters=(COUNTER_2,))
    assert state.counters[COUNTER_2].attendant == "Rui Carvalho"
    assert state.unnamed_counters() == ()
    state.apply(event(102, "counter.closed", counter=counter_patch(COUNTER_2, user_id=None)))
    state.apply(event(103, "counter.opened", counter=counter_patch(COUNTER_2, user_id=99)))
    assert state.counters[COUNTER_2].attendant == "Rui Carvalho"  # remembered
