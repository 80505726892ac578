"""The small, citizen-data-free dictionaries that go into events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from central.reference.models import Counter
from central.tickets.models import Ticket


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def ticket_payload(ticket: Ticket) -> dict[str, Any]:
    # Notes are left out on purpose: an attendant may type a citizen's name in them.
    return {
        "id": ticket.id,
        "number": ticket.number,
        "service_id": ticket.service_id,
        "status": ticket.status,
        "priority": ticket.priority,
        "counter_id": ticket.counter_id,
        "target_counter_id": ticket.target_counter_id,
        "front": ticket.front,
        "appointment_at": _iso(ticket.appointment_at),
        "issued_at": _iso(ticket.issued_at),
        "queued_at": _iso(ticket.queued_at),
        "called_at": _iso(ticket.called_at),
        "call_count": ticket.call_count,
        "version": ticket.version,
        # A display shows only tickets with on_display (remote appointments have it false).
        "on_display": ticket.on_display,
    }


def counter_payload(counter: Counter) -> dict[str, Any]:
    return {
        "id": counter.id,
        "number": counter.number,
        "state": counter.state,
        "pause_reason": counter.pause_reason,
        "user_id": counter.user_id,
        "current_ticket_id": counter.current_ticket_id,
        "state_since": _iso(counter.state_since),
    }
