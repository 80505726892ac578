"""`CaseSync`: sends the outbox to central, in the background, surviving restarts.

Each due row is sent oldest first with `Idempotency-Key` = the row's id, so a retry after a
lost answer or a restart is replayed by central, never filed twice. Filings go in batches
(`POST /centres/{id}/cases/batch`, up to `batch_size` a request, each item with its row's id
as its key: central treats each item as the single route would, one refused does not stop the
others) and all the answers of a batch are recorded in one local transaction; a lost answer
of a batch is each case's lost answer (all tried again, central replays them). A central
without the batch route (404/405) gets one `POST /centres/{id}/cases` per case. Then, per case:

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

Attachments (`case.add_attachment`, one row per file) wait parked until their case is filed;
the filing releases them in its own transaction and keeps the case "pending" (with its final
reference, its personal data already deleted) until the last file arrived. Each file is sent
with `Idempotency-Key` = its row's id and its SHA-256; then its local bytes are deleted
(`secure_delete` overwrites them). Offline, a session that ended, central unwell: as a filing.
A refusal (wrong type, too large, damaged on the way) drops that file and makes the case need
attention, the file's name in the reason; an ethics report keeps nothing, refusal or not.

All state is in the store: a new `CaseSync` on the same file carries on where the last one
stopped. Time comes from the caller (`run_once(now)`) or an injected clock: no sleeps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from desktop.api.api_client import ApiClient
from desktop.api.cases_api import CasesApi
from desktop.domain.attachments import ADD_ATTACHMENT
from desktop.domain.cases import (
    FILE_CASE,
    CaseKind,
    CaseState,
    FieldError,
    FiledCase,
    LocalCase,
    OutboxEntry,
    Rejection,
)
from desktop.domain.errors import BAD_ANSWER, ApiError, OfflineError, SessionExpired
from desktop.store.attachment_repo import AttachmentRepo
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
BATCH_LIMIT = 50  # filings in one request to central's batch route (central takes up to 100)


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
    WAITING = "waiting"  # a file whose case is not filed yet (parked again)


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
    command: str = FILE_CASE  # or ADD_ATTACHMENT (one file of the case)


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


def _provisional(entry: OutboxEntry) -> str | None:
    provisional = entry.payload.get("provisional_reference")
    return str(provisional) if provisional is not None else None


def _is_ethics(entry: OutboxEntry, kind: str | None) -> bool:
    """A report to the ethics mailbox (central's kind; without an answer, the type sent)."""
    return kind == CaseKind.ETHICS_REPORT or (
        kind is None and entry.payload.get("type_code") == CaseKind.ETHICS_REPORT
    )


def _blocked(entry: OutboxEntry, code: str) -> CaseSyncResult:
    """The session ended: nothing is recorded; the round waits for a login."""
    return CaseSyncResult(entry.case_local_id, _provisional(entry), SyncOutcome.BLOCKED, None, code)


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
        batch_size: int = BATCH_LIMIT,
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
        self._attachments = AttachmentRepo()
        self._batch_size = max(batch_size, 1)
        # Until central answers that it has no batch route (an older central): then one by one.
        self._batch_route = True

    # --- one round ------------------------------------------------------------------------------

    def run_once(self, now: datetime) -> SyncRound:
        with self.store.reading() as session:
            due = self._outbox.due(session, now, ROUND_LIMIT)
        results: list[CaseSyncResult] = []
        blocked: str | None = None
        for group in self._groups(due):
            done = self._send_group(group, now)
            results += done
            outcomes = {r.outcome for r in done}
            if SyncOutcome.BLOCKED in outcomes:
                blocked = next(r.error_code for r in done if r.outcome is SyncOutcome.BLOCKED)
                break
            if SyncOutcome.RETRY in outcomes:
                break  # central is unreachable or unwell: the others can wait too
        with self.store.reading() as session:
            next_due = self._outbox.next_due(session)
        return SyncRound(tuple(results), next_due, blocked)

    def _groups(self, due: tuple[OutboxEntry, ...]) -> list[list[OutboxEntry]]:
        """The due rows in order: runs of filings for one centre cut into batches, any other
        row alone (a file goes after the filing of its case, as before)."""
        groups: list[list[OutboxEntry]] = []
        for entry in due:
            last = groups[-1] if groups else None
            if (
                last is not None
                and entry.command == FILE_CASE
                and last[0].command == FILE_CASE
                and last[0].centre_id == entry.centre_id
                and len(last) < self._batch_size
            ):
                last.append(entry)
            else:
                groups.append([entry])
        return groups

    def _send_group(self, group: list[OutboxEntry], now: datetime) -> list[CaseSyncResult]:
        if len(group) > 1 and self._batch_route:
            return self._send_batch(group, now)
        return self._send_singly(group, now)

    def _send_singly(self, entries: list[OutboxEntry], now: datetime) -> list[CaseSyncResult]:
        results: list[CaseSyncResult] = []
        for entry in entries:
            result = self._send(entry, now)
            results.append(result)
            if result.outcome in (SyncOutcome.BLOCKED, SyncOutcome.RETRY):
                break
        return results

    def _send(self, entry: OutboxEntry, now: datetime) -> CaseSyncResult:
        provisional = entry.payload.get("provisional_reference")
        reference = str(provisional) if provisional is not None else None
        if entry.command == ADD_ATTACHMENT:
            return self._send_attachment(entry, now)
        if entry.command != FILE_CASE:
            return self._refused(entry, reference, ApiError(0, UNKNOWN_COMMAND), now)
        try:
            receipt = self.api.file_case(entry.centre_id, entry.payload, entry.id)
        except SessionExpired as exc:
            log.info("case sync waits for a login (%s)", exc.code)
            return _blocked(entry, exc.code)
        except OfflineError as exc:
            return self._retry(entry, reference, exc.code, now, None)
        except ApiError as exc:
            if exc.status == 401:
                return _blocked(entry, exc.code)
            with self.store.writing() as session:
                return self._settle(session, entry, exc, now)
        with self.store.writing() as session:
            return self._settle(session, entry, receipt, now)

    def _send_batch(self, entries: list[OutboxEntry], now: datetime) -> list[CaseSyncResult]:
        """The filings in one request; every answer recorded in one local transaction, each
        as `_send` records the same answer alone. A failure of the whole request is one of
        each case (offline, central unwell: all tried again later; the session ended: the
        round waits), except that a central without the route (404/405), or refusing the
        batch as such, gets the cases one by one: each has its own answer then."""
        first = entries[0]
        try:
            answers = self.api.file_cases(first.centre_id, [(e.id, e.payload) for e in entries])
        except SessionExpired as exc:
            log.info("case sync waits for a login (%s)", exc.code)
            return [_blocked(first, exc.code)]
        except OfflineError as exc:
            return self._retry_all(entries, exc.code, now, None)
        except ApiError as exc:
            if exc.status == 401:
                return [_blocked(first, exc.code)]
            if _retryable(exc):
                return self._retry_all(entries, exc.code, now, exc.retry_after)
            if exc.status in (404, 405):
                log.info("central files cases one by one (no batch route: %s)", exc.code)
                self._batch_route = False
            else:
                log.warning("case batch refused as a whole (%s): one by one", exc.code)
            return self._send_singly(entries, now)
        with self.store.writing() as session:
            filed = [(e, a) for e in entries if isinstance(a := answers[e.id], FiledCase)]
            done = self._record_filed_many(session, filed, now)
            for entry in entries:
                if entry.id not in done:
                    done[entry.id] = self._settle(session, entry, answers[entry.id], now)
        return [done[e.id] for e in entries]

    def _settle(
        self, session: Session, entry: OutboxEntry, answer: FiledCase | ApiError, now: datetime
    ) -> CaseSyncResult:
        """Record central's answer to one filing (not a 401: that stops before anything)."""
        if isinstance(answer, FiledCase):
            return self._record_filed(session, entry, answer.reference, answer.kind, answer, now)
        provisional = entry.payload.get("provisional_reference")
        reference = str(provisional) if provisional is not None else None
        taken = answer.details.get("reference")
        if answer.code == PROVISIONAL_TAKEN and isinstance(taken, str):
            return self._record_filed(session, entry, taken, None, None, now)
        if _retryable(answer):
            return self._record_retry(
                session, entry, reference, answer.code, now, answer.retry_after
            )
        return self._record_refused(session, entry, reference, answer, now)

    def _record_filed_many(
        self, session: Session, filed: list[tuple[OutboxEntry, FiledCase]], now: datetime
    ) -> dict[str, CaseSyncResult]:
        """`_record_filed` of each of a batch's filed cases, a statement for them all where
        it can (a batch's answers are mostly "filed"), by outbox row id."""
        if not filed:
            return {}
        local_ids = [e.case_local_id for e, _ in filed]
        self._outbox.remove_many(session, [e.id for e, _ in filed])
        files = self._outbox.release(session, local_ids, ADD_ATTACHMENT, now)
        present = self._cases.present(session, local_ids)
        synced: dict[str, str] = {}
        waiting: list[str] = []  # filed, their files still to send
        for entry, receipt in filed:
            local_id = entry.case_local_id
            if _is_ethics(entry, receipt.kind) and not files.get(local_id):
                # The desktop keeps nothing of a report to the ethics mailbox once it is filed.
                self._cases.delete(session, local_id)
            elif local_id in present:
                synced[local_id] = receipt.reference
                if files.get(local_id):
                    waiting.append(local_id)
        self._cases.mark_synced_many(session, synced, now)
        for local_id in waiting:
            self._attachments.hold_pending(session, local_id)
        results: dict[str, CaseSyncResult] = {}
        for entry, receipt in filed:
            log.info("case %s filed as %s", _provisional(entry), receipt.reference)
            results[entry.id] = CaseSyncResult(
                entry.case_local_id,
                _provisional(entry),
                SyncOutcome.SYNCED,
                receipt.reference,
                kind=receipt.kind,
                follow_up_code=receipt.follow_up_code,
            )
        return results

    def _record_filed(
        self,
        session: Session,
        entry: OutboxEntry,
        final_reference: str,
        kind: str | None,
        receipt: FiledCase | None,
        now: datetime,
    ) -> CaseSyncResult:
        ethics = _is_ethics(entry, kind)
        self._outbox.remove(session, entry.id)
        files = self._attachments.release(session, entry.case_local_id, now)
        if ethics and not files:
            # The desktop keeps nothing of a report to the ethics mailbox once it is filed.
            self._cases.delete(session, entry.case_local_id)
        elif self._cases.get(session, entry.case_local_id) is not None:
            self._cases.mark_synced(session, entry.case_local_id, final_reference, now)
            if files:
                # Filed, its text gone; "synced" once its files are there too (an ethics
                # report is deleted then).
                self._attachments.hold_pending(session, entry.case_local_id)
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
        with self.store.writing() as session:
            return self._record_retry(session, entry, reference, code, now, retry_after)

    def _retry_all(
        self, entries: list[OutboxEntry], code: str, now: datetime, retry_after: float | None
    ) -> list[CaseSyncResult]:
        """A batch whose answer never came (or central unwell): each case tried again later,
        with its own backoff; central replays those it filed."""
        with self.store.writing() as session:
            return [
                self._record_retry(session, e, _provisional(e), code, now, retry_after)
                for e in entries
            ]

    def _record_retry(
        self,
        session: Session,
        entry: OutboxEntry,
        reference: str | None,
        code: str,
        now: datetime,
        retry_after: float | None,
    ) -> CaseSyncResult:
        delay = self._backoff(entry.attempts + 1)
        if retry_after is not None:
            delay = max(delay, retry_after)
        self._outbox.reschedule(
            session, entry.id, next_attempt_at=now + timedelta(seconds=delay), error=code
        )
        log.info("case %s not sent (%s): next try in %.0f s", reference, code, delay)
        return CaseSyncResult(entry.case_local_id, reference, SyncOutcome.RETRY, None, code)

    def _refused(
        self, entry: OutboxEntry, reference: str | None, error: ApiError, now: datetime
    ) -> CaseSyncResult:
        with self.store.writing() as session:
            return self._record_refused(session, entry, reference, error, now)

    def _record_refused(
        self,
        session: Session,
        entry: OutboxEntry,
        reference: str | None,
        error: ApiError,
        now: datetime,
    ) -> CaseSyncResult:
        self._outbox.remove(session, entry.id)
        if self._cases.get(session, entry.case_local_id) is not None:
            self._cases.mark_needs_attention(session, entry.case_local_id, _rejection(error), now)
        log.warning("case %s refused by central: %s", reference, error.code)
        return CaseSyncResult(
            entry.case_local_id, reference, SyncOutcome.NEEDS_ATTENTION, None, error.code
        )

    # --- attachments -----------------------------------------------------------------------

    def _send_attachment(self, entry: OutboxEntry, now: datetime) -> CaseSyncResult:
        local_id = entry.case_local_id
        attachment_id = str(entry.payload.get("attachment_id"))
        with self.store.reading() as session:
            case = self._cases.get(session, local_id)
            attachment = self._attachments.get(session, attachment_id)
            content = self._attachments.content(session, attachment_id)
        reference = case.final_reference if case is not None else None
        if attachment is None or content is None or case is None:
            with self.store.writing() as session:
                self._outbox.remove(session, entry.id)  # nothing left to send
            return self._attachment_result(entry, case, SyncOutcome.SYNCED)
        if reference is None:
            with self.store.writing() as session:
                self._attachments.park(session, entry.id)
            return self._attachment_result(entry, case, SyncOutcome.WAITING)
        code = entry.payload.get("follow_up_code")
        try:
            self.api.upload_attachment(
                reference,
                attachment.filename,
                content,
                attachment.sha256,
                entry.id,
                media_type=attachment.media_type,
                follow_up_code=str(code) if code is not None else None,
            )
        except SessionExpired as exc:
            return self._attachment_result(entry, case, SyncOutcome.BLOCKED, exc.code)
        except OfflineError as exc:
            self._retry(entry, reference, exc.code, now, None)
            return self._attachment_result(entry, case, SyncOutcome.RETRY, exc.code)
        except ApiError as exc:
            if exc.status == 401:
                return self._attachment_result(entry, case, SyncOutcome.BLOCKED, exc.code)
            if _retryable(exc):
                self._retry(entry, reference, exc.code, now, exc.retry_after)
                return self._attachment_result(entry, case, SyncOutcome.RETRY, exc.code)
            return self._attachment_refused(entry, case, attachment.filename, exc, now)
        self._attachment_done(entry, attachment_id, reference, now)
        log.info("attachment of case %s sent", reference)
        return self._attachment_result(entry, case, SyncOutcome.SYNCED)

    def _attachment_done(
        self, entry: OutboxEntry, attachment_id: str, reference: str, now: datetime
    ) -> None:
        """Central has the file: its bytes go (overwritten); the last one completes the case."""
        with self.store.writing() as session:
            self._outbox.remove(session, entry.id)
            self._attachments.remove(session, attachment_id)
            self._after_last_file(session, entry, reference, now)

    def _attachment_refused(
        self,
        entry: OutboxEntry,
        case: LocalCase,
        filename: str,
        error: ApiError,
        now: datetime,
    ) -> CaseSyncResult:
        """Central will not take this file as it is: the file is dropped (central stored
        nothing) and the case needs attention, naming the file."""
        attachment_id = str(entry.payload.get("attachment_id"))
        reference = case.final_reference or ""
        rejection = _rejection(error)
        rejection = replace(
            rejection, fields=(*rejection.fields, FieldError(("attachments", filename), error.code))
        )
        with self.store.writing() as session:
            self._outbox.remove(session, entry.id)
            self._attachments.remove(session, attachment_id)
            if "follow_up_code" in entry.payload:
                self._after_last_file(session, entry, reference, now)  # nothing kept of it
            elif self._cases.get(session, entry.case_local_id) is not None:
                self._cases.mark_needs_attention(session, entry.case_local_id, rejection, now)
        log.warning("attachment of case %s refused by central: %s", reference, error.code)
        return self._attachment_result(entry, case, SyncOutcome.NEEDS_ATTENTION, error.code)

    def _after_last_file(
        self, session: Session, entry: OutboxEntry, reference: str, now: datetime
    ) -> None:
        local_id = entry.case_local_id
        if self._attachments.count_for_case(session, local_id):
            return
        case = self._cases.get(session, local_id)
        if case is None or case.state is not CaseState.PENDING:
            return  # gone, or needs attention for another file: left as it is
        if "follow_up_code" in entry.payload:
            self._cases.delete(session, local_id)  # an ethics report: nothing is kept
        else:
            self._cases.mark_synced(session, local_id, reference, now)

    def _attachment_result(
        self,
        entry: OutboxEntry,
        case: LocalCase | None,
        outcome: SyncOutcome,
        code: str | None = None,
    ) -> CaseSyncResult:
        return CaseSyncResult(
            entry.case_local_id,
            case.provisional_reference if case is not None else None,
            outcome,
            case.final_reference if case is not None and outcome is SyncOutcome.SYNCED else None,
            code,
            command=ADD_ATTACHMENT,
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
