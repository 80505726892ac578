"""Which ticket actions are legal from which status: the queue's state machine, as data."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class Action(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    TRANSFER = "transfer"
    PARK = "park"
    RETURN = "return"
    CANCEL = "cancel"
    REACTIVATE = "reactivate"


ALLOWED_FROM: dict[Action, frozenset[Status]] = {
    Action.CALL: frozenset({Status.WAITING}),
    Action.RECALL: frozenset({Status.CALLED}),
    Action.START: frozenset({Status.CALLED}),
    Action.FINISH: frozenset({Status.SERVING}),
    Action.NO_SHOW: frozenset({Status.CALLED}),
    Action.TRANSFER: frozenset({Status.CALLED, Status.SERVING}),
    Action.PARK: frozenset({Status.CALLED, Status.SERVING}),
    Action.RETURN: frozenset({Status.PARKED}),
    Action.CANCEL: frozenset({Status.WAITING, Status.PARKED}),
    Action.REACTIVATE: frozenset({Status.NO_SHOW, Status.CANCELLED}),
}

RESULT: dict[Action, Status] = {
    Action.CALL: Status.CALLED,
    Action.RECALL: Status.CALLED,
    Action.START: Status.SERVING,
    Action.FINISH: Status.DONE,
    Action.NO_SHOW: Status.NO_SHOW,
    Action.TRANSFER: Status.WAITING,
    Action.PARK: Status.PARKED,
    Action.RETURN: Status.CALLED,
    Action.CANCEL: Status.CANCELLED,
    Action.REACTIVATE: Status.WAITING,
}

# A counter holds at most one of its tickets in these states at a time.
AT_COUNTER = frozenset({Status.CALLED, Status.SERVING})


def is_allowed(action: Action, status: str) -> bool:
    return status in ALLOWED_FROM[action]


class Outcome(StrEnum):
    RESOLVED = "resolved"
    PARTIALLY_RESOLVED = "partially_resolved"
    REFERRED = "referred"
    NOT_RESOLVED = "not_resolved"
    INFORMATION_ONLY = "information_only"


class PauseReason(StrEnum):
    BREAK = "break"
    BACK_OFFICE = "back_office"
    TRAINING = "training"
    MEETING = "meeting"
    TECHNICAL = "technical"
    OTHER = "other"
