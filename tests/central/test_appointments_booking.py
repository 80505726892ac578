"""Booking, rescheduling and cancelling through the API, on SQLite and PostgreSQL: places are
counted per slot, a full slot answers `appointment.slot_taken` with the next free ones, and a
cancelled or moved appointment gives its place back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.central.appointment_fixtures import booking, put_schedule
from tests.central.factories import World
from tests.central.http import ApiClient, StaffSession, expect_error

# Cheap argon2 parameters: passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")


def _free(staff: StaffSession, world: World, count: int = 3, **params: Any) -> list[str]:
    response = staff.get(f"/services/{world.services['A']}/free-slots", count=count, **params)
    assert response.status_code == 200, response.text
    return [s["starts_at"] for s in response.json()]


def test_book_reschedule_cancel_count_places(api: ApiClient, world: World) -> None:
    supervisor = api.login("supervisor")
    reception = api.login("reception")
    assert put_schedule(supervisor, world, capacity=1).status_code == 200

    # Monday 10:00 in Lisbon (UTC+0 in winter): the 10:00 slot has begun, 10:30 is next.
    assert _free(reception, world) == [
        "2026-11-23T10:30:00Z",
        "2026-11-23T11:00:00Z",
        "2026-11-23T11:30:00Z",
    ]
    booked = reception.post(
        f"/centres/{world.centre_id}/appointments", booking(world, "2026-11-23T10:30:00Z")
    )
    assert booked.status_code == 201, booked.text
    receipt = booked.json()
    reference = receipt["appointment"]["reference"]
    assert reference.startswith("AP-")
    assert len(receipt["booking_code"]) == 7
    assert receipt["appointment"]["status"] == "booked"
    assert "citizen" not in receipt
    assert "name" not in receipt["appointment"]
    assert _free(reception, world)[0] == "2026-11-23T11:00:00Z"

    # The only place of 10:30 is taken: the answer names the next free slots.
    details = expect_error(
        reception.post(
            f"/centres/{world.centre_id}/appointments",
            booking(world, "2026-11-23T10:30:00+00:00", name="Rui Costa"),
        ),
        409,
        "appointment.slot_taken",
    )
    assert [s["starts_at"] for s in details["alternatives"]][:2] == [
        "2026-11-23T11:00:00+00:00",
        "2026-11-23T11:30:00+00:00",
    ]

    moved = reception.post(
        f"/appointments/{reference}/reschedule", {"starts_at": "2026-11-23T14:00:00Z"}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["starts_at"] == "2026-11-23T14:00:00Z"
    assert moved.json()["version"] == 2
    # 10:30 is free again, 14:00 is not.
    assert _free(reception, world, count=4) == [
        "2026-11-23T10:30:00Z",
        "2026-11-23T11:00:00Z",
        "2026-11-23T11:30:00Z",
        "2026-11-23T14:30:00Z",
    ]

    agenda = reception.ok("get", f"/centres/{world.centre_id}/appointments?date=2026-11-23")
    assert [a["reference"] for a in agenda] == [reference]
    assert "name" not in agenda[0]
    assert "citizen" not in agenda[0]

    cancelled = reception.post(f"/appointments/{reference}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    assert "2026-11-23T14:00:00Z" in _free(reception, world, count=4)
    expect_error(
        reception.post(f"/appointments/{reference}/cancel"),
        409,
        "appointment.illegal_transition",
    )
