from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class ServiceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str
    prefix: str
    target_wait_minutes: int
    priority_allowed: bool
    active: bool


class CounterServiceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    service_id: int
    weight: float


class CounterRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    number: int
    name: str
    state: str
    pause_reason: str | None
    user_id: int | None
    current_ticket_id: int | None
    state_since: datetime
    # Read from the ORM's `service_links`, published as `services`.
    services: list[CounterServiceRead] = Field(
        validation_alias=AliasChoices("service_links", "services")
    )


class CentreSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str
    timezone: str


class CentreRead(CentreSummary):
    opening_hours: dict[str, Any]
    policy: dict[str, Any]
    services: list[ServiceRead]
    counters: list[CounterRead]


class CounterServiceLink(BaseModel):
    service_id: int
    weight: float = Field(default=1.0, ge=0, le=10)


class CounterServicesUpdate(BaseModel):
    services: list[CounterServiceLink] = Field(min_length=1, max_length=50)
