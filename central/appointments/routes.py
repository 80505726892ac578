"""Appointment routes: schedules and rules, free slots, booking, check-in, agenda, iCalendar.

Searches by name or NIF are POSTs (access logs record URLs); reads that show the citizen's
data are recorded in the read log, in the transaction that answers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from sqlalchemy.orm import Session

from central.appointments import queries, service
from central.appointments.schemas import (
    AppointmentDetail,
    AppointmentFound,
    AppointmentSearch,
    AppointmentSummary,
    BookBody,
    BookingReceipt,
    CheckInRead,
    ClosureBody,
    ClosureRead,
    FreeSlotRead,
    RescheduleBody,
    RulesBody,
    ScheduleBody,
    ScheduleRead,
    summary,
)
from central.auth.actor import Actor
from central.auth.roles import CENTRE_STAFF, MANAGERS
from central.cases.kinds import ReadPurpose
from central.deps import Command, Context, ReadSession, command, require
from central.tickets.schemas import TicketRead

router = APIRouter(tags=["appointments"])

Staff = Annotated[Actor, Depends(require(CENTRE_STAFF))]
StaffCommand = Annotated[Command, Depends(command(CENTRE_STAFF))]
ManagerCommand = Annotated[Command, Depends(command(MANAGERS))]
Reference = Annotated[str, Path(min_length=4, max_length=16)]
Purpose = Annotated[ReadPurpose, Query(description="Why you read it; recorded in the read log.")]

CALENDAR = "text/calendar; charset=utf-8"

_NOT_FOUND: dict[int | str, dict[str, str]] = {
    404: {"description": "appointment.not_found"},
    403: {"description": "auth.forbidden, auth.wrong_centre"},
}
_SLOT_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "centre.not_found, service.not_found, appointment.not_found"},
    409: {
        "description": "appointment.slot_taken (details.alternatives: next free slots), "
        "appointment.closed, appointment.not_bookable, appointment.illegal_transition"
    },
    422: {
        "description": "appointment.not_a_slot, appointment.in_past, appointment.beyond_horizon, "
        "appointment.meeting_url_required, appointment.meeting_url_unexpected, "
        "appointment.phone_required, appointment.contact_required, validation.failed"
    },
}


# --- rules, schedules, closures -------------------------------------------------------------


@router.get("/centres/{centre_id}/appointment-rules", response_model=RulesBody)
def read_rules(centre_id: int, session: ReadSession, actor: Staff) -> RulesBody:
    return RulesBody.of(service.read_rules(session, actor, centre_id))


@router.put("/centres/{centre_id}/appointment-rules", response_model=RulesBody)
def set_rules(centre_id: int, body: RulesBody, cmd: ManagerCommand) -> object:
    return cmd.run(
        body,
        lambda s, now: RulesBody.of(
            service.set_rules(s, cmd.actor, centre_id, body.to_rules(), now)
        ),
    )


@router.get("/centres/{centre_id}/appointment-schedules", response_model=list[ScheduleRead])
def list_schedules(centre_id: int, session: ReadSession, actor: Staff) -> list[ScheduleRead]:
    return [
        ScheduleRead.model_validate(s) for s in service.list_schedules(session, actor, centre_id)
    ]


@router.put(
    "/centres/{centre_id}/services/{service_id}/appointment-schedule",
    response_model=ScheduleRead,
    responses={
        404: {"description": "centre.not_found, service.not_found"},
        422: {
            "description": "schedule.time_invalid, schedule.day_invalid, "
            "schedule.interval_invalid, schedule.interval_overlap, validation.failed"
        },
    },
)
def put_schedule(
    centre_id: int, service_id: int, body: ScheduleBody, cmd: ManagerCommand
) -> object:
    return cmd.run(
        body,
        lambda s, now: ScheduleRead.model_validate(
            service.put_schedule(s, cmd.actor, centre_id, service_id, body.to_input(), now)
        ),
    )


@router.get("/centres/{centre_id}/appointment-closures", response_model=list[ClosureRead])
def list_closures(
    centre_id: int,
    session: ReadSession,
    actor: Staff,
    first: Annotated[date, Query(alias="from")],
    last: Annotated[date, Query(alias="to")],
) -> list[ClosureRead]:
    return [
        ClosureRead.model_validate(c)
        for c in service.list_closures(session, actor, centre_id, first, last)
    ]


@router.post(
    "/centres/{centre_id}/appointment-closures", response_model=ClosureRead, status_code=201
)
def add_closure(centre_id: int, body: ClosureBody, cmd: ManagerCommand) -> object:
    return cmd.run(
        body,
        lambda s, now: ClosureRead.model_validate(
            service.add_closure(s, cmd.actor, centre_id, body.day, body.service_id, body.reason)
        ),
        status_code=201,
    )


@router.delete(
    "/appointment-closures/{closure_id}",
    response_model=ClosureRead,
    responses={404: {"description": "appointment.closure_not_found"}},
)
def delete_closure(closure_id: int, cmd: ManagerCommand) -> object:
    return cmd.run(
        {},
        lambda s, now: ClosureRead.model_validate(service.delete_closure(s, cmd.actor, closure_id)),
    )


# --- free slots and booking -----------------------------------------------------------------


@router.get(
    "/services/{service_id}/free-slots",
    response_model=list[FreeSlotRead],
    responses={409: {"description": "appointment.not_bookable"}},
)
def free_slots(
    service_id: int,
    ctx: Context,
    session: ReadSession,
    actor: Staff,
    first: Annotated[date | None, Query(alias="from")] = None,
    count: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[FreeSlotRead]:
    found = service.next_free_slots(
        session, actor, service_id, from_day=first, count=count, now=ctx.clock.now()
    )
    return [FreeSlotRead.of(s) for s in found]


@router.post(
    "/centres/{centre_id}/appointments",
    response_model=BookingReceipt,
    status_code=201,
    responses=_SLOT_ERRORS,
)
def book(centre_id: int, body: BookBody, cmd: StaffCommand) -> object:
    def action(s: Session, now: datetime) -> BookingReceipt:
        a = service.book(s, cmd.actor, centre_id, body.to_booking(), now)
        return BookingReceipt(
            appointment=summary(queries.summary_by_id(s, a.id)),
            booking_code=a.booking_code,
        )

    return cmd.run(body, action, status_code=201)


@router.post(
    "/appointments/{appointment_ref}/reschedule",
    response_model=AppointmentSummary,
    responses=_SLOT_ERRORS,
)
def reschedule(appointment_ref: Reference, body: RescheduleBody, cmd: StaffCommand) -> object:
    return cmd.run(
        body,
        lambda s, now: summary(
            queries.summary_by_id(
                s, service.reschedule(s, cmd.actor, appointment_ref, body.starts_at, now).id
            )
        ),
    )


@router.post(
    "/appointments/{appointment_ref}/cancel",
    response_model=AppointmentSummary,
    responses={**_NOT_FOUND, 409: {"description": "appointment.illegal_transition"}},
)
def cancel(appointment_ref: Reference, cmd: StaffCommand) -> object:
    return cmd.run(
        {},
        lambda s, now: summary(
            queries.summary_by_id(s, service.cancel(s, cmd.actor, appointment_ref, now).id)
        ),
    )


@router.post(
    "/appointments/{appointment_ref}/check-in",
    response_model=CheckInRead,
    responses={
        **_NOT_FOUND,
        409: {
            "description": "appointment.too_early (details.allowed_from), appointment.too_late "
            "(details.reason: late_refused | another_day), appointment.illegal_transition"
        },
    },
)
def check_in(appointment_ref: Reference, cmd: StaffCommand) -> object:
    def action(s: Session, now: datetime) -> CheckInRead:
        done = service.check_in(s, cmd.actor, appointment_ref, now)
        return CheckInRead(
            appointment=summary(queries.summary_by_id(s, done.appointment.id)),
            ticket=TicketRead.model_validate(done.ticket),
            arrival=done.decision.arrival.value,
            minutes_late=done.decision.minutes_late,
        )

    return cmd.run({}, action)


# --- the agenda and reads -------------------------------------------------------------------


@router.get("/centres/{centre_id}/appointments", response_model=list[AppointmentSummary])
def agenda(
    centre_id: int,
    ctx: Context,
    session: ReadSession,
    actor: Staff,
    day: Annotated[date | None, Query(alias="date")] = None,
    service_id: int | None = None,
) -> list[AppointmentSummary]:
    """The day's appointments (today's by default), no personal data. Appointments past their
    check-in window are marked no-show on the way (the lazy half of the sweep)."""
    now = ctx.clock.now()
    if day is None:
        day = queries.today(session, actor, centre_id, now)
    items = queries.agenda(session, actor, centre_id, day, service_id=service_id)
    if queries.agenda_needs_sweep(session, items, now):
        with ctx.db.writing() as writer:
            service.sweep(writer, now, centre_id=centre_id)
            items = queries.agenda(writer, actor, centre_id, day, service_id=service_id)
    return [summary(s) for s in items]


@router.post("/centres/{centre_id}/appointments/search", response_model=list[AppointmentFound])
def search(
    centre_id: int, body: AppointmentSearch, ctx: Context, actor: Staff
) -> list[AppointmentFound]:
    with ctx.db.writing() as session:
        found = queries.search(
            session,
            actor,
            centre_id,
            reference=body.reference,
            booking_code=body.booking_code,
            nif=body.nif,
            name=body.name,
            day=body.day,
            purpose=body.purpose,
            limit=body.limit,
            now=ctx.clock.now(),
        )
        return [AppointmentFound(appointment=summary(f.summary), name=f.name) for f in found]


# The .ics routes come before `/appointments/{appointment_ref}`, which would take `X.ics` as
# a reference.
@router.get(
    "/appointments/{appointment_ref}.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}, **_NOT_FOUND},
)
def appointment_ics(
    appointment_ref: Reference, ctx: Context, session: ReadSession, actor: Staff
) -> Response:
    text = queries.ics_one(session, actor, appointment_ref, ctx.clock.now())
    return Response(
        text,
        media_type=CALENDAR,
        headers={"Content-Disposition": f'attachment; filename="{appointment_ref}.ics"'},
    )


@router.get(
    "/centres/{centre_id}/services/{service_id}/appointments.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def service_day_ics(
    centre_id: int,
    service_id: int,
    ctx: Context,
    session: ReadSession,
    actor: Staff,
    day: Annotated[date, Query(alias="date")],
) -> Response:
    text = queries.ics_day(session, actor, centre_id, service_id, day, ctx.clock.now())
    return Response(text, media_type=CALENDAR)


@router.get(
    "/appointments/{appointment_ref}", response_model=AppointmentDetail, responses=_NOT_FOUND
)
def read_appointment(
    appointment_ref: Reference, purpose: Purpose, ctx: Context, actor: Staff, response: Response
) -> AppointmentDetail:
    with ctx.db.writing() as session:
        detail = AppointmentDetail.of(
            queries.read(session, actor, appointment_ref, purpose, ctx.clock.now())
        )
    response.headers["Cache-Control"] = "no-store"
    return detail


@router.get(
    "/tickets/{ticket_id}/appointment",
    response_model=AppointmentDetail | None,
    responses={404: {"description": "ticket.not_found"}},
)
def ticket_appointment(
    ticket_id: int, purpose: Purpose, ctx: Context, actor: Staff, response: Response
) -> AppointmentDetail | None:
    """The appointment a ticket came from, or null for a walk-in's ticket: the attendant's
    desktop asks on every call."""
    with ctx.db.writing() as session:
        found = queries.read_for_ticket(session, actor, ticket_id, purpose, ctx.clock.now())
        detail = AppointmentDetail.of(found) if found is not None else None
    response.headers["Cache-Control"] = "no-store"
    return detail
