"""Request and response bodies of the appointment routes.

Citizen fields are checked with the same rules as cases (`rules/`, through the cases' types), so
the desktop and central refuse the same values with the same codes. Answers to commands are
receipts without personal data, because stored answers (idempotency) are kept.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from central.appointments import queries, service
from central.appointments.schedules import Channel, CheckinRules, LateAction
from central.cases.kinds import ReadPurpose
from central.cases.schemas import Email, Nif, Phone, Text200
from central.tickets.schemas import TicketRead

MEETING_URL_MAX = 500


def _meeting_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError("appointment.meeting_url_invalid", "Not an http(s) link.")
    return value


MeetingUrl = Annotated[str, Field(max_length=MEETING_URL_MAX), AfterValidator(_meeting_url)]


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise PydanticCustomError("datetime.naive", "Give the time with its offset (or Z).")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- rules, schedules, closures -------------------------------------------------------------


class RulesBody(_Strict):
    checkin_early_minutes: int = Field(ge=0, le=240)
    late_minutes: int = Field(ge=0, le=240)
    late_action: LateAction

    def to_rules(self) -> CheckinRules:
        return CheckinRules(self.checkin_early_minutes, self.late_minutes, self.late_action)

    @classmethod
    def of(cls, rules: CheckinRules) -> RulesBody:
        return cls(
            checkin_early_minutes=rules.checkin_early_minutes,
            late_minutes=rules.late_minutes,
            late_action=rules.late_action,
        )


class ScheduleBody(_Strict):
    # {"mon": [["09:00", "12:30"], ["14:00", "17:00"]], ...}, the centre's local time.
    weekly_hours: dict[str, list[Annotated[list[str], Field(min_length=2, max_length=2)]]]
    slot_minutes: int = Field(ge=5, le=480)
    capacity: int = Field(ge=1, le=200)
    horizon_days: int = Field(default=90, ge=1, le=366)
    active: bool = True

    def to_input(self) -> service.ScheduleInput:
        return service.ScheduleInput(
            weekly_hours=dict(self.weekly_hours),
            slot_minutes=self.slot_minutes,
            capacity=self.capacity,
            horizon_days=self.horizon_days,
            active=self.active,
        )


class ScheduleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    centre_id: int
    service_id: int
    weekly_hours: dict[str, Any]
    slot_minutes: int
    capacity: int
    horizon_days: int
    active: bool
    updated_at: datetime


class ClosureBody(_Strict):
    day: date
    service_id: int | None = None  # None: the whole centre
    reason: str = Field(min_length=1, max_length=200)


class ClosureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    centre_id: int
    service_id: int | None
    day: date
    reason: str


class FreeSlotRead(BaseModel):
    service_id: int
    starts_at: datetime
    ends_at: datetime
    local_starts_at: str  # ISO 8601 with the centre's offset, e.g. 2026-11-24T09:30:00+00:00
    capacity: int
    free: int

    @classmethod
    def of(cls, slot: service.FreeSlot) -> FreeSlotRead:
        return cls.model_validate(service.slot_payload(slot))


# --- booking --------------------------------------------------------------------------------


class CitizenBody(_Strict):
    name: Text200 = Field(min_length=2)
    nif: Nif | None = None
    phone: Phone | None = None
    email: Email | None = None

    def to_input(self) -> service.CitizenInput:
        return service.CitizenInput(self.name, self.nif, self.phone, self.email)


class BookBody(_Strict):
    service_id: int
    starts_at: AwareDatetime
    channel: Channel = Channel.IN_PERSON
    meeting_url: MeetingUrl | None = None
    citizen: CitizenBody

    def to_booking(self) -> service.Booking:
        return service.Booking(
            service_id=self.service_id,
            starts_at=self.starts_at,
            channel=self.channel,
            citizen=self.citizen.to_input(),
            meeting_url=self.meeting_url,
        )


class RescheduleBody(_Strict):
    starts_at: AwareDatetime


class AppointmentSummary(BaseModel):
    """No personal data: the agenda, receipts of commands, events."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    reference: str
    centre_id: int
    service_id: int
    service_prefix: str
    service_day: date
    starts_at: datetime
    ends_at: datetime
    channel: Channel
    status: str
    ticket_id: int | None
    ticket_number: str | None
    on_display: bool
    late_walk_in: bool
    checked_in_at: datetime | None
    version: int


class BookingReceipt(BaseModel):
    """What a booking answers: the summary and the code the citizen keeps."""

    appointment: AppointmentSummary
    booking_code: str


class CitizenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    nif: str | None
    phone: str | None
    email: str | None


class AppointmentDetail(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    appointment: AppointmentSummary
    booking_code: str
    meeting_url: str | None
    citizen: CitizenRead | None
    created_at: datetime
    cancelled_at: datetime | None

    @classmethod
    def of(cls, detail: queries.Detail) -> AppointmentDetail:
        return cls(
            appointment=AppointmentSummary.model_validate(detail.summary),
            booking_code=detail.booking_code,
            meeting_url=detail.meeting_url,
            citizen=CitizenRead.model_validate(detail.citizen) if detail.citizen else None,
            created_at=detail.created_at,
            cancelled_at=detail.cancelled_at,
        )


class CheckInRead(BaseModel):
    appointment: AppointmentSummary
    ticket: TicketRead
    arrival: str  # on_time | late_walk_in
    minutes_late: int


class AppointmentSearch(_Strict):
    """At least one criterion; each hit shows the name, so each is recorded with `purpose`."""

    reference: str | None = Field(default=None, min_length=1, max_length=16)
    booking_code: str | None = Field(default=None, min_length=6, max_length=8)
    nif: Nif | None = None
    name: str | None = Field(default=None, min_length=2, max_length=200)
    day: date | None = None
    purpose: ReadPurpose
    limit: int = Field(default=20, ge=1, le=100)

    @model_validator(mode="after")
    def _some_criterion(self) -> AppointmentSearch:
        if not any((self.reference, self.booking_code, self.nif, self.name)):
            raise PydanticCustomError(
                "appointment.search_needs_criterion",
                "Give a reference, a booking code, a NIF or a name.",
            )
        return self


class AppointmentFound(BaseModel):
    appointment: AppointmentSummary
    name: str


def summary(value: queries.Summary) -> AppointmentSummary:
    return AppointmentSummary.model_validate(value)
