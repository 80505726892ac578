"""Appointments as central describes them (issue 6): the day's agenda (no personal data), a
free slot, a booking receipt, the detail with the citizen, a check-in's ticket, and what the
agenda's search field may hold.

Parsed from central's JSON; a shape that cannot be read raises KeyError/TypeError/ValueError,
which the API layer turns into `client.bad_answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desktop.domain.values import optional_int, parse_day, require_time
from rules.contact import email_error, normalize_phone, phone_error
from rules.nif import nif_error, normalize

# Central's refusals the views explain in words.
TOO_EARLY = "appointment.too_early"
TOO_LATE = "appointment.too_late"
SLOT_TAKEN = "appointment.slot_taken"
ILLEGAL_TRANSITION = "appointment.illegal_transition"
NAME_MIN = 2


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    BEING_SERVED = "being_served"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


@dataclass(frozen=True)
class Appointment:
    """One row of the agenda (central's `AppointmentSummary`): no personal data."""

    id: int
    reference: str
    centre_id: int
    service_id: int
    service_prefix: str
    service_day: date
    starts_at: datetime
    ends_at: datetime
    channel: Channel
    status: AppointmentStatus
    ticket_id: int | None
    ticket_number: str | None
    late_walk_in: bool
    version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Appointment:
        return cls(
            id=int(data["id"]),
            reference=str(data["reference"]),
            centre_id=int(data["centre_id"]),
            service_id=int(data["service_id"]),
            service_prefix=str(data["service_prefix"]),
            service_day=parse_day(data["service_day"]),
            starts_at=require_time(data["starts_at"]),
            ends_at=require_time(data["ends_at"]),
            channel=Channel(data["channel"]),
            status=AppointmentStatus(data["status"]),
            ticket_id=optional_int(data.get("ticket_id")),
            ticket_number=data.get("ticket_number"),
            late_walk_in=bool(data.get("late_walk_in", False)),
            version=int(data["version"]),
        )

    @property
    def remote(self) -> bool:
        return self.channel is not Channel.IN_PERSON


@dataclass(frozen=True)
class Agenda:
    """A day's appointments of a centre, with the time central gave them; `cached` when read
    from the local store because central could not be reached."""

    centre_id: int
    day: date
    appointments: tuple[Appointment, ...]
    fetched_at: datetime
    cached: bool = False


@dataclass(frozen=True)
class FreeSlot:
    service_id: int
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FreeSlot:
        return cls(
            service_id=int(data["service_id"]),
            starts_at=require_time(data["starts_at"]),
            ends_at=require_time(data["ends_at"]),
            capacity=int(data["capacity"]),
            free=int(data["free"]),
        )


@dataclass(frozen=True)
class Citizen:
    name: str
    nif: str | None = None
    phone: str | None = None
    email: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"name": self.name}
        for key in ("nif", "phone", "email"):
            value = getattr(self, key)
            if value:
                body[key] = value
        return body


@dataclass(frozen=True)
class AppointmentDetail:
    """An appointment with the citizen (a recorded read) and what serving it needs."""

    appointment: Appointment
    booking_code: str
    meeting_url: str | None
    citizen: Citizen | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AppointmentDetail:
        person = data.get("citizen")
        return cls(
            appointment=Appointment.from_json(data["appointment"]),
            booking_code=str(data["booking_code"]),
            meeting_url=data.get("meeting_url"),
            citizen=Citizen(
                str(person["name"]), person.get("nif"), person.get("phone"), person.get("email")
            )
            if isinstance(person, dict)
            else None,
        )


@dataclass(frozen=True)
class Booked:
    """What a booking answers: the appointment and the code the citizen keeps."""

    appointment: Appointment
    booking_code: str
    replayed: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any], replayed: bool = False) -> Booked:
        return cls(Appointment.from_json(data["appointment"]), str(data["booking_code"]), replayed)


