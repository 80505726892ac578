"""`CaseSync`: sends the outbox to central, in the background, surviving restarts.

Each due row is sent oldest first with `Idempotency-Key` = the row's id, so a retry after a
lost answer or a restart is replayed by central, never filed twice. Then:

- filed (201, or a replay): the final reference is stored, the case is marked synced and its
  personal data and free text are deleted locally (central holds them). An ethics report is
  deleted locally altogether; a follow-up code central made (when none was sent) is returned
  in this round's result for the view to show, and never stored.
- 409 `case.provisional_reference_taken`: central already filed this provisional reference
  (e.g. sent by another user's session): the desktop adopts the reference named.
- central unreachable, 5xx, 429, an unreadable answer: the row is tried again later with
  exponential backoff (`backoff(attempts)` seconds; 429's Retry-After if longer), and the round
  stops (central is unwell: the next rows would fail the same way).
- the session ended (401): nothing is counted; the round stops until someone logs in again.
- any other refusal (4xx: validation, a visit that does not exist, ...): the case needs
  attention, with central's code, message and field errors; the row is removed (central
  stored nothing) and the case is kept for correction, never dropped.

All state is in the store: a new `CaseSync` on the same file carries on where the last one
stopped. Time comes from the caller (`run_once(now)`) or an injected clock: no sleeps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from desktop.api.api_client import ApiClient
from desktop.api.cases_api import CasesApi
from desktop.domain.cases import (
    FILE_CASE,
    CaseKind,
    FieldError,
    FiledCase,
    OutboxEntry,
    Rejection,
)
from desktop.domain.errors import BAD_ANSWER, ApiError, OfflineError, SessionExpired
from desktop.store.case_repo import CaseRepo
from desktop.store.local_store import LocalStore
from desktop.store.outbox_repo import OutboxRepo

log = logging.getLogger(__name__)

PROVISIONAL_TAKEN = "case.provisional_reference_taken"
UNKNOWN_COMMAND = "client.unknown_outbox_command"
IDLE_SECONDS = 60.0  # without a wake-up, look at the outbox at least this often
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 600.0
ROUND_LIMIT = 50


def default_sync_backoff(attempts: int) -> float:
    """Seconds before the next try after `attempts` failed ones: 5, 10, 20 … 600."""
    return float(min(BACKOFF_BASE_SECONDS * 2.0 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SyncOutcome(StrEnum):
    SYNCED = "synced"
    RETRY = "retry"  # will be tried again (offline, central unwell)
    NEEDS_ATTENTION = "needs_attention"  # central refused it
    BLOCKED = "blocked"  # the session ended: waits for a login


@dataclass(frozen=True)
class CaseSyncResult:
    local_id: str
    provisional_reference: str | None
    outcome: SyncOutcome
    final_reference: str | None = None
    error_code: str | None = None
    kind: str | None = None
    # Ethics reports filed without a code of the desktop's: the code central made, to show
    # now; it exists nowhere else on this desktop and a replay will not repeat it.
    follow_up_code: str | None = None


@dataclass(frozen=True)
class SyncRound:
    results: tuple[CaseSyncResult, ...]
    next_due: datetime | None  # when the soonest remaining row is due (None: outbox empty)
    blocked_code: str | None = None  # e.g. `auth.session_expired`: log in again

    @property
    def follow_up_codes(self) -> tuple[CaseSyncResult, ...]:
        return tuple(r for r in self.results if r.follow_up_code)


def _retryable(error: ApiError) -> bool:
    return error.status >= 500 or error.status in (408, 429) or error.code == BAD_ANSWER


def _rejection(error: ApiError) -> Rejection:
    fields = error.details.get("fields") if isinstance(error.details, dict) else None
    parsed = tuple(
        FieldError.from_json(f) for f in fields or () if isinstance(f, dict) and "loc" in f
    )
    return Rejection(error.code, error.message, parsed)


class CaseSync:
    def __init__(
        self,
        store: LocalStore,
        api: ApiClient,
        *,
        clock: Callable[[], datetime] = _utc_now,
        backoff: Callable[[int], float] = default_sync_backoff,
        idle_seconds: float = IDLE_SECONDS,
        on_round: Callable[[SyncRound], None] | None = None,
    ) -> None:
        self.store = store
        self.api = CasesApi(api)
        self._clock = clock
        self._backoff = backoff
        self._idle = idle_seconds
        # Called after every round of `run` (from the sync thread): results, codes to show.
        self.on_round = on_round
        self._cases = CaseRepo()
        self._outbox = OutboxRepo()

    # --- one round ------------------------------------------------------------------------------

    def run_once(self, now: datetime) -> SyncRound:
        with self.store.reading() as session:
            due = self._outbox.due(session, now, ROUND_LIMIT)
        results: list[CaseSyncResult] = []
        blocked: str | None = None
        for entry in due:
            result = self._send(entry, now)
            results.append(result)
            if result.outcome is SyncOutcome.BLOCKED:
                blocked = result.error_code
                break
            if result.outcome is SyncOutcome.RETRY:
                break  # central is unreachable or unwell: the others can wait too
        with self.store.reading() as session:
            next_due = self._outbox.next_due(session)
        return SyncRound(tuple(results), next_due, blocked)

    def _send(self, entry: OutboxEntry, now: datetime) -> CaseSyncResult:
        provisional = entry.payload.get("provisional_reference")
        reference = str(provisional) if provisional is not None else None
        if entry.command != FILE_CASE:
            return self._refused(entry, reference, ApiError(0, UNKNOWN_COMMAND), now)
        try:
            receipt = self.api.file_case(entry.centre_id, entry.payload, entry.id)
        except SessionExpired as exc:
            log.info("case sync waits for a login (%s)", exc.code)
            return CaseSyncResult(
                entry.case_local_id, reference, SyncOutcome.BLOCKED, None, exc.code
            )
        except OfflineError as exc:
            return self._retry(entry, reference, exc.code, now, None)
        except ApiError as exc:
            if exc.status == 401:
                return CaseSyncResult(
                    entry.case_local_id, reference, SyncOutcome.BLOCKED, None, exc.code
                )
            if exc.code == PROVISIONAL_TAKEN and isinstance(exc.details.get("reference"), str):
                return self._filed(entry, str(exc.details["reference"]), None, None, now)
            if _retryable(exc):
                return self._retry(entry, reference, exc.code, now, exc.retry_after)
            return self._refused(entry, reference, exc, now)
        return self._filed(entry, receipt.reference, receipt.kind, receipt, now)

    def _filed(
        self,
        entry: OutboxEntry,
        final_reference: str,
        kind: str | None,
        receipt: FiledCase | None,
        now: datetime,
    ) -> CaseSyncResult:
        ethics = kind == CaseKind.ETHICS_REPORT or (
            kind is None and entry.payload.get("type_code") == CaseKind.ETHICS_REPORT
        )
        with self.store.writing() as session:
            self._outbox.remove(session, entry.id)
            if ethics:
                # The desktop keeps nothing of a report to the ethics mailbox once it is filed.
                self._cases.delete(session, entry.case_local_id)
            elif self._cases.get(session, entry.case_local_id) is not None:
                self._cases.mark_synced(session, entry.case_local_id, final_reference, now)
        provisional = entry.payload.get("provisional_reference")
        log.info("case %s filed as %s", provisional, final_reference)
        return CaseSyncResult(
            entry.case_local_id,
            str(provisional) if provisional is not None else None,
            SyncOutcome.SYNCED,
            final_reference,
            kind=kind,
            follow_up_code=receipt.follow_up_code if receipt is not None else None,
        )

    def _retry(
        self,
        entry: OutboxEntry,
        reference: str | None,
        code: str,
        now: datetime,
        retry_after: float | None,
    ) -> CaseSyncResult:
        delay = self._backoff(entry.attempts + 1)
        if retry_after is not None:
            delay = max(delay, retry_after)
        with self.store.writing() as session:
            self._outbox.reschedule(
                session, entry.id, next_attempt_at=now + timedelta(seconds=delay), error=code
            )
        log.info("case %s not sent (%s): next try in %.0f s", reference, code, delay)
        return CaseSyncResult(entry.case_local_id, reference, SyncOutcome.RETRY, None, code)

    def _refused(
        self, entry: OutboxEntry, reference: str | None, error: ApiError, now: datetime
    ) -> CaseSyncResult:
        with self.store.writing() as session:
            self._outbox.remove(session, entry.id)
            if self._cases.get(session, entry.case_local_id) is not None:
                self._cases.mark_needs_attention(
                    session, entry.case_local_id, _rejection(error), now
                )
        log.warning("case %s refused by central: %s", reference, error.code)
        return CaseSyncResult(
            entry.case_local_id, reference, SyncOutcome.NEEDS_ATTENTION, None, error.code
        )

    # --- the background loop --------------------------------------------------------------------

    def run(self, stop: threading.Event, wake: threading.Event) -> None:
        """Send rounds until `stop` is set: after each, wait until the next row is due, a wake
        (a case submitted, back online, a login) or `idle_seconds`. To stop at once set
        `stop` and then `wake`."""
        while not stop.is_set():
            wake.clear()  # a wake during the round makes the next wait return at once
            wait = self._idle
            try:
                done = self.run_once(self._clock())
            except Exception as exc:  # the loop must survive
                # Only the type: a database error's text may quote personal data.
                log.error("case sync round failed: %s", type(exc).__name__)
            else:
                if done.next_due is not None and done.blocked_code is None:
                    until = (done.next_due - self._clock()).total_seconds()
                    wait = min(max(until, 0.0), self._idle)
                if self.on_round is not None:
                    self.on_round(done)
            if stop.is_set():
                break
            wake.wait(wait)
