"""Helpers shared by the appointment tests: a schedule put through the API, a booking body, and
actors for tests that drive the service layer directly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from central.auth.actor import Actor
from central.auth.roles import Role
from tests.central.factories import World
from tests.central.http import StaffSession

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
# 09:00-12:00 and 14:00-16:00 local on weekdays: six 30-minute slots each morning.
OFFICE_HOURS: dict[str, list[list[str]]] = {
    day: [["09:00", "12:00"], ["14:00", "16:00"]] for day in WEEKDAYS
}
# A NIF with a correct check digit (123456789 is valid under mod 11).
VALID_NIF = "123456789"


def put_schedule(
    staff: StaffSession,
    world: World,
    prefix: str = "A",
    *,
    capacity: int = 1,
    slot_minutes: int = 30,
    hours: dict[str, list[list[str]]] | None = None,
    horizon_days: int = 90,
) -> Any:
    return staff.client.put(
        f"/api/v1/centres/{world.centre_id}/services/{world.services[prefix]}/appointment-schedule",
        json={
            "weekly_hours": hours or OFFICE_HOURS,
            "slot_minutes": slot_minutes,
            "capacity": capacity,
            "horizon_days": horizon_days,
        },
        headers={**staff.headers, "Idempotency-Key": f"schedule-{prefix}-{capacity}"},
    )


def booking(
    world: World,
    starts_at: datetime | str,
    prefix: str = "A",
    *,
    name: str = "Maria João Antunes",
    channel: str = "in_person",
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "service_id": world.services[prefix],
        "starts_at": starts_at if isinstance(starts_at, str) else starts_at.isoformat(),
        "channel": channel,
        "citizen": {"name": name, "phone": "912345678", **extra.pop("citizen", {})},
    }
    body.update(extra)
    return body


def actor(world: World, username: str, role: Role) -> Actor:
    return Actor(world.users[username], username, role, world.centre_id)
