"""Appointment commands and the free-slot search. Each runs inside the caller's transaction and
never commits; reads of the agenda and of citizens' data are in `queries.py`.

Lock order: the appointment, then slot rows (by id), then what the ticket service locks; a
check-in issues its ticket through `tickets.service.issue`, so the ticket is numbered and
announced like a walk-in's.

An appointment's status is stored until check-in; from then on the ticket is the truth and the
status shown is derived from it (`effective_status`), so the two can never disagree. The sweep
copies final ticket states onto the row for reports.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, bindparam, cast, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central.appointments.models import (
    Appointment,
    AppointmentCitizen,
    AppointmentClosure,
    AppointmentRules,
    AppointmentSchedule,
    AppointmentSlot,
)
from central.appointments.schedules import (
    REMOTE_CHANNELS,
    Arrival,
    ArrivalDecision,
    Channel,
    CheckinRules,
    LateAction,
    ScheduleError,
    SlotPlan,
    WeeklyHours,
    day_bounds,
    judge_arrival,
    local_day,
)
from central.auth.actor import Actor
from central.cases.similarity import name_key
from central.errors import Conflict, Invalid, NotFound
from central.events.service import emit
from central.reference.models import Centre, Service
from central.tickets import service as tickets
from central.tickets.models import Ticket
from central.tickets.transitions import Status as TicketStatus

# How far ahead the free-slot search looks at most, whatever a schedule's horizon says.
MAX_SEARCH_DAYS = 366
# Alternatives offered with `appointment.slot_taken`.
ALTERNATIVES = 5
# Days of booked counts read per round of the free-slot search: most searches end in the first
# week; one that does not reads the rest of the horizon at once (each round trip costs more
# than the rows: a fully booked quarter is about 1,500 of them).
_SEARCH_WINDOWS = (7, MAX_SEARCH_DAYS)

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    BEING_SERVED = "being_served"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


# What an appointment is, once checked in, given its ticket's status.
_FROM_TICKET = {
    TicketStatus.WAITING: AppointmentStatus.CHECKED_IN,
    TicketStatus.PARKED: AppointmentStatus.CHECKED_IN,
    TicketStatus.CALLED: AppointmentStatus.BEING_SERVED,
    TicketStatus.SERVING: AppointmentStatus.BEING_SERVED,
    TicketStatus.DONE: AppointmentStatus.DONE,
    TicketStatus.NO_SHOW: AppointmentStatus.NO_SHOW,
    TicketStatus.CANCELLED: AppointmentStatus.CANCELLED,
}
_FINAL_TICKET = frozenset({TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED})


def effective_status(stored: str, ticket_status: str | None) -> str:
    if ticket_status is None:
        return stored
    return _FROM_TICKET.get(TicketStatus(ticket_status), AppointmentStatus(stored)).value


def _random_code(length: int) -> str:
    return "".join(secrets.choice(_CROCKFORD) for _ in range(length))


def new_reference() -> str:
    """`AP-` and 8 random Crockford base32 characters (40 bits): unique in practice, and it
    tells nobody how many appointments the centre has."""
    return f"AP-{_random_code(8)}"


def new_booking_code() -> str:
    """Six characters a citizen reads over the phone (`K3M-Q9T`), no 0/O or 1/I confusion."""
    code = _random_code(6)
    return f"{code[:3]}-{code[3:]}"


# --- reference data: rules, schedules, closures ---------------------------------------------


def centre_of(session: Session, actor: Actor, centre_id: int) -> Centre:
    actor.ensure_centre(centre_id)
    centre = session.get(Centre, centre_id)
    if centre is None:
        raise NotFound("centre.not_found", "No such centre.", details={"centre_id": centre_id})
    return centre


def service_of(session: Session, centre_id: int, service_id: int) -> Service:
    found = session.get(Service, service_id)
    if found is None or found.centre_id != centre_id:
        raise NotFound(
            "service.not_found",
            "No such service at this centre.",
            details={"service_id": service_id},
        )
    return found


def rules_of(session: Session, centre_id: int) -> CheckinRules:
    row = session.get(AppointmentRules, centre_id)
    if row is None:
        return CheckinRules()
    return CheckinRules(row.checkin_early_minutes, row.late_minutes, LateAction(row.late_action))


def read_rules(session: Session, actor: Actor, centre_id: int) -> CheckinRules:
    centre_of(session, actor, centre_id)
    return rules_of(session, centre_id)


def set_rules(
    session: Session, actor: Actor, centre_id: int, rules: CheckinRules, now: datetime
) -> CheckinRules:
    centre_of(session, actor, centre_id)
    row = session.get(AppointmentRules, centre_id)
    if row is None:
        row = AppointmentRules(centre_id=centre_id)
        session.add(row)
    row.checkin_early_minutes = rules.checkin_early_minutes
    row.late_minutes = rules.late_minutes
    row.late_action = rules.late_action.value
    row.updated_at = now
    session.flush()
    return rules


@dataclass(frozen=True)
class ScheduleInput:
    weekly_hours: dict[str, Any]
    slot_minutes: int
    capacity: int
    horizon_days: int
    active: bool


def put_schedule(
    session: Session,
    actor: Actor,
    centre_id: int,
    service_id: int,
    spec: ScheduleInput,
    now: datetime,
) -> AppointmentSchedule:
    """Create or replace a service's schedule. Existing appointments keep their times."""
    centre_of(session, actor, centre_id)
    service_of(session, centre_id, service_id)
    try:
        hours = WeeklyHours.parse(spec.weekly_hours)
    except ScheduleError as exc:
        raise Invalid(exc.code, str(exc)) from None
    schedule = session.execute(
        select(AppointmentSchedule).where(AppointmentSchedule.service_id == service_id)
    ).scalar_one_or_none()
    if schedule is None:
        schedule = AppointmentSchedule(centre_id=centre_id, service_id=service_id)
        session.add(schedule)
    schedule.weekly_hours = hours.to_mapping()
    schedule.slot_minutes = spec.slot_minutes
    schedule.capacity = spec.capacity
    schedule.horizon_days = spec.horizon_days
    schedule.active = spec.active
    schedule.updated_at = now
    session.flush()
    return schedule


