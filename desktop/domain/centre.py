"""Reference data of a centre: its services and counters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.domain.values import optional_int, require_time


class CounterState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    PAUSED = "paused"


class PauseReason(StrEnum):
    BREAK = "break"
    BACK_OFFICE = "back_office"
    TRAINING = "training"
    MEETING = "meeting"
    TECHNICAL = "technical"
    OTHER = "other"


@dataclass(frozen=True)
class ServiceInfo:
    id: int
    code: str
    name: str
    prefix: str
    target_wait_minutes: int
    priority_allowed: bool
    active: bool = True

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ServiceInfo:
        return cls(
            id=int(data["id"]),
            code=str(data.get("code", "")),
            name=str(data["name"]),
            prefix=str(data["prefix"]),
            target_wait_minutes=int(data.get("target_wait_minutes", 0)),
            priority_allowed=bool(data.get("priority_allowed", True)),
            active=bool(data.get("active", True)),
        )


@dataclass(frozen=True)
class CounterInfo:
    """A counter as `CounterRead` describes it; `services` are (service_id, weight) pairs."""

    id: int
    number: int
    name: str
    state: str
    pause_reason: str | None
    user_id: int | None
    current_ticket_id: int | None
    state_since: datetime
    services: tuple[tuple[int, float], ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CounterInfo:
        return cls(
            id=int(data["id"]),
            number=int(data["number"]),
            name=str(data["name"]),
            state=str(data["state"]),
            pause_reason=data.get("pause_reason"),
            user_id=optional_int(data.get("user_id")),
            current_ticket_id=optional_int(data.get("current_ticket_id")),
            state_since=require_time(data["state_since"]),
            services=tuple(
                (int(s["service_id"]), float(s.get("weight", 1.0)))
                for s in data.get("services") or ()
            ),
        )

    @property
    def service_ids(self) -> tuple[int, ...]:
        return tuple(service_id for service_id, _weight in self.services)


@dataclass(frozen=True)
class Centre:
    id: int
    code: str
    name: str
    timezone: str
    services: tuple[ServiceInfo, ...] = ()
    counters: tuple[CounterInfo, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Centre:
        return cls(
            id=int(data["id"]),
            code=str(data["code"]),
            name=str(data["name"]),
            timezone=str(data["timezone"]),
            services=tuple(ServiceInfo.from_json(s) for s in data.get("services") or ()),
            counters=tuple(CounterInfo.from_json(c) for c in data.get("counters") or ()),
        )

    def service(self, service_id: int) -> ServiceInfo | None:
        return next((s for s in self.services if s.id == service_id), None)

    def counter(self, counter_id: int) -> CounterInfo | None:
        return next((c for c in self.counters if c.id == counter_id), None)
