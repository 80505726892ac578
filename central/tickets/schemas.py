from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from central.tickets.policy import Priority
from central.tickets.transitions import Outcome, PauseReason

Position = Literal["front", "back"]


class TicketRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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
    call_reason: dict[str, Any] | None
    outcome: str | None
    notes: str | None
    services_performed: list[str] | None
    version: int
    # False for a remote appointment's ticket: not shown on the public display.
    on_display: bool = True


class CallReason(BaseModel):
    rule: str
    text: str
    details: dict[str, Any]


class CallRead(BaseModel):
    ticket: TicketRead
    reason: CallReason


class TicketIssue(BaseModel):
    service_id: int
    priority: Priority = Priority.NONE


class CallSpecific(BaseModel):
    ticket_id: int | None = None
    number: str | None = Field(default=None, min_length=2, max_length=8)

    @model_validator(mode="after")
    def _one_of(self) -> CallSpecific:
        if (self.ticket_id is None) == (self.number is None):
            raise ValueError("give exactly one of ticket_id or number")
        return self


class Finish(BaseModel):
    outcome: Outcome
    notes: str | None = Field(default=None, max_length=2000)
    services_performed: list[str] = Field(default_factory=list, max_length=20)


class Transfer(BaseModel):
    service_id: int | None = None
    counter_id: int | None = None
    position: Position = "back"


class ReturnParked(BaseModel):
    counter_id: int


class Reactivate(BaseModel):
    position: Position = "back"


class Pause(BaseModel):
    reason: PauseReason


class ServiceQueueRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    service_id: int
    prefix: str
    name: str
    target_wait_minutes: int
    waiting: int
    priority_waiting: int
    longest_wait_seconds: int


class TicketBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    service_id: int
    status: str
    called_at: datetime | None
    started_at: datetime | None


class CounterStateRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    counter_id: int
    number: int
    name: str
    state: str
    pause_reason: str | None
    state_since: datetime
    user_id: int | None
    attendant: str | None
    service_ids: list[int]
    ticket: TicketBrief | None


class QueueSnapshotRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    centre_id: int
    as_of: datetime
    last_event_id: int
    services: list[ServiceQueueRead]
    counters: list[CounterStateRead]