def list_schedules(session: Session, actor: Actor, centre_id: int) -> list[AppointmentSchedule]:
    centre_of(session, actor, centre_id)
    return list(
        session.execute(
            select(AppointmentSchedule)
            .where(AppointmentSchedule.centre_id == centre_id)
            .order_by(AppointmentSchedule.service_id)
        ).scalars()
    )


def add_closure(
    session: Session,
    actor: Actor,
    centre_id: int,
    day: date,
    service_id: int | None,
    reason: str,
) -> AppointmentClosure:
    """Close a day (a holiday, or one service). Appointments already booked that day stay:
    the agenda lists them and staff call the citizens; the slots just stop being offered."""
    centre_of(session, actor, centre_id)
    if service_id is not None:
        service_of(session, centre_id, service_id)
    closure = AppointmentClosure(centre_id=centre_id, service_id=service_id, day=day, reason=reason)
    session.add(closure)
    session.flush()
    return closure


def list_closures(
    session: Session, actor: Actor, centre_id: int, first: date, last: date
) -> list[AppointmentClosure]:
    centre_of(session, actor, centre_id)
    return list(
        session.execute(
            select(AppointmentClosure)
            .where(
                AppointmentClosure.centre_id == centre_id,
                AppointmentClosure.day >= first,
                AppointmentClosure.day <= last,
            )
            .order_by(AppointmentClosure.day, AppointmentClosure.id)
        ).scalars()
    )


