"""Builders of the JSON the central sends, for the pure tests of the live queue."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.domain.live_queue import QueueEvent
from desktop.domain.tickets import TicketSummary

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
CENTRE = 1
SERVICE_A, SERVICE_B, SERVICE_C = 11, 12, 13
COUNTER_1, COUNTER_2 = 21, 22
ALICE = 31


def iso(minutes: float = 0) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


def ticket_json(
    ticket_id: int,
    *,
    number: str | None = None,
    service_id: int = SERVICE_A,
    status: str = "waiting",
    priority: str = "none",
    counter_id: int | None = None,
    target_counter_id: int | None = None,
    front: bool = False,
    queued: float = 0,
    version: int = 1,
) -> dict[str, Any]:
    return {
        "id": ticket_id,
        "number": number or f"A{ticket_id:03d}",
        "service_id": service_id,
        "status": status,
        "priority": priority,
        "counter_id": counter_id,
        "target_counter_id": target_counter_id,
        "front": front,
        "appointment_at": None,
        "issued_at": iso(queued),
        "queued_at": iso(queued),
        "called_at": iso(queued + 1) if status in ("called", "serving") else None,
        "call_count": 1 if status in ("called", "serving") else 0,
        "version": version,
    }


def ticket(ticket_id: int, **fields: Any) -> TicketSummary:
    return TicketSummary.from_json(ticket_json(ticket_id, **fields))


def counter_json(
    counter_id: int,
    *,
    number: int = 1,
    state: str = "open",
    user_id: int | None = ALICE,
    attendant: str | None = "Alice Almeida",
    ticket: dict[str, Any] | None = None,
    service_ids: tuple[int, ...] = (SERVICE_A, SERVICE_B),
) -> dict[str, Any]:
    return {
        "counter_id": counter_id,
        "number": number,
        "name": f"Balcão {number}",
        "state": state,
        "pause_reason": None,
        "state_since": iso(),
        "user_id": user_id,
        "attendant": attendant,
        "service_ids": list(service_ids),
        "ticket": ticket,
    }


def snapshot(
    last_event_id: int = 100, counters: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "centre_id": CENTRE,
        "as_of": iso(),
        "last_event_id": last_event_id,
        "services": [
            {
                "service_id": sid,
                "prefix": prefix,
                "name": prefix,
                "target_wait_minutes": 20,
                "waiting": 0,
                "priority_waiting": 0,
                "longest_wait_seconds": 0,
            }
            for sid, prefix in ((SERVICE_A, "A"), (SERVICE_B, "B"), (SERVICE_C, "C"))
        ],
        "counters": counters
        if counters is not None
        else [
            counter_json(COUNTER_1),
            counter_json(COUNTER_2, number=2, state="closed", user_id=None, attendant=None),
        ],
    }


def counter_patch(counter_id: int, **fields: Any) -> dict[str, Any]:
    return {"id": counter_id, **fields}


def event(
    seq: int,
    kind: str,
    *,
    ticket: dict[str, Any] | None = None,
    counter: dict[str, Any] | None = None,
    **extra: Any,
) -> QueueEvent:
    body: dict[str, Any] = {"seq": seq, "kind": kind, "at": iso(seq / 60)}
    if ticket is not None:
        body["ticket"] = ticket
    if counter is not None:
        body["counter"] = counter
    body.update(extra)
    return QueueEvent.from_sse(kind, json.dumps(body))
