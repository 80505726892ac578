"""Centres, counters and tickets: the reads, and the commands (each with its idempotency key)."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from desktop.api.answers import parse_answer
from desktop.api.api_client import ApiClient
from desktop.domain.centre import Centre, CounterInfo
from desktop.domain.errors import BAD_ANSWER, ApiError
from desktop.domain.tickets import CallResult, Ticket

T = TypeVar("T")

MAX_PAGE = 2000  # the central's largest `limit`


class QueueApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    # --- reading --------------------------------------------------------------------------------

    def centres(self) -> list[dict[str, Any]]:
        """`[{id, code, name, timezone}]`: the user's centre (admins: all)."""
        answer = self.client.get("/centres")
        if not isinstance(answer, list):
            raise ApiError(200, BAD_ANSWER, "the centre list is not a list")
        return answer

    def centre(self, centre_id: int) -> Centre:
        return parse_answer(Centre.from_json, self.client.get(f"/centres/{centre_id}"), "centre")

    def snapshot(self, centre_id: int) -> dict[str, Any]:
        answer = self.client.get(f"/centres/{centre_id}/queue")
        if not isinstance(answer, dict) or "last_event_id" not in answer:
            raise ApiError(200, BAD_ANSWER, "the queue snapshot is not an object")
        return answer

    def tickets(
        self,
        centre_id: int,
        *,
        day: date | None = None,
        status: str | None = None,
        service_id: int | None = None,
        counter_id: int | None = None,
        number: str | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[Ticket]:
        params = {
            "day": day.isoformat() if day else None,
            "status": status,
            "service_id": service_id,
            "counter_id": counter_id,
            "number": number,
            "limit": limit,
            "offset": offset,
        }
        answer = self.client.get(
            f"/centres/{centre_id}/tickets", {k: v for k, v in params.items() if v is not None}
        )
        return parse_answer(lambda rows: [Ticket.from_json(row) for row in rows], answer, "tickets")

    def all_tickets(self, centre_id: int, **filters: Any) -> list[Ticket]:
        """Every ticket matching `filters`, page after page."""
        found: list[Ticket] = []
        while True:
            page = self.tickets(centre_id, limit=MAX_PAGE, offset=len(found), **filters)
            found.extend(page)
            if len(page) < MAX_PAGE:
                return found

    def ticket(self, ticket_id: int) -> Ticket:
        return parse_answer(Ticket.from_json, self.client.get(f"/tickets/{ticket_id}"), "ticket")

    # --- commands -------------------------------------------------------------------------------

    def _counter(self, path: str, key: str, body: dict[str, Any] | None = None) -> CounterInfo:
        return parse_answer(CounterInfo.from_json, self.client.post(path, body, key=key), "counter")

    def _ticket(self, path: str, key: str, body: dict[str, Any] | None = None) -> Ticket:
        return parse_answer(Ticket.from_json, self.client.post(path, body, key=key), "ticket")

    def _call(self, path: str, key: str, body: dict[str, Any] | None = None) -> CallResult:
        return parse_answer(CallResult.from_json, self.client.post(path, body, key=key), "call")

    def open_counter(self, counter_id: int, key: str) -> CounterInfo:
        return self._counter(f"/counters/{counter_id}/open", key)

    def pause(self, counter_id: int, reason: str, key: str) -> CounterInfo:
        return self._counter(f"/counters/{counter_id}/pause", key, {"reason": reason})

    def resume(self, counter_id: int, key: str) -> CounterInfo:
        return self._counter(f"/counters/{counter_id}/resume", key)

    def close_counter(self, counter_id: int, key: str) -> CounterInfo:
        return self._counter(f"/counters/{counter_id}/close", key)

    def set_counter_services(
        self, counter_id: int, services: list[tuple[int, float]], key: str
    ) -> CounterInfo:
        body = {"services": [{"service_id": s, "weight": w} for s, w in services]}
        answer = self.client.put(f"/counters/{counter_id}/services", body, key=key)
        return parse_answer(CounterInfo.from_json, answer, "counter")

    def call_next(self, counter_id: int, key: str) -> CallResult:
        return self._call(f"/counters/{counter_id}/call-next", key)

    def call_specific(
        self,
        counter_id: int,
        key: str,
        *,
        number: str | None = None,
        ticket_id: int | None = None,
    ) -> CallResult:
        body: dict[str, Any] = (
            {"number": number} if number is not None else {"ticket_id": ticket_id}
        )
        return self._call(f"/counters/{counter_id}/call", key, body)

    def recall(self, ticket_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/recall", key)

    def start(self, ticket_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/start", key)

    def finish(
        self,
        ticket_id: int,
        key: str,
        *,
        outcome: str,
        notes: str | None,
        services_performed: list[str],
    ) -> Ticket:
        body = {"outcome": outcome, "notes": notes, "services_performed": services_performed}
        return self._ticket(f"/tickets/{ticket_id}/finish", key, body)

    def no_show(self, ticket_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/no-show", key)

    def transfer(
        self,
        ticket_id: int,
        key: str,
        *,
        service_id: int | None,
        counter_id: int | None,
        position: str,
    ) -> Ticket:
        body = {"service_id": service_id, "counter_id": counter_id, "position": position}
        return self._ticket(f"/tickets/{ticket_id}/transfer", key, body)

    def park(self, ticket_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/park", key)

    def return_parked(self, ticket_id: int, counter_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/return", key, {"counter_id": counter_id})

    def issue(self, centre_id: int, service_id: int, priority: str, key: str) -> Ticket:
        body = {"service_id": service_id, "priority": priority}
        return self._ticket(f"/centres/{centre_id}/tickets", key, body)

    def cancel(self, ticket_id: int, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/cancel", key)

    def reactivate(self, ticket_id: int, position: str, key: str) -> Ticket:
        return self._ticket(f"/tickets/{ticket_id}/reactivate", key, {"position": position})
