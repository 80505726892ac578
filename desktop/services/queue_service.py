"""The counter's use cases on the queue: load the centre and its live queue, run commands.

Every command gets a fresh idempotency key (uuid4) per call, that is per user action. If the
central cannot be reached or does not answer, the same request is sent again with the same key
(twice, after a short pause): an answer lost on its way back is then replayed by the central,
never executed twice. If it still fails the `OfflineError` reaches the user, and a new click is
a new action with a new key.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar

from desktop.api.api_client import ApiClient
from desktop.api.queue_api import QueueApi
from desktop.domain.centre import Centre, CounterInfo, PauseReason
from desktop.domain.errors import OfflineError
from desktop.domain.live_queue import ACTIVE_STATUSES, QueueState
from desktop.domain.tickets import CallResult, Outcome, Position, Priority, Ticket

log = logging.getLogger(__name__)

T = TypeVar("T")

COMMAND_RETRIES = 2
# In the order the queue is loaded; any order works since versions make them commute.
ACTIVE_ORDER = ("waiting", "called", "serving", "parked")
assert set(ACTIVE_ORDER) == set(ACTIVE_STATUSES)


def default_command_backoff(attempt: int) -> float:
    """Seconds before retry number `attempt + 1`: short, a person is waiting for the click."""
    return (0.3, 1.0)[min(attempt, 1)]


class QueueService:
    def __init__(
        self,
        api: ApiClient,
        *,
        retries: int = COMMAND_RETRIES,
        backoff: Callable[[int], float] = default_command_backoff,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api = QueueApi(api)
        self._retries = retries
        self._backoff = backoff
        self._pause = pause

    # --- reading --------------------------------------------------------------------------------

    def load_centre(self, centre_id: int) -> Centre:
        return self.api.centre(centre_id)

    def load_queue(self, centre_id: int) -> QueueState:
        """Snapshot first (its `last_event_id` is read before its state), then today's active
        tickets; streaming from that id then misses nothing."""
        snapshot = self.api.snapshot(centre_id)
        tickets = [
            ticket.summary()
            for status in ACTIVE_ORDER
            for ticket in self.api.all_tickets(centre_id, status=status)
        ]
        return QueueState.from_snapshot(snapshot, tickets)

    def attendant_names(self, centre_id: int) -> dict[int, str]:
        """Names of the users at the centre's counters now (user id -> full name), for
        `QueueState.learn_names` after an event named someone by id only."""
        snapshot = self.api.snapshot(centre_id)
        return {
            int(c["user_id"]): str(c["attendant"])
            for c in snapshot.get("counters") or ()
            if c.get("user_id") is not None and c.get("attendant")
        }

    def find_tickets(self, centre_id: int, number: str) -> list[Ticket]:
        """Today's tickets with this number (`b12` finds `B12`, not `B012`: numbers are exact)."""
        return self.api.all_tickets(centre_id, number=number.strip().upper())

    def ticket(self, ticket_id: int) -> Ticket:
        return self.api.ticket(ticket_id)

    def current_ticket(self, counter: CounterInfo) -> Ticket | None:
        if counter.current_ticket_id is None:
            return None
        return self.api.ticket(counter.current_ticket_id)

    # --- commands -------------------------------------------------------------------------------

    def _command(self, name: str, send: Callable[[str], T]) -> T:
        key = str(uuid.uuid4())
        attempt = 0
        while True:
            try:
                return send(key)
            except OfflineError as exc:
                if attempt >= self._retries:
                    log.warning("%s: central unreachable after %d tries", name, attempt + 1)
                    raise
                delay = self._backoff(attempt)
                log.info("%s: %s, trying again in %.1f s with the same key", name, exc.code, delay)
                attempt += 1
                if delay > 0:
                    self._pause(delay)

    def open_counter(self, counter_id: int) -> CounterInfo:
        return self._command("open", lambda key: self.api.open_counter(counter_id, key))

    def pause(self, counter_id: int, reason: PauseReason) -> CounterInfo:
        return self._command(
            "pause", lambda key: self.api.pause(counter_id, PauseReason(reason).value, key)
        )

    def resume(self, counter_id: int) -> CounterInfo:
        return self._command("resume", lambda key: self.api.resume(counter_id, key))

    def close_counter(self, counter_id: int) -> CounterInfo:
        return self._command("close", lambda key: self.api.close_counter(counter_id, key))

    def set_counter_services(
        self, counter_id: int, services: Sequence[tuple[int, float]]
    ) -> CounterInfo:
        return self._command(
            "services",
            lambda key: self.api.set_counter_services(counter_id, list(services), key),
        )

    def call_next(self, counter_id: int) -> CallResult:
        return self._command("call-next", lambda key: self.api.call_next(counter_id, key))

    def call_specific(self, counter_id: int, number: str) -> CallResult:
        wanted = number.strip().upper()
        return self._command(
            "call", lambda key: self.api.call_specific(counter_id, key, number=wanted)
        )

    def call_ticket(self, counter_id: int, ticket_id: int) -> CallResult:
        return self._command(
            "call", lambda key: self.api.call_specific(counter_id, key, ticket_id=ticket_id)
        )

    def recall(self, ticket_id: int) -> Ticket:
        return self._command("recall", lambda key: self.api.recall(ticket_id, key))

    def start(self, ticket_id: int) -> Ticket:
        return self._command("start", lambda key: self.api.start(ticket_id, key))

    def finish(
        self,
        ticket_id: int,
        outcome: Outcome,
        notes: str | None,
        services_performed: Sequence[str],
    ) -> Ticket:
        return self._command(
            "finish",
            lambda key: self.api.finish(
                ticket_id,
                key,
                outcome=Outcome(outcome).value,
                notes=notes,
                services_performed=list(services_performed),
            ),
        )

    def no_show(self, ticket_id: int) -> Ticket:
        return self._command("no-show", lambda key: self.api.no_show(ticket_id, key))

    def transfer(
        self,
        ticket_id: int,
        *,
        service_id: int | None = None,
        counter_id: int | None = None,
        position: Position = Position.BACK,
    ) -> Ticket:
        return self._command(
            "transfer",
            lambda key: self.api.transfer(
                ticket_id,
                key,
                service_id=service_id,
                counter_id=counter_id,
                position=Position(position).value,
            ),
        )

    def park(self, ticket_id: int) -> Ticket:
        return self._command("park", lambda key: self.api.park(ticket_id, key))

    def return_parked(self, ticket_id: int, counter_id: int) -> Ticket:
        return self._command(
            "return", lambda key: self.api.return_parked(ticket_id, counter_id, key)
        )

    def issue_ticket(self, centre_id: int, service_id: int, priority: Priority) -> Ticket:
        return self._command(
            "issue",
            lambda key: self.api.issue(centre_id, service_id, Priority(priority).value, key),
        )

    def cancel(self, ticket_id: int) -> Ticket:
        return self._command("cancel", lambda key: self.api.cancel(ticket_id, key))

    def reactivate(self, ticket_id: int, position: Position = Position.BACK) -> Ticket:
        return self._command(
            "reactivate", lambda key: self.api.reactivate(ticket_id, Position(position).value, key)
        )
