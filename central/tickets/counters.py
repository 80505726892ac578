"""A counter's live state: open, paused with a reason, resumed, closed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.errors import Conflict, Invalid
from central.events.service import emit
from central.reference.models import Counter
from central.tickets.payloads import counter_payload, ticket_payload
from central.tickets.service import ensure_operates, lock_counter, lock_ticket, requeue
from central.tickets.transitions import PauseReason, Status


def _state(session: Session, counter: Counter, state: str, kind: str, now: datetime) -> Counter:
    counter.state = state
    counter.state_since = now
    emit(session, counter.centre_id, kind, {"counter": counter_payload(counter)}, now)
    return counter


def open_counter(session: Session, actor: Actor, counter_id: int, now: datetime) -> Counter:
    counter = lock_counter(session, counter_id)
    actor.ensure_centre(counter.centre_id)
    if counter.state != "closed":
        if counter.user_id == actor.user_id:
            return counter  # opening twice is harmless, e.g. after a client restart
        raise Conflict(
            "counter.taken",
            "Someone else is working at this counter.",
            details={"counter_id": counter.id, "user_id": counter.user_id},
        )
    elsewhere = session.execute(
        select(Counter.id, Counter.number).where(
            Counter.user_id == actor.user_id, Counter.state != "closed", Counter.id != counter.id
        )
    ).first()
    if elsewhere is not None:
        raise Conflict(
            "counter.user_elsewhere",
            "You are already working at another counter.",
            details={"counter_id": elsewhere.id, "counter_number": elsewhere.number},
        )
    counter.user_id = actor.user_id
    counter.pause_reason = None
    counter.priority_streak = 0
    return _state(session, counter, "open", "counter.opened", now)


def _ensure_free(counter: Counter) -> None:
    if counter.current_ticket_id is not None:
        raise Conflict(
            "counter.busy",
            "Finish, transfer or park the current ticket first.",
            details={"counter_id": counter.id, "ticket_id": counter.current_ticket_id},
        )


def pause(session: Session, actor: Actor, counter_id: int, reason: str, now: datetime) -> Counter:
    if reason not in set(PauseReason):
        raise Invalid(
            "counter.pause_reason_invalid", "Unknown pause reason.", details={"reason": reason}
        )
    counter = lock_counter(session, counter_id)
    ensure_operates(actor, counter)
    if counter.state != "open":
        raise Conflict(
            "counter.not_open", "Only an open counter can pause.", details={"state": counter.state}
        )
    _ensure_free(counter)
    counter.pause_reason = reason
    return _state(session, counter, "paused", "counter.paused", now)


def resume(session: Session, actor: Actor, counter_id: int, now: datetime) -> Counter:
    counter = lock_counter(session, counter_id)
    ensure_operates(actor, counter)
    if counter.state != "paused":
        raise Conflict(
            "counter.not_paused", "The counter is not paused.", details={"state": counter.state}
        )
    counter.pause_reason = None
    return _state(session, counter, "open", "counter.resumed", now)


def close(session: Session, actor: Actor, counter_id: int, now: datetime) -> Counter:
    """Close the counter; a ticket called but not yet served goes back to the front."""
    counter = lock_counter(session, counter_id)
    ensure_operates(actor, counter)
    if counter.state == "closed":
        return counter
    if counter.current_ticket_id is not None:
        ticket = lock_ticket(session, counter.current_ticket_id)
        if ticket.status == Status.SERVING:
            raise Conflict(
                "counter.busy",
                "Finish, transfer or park the citizen being served.",
                details={"counter_id": counter.id, "ticket_id": ticket.id},
            )
        requeue(ticket, front=True, now=now)
        ticket.version += 1
        counter.current_ticket_id = None
        emit(
            session,
            ticket.centre_id,
            "ticket.returned_to_queue",
            {"ticket": ticket_payload(ticket), "counter": counter_payload(counter)},
            now,
        )
    counter.user_id = None
    counter.pause_reason = None
    counter.priority_streak = 0
    return _state(session, counter, "closed", "counter.closed", now)
