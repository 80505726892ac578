"""Ticket commands. Each runs inside the caller's transaction and never commits.

Lock order is always counter, then ticket, so two commands can never wait on each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload

from central.auth.actor import Actor
from central.errors import Conflict, Forbidden, Invalid, NotFound
from central.events.service import emit
from central.reference.models import Centre, Counter, Service
from central.tickets import policy
from central.tickets.localtime import local_day, to_local
from central.tickets.models import DailySequence, Ticket
from central.tickets.payloads import counter_payload, ticket_payload
from central.tickets.transitions import Action, Outcome, Status, is_allowed

# Per service and class (front, appointment, priority, normal), the policy needs only the
# oldest few: this bounds the candidate read however long the queue is. It is also how many
# counters can claim from one class at the same instant before one of them needs a second round.
CANDIDATES_PER_CLASS = 10
# Rounds of re-reading when every ranked candidate was locked by other counters meanwhile. Each
# round leaves out what was skipped, so it reaches deeper into the queue: 20 rounds of 10 a class
# get past 200 counters claiming from one service at the same instant.
CLAIM_ROUNDS = 20


@dataclass(frozen=True)
class CallResult:
    ticket: Ticket
    counter: Counter
    choice: policy.Choice


# --- locking and checks ---------------------------------------------------------------------


# Statements of the hot paths are built once: building them per call cost more CPU than
# running them. populate_existing: a row already in the session (read before the lock) is
# refreshed from the locked read, or checks would run on what it was before another command
# committed.
_LOCK_COUNTER = (
    select(Counter)
    .where(Counter.id == bindparam("counter_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)
# The counter, locked, with its services and its centre: one round trip, not three.
_LOCK_COUNTER_TO_CALL = (
    select(Counter, Centre)
    .join(Centre, Centre.id == Counter.centre_id)
    .where(Counter.id == bindparam("counter_id"))
    .options(joinedload(Counter.service_links))
    .with_for_update(of=Counter)
    .execution_options(populate_existing=True)
)
# The counter holding a ticket, found and locked in one statement.
_LOCK_COUNTER_OF_TICKET = (
    select(Counter)
    .where(
        Counter.id
        == select(Ticket.counter_id).where(Ticket.id == bindparam("ticket_id")).scalar_subquery()
    )
    .with_for_update()
    .execution_options(populate_existing=True)
)
_LOCK_TICKET = (
    select(Ticket)
    .where(Ticket.id == bindparam("ticket_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)
# The best-ranked ticket no other counter holds (PostgreSQL). One array parameter, not an IN
# list: the statement text stays the same from call to call, so psycopg prepares it once.
_RANKED = bindparam("ranked", type_=postgresql.ARRAY(Integer))
_CLAIM_BEST = (
    select(Ticket)
    .where(Ticket.id == func.any(_RANKED), Ticket.status == Status.WAITING)
    .order_by(func.array_position(_RANKED, Ticket.id))
    .limit(1)
    .with_for_update(skip_locked=True)
    .execution_options(populate_existing=True)
)
_STILL_WAITING = (
    select(Ticket)
    .where(Ticket.id == bindparam("ticket_id"), Ticket.status == Status.WAITING)
    .execution_options(populate_existing=True)
)


def _counter_not_found(counter_id: int | None) -> NotFound:
    return NotFound("counter.not_found", "No such counter.", details={"counter_id": counter_id})


def lock_counter(session: Session, counter_id: int) -> Counter:
    counter = session.execute(_LOCK_COUNTER, {"counter_id": counter_id}).scalar_one_or_none()
    if counter is None:
        raise _counter_not_found(counter_id)
    return counter


def _lock_counter_to_call(session: Session, counter_id: int) -> tuple[Counter, Centre]:
    row = session.execute(_LOCK_COUNTER_TO_CALL, {"counter_id": counter_id}).unique().one_or_none()
    if row is None:
        raise _counter_not_found(counter_id)
    return row.Counter, row.Centre


def lock_ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.execute(_LOCK_TICKET, {"ticket_id": ticket_id}).scalar_one_or_none()
    if ticket is None:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    return ticket


def get_ticket(session: Session, actor: Actor, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    actor.ensure_centre(ticket.centre_id)
    return ticket


def ensure_operates(actor: Actor, counter: Counter) -> None:
    """Attendants act only through the counter they opened; managers through any of theirs."""
    actor.ensure_centre(counter.centre_id)
    if actor.is_manager:
        return
    if counter.user_id != actor.user_id:
        raise Forbidden(
            "counter.not_yours",
            "This counter is operated by someone else.",
            details={"counter_id": counter.id},
        )


def _ensure(action: Action, ticket: Ticket) -> None:
    if not is_allowed(action, ticket.status):
        raise Conflict(
            "ticket.illegal_transition",
            f"Cannot {action.value} a ticket that is {ticket.status}.",
            details={"action": action.value, "status": ticket.status, "number": ticket.number},
        )


def _ensure_ready_to_call(counter: Counter) -> None:
    if counter.state == "paused":
        raise Conflict(
            "counter.paused", "The counter is paused.", details={"counter_id": counter.id}
        )
    if counter.state != "open":
        raise Conflict(
            "counter.closed", "The counter is closed.", details={"counter_id": counter.id}
        )
    if counter.current_ticket_id is not None:
        raise Conflict(
            "counter.busy",
            "Finish, transfer or park the current ticket first.",
            details={"counter_id": counter.id, "ticket_id": counter.current_ticket_id},
        )


def _changed(
    session: Session,
    ticket: Ticket,
    kind: str,
    now: datetime,
    counter: Counter | None = None,
    **extra: object,
) -> None:
    ticket.version += 1
    payload: dict[str, object] = {"ticket": ticket_payload(ticket), **extra}
    if counter is not None:
        payload["counter"] = counter_payload(counter)
    emit(session, ticket.centre_id, kind, payload, now)


# --- issuing --------------------------------------------------------------------------------


def _next_seq(session: Session, service_id: int, day: object) -> int:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(DailySequence)
        .values(service_id=service_id, service_day=day, last_seq=1)
        .on_conflict_do_update(
            index_elements=[DailySequence.service_id, DailySequence.service_day],
            set_={"last_seq": DailySequence.last_seq + 1},
        )
        .returning(DailySequence.last_seq)
    )
    return int(session.execute(stmt).scalar_one())


def issue(
    session: Session,
    actor: Actor,
    centre_id: int,
    service_id: int,
    priority_: str,
    now: datetime,
    appointment_at: datetime | None = None,
    *,
    on_display: bool = True,
) -> Ticket:
    actor.ensure_centre(centre_id)
    centre = session.get(Centre, centre_id)
    service = session.get(Service, service_id)
    if centre is None:
        raise NotFound("centre.not_found", "No such centre.")
    if service is None or service.centre_id != centre_id or not service.active:
        raise NotFound(
            "service.not_found",
            "No such service at this centre.",
            details={"service_id": service_id},
        )
    if priority_ != policy.Priority.NONE and not service.priority_allowed:
        raise Invalid(
            "ticket.priority_not_allowed",
            "This service has no priority attendance.",
            details={"service_id": service_id},
        )
    day = local_day(centre.timezone, now)
    seq = _next_seq(session, service.id, day)
    ticket = Ticket(
        centre_id=centre_id,
        service_id=service.id,
        issued_service_id=service.id,
        service_day=day,
        seq=seq,
        number=f"{service.prefix}{seq:03d}",
        status=Status.WAITING,
        priority=priority_,
        appointment_at=appointment_at,
        issued_at=now,
        queued_at=now,
        front=False,
        call_count=0,
        transfer_count=0,
        version=0,
        on_display=on_display,
    )
    session.add(ticket)
    session.flush()
    _changed(session, ticket, "ticket.issued", now)
    return ticket


# --- calling --------------------------------------------------------------------------------


def _build_candidates_query() -> Select[Any]:
    """The candidate read, built once: constructing it per call cost more CPU than running it."""
    klass = case(
        (Ticket.front.is_(True), 3),
        (Ticket.appointment_at.is_not(None), 2),
        (Ticket.priority != policy.Priority.NONE, 1),
        else_=0,
    )
    position = func.row_number().over(
        partition_by=(Ticket.service_id, klass),
        order_by=(func.coalesce(Ticket.appointment_at, Ticket.queued_at), Ticket.id),
    )
    eligible = or_(
        and_(
            Ticket.service_id.in_(bindparam("service_ids", expanding=True)),
            Ticket.target_counter_id.is_(None),
        ),
        Ticket.target_counter_id == bindparam("counter_id"),
    )
    inner = (
        select(
            Ticket.id,
            Ticket.number,
            Ticket.service_id,
            Ticket.queued_at,
            Ticket.priority,
            Ticket.appointment_at,
            Ticket.front,
            position.label("position"),
        )
        .where(
            Ticket.centre_id == bindparam("centre_id"),
            # Only today's queue: a ticket left waiting yesterday is not called this morning.
            Ticket.service_day == bindparam("day"),
            Ticket.status == Status.WAITING,
            eligible,
            Ticket.id.not_in(bindparam("exclude", expanding=True)),
        )
        .subquery()
    )
    return (
        select(inner, Service.prefix, Service.priority_allowed)
        .join(Service, Service.id == inner.c.service_id)
        .where(inner.c.position <= CANDIDATES_PER_CLASS)
    )


_CANDIDATES = _build_candidates_query()


def _candidates(
    session: Session,
    counter: Counter,
    service_ids: Sequence[int],
    exclude: set[int],
    day: date,
) -> list[policy.Candidate]:
    rows = session.execute(
        _CANDIDATES,
        {
            "service_ids": list(service_ids),
            "counter_id": counter.id,
            "centre_id": counter.centre_id,
            "day": day,
            "exclude": list(exclude),
        },
    ).all()
    return [
        policy.Candidate(
            ticket_id=r.id,
            number=r.number,
            service_id=r.service_id,
            service_prefix=r.prefix,
            queued_at=r.queued_at,
            priority=r.priority,
            priority_allowed=r.priority_allowed,
            appointment_at=r.appointment_at,
            front=r.front,
        )
        for r in rows
    ]


def _claim_best(
    session: Session, ranked: Sequence[policy.Choice]
) -> tuple[Ticket, policy.Choice] | None:
    """Lock the best-ranked ticket no other counter holds right now, or None if all are held.

    On PostgreSQL this is one statement: ordering by the rank and `SKIP LOCKED` lets the server
    step over tickets being claimed by other counters, instead of one round trip per attempt
    (which at 200 counters took dozens of attempts a call). SQLite has one writer at a time, so
    the best candidate is free unless a prior statement of this transaction changed it.
    """
    by_id = {choice.ticket_id: choice for choice in ranked}
    if session.get_bind().dialect.name == "postgresql":
        ticket = session.execute(_CLAIM_BEST, {"ranked": list(by_id)}).scalar_one_or_none()
        return (ticket, by_id[ticket.id]) if ticket is not None else None
    for choice in ranked:
        found = session.execute(
            _STILL_WAITING, {"ticket_id": choice.ticket_id}
        ).scalar_one_or_none()
        if found is not None:
            return found, choice
    return None


def _mark_called(
    session: Session,
    counter: Counter,
    ticket: Ticket,
    actor: Actor,
    choice: policy.Choice,
    now: datetime,
) -> CallResult:
    ticket.status = Status.CALLED
    ticket.counter_id = counter.id
    ticket.attendant_id = counter.user_id or actor.user_id
    ticket.called_at = now
    ticket.started_at = None
    ticket.call_count += 1
    ticket.front = False
    ticket.target_counter_id = None
    ticket.call_reason = {
        "rule": choice.rule.value,
        "details": choice.details,
        "text": choice.explanation,
    }
    counter.current_ticket_id = ticket.id
    counter.priority_streak = policy.next_priority_streak(counter.priority_streak, choice.rule)
    _changed(session, ticket, "ticket.called", now, counter, reason=ticket.call_reason)
    return CallResult(ticket, counter, choice)


def call_next(session: Session, actor: Actor, counter_id: int, now: datetime) -> CallResult:
    counter, centre = _lock_counter_to_call(session, counter_id)
    ensure_operates(actor, counter)
    _ensure_ready_to_call(counter)
    weights = {link.service_id: link.weight for link in counter.service_links}
    config = policy.PolicyConfig.from_mapping(centre.policy)
    day = local_day(centre.timezone, now)
    skipped: set[int] = set()
    for _ in range(CLAIM_ROUNDS):
        ranked = policy.rank(
            _candidates(session, counter, list(weights), skipped, day),
            weights=weights,
            priority_streak=counter.priority_streak,
            config=config,
            now=now,
            local=lambda dt: to_local(centre.timezone, dt),
        )
        if not ranked:
            break
        claimed = _claim_best(session, ranked)
        if claimed is not None:
            return _mark_called(session, counter, claimed[0], actor, claimed[1], now)
        skipped.update(choice.ticket_id for choice in ranked)
    raise Conflict(
        "queue.empty",
        "Nobody is waiting for this counter's services.",
        details={"counter_id": counter.id},
    )


def call_specific(
    session: Session,
    actor: Actor,
    counter_id: int,
    now: datetime,
    *,
    ticket_id: int | None = None,
    number: str | None = None,
) -> CallResult:
    counter = lock_counter(session, counter_id)
    ensure_operates(actor, counter)
    _ensure_ready_to_call(counter)
    if ticket_id is None:
        if not number:
            raise Invalid("ticket.number_required", "Give a ticket number or id.")
        centre = session.get(Centre, counter.centre_id)
        assert centre is not None
        ticket_id = session.execute(
            select(Ticket.id).where(
                Ticket.centre_id == counter.centre_id,
                Ticket.service_day == local_day(centre.timezone, now),
                Ticket.number == number.strip().upper(),
            )
        ).scalar_one_or_none()
        if ticket_id is None:
            raise NotFound(
                "ticket.not_found", "No ticket with this number today.", details={"number": number}
            )
    ticket = lock_ticket(session, ticket_id)
    if ticket.centre_id != counter.centre_id:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    _ensure(Action.CALL, ticket)
    if ticket.target_counter_id not in (None, counter.id):
        raise Conflict(
            "ticket.reserved",
            "This ticket was transferred to another counter.",
            details={"target_counter_id": ticket.target_counter_id},
        )
    choice = policy.Choice(ticket.id, policy.Rule.SPECIFIC, {"number": ticket.number})
    return _mark_called(session, counter, ticket, actor, choice, now)


# --- at the counter -------------------------------------------------------------------------


def _at_counter(
    session: Session, actor: Actor, ticket_id: int, action: Action
) -> tuple[Counter, Ticket]:
    """Lock the counter holding the ticket, then the ticket, and check the action is legal."""
    counter = session.execute(
        _LOCK_COUNTER_OF_TICKET, {"ticket_id": ticket_id}
    ).scalar_one_or_none()
    if counter is None:  # unknown, or at no counter: nothing to lock, say why
        found = get_ticket(session, actor, ticket_id)
        _ensure(action, found)
        raise Conflict(
            "ticket.not_at_counter",
            "This ticket is not at a counter.",
            details={"ticket_id": ticket_id},
        )
    ticket = lock_ticket(session, ticket_id)
    actor.ensure_centre(ticket.centre_id)
    _ensure(action, ticket)
    ensure_operates(actor, counter)
    if counter.current_ticket_id != ticket.id:
        raise Conflict(
            "ticket.not_at_counter",
            "This ticket is not at this counter any more.",
            details={"counter_id": counter.id},
        )
    return counter, ticket


def _release(counter: Counter) -> None:
    counter.current_ticket_id = None


def recall(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Ticket:
    counter, ticket = _at_counter(session, actor, ticket_id, Action.RECALL)
    ticket.call_count += 1
    _changed(session, ticket, "ticket.recalled", now, counter)
    return ticket


def start(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Ticket:
    counter, ticket = _at_counter(session, actor, ticket_id, Action.START)
    ticket.status = Status.SERVING
    ticket.started_at = now
    _changed(session, ticket, "ticket.started", now, counter)
    return ticket


def finish(
    session: Session,
    actor: Actor,
    ticket_id: int,
    now: datetime,
    *,
    outcome: str,
    notes: str | None,
    services_performed: Sequence[str],
) -> Ticket:
    if outcome not in set(Outcome):
        raise Invalid("ticket.outcome_invalid", "Unknown outcome.", details={"outcome": outcome})
    counter, ticket = _at_counter(session, actor, ticket_id, Action.FINISH)
    ticket.status = Status.DONE
    ticket.finished_at = now
    ticket.outcome = outcome
    ticket.notes = notes or None
    ticket.services_performed = list(services_performed)
    _release(counter)
    _changed(session, ticket, "ticket.finished", now, counter)
    return ticket


def no_show(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Ticket:
    counter, ticket = _at_counter(session, actor, ticket_id, Action.NO_SHOW)
    ticket.status = Status.NO_SHOW
    ticket.finished_at = now
    _release(counter)
    _changed(session, ticket, "ticket.no_show", now, counter)
    return ticket


def requeue(ticket: Ticket, *, front: bool, now: datetime) -> None:
    ticket.status = Status.WAITING
    ticket.counter_id = None
    ticket.attendant_id = None
    ticket.called_at = None
    ticket.started_at = None
    ticket.finished_at = None
    ticket.front = front
    if not front:
        ticket.queued_at = now


def transfer(
    session: Session,
    actor: Actor,
    ticket_id: int,
    now: datetime,
    *,
    service_id: int | None,
    counter_id: int | None,
    front: bool,
) -> Ticket:
    if service_id is None and counter_id is None:
        raise Invalid("transfer.target_required", "Choose a service or a counter.")
    counter, ticket = _at_counter(session, actor, ticket_id, Action.TRANSFER)
    if service_id is not None:
        service = session.get(Service, service_id)
        if service is None or service.centre_id != ticket.centre_id or not service.active:
            raise NotFound(
                "service.not_found",
                "No such service at this centre.",
                details={"service_id": service_id},
            )
        ticket.service_id = service.id
    if counter_id is not None:
        target = session.get(Counter, counter_id)
        if target is None or target.centre_id != ticket.centre_id:
            raise NotFound(
                "counter.not_found",
                "No such counter at this centre.",
                details={"counter_id": counter_id},
            )
        if target.id == counter.id:
            raise Invalid("transfer.same_counter", "The ticket is already at this counter.")
    from_counter = counter.id
    requeue(ticket, front=front, now=now)
    ticket.target_counter_id = counter_id
    ticket.transfer_count += 1
    _release(counter)
    _changed(session, ticket, "ticket.transferred", now, counter, from_counter_id=from_counter)
    return ticket


def park(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Ticket:
    counter, ticket = _at_counter(session, actor, ticket_id, Action.PARK)
    ticket.status = Status.PARKED
    # counter_id stays: it says where the citizen should come back to.
    _release(counter)
    _changed(session, ticket, "ticket.parked", now, counter)
    return ticket


def return_parked(
    session: Session, actor: Actor, ticket_id: int, counter_id: int, now: datetime
) -> Ticket:
    counter = lock_counter(session, counter_id)
    ensure_operates(actor, counter)
    ticket = lock_ticket(session, ticket_id)
    if ticket.centre_id != counter.centre_id:
        raise NotFound("ticket.not_found", "No such ticket.", details={"ticket_id": ticket_id})
    _ensure(Action.RETURN, ticket)
    _ensure_ready_to_call(counter)
    ticket.status = Status.CALLED
    ticket.counter_id = counter.id
    ticket.attendant_id = counter.user_id or actor.user_id
    ticket.called_at = now
    counter.current_ticket_id = ticket.id
    _changed(session, ticket, "ticket.returned", now, counter)
    return ticket


# --- front desk -----------------------------------------------------------------------------


def cancel(session: Session, actor: Actor, ticket_id: int, now: datetime) -> Ticket:
    get_ticket(session, actor, ticket_id)
    ticket = lock_ticket(session, ticket_id)
    _ensure(Action.CANCEL, ticket)
    ticket.status = Status.CANCELLED
    ticket.finished_at = now
    _changed(session, ticket, "ticket.cancelled", now)
    return ticket


def reactivate(
    session: Session, actor: Actor, ticket_id: int, now: datetime, *, front: bool
) -> Ticket:
    found = get_ticket(session, actor, ticket_id)
    centre = session.get(Centre, found.centre_id)
    assert centre is not None
    ticket = lock_ticket(session, ticket_id)
    _ensure(Action.REACTIVATE, ticket)
    if ticket.service_day != local_day(centre.timezone, now):
        raise Conflict(
            "ticket.expired",
            "Tickets from another day cannot be reactivated.",
            details={"service_day": ticket.service_day.isoformat()},
        )
    requeue(ticket, front=front, now=now)
    ticket.target_counter_id = None
    _changed(session, ticket, "ticket.reactivated", now)
    return ticket
