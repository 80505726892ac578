"""Parsing the central's JSON into the desktop's values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.domain.centre import Centre, CounterInfo
from desktop.domain.tickets import CallResult, Ticket
from desktop.domain.users import User
from desktop.domain.values import parse_time, require_time

TICKET = {
    "id": 7, "centre_id": 1, "number": "B012", "service_id": 2, "issued_service_id": 1,
    "service_day": "2026-11-23", "status": "serving", "priority": "infant",
    "appointment_at": None, "issued_at": "2026-11-23T09:00:00+00:00",
    "queued_at": "2026-11-23T09:30:00+00:00", "front": False, "target_counter_id": None,
    "counter_id": 3, "attendant_id": 4, "called_at": "2026-11-23T09:40:00+00:00",
    "started_at": "2026-11-23T09:41:00+00:00", "finished_at": None, "call_count": 1,
    "transfer_count": 1, "call_reason": {"rule": "priority", "text": "t", "details": {"n": 1}},
    "outcome": None, "notes": None, "services_performed": None, "version": 5,
}  # fmt: skip


def test_ticket_and_its_summary() -> None:
    ticket = Ticket.from_json(TICKET)
    assert ticket.service_day == date(2026, 11, 23)
    assert ticket.is_priority
    assert ticket.services_performed == ()
    assert ticket.call_reason is not None
    assert ticket.call_reason.details == {"n": 1}
    summary = ticket.summary()
    assert (summary.id, summary.number, summary.version, summary.counter_id) == (7, "B012", 5, 3)
    assert summary.queued_at == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    call = CallResult.from_json({"ticket": TICKET, "reason": TICKET["call_reason"]})
    assert call.reason.rule == "priority"


def test_times_need_a_zone() -> None:
    assert parse_time(None) is None
    assert parse_time("") is None
    with pytest.raises(ValueError, match="zone"):
        parse_time("2026-11-23T10:00:00")
    with pytest.raises(ValueError, match="missing"):
        require_time(None)


def test_centre_counter_and_user() -> None:
    counter = {"id": 3, "number": 1, "name": "Balcão 1", "state": "open", "pause_reason": None,
               "user_id": 4, "current_ticket_id": None, "state_since": "2026-11-23T09:00:00Z",
               "services": [{"service_id": 1, "weight": 1.0},
                            {"service_id": 2, "weight": 0.5}]}  # fmt: skip
    service = {"id": 1, "code": "A", "name": "Geral", "prefix": "A", "target_wait_minutes": 20,
               "priority_allowed": True, "active": True}  # fmt: skip
    centre = Centre.from_json({"id": 1, "code": "LX", "name": "Lisboa", "timezone": "Europe/Lisbon",
                               "services": [service], "counters": [counter]})  # fmt: skip
    assert centre.service(1) is not None
    assert centre.service(9) is None
    parsed = centre.counter(3)
    assert parsed == CounterInfo.from_json(counter)
    assert parsed is not None
    assert parsed.service_ids == (1, 2)
    user = User.from_json({"id": 4, "username": "ana", "full_name": "Ana", "role": "supervisor",
                           "centre_id": 1, "active": True})  # fmt: skip
    assert user.is_manager
    assert user.works_at_counter