def delete_closure(session: Session, actor: Actor, closure_id: int) -> AppointmentClosure:
    closure = session.get(AppointmentClosure, closure_id)
    if closure is None:
        raise NotFound("appointment.closure_not_found", "No such closure.")
    actor.ensure_centre(closure.centre_id)
    session.delete(closure)
    session.flush()
    return closure


# --- free slots -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeSlot:
    service_id: int
    starts_at: datetime
    ends_at: datetime
    capacity: int
    free: int
    timezone: str

    @property
    def local_starts_at(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone))


@dataclass(frozen=True)
class _Bookable:
    centre: Centre
    service: Service
    schedule: AppointmentSchedule
    plan: SlotPlan


_SCHEDULE_OF_SERVICE = (
    select(AppointmentSchedule, Service, Centre)
    .join(Service, Service.id == AppointmentSchedule.service_id)
    .join(Centre, Centre.id == Service.centre_id)
    .where(AppointmentSchedule.service_id == bindparam("service_id"))
)


def _booked_in(epoch: Any) -> Any:
    """Booked counts of a service's slots in a range, keyed by the start in epoch seconds: the
    search compares integers, and skips converting thousands of timestamps back to datetimes.
    Built once per dialect, as the queue's hot statements are."""
    return select(epoch.label("epoch"), AppointmentSlot.booked).where(
        AppointmentSlot.service_id == bindparam("service_id"),
        AppointmentSlot.starts_at >= bindparam("first"),
        AppointmentSlot.starts_at < bindparam("last"),
        AppointmentSlot.booked > 0,
    )


_BOOKED_IN = {
    "postgresql": _booked_in(cast(func.extract("epoch", AppointmentSlot.starts_at), BigInteger)),
    # Stored as naive UTC text; strftime('%s') reads it as UTC.
    "sqlite": _booked_in(cast(func.strftime("%s", AppointmentSlot.starts_at), BigInteger)),
}
_CLOSED_DAYS = select(AppointmentClosure.day).where(
    AppointmentClosure.centre_id == bindparam("centre_id"),
    or_(
        AppointmentClosure.service_id.is_(None),
        AppointmentClosure.service_id == bindparam("service_id"),
    ),
    AppointmentClosure.day >= bindparam("first"),
    AppointmentClosure.day <= bindparam("last"),
)


def _bookable(session: Session, service_id: int) -> _Bookable:
    row = session.execute(_SCHEDULE_OF_SERVICE, {"service_id": service_id}).one_or_none()
    if row is None or not row.AppointmentSchedule.active or not row.Service.active:
        raise Conflict(
            "appointment.not_bookable",
            "This service takes no appointments.",
            details={"service_id": service_id},
        )
    schedule: AppointmentSchedule = row.AppointmentSchedule
    centre: Centre = row.Centre
    plan = SlotPlan(
        WeeklyHours.parse(schedule.weekly_hours),
        schedule.slot_minutes,
        schedule.capacity,
        centre.timezone,
    )
    return _Bookable(centre, row.Service, schedule, plan)


