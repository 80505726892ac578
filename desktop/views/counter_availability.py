"""Which counter actions are available, and why not: a pure function of the ticket at the
counter, the counter's state, a command in flight and the live feed being offline. The window
turns the reasons into sentences and the next step into the highlighted button."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.tickets import Status
from desktop.views import counter_actions as names

CALLING = (names.CALL_NEXT, names.CALL_NUMBER, names.RETURN_PARKED)


class Blocker(StrEnum):
    """Why an action is unavailable (shown in its tooltip)."""

    OFFLINE = "offline"  # no connection to the central: the queue actions wait
    BUSY = "busy"  # the previous command is still running
    PAUSED = "paused"  # the counter is paused: nobody can be called
    OCCUPIED = "occupied"  # a citizen is at the counter: finish, transfer or suspend first


@dataclass(frozen=True)
class Availability:
    enabled: dict[str, bool]
    blockers: dict[str, Blocker]
    next_step: str  # the action that stands out: call, then start, then finish


def counter_availability(
    *, status: str | None, counter_state: str | None, busy: bool, offline: bool
) -> Availability:
    """`status` of the ticket at the counter (None: nobody), `counter_state` None while the
    counter is not open yet."""
    ready = counter_state is not None and not busy
    is_open = counter_state == "open"
    paused = counter_state == "paused"
    free = status is None
    enabled = {
        names.CALL_NEXT: ready and is_open and free,
        names.CALL_NUMBER: ready and is_open and free,
        names.RETURN_PARKED: ready and is_open and free,
        names.RECALL: ready and status == Status.CALLED,
        names.START: ready and status == Status.CALLED,
        names.NO_SHOW: ready and status == Status.CALLED,
        names.FINISH: ready and status == Status.SERVING,
        names.TRANSFER: ready and status in (Status.CALLED, Status.SERVING),
        names.PARK: ready and status in (Status.CALLED, Status.SERVING),
        names.PAUSE: ready and is_open and free,
        names.RESUME: ready and paused,
    }
    blockers: dict[str, Blocker] = {}
    if offline:
        for name in names.QUEUE_ACTIONS:
            enabled[name] = False
            blockers[name] = Blocker.OFFLINE
    elif busy:
        blockers = dict.fromkeys(enabled, Blocker.BUSY)
    elif paused:
        blockers = dict.fromkeys(CALLING, Blocker.PAUSED)
    elif not free:
        blockers = dict.fromkeys((*CALLING, names.PAUSE), Blocker.OCCUPIED)
    if status == Status.SERVING:
        next_step = names.FINISH
    elif status == Status.CALLED:
        next_step = names.START
    else:
        next_step = names.CALL_NEXT
    return Availability(enabled, blockers, next_step)
