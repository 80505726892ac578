"""Queue routes: issuing, calling, serving, transferring, and the counter's own state."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from central.auth.actor import Actor
from central.auth.roles import CENTRE_STAFF, FRONT_DESK, STAFF_AT_COUNTER
from central.deps import Command, Context, ReadSession, command, require
from central.reference.schemas import CounterRead
from central.tickets import counters, queries, service
from central.tickets.schemas import (
    CallRead,
    CallSpecific,
    Finish,
    Pause,
    QueueSnapshotRead,
    Reactivate,
    ReturnParked,
    TicketIssue,
    TicketRead,
    Transfer,
)

router = APIRouter(tags=["queue"])

AtCounter = Annotated[Command, Depends(command(STAFF_AT_COUNTER))]
FrontDesk = Annotated[Command, Depends(command(FRONT_DESK))]
AnyStaff = Annotated[Actor, Depends(require(CENTRE_STAFF))]

_TICKET_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "ticket.not_found"},
    409: {"description": "ticket.illegal_transition, ticket.not_at_counter"},
    403: {"description": "auth.forbidden, counter.not_yours, auth.wrong_centre"},
}
_CALL_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "counter.not_found, ticket.not_found"},
    409: {
        "description": "queue.empty, counter.paused, counter.closed, counter.busy, "
        "ticket.illegal_transition, ticket.reserved"
    },
    403: {"description": "auth.forbidden, counter.not_yours"},
}


def _call(result: service.CallResult) -> CallRead:
    reason = result.ticket.call_reason or {}
    return CallRead.model_validate(
        {"ticket": TicketRead.model_validate(result.ticket), "reason": reason}
    )


def _ticket(ticket: object) -> TicketRead:
    return TicketRead.model_validate(ticket)


def _counter(counter: object) -> CounterRead:
    return CounterRead.model_validate(counter)


# --- reception ------------------------------------------------------------------------------


@router.post(
    "/centres/{centre_id}/tickets",
    response_model=TicketRead,
    status_code=201,
    responses={
        404: {"description": "service.not_found"},
        422: {"description": "ticket.priority_not_allowed"},
    },
)
def issue_ticket(centre_id: int, body: TicketIssue, cmd: FrontDesk) -> object:
    return cmd.run(
        body,
        lambda s, now: _ticket(
            service.issue(s, cmd.actor, centre_id, body.service_id, body.priority, now)
        ),
        status_code=201,
    )


@router.post("/tickets/{ticket_id}/cancel", response_model=TicketRead, responses=_TICKET_ERRORS)
def cancel(ticket_id: int, cmd: FrontDesk) -> object:
    return cmd.run({}, lambda s, now: _ticket(service.cancel(s, cmd.actor, ticket_id, now)))


@router.post(
    "/tickets/{ticket_id}/reactivate",
    response_model=TicketRead,
    responses={**_TICKET_ERRORS, 409: {"description": "ticket.illegal_transition, ticket.expired"}},
)
def reactivate(ticket_id: int, body: Reactivate, cmd: FrontDesk) -> object:
    return cmd.run(
        body,
        lambda s, now: _ticket(
            service.reactivate(s, cmd.actor, ticket_id, now, front=body.position == "front")
        ),
    )


# --- calling --------------------------------------------------------------------------------


@router.post("/counters/{counter_id}/call-next", response_model=CallRead, responses=_CALL_ERRORS)
def call_next(counter_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _call(service.call_next(s, cmd.actor, counter_id, now)))


@router.post("/counters/{counter_id}/call", response_model=CallRead, responses=_CALL_ERRORS)
def call_specific(counter_id: int, body: CallSpecific, cmd: AtCounter) -> object:
    return cmd.run(
        body,
        lambda s, now: _call(
            service.call_specific(
                s, cmd.actor, counter_id, now, ticket_id=body.ticket_id, number=body.number
            )
        ),
    )


# --- at the counter -------------------------------------------------------------------------


@router.post("/tickets/{ticket_id}/recall", response_model=TicketRead, responses=_TICKET_ERRORS)
def recall(ticket_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _ticket(service.recall(s, cmd.actor, ticket_id, now)))


@router.post("/tickets/{ticket_id}/start", response_model=TicketRead, responses=_TICKET_ERRORS)
def start(ticket_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _ticket(service.start(s, cmd.actor, ticket_id, now)))


@router.post("/tickets/{ticket_id}/finish", response_model=TicketRead, responses=_TICKET_ERRORS)
def finish(ticket_id: int, body: Finish, cmd: AtCounter) -> object:
    return cmd.run(
        body,
        lambda s, now: _ticket(
            service.finish(
                s,
                cmd.actor,
                ticket_id,
                now,
                outcome=body.outcome,
                notes=body.notes,
                services_performed=body.services_performed,
            )
        ),
    )


@router.post("/tickets/{ticket_id}/no-show", response_model=TicketRead, responses=_TICKET_ERRORS)
def no_show(ticket_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _ticket(service.no_show(s, cmd.actor, ticket_id, now)))


@router.post(
    "/tickets/{ticket_id}/transfer",
    response_model=TicketRead,
    responses={
        **_TICKET_ERRORS,
        422: {"description": "transfer.target_required, transfer.same_counter"},
    },
)
def transfer(ticket_id: int, body: Transfer, cmd: AtCounter) -> object:
    return cmd.run(
        body,
        lambda s, now: _ticket(
            service.transfer(
                s,
                cmd.actor,
                ticket_id,
                now,
                service_id=body.service_id,
                counter_id=body.counter_id,
                front=body.position == "front",
            )
        ),
    )


@router.post("/tickets/{ticket_id}/park", response_model=TicketRead, responses=_TICKET_ERRORS)
def park(ticket_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _ticket(service.park(s, cmd.actor, ticket_id, now)))


@router.post(
    "/tickets/{ticket_id}/return",
    response_model=TicketRead,
    responses={**_TICKET_ERRORS, **_CALL_ERRORS},
)
def return_parked(ticket_id: int, body: ReturnParked, cmd: AtCounter) -> object:
    return cmd.run(
        body,
        lambda s, now: _ticket(
            service.return_parked(s, cmd.actor, ticket_id, body.counter_id, now)
        ),
    )


# --- the counter's state --------------------------------------------------------------------

_COUNTER_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "counter.not_found"},
    409: {
        "description": "counter.taken, counter.user_elsewhere, counter.busy, "
        "counter.not_open, counter.not_paused"
    },
    403: {"description": "auth.forbidden, counter.not_yours, auth.wrong_centre"},
}


@router.post("/counters/{counter_id}/open", response_model=CounterRead, responses=_COUNTER_ERRORS)
def open_counter(counter_id: int, cmd: AtCounter) -> object:
    return cmd.run(
        {}, lambda s, now: _counter(counters.open_counter(s, cmd.actor, counter_id, now))
    )


@router.post("/counters/{counter_id}/pause", response_model=CounterRead, responses=_COUNTER_ERRORS)
def pause(counter_id: int, body: Pause, cmd: AtCounter) -> object:
    return cmd.run(
        body, lambda s, now: _counter(counters.pause(s, cmd.actor, counter_id, body.reason, now))
    )


@router.post("/counters/{counter_id}/resume", response_model=CounterRead, responses=_COUNTER_ERRORS)
def resume(counter_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _counter(counters.resume(s, cmd.actor, counter_id, now)))


@router.post("/counters/{counter_id}/close", response_model=CounterRead, responses=_COUNTER_ERRORS)
def close(counter_id: int, cmd: AtCounter) -> object:
    return cmd.run({}, lambda s, now: _counter(counters.close(s, cmd.actor, counter_id, now)))


# --- reading --------------------------------------------------------------------------------


@router.get(
    "/centres/{centre_id}/queue",
    response_model=QueueSnapshotRead,
    responses={404: {"description": "centre.not_found"}},
)
def queue_snapshot(
    centre_id: int, ctx: Context, session: ReadSession, actor: AnyStaff
) -> QueueSnapshotRead:
    return QueueSnapshotRead.model_validate(
        queries.queue_snapshot(session, actor, centre_id, ctx.clock.now())
    )


@router.get("/centres/{centre_id}/tickets", response_model=list[TicketRead])
def list_tickets(
    centre_id: int,
    ctx: Context,
    session: ReadSession,
    actor: AnyStaff,
    day: date | None = None,
    status: str | None = None,
    service_id: int | None = None,
    counter_id: int | None = None,
    number: str | None = Query(default=None, max_length=8),
    limit: int = Query(default=500, ge=1, le=2000),
    offset: int = Query(default=0, ge=0),
) -> list[TicketRead]:
    flt = queries.TicketFilter(
        day=day,
        status=status,
        service_id=service_id,
        counter_id=counter_id,
        number=number,
        limit=limit,
        offset=offset,
    )
    return [
        _ticket(t) for t in queries.list_tickets(session, actor, centre_id, flt, ctx.clock.now())
    ]


@router.get(
    "/tickets/{ticket_id}",
    response_model=TicketRead,
    responses={404: {"description": "ticket.not_found"}},
)
def get_ticket(ticket_id: int, session: ReadSession, actor: AnyStaff) -> TicketRead:
    return _ticket(service.get_ticket(session, actor, ticket_id))
