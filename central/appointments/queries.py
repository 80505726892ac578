"""Reading appointments: the agenda (no personal data), search and detail (recorded in the
read log), the attendant's view of a called ticket, and iCalendar.

An appointment's status after check-in is derived from its ticket (`service.effective_status`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from central.appointments import ical
from central.appointments.models import Appointment, AppointmentCitizen, AppointmentReadLog
from central.appointments.schedules import REMOTE_CHANNELS, Channel, local_day
from central.appointments.service import (
    AppointmentStatus,
    centre_of,
    effective_status,
    rules_of,
    service_of,
)
from central.auth.actor import Actor
from central.cases.kinds import ReadAccess
from central.cases.similarity import name_key
from central.errors import NotFound
from central.reference.models import Centre, Service
from central.tickets.models import Ticket

# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """An appointment without personal data: what lists and the agenda show."""

    id: int
    reference: str
    centre_id: int
    service_id: int
    service_prefix: str
    service_day: date
    starts_at: datetime
    ends_at: datetime
    channel: str
    status: str
    ticket_id: int | None
    ticket_number: str | None
    on_display: bool
    late_walk_in: bool
    checked_in_at: datetime | None
    version: int


@dataclass(frozen=True)
class Citizen:
    name: str
    nif: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class Detail:
    summary: Summary
    booking_code: str
    meeting_url: str | None
    citizen: Citizen | None
    created_at: datetime
    cancelled_at: datetime | None


# Every summary read: the appointment, its ticket's status and number, the service's prefix.
_SUMMARY = (
    select(Appointment, Ticket.status, Ticket.number, Service.prefix)
    .join(Service, Service.id == Appointment.service_id)
    .outerjoin(Ticket, Ticket.id == Appointment.ticket_id)
)


def _summary(a: Appointment, ticket_status: str | None, number: str | None, prefix: str) -> Summary:
    return Summary(
        id=a.id,
        reference=a.reference,
        centre_id=a.centre_id,
        service_id=a.service_id,
        service_prefix=prefix,
        service_day=a.service_day,
        starts_at=a.starts_at,
        ends_at=a.ends_at,
        channel=a.channel,
        status=effective_status(a.status, ticket_status),
        ticket_id=a.ticket_id,
        ticket_number=number,
        on_display=Channel(a.channel) not in REMOTE_CHANNELS,
        late_walk_in=a.late_walk_in,
        checked_in_at=a.checked_in_at,
        version=a.version,
    )


def summary_by_id(session: Session, appointment_id: int) -> Summary:
    """One appointment as lists show it (after a command: with its ticket, if any)."""
    session.flush()
    return _summary(*session.execute(_SUMMARY.where(Appointment.id == appointment_id)).one())


def agenda(
    session: Session,
    actor: Actor,
    centre_id: int,
    day: date,
    *,
    service_id: int | None = None,
) -> list[Summary]:
    centre_of(session, actor, centre_id)
    query = _SUMMARY.where(Appointment.centre_id == centre_id, Appointment.service_day == day)
    if service_id is not None:
        query = query.where(Appointment.service_id == service_id)
    rows = session.execute(query.order_by(Appointment.starts_at, Appointment.id)).all()
    return [_summary(*row) for row in rows]


def today(session: Session, actor: Actor, centre_id: int, now: datetime) -> date:
    return local_day(centre_of(session, actor, centre_id).timezone, now)


def agenda_needs_sweep(session: Session, items: Sequence[Summary], now: datetime) -> bool:
    """Whether an agenda shows a booked appointment already past its check-in window (the
    lazy half of the no-show sweep)."""
    if not items:
        return False
    rules = rules_of(session, items[0].centre_id)
    return any(
        s.status == AppointmentStatus.BOOKED and now > rules.no_show_after(s.starts_at)
        for s in items
    )


def _record(
    session: Session, actor: Actor, ids: Sequence[int], purpose: str, access: str, now: datetime
) -> None:
    """The read log, as `cases.audit.record` keeps it for cases (same purposes and kinds)."""
    session.add_all(
        AppointmentReadLog(appointment_id=i, user_id=actor.user_id, at=now, purpose=purpose,
                           access=access)
        for i in dict.fromkeys(ids)
    )  # fmt: skip


def _detail(session: Session, row: Any) -> Detail:
    a: Appointment = row[0]
    citizen = session.get(AppointmentCitizen, a.id)
    return Detail(
        summary=_summary(*row),
        booking_code=a.booking_code,
        meeting_url=a.meeting_url,
        citizen=Citizen(citizen.name, citizen.nif, citizen.phone, citizen.email)
        if citizen
        else None,
        created_at=a.created_at,
        cancelled_at=a.cancelled_at,
    )


def read(session: Session, actor: Actor, reference: str, purpose: str, now: datetime) -> Detail:
    """One appointment with the citizen's data; the read is recorded."""
    row = session.execute(_SUMMARY.where(Appointment.reference == reference)).first()
    if row is None:
        raise NotFound(
            "appointment.not_found", "No such appointment.", details={"reference": reference}
        )
    actor.ensure_centre(row[0].centre_id)
    _record(session, actor, [row[0].id], purpose, ReadAccess.CASE, now)
    return _detail(session, row)


