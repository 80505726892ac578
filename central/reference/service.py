"""Reading centres, services and counters; moving counters between services."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.roles import Role
from central.errors import Invalid, NotFound
from central.events.service import emit
from central.reference.models import Centre, Counter, CounterService, Service


def list_centres(session: Session, actor: Actor) -> list[Centre]:
    query = select(Centre).order_by(Centre.name)
    if actor.role is not Role.ADMIN:
        query = query.where(Centre.id == actor.centre_id)
    return list(session.execute(query).scalars())


def get_centre(session: Session, actor: Actor, centre_id: int) -> Centre:
    actor.ensure_centre(centre_id)
    centre = session.get(Centre, centre_id)
    if centre is None:
        raise NotFound("centre.not_found", "No such centre.", details={"centre_id": centre_id})
    return centre


def set_counter_services(
    session: Session,
    actor: Actor,
    counter_id: int,
    links: Sequence[tuple[int, float]],
    now: datetime,
) -> Counter:
    """Replace the services a counter serves (the supervisor moving staff where queues grow)."""
    counter = session.execute(
        select(Counter).where(Counter.id == counter_id).with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        raise NotFound("counter.not_found", "No such counter.", details={"counter_id": counter_id})
    actor.ensure_centre(counter.centre_id)
    if not links:
        raise Invalid("counter.services_required", "A counter serves at least one service.")
    valid = set(
        session.execute(select(Service.id).where(Service.centre_id == counter.centre_id)).scalars()
    )
    unknown = sorted({sid for sid, _ in links} - valid)
    if unknown:
        raise NotFound(
            "service.not_found", "No such service at this centre.", details={"service_ids": unknown}
        )
    if any(not 0 <= weight <= 10 for _, weight in links):
        raise Invalid("counter.weight_invalid", "Weights go from 0 to 10.")
    counter.service_links.clear()
    session.flush()
    for service_id, weight in dict(links).items():
        counter.service_links.append(CounterService(service_id=service_id, weight=weight))
    session.flush()
    emit(
        session,
        counter.centre_id,
        "counter.services_changed",
        {
            "counter": {
                "id": counter.id,
                "services": [{"service_id": sid, "weight": w} for sid, w in dict(links).items()],
            }
        },
        now,
    )
    return counter