def _free_slots(
    session: Session,
    b: _Bookable,
    *,
    after: datetime,
    first_day: date,
    count: int,
    now: datetime,
) -> list[FreeSlot]:
    """The first `count` slots starting after `after` with a free place, from `first_day` up to
    the schedule's horizon. Reads the closures once and the booked counts in at most two
    windows: four statements with the schedule, however far it must look."""
    today = local_day(b.centre.timezone, now)
    last_day = today + timedelta(days=min(b.schedule.horizon_days, MAX_SEARCH_DAYS))
    day = max(first_day, today)
    found: list[FreeSlot] = []
    length = timedelta(minutes=b.plan.slot_minutes)
    windows = iter(_SEARCH_WINDOWS)
    after_epoch = after.timestamp()
    params = {"centre_id": b.centre.id, "service_id": b.service.id, "first": day, "last": last_day}
    closed = set(session.execute(_CLOSED_DAYS, params).scalars())
    connection = session.connection()
    while day <= last_day and len(found) < count:
        window_last = min(last_day, day + timedelta(days=next(windows, MAX_SEARCH_DAYS) - 1))
        first_utc = day_bounds(b.centre.timezone, day)[0]
        last_utc = day_bounds(b.centre.timezone, window_last)[1]
        booked: dict[int, int] = dict(
            connection.execute(
                _BOOKED_IN[connection.dialect.name],
                {"service_id": b.service.id, "first": first_utc, "last": last_utc},
            ).all()
        )
        while day <= window_last and len(found) < count:
            if day not in closed:
                for epoch in b.plan.epochs_on(day):
                    if epoch <= after_epoch:
                        continue
                    free = b.plan.capacity - booked.get(epoch, 0)
                    if free > 0:
                        starts_at = datetime.fromtimestamp(epoch, UTC)
                        found.append(
                            FreeSlot(
                                b.service.id,
                                starts_at,
                                starts_at + length,
                                b.plan.capacity,
                                free,
                                b.centre.timezone,
                            )
                        )
                        if len(found) == count:
                            break
            day += timedelta(days=1)
    return found


def next_free_slots(
    session: Session,
    actor: Actor,
    service_id: int,
    *,
    from_day: date | None,
    count: int,
    now: datetime,
) -> list[FreeSlot]:
    b = _bookable(session, service_id)
    actor.ensure_centre(b.centre.id)
    first = from_day or local_day(b.centre.timezone, now)
    return _free_slots(session, b, after=now, first_day=first, count=count, now=now)


# --- booking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitizenInput:
    """Already checked by the schema (`rules/`): NIF check digit, phone, e-mail."""

    name: str
    nif: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Booking:
    service_id: int
    starts_at: datetime
    channel: Channel
    citizen: CitizenInput
    meeting_url: str | None = None


def _slot_taken(session: Session, b: _Bookable, starts_at: datetime, now: datetime) -> Conflict:
    alternatives = _free_slots(
        session,
        b,
        after=max(now, starts_at - timedelta(minutes=b.plan.slot_minutes)),
        first_day=local_day(b.centre.timezone, starts_at),
        count=ALTERNATIVES + 1,
        now=now,
    )
    return Conflict(
        "appointment.slot_taken",
        "Somebody else took the last place of this slot.",
        details={
            "service_id": b.service.id,
            "starts_at": starts_at.isoformat(),
            "alternatives": [slot_payload(s) for s in alternatives if s.starts_at != starts_at][
                :ALTERNATIVES
            ],
        },
    )


def slot_payload(slot: FreeSlot) -> dict[str, Any]:
    return {
        "service_id": slot.service_id,
        "starts_at": slot.starts_at.isoformat(),
        "ends_at": slot.ends_at.isoformat(),
        "local_starts_at": slot.local_starts_at.isoformat(),
        "capacity": slot.capacity,
        "free": slot.free,
    }


def _check_slot(b: _Bookable, session: Session, starts_at: datetime, now: datetime) -> date:
    starts_at = starts_at.astimezone(UTC)
    day = local_day(b.centre.timezone, starts_at)
    details = {"service_id": b.service.id, "starts_at": starts_at.isoformat()}
    if not b.plan.is_slot(starts_at):
        raise Invalid("appointment.not_a_slot", "No slot starts at this time.", details=details)
    if starts_at <= now:
        raise Invalid("appointment.in_past", "This slot has already begun.", details=details)
    horizon = local_day(b.centre.timezone, now) + timedelta(days=b.schedule.horizon_days)
    if day > horizon:
        raise Invalid(
            "appointment.beyond_horizon",
            "Appointments cannot be booked this far ahead.",
            details={**details, "horizon_days": b.schedule.horizon_days},
        )
    closed = session.execute(
        _CLOSED_DAYS,
        {"centre_id": b.centre.id, "service_id": b.service.id, "first": day, "last": day},
    ).first()
    if closed is not None:
        raise Conflict("appointment.closed", "The service is closed that day.", details=details)
    return day