def read_for_ticket(
    session: Session, actor: Actor, ticket_id: int, purpose: str, now: datetime
) -> Detail | None:
    """The appointment a called ticket came from (the attendant's view, with the link), or
    None for a walk-in's ticket (nothing read, nothing recorded)."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    actor.ensure_centre(ticket.centre_id)
    row = session.execute(_SUMMARY.where(Appointment.ticket_id == ticket_id)).first()
    if row is None:
        return None
    _record(session, actor, [row[0].id], purpose, ReadAccess.CASE, now)
    return _detail(session, row)


@dataclass(frozen=True)
class Found:
    summary: Summary
    name: str


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(
    session: Session,
    actor: Actor,
    centre_id: int,
    *,
    reference: str | None,
    booking_code: str | None,
    nif: str | None,
    name: str | None,
    day: date | None,
    purpose: str,
    limit: int,
    now: datetime,
) -> list[Found]:
    """Appointments of the centre by reference, booking code, NIF or name (newest first);
    each hit shows the name, so each is recorded in the read log."""
    centre_of(session, actor, centre_id)
    query = (
        _SUMMARY.add_columns(AppointmentCitizen.name)
        .join(AppointmentCitizen, AppointmentCitizen.appointment_id == Appointment.id)
        .where(Appointment.centre_id == centre_id)
    )
    if reference:
        query = query.where(Appointment.reference == reference.strip().upper())
    if booking_code:
        code = booking_code.strip().upper().replace(" ", "")
        if "-" not in code and len(code) == 6:
            code = f"{code[:3]}-{code[3:]}"
        query = query.where(Appointment.booking_code == code)
    if nif:
        query = query.where(AppointmentCitizen.nif == nif)
    if name:
        words = name_key(name).split()
        if not words:
            return []
        query = query.where(
            and_(
                *(
                    AppointmentCitizen.name_key.like(f"%{_escape_like(w)}%", escape="\\")
                    for w in words
                )
            )
        )
    if day is not None:
        query = query.where(Appointment.service_day == day)
    rows = session.execute(
        query.order_by(Appointment.starts_at.desc(), Appointment.id.desc()).limit(limit)
    ).all()
    found = [Found(_summary(*row[:4]), row[4]) for row in rows]
    _record(session, actor, [f.summary.id for f in found], purpose, ReadAccess.SEARCH, now)
    return found


# --- iCalendar ------------------------------------------------------------------------------


def _ics_event(a: Appointment, service: Service, centre: Centre, now: datetime) -> ical.IcsEvent:
    channel = Channel(a.channel)
    if channel is Channel.VIDEO:
        location = a.meeting_url or ""
    elif channel is Channel.PHONE:
        location = "Telefone (o balcão liga-lhe)"
    else:
        location = centre.name
    # Citizen-facing, in Portuguese; no personal data (a feed may be shared with the team).
    return ical.IcsEvent(
        uid=f"{a.reference}@balcao",
        stamp=now,
        start=a.starts_at,
        end=a.ends_at,
        summary=f"{service.name} — {centre.name}",
        description=f"Marcação {a.reference}; código {a.booking_code}.",
        location=location,
        url=a.meeting_url if channel is Channel.VIDEO else None,
        cancelled=a.status == AppointmentStatus.CANCELLED,
        sequence=a.version - 1,
    )


def ics_one(session: Session, actor: Actor, reference: str, now: datetime) -> str:
    a = session.execute(
        select(Appointment).where(Appointment.reference == reference)
    ).scalar_one_or_none()
    if a is None:
        raise NotFound(
            "appointment.not_found", "No such appointment.", details={"reference": reference}
        )
    actor.ensure_centre(a.centre_id)
    service = session.get(Service, a.service_id)
    centre = session.get(Centre, a.centre_id)
    assert service is not None
    assert centre is not None
    return ical.calendar([_ics_event(a, service, centre, now)])


def ics_day(
    session: Session, actor: Actor, centre_id: int, service_id: int, day: date, now: datetime
) -> str:
    """The service's appointments of one local day (cancelled ones left out)."""
    centre = centre_of(session, actor, centre_id)
    service = service_of(session, centre_id, service_id)
    rows = session.execute(
        select(Appointment)
        .where(
            Appointment.centre_id == centre_id,
            Appointment.service_id == service_id,
            Appointment.service_day == day,
            Appointment.status != AppointmentStatus.CANCELLED,
        )
        .order_by(Appointment.starts_at, Appointment.id)
    ).scalars()
    return ical.calendar(
        (_ics_event(a, service, centre, now) for a in rows),
        name=f"{service.name} {day.isoformat()}",
    )
