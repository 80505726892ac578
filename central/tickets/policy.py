"""Which waiting ticket a counter gets when it calls next: a pure, per-centre configurable rule.

The rules, in order (the first that yields a ticket wins):

1. **Returned to the front**: a ticket transferred "to the front" (or put back by a counter that
   closed while calling it) has already waited its turn; oldest such first.
2. **Appointment due**: a checked-in appointment whose time has come (``appointment_early_minutes``
   before it counts as due); earliest appointment first.
3. **Anti-starvation**: after ``anti_starvation_after`` legal-priority calls in a row by this
   counter, a normal ticket that has waited ``anti_starvation_wait_minutes`` or more goes first.
4. **Legal priority** (Portugal: Decreto-Lei 58/2016, attendance priority for persons with a
   disability or incapacity, elderly persons with evident need, pregnant women, and persons
   accompanied by an infant up to 2 years): oldest priority ticket first, for categories enabled
   at the centre and services that allow priority.
5. **Longest wait, weighted**: the largest ``waited seconds x the counter's weight for that
   service``; a counter that mostly serves B but helps with A uses e.g. B=1.0, A=0.3.
6. **Early appointment**: an appointment not yet due, when nothing else waits.

Every choice carries the rule and the facts behind it, so the counter can say why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class Priority(StrEnum):
    NONE = "none"
    DISABILITY = "disability"
    ELDERLY = "elderly"
    PREGNANCY = "pregnancy"
    INFANT = "infant"


LEGAL_PRIORITIES = frozenset(p for p in Priority if p is not Priority.NONE)


class Rule(StrEnum):
    FRONT = "front"
    APPOINTMENT = "appointment"
    ANTI_STARVATION = "anti_starvation"
    PRIORITY = "priority"
    LONGEST_WAIT = "longest_wait"
    EARLY_APPOINTMENT = "early_appointment"
    SPECIFIC = "specific"


@dataclass(frozen=True)
class PolicyConfig:
    appointment_early_minutes: int = 0
    priority_categories: frozenset[str] = LEGAL_PRIORITIES
    anti_starvation_after: int = 3
    anti_starvation_wait_minutes: int = 20

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> PolicyConfig:
        data = data or {}
        default = cls()
        categories = data.get("priority_categories")
        return cls(
            appointment_early_minutes=int(
                data.get("appointment_early_minutes", default.appointment_early_minutes)
            ),
            priority_categories=(
                frozenset(categories) & LEGAL_PRIORITIES
                if categories is not None
                else default.priority_categories
            ),
            anti_starvation_after=int(
                data.get("anti_starvation_after", default.anti_starvation_after)
            ),
            anti_starvation_wait_minutes=int(
                data.get("anti_starvation_wait_minutes", default.anti_starvation_wait_minutes)
            ),
        )

    def to_mapping(self) -> dict[str, Any]:
        return {
            "appointment_early_minutes": self.appointment_early_minutes,
            "priority_categories": sorted(self.priority_categories),
            "anti_starvation_after": self.anti_starvation_after,
            "anti_starvation_wait_minutes": self.anti_starvation_wait_minutes,
        }


@dataclass(frozen=True)
class Candidate:
    ticket_id: int
    number: str
    service_id: int
    service_prefix: str
    queued_at: datetime
    priority: str = Priority.NONE
    priority_allowed: bool = True
    appointment_at: datetime | None = None
    front: bool = False


@dataclass(frozen=True)
class Choice:
    ticket_id: int
    rule: Rule
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        """English text for logs and API users; the desktop builds its own from rule+details."""
        d = self.details
        match self.rule:
            case Rule.FRONT:
                return f"returned to the front of {d['service']}"
            case Rule.APPOINTMENT:
                return f"appointment {d['appointment_local']}"
            case Rule.EARLY_APPOINTMENT:
                return f"appointment {d['appointment_local']} (early, nobody else waiting)"
            case Rule.ANTI_STARVATION:
                return (
                    f"waited {d['waited_minutes']} min in {d['service']} "
                    f"after {d['priority_streak']} priority calls"
                )
            case Rule.PRIORITY:
                return f"priority: {d['priority']}"
            case Rule.LONGEST_WAIT:
                return f"longest wait in {d['service']}, {d['waited_minutes']} min"
            case Rule.SPECIFIC:
                return "called by number"


def _waited_minutes(c: Candidate, now: datetime) -> int:
    return max(0, int((now - c.queued_at).total_seconds() // 60))


def _is_priority(c: Candidate, config: PolicyConfig) -> bool:
    return c.priority_allowed and c.priority in config.priority_categories


def rank(
    candidates: Iterable[Candidate],
    *,
    weights: Mapping[int, float],
    priority_streak: int,
    config: PolicyConfig,
    now: datetime,
    local: Any = None,
) -> list[Choice]:
    """All candidates, best first, each with the rule that placed it.

    ``local`` converts an aware datetime to the centre's time for explanations (identity if None).
    The caller tries them in order: with SKIP LOCKED the best may be taken by another counter.
    """
    to_local = local or (lambda dt: dt)
    pool = list(candidates)
    ranked: list[Choice] = []
    taken: set[int] = set()

    def take(items: Sequence[Candidate], rule: Rule, details: Any) -> None:
        for c in items:
            if c.ticket_id not in taken:
                taken.add(c.ticket_id)
                ranked.append(Choice(c.ticket_id, rule, details(c)))

    def oldest(items: Iterable[Candidate]) -> list[Candidate]:
        return sorted(items, key=lambda c: (c.queued_at, c.ticket_id))

    def appointment_details(c: Candidate) -> dict[str, Any]:
        assert c.appointment_at is not None
        return {
            "appointment_at": c.appointment_at.isoformat(),
            "appointment_local": to_local(c.appointment_at).strftime("%H:%M"),
            "service": c.service_prefix,
        }

    def wait_details(c: Candidate) -> dict[str, Any]:
        return {"service": c.service_prefix, "waited_minutes": _waited_minutes(c, now)}

    due_before = now + timedelta(minutes=config.appointment_early_minutes)
    appointments = [c for c in pool if c.appointment_at is not None]
    due = sorted(
        (c for c in appointments if c.appointment_at <= due_before),  # type: ignore[operator]
        key=lambda c: (c.appointment_at, c.ticket_id),
    )
    walk_ins = [c for c in pool if c.appointment_at is None and not c.front]
    normal = [c for c in walk_ins if not _is_priority(c, config)]
    priority = [c for c in walk_ins if _is_priority(c, config)]

    take(oldest(c for c in pool if c.front), Rule.FRONT, wait_details)
    take(due, Rule.APPOINTMENT, appointment_details)

    if config.anti_starvation_after > 0 and priority_streak >= config.anti_starvation_after:
        limit = timedelta(minutes=config.anti_starvation_wait_minutes)
        starving = [c for c in oldest(normal) if now - c.queued_at >= limit]
        take(
            starving,
            Rule.ANTI_STARVATION,
            lambda c: {**wait_details(c), "priority_streak": priority_streak},
        )

    take(
        oldest(priority),
        Rule.PRIORITY,
        lambda c: {
            "priority": c.priority,
            "service": c.service_prefix,
            "waited_minutes": _waited_minutes(c, now),
        },
    )

    def weighted(c: Candidate) -> tuple[float, float, int]:
        waited = (now - c.queued_at).total_seconds()
        return (-waited * weights.get(c.service_id, 1.0), -waited, c.ticket_id)

    take(sorted(normal, key=weighted), Rule.LONGEST_WAIT, wait_details)
    take(
        sorted(
            (c for c in appointments if c.ticket_id not in taken),
            key=lambda c: (c.appointment_at, c.ticket_id),
        ),
        Rule.EARLY_APPOINTMENT,
        appointment_details,
    )
    return ranked


def choose_next(
    candidates: Iterable[Candidate],
    *,
    weights: Mapping[int, float],
    priority_streak: int,
    config: PolicyConfig,
    now: datetime,
    local: Any = None,
) -> Choice | None:
    ranked = rank(
        candidates,
        weights=weights,
        priority_streak=priority_streak,
        config=config,
        now=now,
        local=local,
    )
    return ranked[0] if ranked else None


def next_priority_streak(streak: int, rule: Rule) -> int:
    """Priority calls in a row; a normal call resets it, appointments and returns leave it."""
    if rule is Rule.PRIORITY:
        return streak + 1
    if rule in (Rule.LONGEST_WAIT, Rule.ANTI_STARVATION):
        return 0
    return streak
