"""Which counter actions are available and why not: the pure rules behind the action bar."""

from __future__ import annotations

from desktop.views import counter_actions as names
from desktop.views.counter_availability import Blocker, counter_availability


def enabled_names(**state: object) -> set[str]:
    availability = counter_availability(**state)  # type: ignore[arg-type]
    return {name for name, on in availability.enabled.items() if on}


def test_a_free_open_counter_calls():
    availability = counter_availability(
        status=None, counter_state="open", busy=False, offline=False
    )
    assert {n for n, on in availability.enabled.items() if on} == {
        names.CALL_NEXT,
        names.CALL_NUMBER,
        names.RETURN_PARKED,
        names.PAUSE,
    }
    assert availability.blockers == {}
    assert availability.next_step == names.CALL_NEXT


def test_the_visit_moves_the_next_step():
    called = counter_availability(status="called", counter_state="open", busy=False, offline=False)
    assert called.next_step == names.START
    assert called.blockers[names.CALL_NEXT] == Blocker.OCCUPIED
    serving = counter_availability(
        status="serving", counter_state="open", busy=False, offline=False
    )
    assert serving.next_step == names.FINISH
    assert enabled_names(status="serving", counter_state="open", busy=False, offline=False) == {
        names.FINISH,
        names.TRANSFER,
        names.PARK,
    }


def test_offline_keeps_the_visit_and_stops_the_queue():
    availability = counter_availability(
        status="serving", counter_state="open", busy=False, offline=True
    )
    assert {n for n, on in availability.enabled.items() if on} == {names.FINISH}
    assert set(availability.blockers) == set(names.QUEUE_ACTIONS)
    assert set(availability.blockers.values()) == {Blocker.OFFLINE}


def test_busy_and_paused_say_why():
    busy = counter_availability(status=None, counter_state="open", busy=True, offline=False)
    assert not any(busy.enabled.values())
    assert set(busy.blockers.values()) == {Blocker.BUSY}
    paused = counter_availability(status=None, counter_state="paused", busy=False, offline=False)
    assert {n for n, on in paused.enabled.items() if on} == {names.RESUME}
    assert paused.blockers[names.CALL_NEXT] == Blocker.PAUSED


def test_nothing_before_the_counter_is_open():
    assert enabled_names(status=None, counter_state=None, busy=False, offline=False) == set()
