"""Tickets as the desktop sees them: immutable values parsed from the central's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desktop.domain.values import optional_int, parse_day, parse_time, require_time


class Status(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    PARKED = "parked"


class Priority(StrEnum):
    """Legal priority categories (in Portugal, Decreto-Lei 58/2016)."""

    NONE = "none"
    DISABILITY = "disability"
    ELDERLY = "elderly"
    PREGNANCY = "pregnancy"
    INFANT = "infant"


class Outcome(StrEnum):
    RESOLVED = "resolved"
    PARTIALLY_RESOLVED = "partially_resolved"
    REFERRED = "referred"
    NOT_RESOLVED = "not_resolved"
    INFORMATION_ONLY = "information_only"


class Position(StrEnum):
    BACK = "back"
    FRONT = "front"


class CallRule(StrEnum):
    FRONT = "front"
    APPOINTMENT = "appointment"
    ANTI_STARVATION = "anti_starvation"
    PRIORITY = "priority"
    LONGEST_WAIT = "longest_wait"
    EARLY_APPOINTMENT = "early_appointment"
    SPECIFIC = "specific"


@dataclass(frozen=True)
class CallReason:
    """Why the policy chose a ticket; `details` holds the facts a view turns into a sentence."""

    rule: str
    text: str
    details: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> CallReason | None:
        if not data:
            return None
        return cls(str(data["rule"]), str(data.get("text", "")), dict(data.get("details") or {}))


@dataclass(frozen=True)
class TicketSummary:
    """What the live stream carries about a ticket (never notes): enough to keep a queue."""

    id: int
    number: str
    service_id: int
    status: str
    priority: str
    counter_id: int | None
    target_counter_id: int | None
    front: bool
    appointment_at: datetime | None
    issued_at: datetime | None
    queued_at: datetime
    called_at: datetime | None
    call_count: int
    version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TicketSummary:
        return cls(
            id=int(data["id"]),
            number=str(data["number"]),
            service_id=int(data["service_id"]),
            status=str(data["status"]),
            priority=str(data.get("priority") or Priority.NONE),
            counter_id=optional_int(data.get("counter_id")),
            target_counter_id=optional_int(data.get("target_counter_id")),
            front=bool(data.get("front", False)),
            appointment_at=parse_time(data.get("appointment_at")),
            issued_at=parse_time(data.get("issued_at")),
            queued_at=require_time(data["queued_at"]),
            called_at=parse_time(data.get("called_at")),
            call_count=int(data.get("call_count", 0)),
            version=int(data.get("version", 0)),
        )

    @property
    def is_priority(self) -> bool:
        return self.priority != Priority.NONE


@dataclass(frozen=True)
class Ticket:
    """A ticket in full, as `TicketRead` gives it."""

    id: int
    centre_id: int
    number: str
    service_id: int
    issued_service_id: int
    service_day: date
    status: str
    priority: str
    appointment_at: datetime | None
    issued_at: datetime
    queued_at: datetime
    front: bool
    target_counter_id: int | None
    counter_id: int | None
    attendant_id: int | None
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    call_count: int
    transfer_count: int
    call_reason: CallReason | None
    outcome: str | None
    notes: str | None
    services_performed: tuple[str, ...]
    version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ticket:
        return cls(
            id=int(data["id"]),
            centre_id=int(data["centre_id"]),
            number=str(data["number"]),
            service_id=int(data["service_id"]),
            issued_service_id=int(data["issued_service_id"]),
            service_day=parse_day(data["service_day"]),
            status=str(data["status"]),
            priority=str(data["priority"]),
            appointment_at=parse_time(data.get("appointment_at")),
            issued_at=require_time(data["issued_at"]),
            queued_at=require_time(data["queued_at"]),
            front=bool(data["front"]),
            target_counter_id=optional_int(data.get("target_counter_id")),
            counter_id=optional_int(data.get("counter_id")),
            attendant_id=optional_int(data.get("attendant_id")),
            called_at=parse_time(data.get("called_at")),
            started_at=parse_time(data.get("started_at")),
            finished_at=parse_time(data.get("finished_at")),
            call_count=int(data.get("call_count", 0)),
            transfer_count=int(data.get("transfer_count", 0)),
            call_reason=CallReason.from_json(data.get("call_reason")),
            outcome=data.get("outcome"),
            notes=data.get("notes"),
            services_performed=tuple(data.get("services_performed") or ()),
            version=int(data["version"]),
        )

    def summary(self) -> TicketSummary:
        return TicketSummary(
            id=self.id,
            number=self.number,
            service_id=self.service_id,
            status=self.status,
            priority=self.priority,
            counter_id=self.counter_id,
            target_counter_id=self.target_counter_id,
            front=self.front,
            appointment_at=self.appointment_at,
            issued_at=self.issued_at,
            queued_at=self.queued_at,
            called_at=self.called_at,
            call_count=self.call_count,
            version=self.version,
        )

    @property
    def is_priority(self) -> bool:
        return self.priority != Priority.NONE


@dataclass(frozen=True)
class CallResult:
    ticket: Ticket
    reason: CallReason

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CallResult:
        reason = CallReason.from_json(data["reason"])
        assert reason is not None
        return cls(Ticket.from_json(data["ticket"]), reason)