@dataclass(frozen=True)
class CheckedIn:
    appointment: Appointment
    ticket_id: int
    ticket_number: str
    arrival: str  # on_time | late_walk_in
    minutes_late: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckedIn:
        ticket = data["ticket"]
        return cls(
            appointment=Appointment.from_json(data["appointment"]),
            ticket_id=int(ticket["id"]),
            ticket_number=str(ticket["number"]),
            arrival=str(data["arrival"]),
            minutes_late=int(data.get("minutes_late", 0)),
        )


@dataclass(frozen=True)
class Found:
    """A search hit: the appointment and the citizen's name (central recorded the read)."""

    appointment: Appointment
    name: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Found:
        return cls(Appointment.from_json(data["appointment"]), str(data["name"]))


@dataclass(frozen=True)
class CheckinRules:
    checkin_early_minutes: int
    late_minutes: int
    late_action: str  # normal_queue | refuse

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckinRules:
        return cls(
            int(data["checkin_early_minutes"]), int(data["late_minutes"]), str(data["late_action"])
        )


# --- the search field -----------------------------------------------------------------------


class SearchBy(StrEnum):
    REFERENCE = "reference"
    BOOKING_CODE = "booking_code"
    NIF = "nif"
    NAME = "name"


@dataclass(frozen=True)
class AgendaQuery:
    by: SearchBy
    value: str

    def to_json(self, purpose: str, day: date | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {self.by.value: self.value, "purpose": purpose}
        if day is not None:
            body["day"] = day.isoformat()
        return body

    def matches(self, appointment: Appointment) -> bool:
        """The local filter of the agenda (references only: it holds no personal data)."""
        return self.by is SearchBy.REFERENCE and self.value in appointment.reference


_REFERENCE = re.compile(r"^AP-[0-9A-Z]{4,13}$")
_CODE = re.compile(r"^[0-9A-Z]{3}-?[0-9A-Z]{3}$")


def parse_query(text: str) -> AgendaQuery | str:
    """What the attendant typed, or the code of its problem: digits are a NIF (checked with
    the shared rules: a wrong one is never sent), `AP-…` a reference, `K3M-Q9T` (with or
    without the dash) a booking code, anything else words of a name."""
    value = " ".join(text.split())
    if not value:
        return "appointment.search_needs_criterion"
    compact = normalize(value)
    if compact.isdigit():
        return nif_error(compact) or AgendaQuery(SearchBy.NIF, compact)
    upper = compact.upper()
    if _REFERENCE.match(upper):
        return AgendaQuery(SearchBy.REFERENCE, upper)
    if _CODE.match(upper) and any(c.isdigit() for c in upper):
        code = upper.replace("-", "")
        return AgendaQuery(SearchBy.BOOKING_CODE, f"{code[:3]}-{code[3:]}")
    if len(value) < NAME_MIN:
        return "appointment.search_too_short"
    return AgendaQuery(SearchBy.NAME, value)


def citizen_errors(citizen: Citizen, channel: Channel) -> dict[str, str]:
    """Field -> the shared rules' code, as central would refuse them: a name, a valid NIF if
    given, a phone for phone appointments, a phone or an e-mail always."""
    errors: dict[str, str] = {}
    if len(citizen.name.strip()) < NAME_MIN:
        errors["name"] = "citizen.name_required"
    if citizen.nif:
        problem = nif_error(normalize(citizen.nif))
        if problem:
            errors["nif"] = problem
    if citizen.phone:
        problem = phone_error(citizen.phone)
        if problem:
            errors["phone"] = problem
    elif channel is Channel.PHONE:
        errors["phone"] = "appointment.phone_required"
    if citizen.email:
        problem = email_error(citizen.email)
        if problem:
            errors["email"] = problem
    if not (citizen.phone or citizen.email):
        errors.setdefault("phone", "appointment.contact_required")
    return errors


def clean_citizen(name: str, nif: str, phone: str, email: str) -> Citizen:
    return Citizen(
        " ".join(name.split()),
        normalize(nif) or None,
        normalize_phone(phone) if phone.strip() else None,
        email.strip() or None,
    )