def _insert_ignore(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _take_place(session: Session, b: _Bookable, starts_at: datetime, now: datetime) -> None:
    """One place of the slot, or `appointment.slot_taken`.

    The conditional update takes the slot row's lock; a booking that waited for it is
    re-checked by PostgreSQL against the row as the winner left it (READ COMMITTED re-evaluates
    the WHERE on the new row version), so the last place goes to exactly one.
    """
    session.execute(
        _insert_ignore(session)(AppointmentSlot)
        .values(service_id=b.service.id, starts_at=starts_at, booked=0)
        .on_conflict_do_nothing(index_elements=["service_id", "starts_at"])
    )
    won = session.execute(
        update(AppointmentSlot)
        .where(
            AppointmentSlot.service_id == b.service.id,
            AppointmentSlot.starts_at == starts_at,
            AppointmentSlot.booked < b.plan.capacity,
        )
        .values(booked=AppointmentSlot.booked + 1)
        .returning(AppointmentSlot.id)
        .execution_options(synchronize_session=False)
    ).first()
    if won is None:
        raise _slot_taken(session, b, starts_at, now)


def _give_back_place(session: Session, service_id: int, starts_at: datetime) -> None:
    session.execute(
        update(AppointmentSlot)
        .where(
            AppointmentSlot.service_id == service_id,
            AppointmentSlot.starts_at == starts_at,
            AppointmentSlot.booked > 0,
        )
        .values(booked=AppointmentSlot.booked - 1)
        .execution_options(synchronize_session=False)
    )


def _check_channel(booking: Booking) -> None:
    if booking.channel is Channel.VIDEO and not booking.meeting_url:
        raise Invalid(
            "appointment.meeting_url_required", "A video appointment needs a meeting link."
        )
    if booking.channel is not Channel.VIDEO and booking.meeting_url:
        raise Invalid(
            "appointment.meeting_url_unexpected", "Only video appointments have a meeting link."
        )
    if booking.channel is Channel.PHONE and not booking.citizen.phone:
        raise Invalid(
            "appointment.phone_required", "A phone appointment needs the citizen's number."
        )
    if not booking.citizen.phone and not booking.citizen.email:
        raise Invalid("appointment.contact_required", "Give a phone number or an e-mail.")


def _event(session: Session, a: Appointment, kind: str, now: datetime, **extra: Any) -> None:
    # Hints only: no citizen data, no meeting link.
    emit(
        session,
        a.centre_id,
        kind,
        {
            "appointment": {
                "id": a.id,
                "reference": a.reference,
                "service_id": a.service_id,
                "service_day": a.service_day.isoformat(),
                "starts_at": a.starts_at.isoformat(),
                "channel": a.channel,
                "status": a.status,
                "ticket_id": a.ticket_id,
                "version": a.version,
            },
            **extra,
        },
        now,
    )


def book(
    session: Session, actor: Actor, centre_id: int, booking: Booking, now: datetime
) -> Appointment:
    centre_of(session, actor, centre_id)
    b = _bookable(session, booking.service_id)
    if b.centre.id != centre_id:
        raise NotFound(
            "service.not_found",
            "No such service at this centre.",
            details={"service_id": booking.service_id},
        )
    _check_channel(booking)
    starts_at = booking.starts_at.astimezone(UTC)
    day = _check_slot(b, session, starts_at, now)
    _take_place(session, b, starts_at, now)
    appointment = Appointment(
        reference=new_reference(),
        booking_code=new_booking_code(),
        centre_id=centre_id,
        service_id=b.service.id,
        service_day=day,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=b.plan.slot_minutes),
        channel=booking.channel.value,
        meeting_url=booking.meeting_url,
        status=AppointmentStatus.BOOKED.value,
        late_walk_in=False,
        created_at=now,
        created_by=actor.user_id,
        version=1,
    )
    session.add(appointment)
    session.flush()
    citizen = booking.citizen
    session.add(
        AppointmentCitizen(
            appointment_id=appointment.id,
            name=citizen.name,
            name_key=name_key(citizen.name),
            nif=citizen.nif,
            phone=citizen.phone,
            email=citizen.email,
        )
    )
    _event(session, appointment, "appointment.booked", now)
    return appointment


