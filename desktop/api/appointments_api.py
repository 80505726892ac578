"""Appointments on central (issue 6): free slots, booking (a command with its Idempotency-Key),
check-in, the day's agenda, searches (POSTs: citizen data stays out of URLs), the detail, the
appointment of a ticket and the iCalendar file. Bodies are never logged (they name citizens).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from desktop.api.answers import parse_answer, path_segment
from desktop.api.api_client import ApiClient
from desktop.domain.appointments import (
    Appointment,
    AppointmentDetail,
    Booked,
    CheckedIn,
    CheckinRules,
    Found,
    FreeSlot,
)

log = logging.getLogger(__name__)

T = TypeVar("T")


def _rows(answer: Any) -> list[dict[str, Any]]:
    if not isinstance(answer, list) or not all(isinstance(r, dict) for r in answer):
        raise TypeError("not a list of objects")
    return answer


class AppointmentsApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def agenda_json(self, centre_id: int, day: date | None = None) -> list[dict[str, Any]]:
        """`GET /centres/{id}/appointments?date=`: the day's summaries as central sent them
        (the service keeps this JSON as the offline copy)."""
        params = {"date": day.isoformat()} if day is not None else None
        answer = self.client.get(f"/centres/{centre_id}/appointments", params)
        rows = parse_answer(_rows, answer, "agenda")
        parse_answer(lambda r: [Appointment.from_json(x) for x in r], rows, "agenda")
        return rows

    def free_slots(
        self, service_id: int, *, first: date | None = None, count: int = 10
    ) -> list[FreeSlot]:
        params: dict[str, Any] = {"count": count}
        if first is not None:
            params["from"] = first.isoformat()
        answer = self.client.get(f"/services/{service_id}/free-slots", params)
        return parse_answer(
            lambda a: [FreeSlot.from_json(r) for r in _rows(a)], answer, "free slots"
        )

    def book(self, centre_id: int, body: Mapping[str, Any], key: str) -> Booked:
        """`POST /centres/{id}/appointments` with `Idempotency-Key: key`: a second send with
        the same key is answered from central's record, never booked twice."""
        answer = self.client.request(
            "POST", f"/centres/{centre_id}/appointments", body=dict(body), key=key
        )
        if answer.replayed:
            log.info("booking %s replayed by central", key)
        return parse_answer(lambda a: Booked.from_json(a, answer.replayed), answer.body, "booking")

    def check_in(self, reference: str, key: str) -> CheckedIn:
        answer = self.client.request(
            "POST", f"/appointments/{path_segment(reference)}/check-in", body={}, key=key
        )
        return parse_answer(CheckedIn.from_json, answer.body, "check-in")

    def search(self, centre_id: int, body: Mapping[str, Any]) -> list[Found]:
        answer = self.client.post(f"/centres/{centre_id}/appointments/search", dict(body))
        return parse_answer(lambda a: [Found.from_json(r) for r in _rows(a)], answer, "search")

    def detail(self, reference: str, purpose: str) -> AppointmentDetail:
        answer = self.client.get(f"/appointments/{path_segment(reference)}", {"purpose": purpose})
        return parse_answer(AppointmentDetail.from_json, answer, "appointment")

    def for_ticket(self, ticket_id: int, purpose: str) -> AppointmentDetail | None:
        """The appointment a ticket came from; None for a walk-in's ticket."""
        answer = self.client.get(f"/tickets/{ticket_id}/appointment", {"purpose": purpose})
        if answer is None:
            return None
        return parse_answer(AppointmentDetail.from_json, answer, "appointment of a ticket")

    def ics(self, reference: str) -> str:
        """`GET /appointments/{ref}.ics`: the iCalendar text (RFC 5545)."""
        return self.client.get_text(f"/appointments/{path_segment(reference)}.ics")

    def rules(self, centre_id: int) -> CheckinRules:
        answer = self.client.get(f"/centres/{centre_id}/appointment-rules")
        return parse_answer(CheckinRules.from_json, answer, "check-in rules")
