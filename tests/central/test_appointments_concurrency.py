"""Fifty clients book the last place of a slot at the same instant: exactly one wins, and every
other gets `appointment.slot_taken` naming the next free slots.

Real threads and transactions through the command machinery the route uses (Idempotency-Key,
one write transaction each), on SQLite (writers serialized) and PostgreSQL (the slot row's
lock, re-checked after the wait).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.responses import JSONResponse
from sqlalchemy import func, select

from central.appointments import service as appointments
from central.appointments.models import Appointment, AppointmentSlot
from central.appointments.schedules import Channel
from central.auth.roles import Role
from central.context import AppContext
from central.deps import Command
from central.errors import DomainError
from tests.central.appointment_fixtures import OFFICE_HOURS, actor
from tests.central.conftest import T0
from tests.central.factories import World

pytestmark = pytest.mark.usefixtures("fast_passwords")

CLIENTS = 50
LAST_PLACE = T0.replace(minute=30)  # 10:30, a slot of Monday's morning


def _book(ctx: AppContext, world: World, key: str, name: str) -> Any:
    reception = actor(world, "reception", Role.RECEPTION)
    command = Command(ctx, reception, key, f"/api/v1/centres/{world.centre_id}/appointments")
    booking = appointments.Booking(
        world.services["A"],
        LAST_PLACE,
        Channel.IN_PERSON,
        appointments.CitizenInput(name, phone="912345678"),
    )
    return command.run(
        {"key": key},
        lambda s, now: {
            "reference": appointments.book(s, reception, world.centre_id, booking, now).reference
        },
        status_code=201,
    )


def test_fifty_clients_one_last_place(ctx: AppContext, world: World) -> None:
    supervisor = actor(world, "supervisor", Role.SUPERVISOR)
    with ctx.db.writing() as s:
        spec = appointments.ScheduleInput(OFFICE_HOURS, 30, 2, 90, True)
        appointments.put_schedule(s, supervisor, world.centre_id, world.services["A"], spec, T0)
    first = _book(ctx, world, "first", "Primeira Pessoa")
    assert isinstance(first, JSONResponse)
    assert first.status_code == 201

    start = threading.Barrier(CLIENTS, timeout=60)

    def client(i: int) -> Any:
        start.wait()
        try:
            return _book(ctx, world, f"client-{i}", f"Cliente {i}")
        except DomainError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        outcomes = list(pool.map(client, range(CLIENTS), timeout=120))

    won = [o for o in outcomes if isinstance(o, JSONResponse)]
    lost = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(won) == 1, [type(o).__name__ for o in outcomes]
    assert len(lost) == CLIENTS - 1
    assert {e.code for e in lost} == {"appointment.slot_taken"}
    for error in lost:
        alternatives = error.details["alternatives"]
        assert alternatives, "a refusal names other slots"
        assert alternatives[0]["starts_at"] == "2026-11-23T11:00:00+00:00"
        assert LAST_PLACE.isoformat() not in {a["starts_at"] for a in alternatives}

    with ctx.db.reading() as s:
        taken = s.execute(
            select(func.count()).where(Appointment.starts_at == LAST_PLACE)
        ).scalar_one()
        booked = s.execute(
            select(AppointmentSlot.booked).where(AppointmentSlot.starts_at == LAST_PLACE)
        ).scalar_one()
    assert taken == 2
    assert booked == 2