_LOCK_APPOINTMENT = (
    select(Appointment)
    .where(Appointment.reference == bindparam("reference"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


def _lock(session: Session, actor: Actor, reference: str) -> Appointment:
    found = session.execute(_LOCK_APPOINTMENT, {"reference": reference}).scalar_one_or_none()
    if found is None:
        raise NotFound(
            "appointment.not_found", "No such appointment.", details={"reference": reference}
        )
    actor.ensure_centre(found.centre_id)
    return found


def _ensure_booked(a: Appointment, action: str) -> None:
    if a.status != AppointmentStatus.BOOKED:
        raise Conflict(
            "appointment.illegal_transition",
            f"Cannot {action} an appointment that is {a.status}.",
            details={"action": action, "status": a.status, "reference": a.reference},
        )


def _lock_slots(session: Session, service_id: int, starts: Sequence[datetime]) -> None:
    """Lock the slot rows a command will change, in id order, so two reschedules swapping
    places wait for each other instead of deadlocking."""
    insert = _insert_ignore(session)
    for at in sorted(starts):
        session.execute(
            insert(AppointmentSlot)
            .values(service_id=service_id, starts_at=at, booked=0)
            .on_conflict_do_nothing(index_elements=["service_id", "starts_at"])
        )
    session.execute(
        select(AppointmentSlot.id)
        .where(AppointmentSlot.service_id == service_id, AppointmentSlot.starts_at.in_(starts))
        .order_by(AppointmentSlot.id)
        .with_for_update()
    ).all()


def reschedule(
    session: Session, actor: Actor, reference: str, starts_at: datetime, now: datetime
) -> Appointment:
    a = _lock(session, actor, reference)
    _ensure_booked(a, "reschedule")
    b = _bookable(session, a.service_id)
    starts_at = starts_at.astimezone(UTC)
    if starts_at == a.starts_at:
        return a
    day = _check_slot(b, session, starts_at, now)
    _lock_slots(session, a.service_id, [a.starts_at, starts_at])
    _take_place(session, b, starts_at, now)
    _give_back_place(session, a.service_id, a.starts_at)
    previous = a.starts_at
    a.starts_at = starts_at
    a.ends_at = starts_at + timedelta(minutes=b.plan.slot_minutes)
    a.service_day = day
    a.version += 1
    _event(session, a, "appointment.rescheduled", now, previous_starts_at=previous.isoformat())
    return a


def cancel(session: Session, actor: Actor, reference: str, now: datetime) -> Appointment:
    a = _lock(session, actor, reference)
    _ensure_booked(a, "cancel")
    _give_back_place(session, a.service_id, a.starts_at)
    a.status = AppointmentStatus.CANCELLED.value
    a.cancelled_at = now
    a.version += 1
    _event(session, a, "appointment.cancelled", now)
    return a


# --- check-in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    appointment: Appointment
    ticket: Ticket
    decision: ArrivalDecision


def check_in(session: Session, actor: Actor, reference: str, now: datetime) -> CheckIn:
    """Turn the appointment into a ticket of the same queue as walk-ins.

    On time (from `checkin_early_minutes` before to `late_minutes` after), the ticket carries
    the appointment time, which the call-next policy treats as due from then. Later, by the
    centre's rule, the citizen joins the queue as a walk-in (`normal_queue`, the same local
    day only) or is refused (`refuse`). Remote appointments get a ticket kept off the display.
    """
    a = _lock(session, actor, reference)
    centre = session.get(Centre, a.centre_id)
    assert centre is not None
    rules = rules_of(session, a.centre_id)
    decision = judge_arrival(rules, a.starts_at, now)
    auto_no_show = a.status == AppointmentStatus.NO_SHOW and a.ticket_id is None
    if a.status != AppointmentStatus.BOOKED and not auto_no_show:
        raise Conflict(
            "appointment.illegal_transition",
            f"Cannot check in an appointment that is {a.status}.",
            details={"action": "check_in", "status": a.status, "reference": a.reference},
        )
    timing = {
        "starts_at": a.starts_at.isoformat(),
        "allowed_from": decision.allowed_from.isoformat(),
        "late_until": decision.late_until.isoformat(),
        "minutes_late": decision.minutes_late,
        "checkin_early_minutes": rules.checkin_early_minutes,
        "late_minutes": rules.late_minutes,
        "late_action": rules.late_action.value,
    }
    if decision.arrival is Arrival.TOO_EARLY:
        raise Conflict(
            "appointment.too_early",
            f"Check-in opens {rules.checkin_early_minutes} min before the appointment.",
            details=timing,
        )
    same_day = a.service_day == local_day(centre.timezone, now)
    if decision.arrival is Arrival.TOO_LATE or (
        decision.arrival is Arrival.LATE_WALK_IN and not same_day
    ):
        raise Conflict(
            "appointment.too_late",
            f"More than {rules.late_minutes} min late: this centre does not check in late "
            "arrivals; book again or take a ticket."
            if same_day
            else "The appointment was on another day.",
            details={**timing, "reason": "late_refused" if same_day else "another_day"},
        )
    on_time = decision.arrival is Arrival.ON_TIME
    ticket = tickets.issue(
        session,
        actor,
        a.centre_id,
        a.service_id,
        "none",
        now,
        appointment_at=a.starts_at if on_time else None,
        on_display=Channel(a.channel) not in REMOTE_CHANNELS,
    )
    a.status = AppointmentStatus.CHECKED_IN.value
    a.ticket_id = ticket.id
    a.checked_in_at = now
    a.late_walk_in = not on_time
    a.version += 1
    _event(session, a, "appointment.checked_in", now, ticket_number=ticket.number)
    return CheckIn(a, ticket, decision)


# --- no-shows -------------------------------------------------------------------------------


def sweep(session: Session, now: datetime, centre_id: int | None = None) -> int:
    """Mark as no-show the booked appointments whose check-in window has passed, and copy
    final ticket states onto checked-in ones. Returns how many rows changed.

    Run by `balcao-central appointments-sweep` (cron, every few minutes) and lazily when an
    agenda is read. Reads only booked or checked-in rows that started before now (index
    `ix_appointments_status_starts`).
    """
    changed = 0
    booked = select(Appointment).where(
        Appointment.status == AppointmentStatus.BOOKED, Appointment.starts_at < now
    )
    if centre_id is not None:
        booked = booked.where(Appointment.centre_id == centre_id)
    rules: dict[int, CheckinRules] = {}
    for a in session.execute(booked.with_for_update(skip_locked=True)).scalars():
        r = rules.setdefault(a.centre_id, rules_of(session, a.centre_id))
        if now > r.no_show_after(a.starts_at):
            a.status = AppointmentStatus.NO_SHOW.value
            a.version += 1
            _event(session, a, "appointment.no_show", now)
            changed += 1
    checked_in = (
        select(Appointment, Ticket.status)
        .join(Ticket, Ticket.id == Appointment.ticket_id)
        .where(
            Appointment.status == AppointmentStatus.CHECKED_IN,
            Ticket.status.in_([s.value for s in _FINAL_TICKET]),
        )
    )
    if centre_id is not None:
        checked_in = checked_in.where(Appointment.centre_id == centre_id)
    for a, ticket_status in session.execute(checked_in).all():
        a.status = effective_status(a.status, ticket_status)
        a.version += 1
        changed += 1
    session.flush()
    return changed
