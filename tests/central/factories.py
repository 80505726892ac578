"""A small, fully known world for tests: two centres, services, counters and one user per role."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from central.auth.roles import Role
from central.auth.service import create_user
from central.reference.models import Centre, Counter, CounterService, Service

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    centre_id: int
    other_centre_id: int
    services: dict[str, int] = field(default_factory=dict)  # prefix -> id
    counters: dict[int, int] = field(default_factory=dict)  # number -> id
    users: dict[str, int] = field(default_factory=dict)  # username -> id
    other_service_id: int = 0
    other_counter_id: int = 0


def _centre(session: Session, code: str, now: datetime, policy: dict[str, object]) -> Centre:
    centre = Centre(
        code=code,
        name=f"Centre {code}",
        timezone="Europe/Lisbon",
        opening_hours={},
        policy=policy,
        updated_at=now,
    )
    session.add(centre)
    session.flush()
    return centre


def build_world(session: Session, now: datetime, policy: dict[str, object] | None = None) -> World:
    centre = _centre(session, "TST", now, policy or {})
    other = _centre(session, "OTH", now, {})
    world = World(centre_id=centre.id, other_centre_id=other.id)
    for prefix, name in (("A", "Atendimento geral"), ("B", "Urbanismo"), ("C", "Habitação")):
        svc = Service(
            centre_id=centre.id,
            code=prefix,
            name=name,
            prefix=prefix,
            target_wait_minutes=20,
            priority_allowed=prefix != "C",
            active=True,
        )
        session.add(svc)
        session.flush()
        world.services[prefix] = svc.id
    other_svc = Service(
        centre_id=other.id,
        code="A",
        name="Geral",
        prefix="A",
        target_wait_minutes=20,
        priority_allowed=True,
        active=True,
    )
    session.add(other_svc)
    session.flush()
    world.other_service_id = other_svc.id
    layout = {1: {"A": 1.0, "B": 0.5}, 2: {"A": 1.0}, 3: {"B": 1.0, "C": 1.0}}
    for number, weights in layout.items():
        counter = Counter(
            centre_id=centre.id,
            number=number,
            name=f"Balcão {number}",
            state="closed",
            priority_streak=0,
            state_since=now,
        )
        counter.service_links = [
            CounterService(service_id=world.services[p], weight=w) for p, w in weights.items()
        ]
        session.add(counter)
        session.flush()
        world.counters[number] = counter.id
    other_counter = Counter(
        centre_id=other.id,
        number=1,
        name="Balcão 1",
        state="closed",
        priority_streak=0,
        state_since=now,
    )
    other_counter.service_links = [CounterService(service_id=other_svc.id, weight=1.0)]
    session.add(other_counter)
    session.flush()
    world.other_counter_id = other_counter.id
    staff = (
        ("attendant", Role.ATTENDANT, centre.id),
        ("attendant2", Role.ATTENDANT, centre.id),
        ("attendant3", Role.ATTENDANT, centre.id),
        ("reception", Role.RECEPTION, centre.id),
        ("supervisor", Role.SUPERVISOR, centre.id),
        ("admin", Role.ADMIN, None),
        ("other_attendant", Role.ATTENDANT, other.id),
        ("other_reception", Role.RECEPTION, other.id),
        ("ethics_officer", Role.ETHICS_OFFICER, centre.id),
        ("other_ethics_officer", Role.ETHICS_OFFICER, other.id),
        ("knowledge_editor", Role.KNOWLEDGE_EDITOR, centre.id),
    )
    for username, role, centre_id in staff:
        user = create_user(
            session,
            username=username,
            full_name=username.title(),
            password=PASSWORD,
            role=role,
            centre_id=centre_id,
            now=now,
        )
        world.users[username] = user.id
    return world
