"""Read-only views of the queue: the centre snapshot and today's tickets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.models import User
from central.events.service import last_seq
from central.reference.service import get_centre
from central.tickets.localtime import local_day
from central.tickets.models import Ticket
from central.tickets.transitions import Status


@dataclass(frozen=True)
class ServiceQueue:
    service_id: int
    prefix: str
    name: str
    target_wait_minutes: int
    waiting: int
    priority_waiting: int
    longest_wait_seconds: int


@dataclass(frozen=True)
class CounterView:
    counter_id: int
    number: int
    name: str
    state: str
    pause_reason: str | None
    state_since: datetime
    user_id: int | None
    attendant: str | None
    service_ids: list[int]
    ticket: Ticket | None


@dataclass(frozen=True)
class QueueSnapshot:
    centre_id: int
    as_of: datetime
    last_event_id: int
    services: list[ServiceQueue]
    counters: list[CounterView]


def queue_snapshot(session: Session, actor: Actor, centre_id: int, now: datetime) -> QueueSnapshot:
    # The event id is read first: state read after it is at least as new, so a client that
    # streams from this id may see an event twice (harmless) but never misses one.
    seen = last_seq(session)
    centre = get_centre(session, actor, centre_id)
    stats = {
        row.service_id: row
        for row in session.execute(
            select(
                Ticket.service_id,
                func.count().label("waiting"),
                func.sum(case((Ticket.priority != "none", 1), else_=0)).label("priority_waiting"),
                func.min(Ticket.queued_at).label("oldest"),
            )
            .where(
                Ticket.centre_id == centre_id,
                Ticket.service_day == local_day(centre.timezone, now),
                Ticket.status == Status.WAITING,
            )
            .group_by(Ticket.service_id)
        )
    }
    services = []
    for s in centre.services:
        row = stats.get(s.id)
        oldest = row.oldest if row is not None else None
        services.append(
            ServiceQueue(
                service_id=s.id,
                prefix=s.prefix,
                name=s.name,
                target_wait_minutes=s.target_wait_minutes,
                waiting=int(row.waiting) if row else 0,
                priority_waiting=int(row.priority_waiting or 0) if row else 0,
                longest_wait_seconds=max(0, int((now - oldest).total_seconds())) if oldest else 0,
            )
        )
    current_ids = [c.current_ticket_id for c in centre.counters if c.current_ticket_id]
    tickets = (
        {
            t.id: t
            for t in session.execute(select(Ticket).where(Ticket.id.in_(current_ids))).scalars()
        }
        if current_ids
        else {}
    )
    user_ids = [c.user_id for c in centre.counters if c.user_id]
    names = (
        {
            user_id: name
            for user_id, name in session.execute(
                select(User.id, User.full_name).where(User.id.in_(user_ids))
            )
        }
        if user_ids
        else {}
    )
    counters = [
        CounterView(
            counter_id=c.id,
            number=c.number,
            name=c.name,
            state=c.state,
            pause_reason=c.pause_reason,
            state_since=c.state_since,
            user_id=c.user_id,
            attendant=names.get(c.user_id) if c.user_id else None,
            service_ids=[link.service_id for link in c.service_links],
            ticket=tickets.get(c.current_ticket_id) if c.current_ticket_id else None,
        )
        for c in centre.counters
    ]
    return QueueSnapshot(centre_id, now, seen, services, counters)


@dataclass(frozen=True)
class TicketFilter:
    day: date | None = None
    status: str | None = None
    service_id: int | None = None
    counter_id: int | None = None
    number: str | None = None
    limit: int = 500
    offset: int = 0


def list_tickets(
    session: Session, actor: Actor, centre_id: int, flt: TicketFilter, now: datetime
) -> list[Ticket]:
    centre = get_centre(session, actor, centre_id)
    day = flt.day or local_day(centre.timezone, now)
    query = select(Ticket).where(Ticket.centre_id == centre_id, Ticket.service_day == day)
    if flt.status:
        query = query.where(Ticket.status == flt.status)
    if flt.service_id:
        query = query.where(Ticket.service_id == flt.service_id)
    if flt.counter_id:
        query = query.where(Ticket.counter_id == flt.counter_id)
    if flt.number:
        query = query.where(Ticket.number == flt.number.strip().upper())
    query = query.order_by(Ticket.queued_at, Ticket.id).limit(flt.limit).offset(flt.offset)
    return list(session.execute(query).scalars())
