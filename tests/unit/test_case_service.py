"""CaseService and CaseSync on a real local store with a scripted central (no network): drafts,
submission in one transaction, provisional references, retries with backoff, rejections,
personal data deleted once synced, ethics reports gone once filed, the background loop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.api.api_client import ApiAnswer, ApiClient
from desktop.domain.cases import CaseDraft, CaseFields, CaseState, CitizenBlock, VisitLink
from desktop.domain.errors import ApiError, BalcaoError, OfflineError, SessionExpired
from desktop.services.case_service import CaseInvalid, CaseService
from desktop.services.case_sync import CaseSync, SyncOutcome, SyncRound
from desktop.store.local_store import LocalStore
from desktop.store.outbox_repo import OutboxRepo
from tests.unit.test_case_domain import REFERENCE_JSON, VALID, person

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
Answer = Callable[[str, str, Any, str | None], Any]


class ScriptedCentral(ApiClient):
    """An ApiClient whose requests are answered by `answer(method, path, body, key)`: a value
    is the JSON answer, an exception is raised."""

    def __init__(self) -> None:
        super().__init__("http://central.invalid")
        self.sent: list[tuple[str, str, Any, str | None]] = []
        self.answer: Answer = self.file

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Any = None,
        key: str | None = None,
        auth: bool = True,
    ) -> ApiAnswer:
        self.sent.append((method, path, body, key))
        result = self.answer(method, path, body, key)
        if isinstance(result, Exception):
            raise result
        return ApiAnswer(201 if method == "POST" else 200, result, False)

    def file(self, method: str, path: str, body: Any, key: str | None) -> Any:
        if path == "/case-reference":
            return REFERENCE_JSON
        number = sum(1 for s in self.sent if s[1].endswith("/cases"))
        return {
            "id": number, "reference": f"LX-2026-{number:06d}",
            "provisional_reference": body.get("provisional_reference"), "centre_id": 1,
            "type_code": body["type_code"], "kind": body["type_code"], "status": "received",
            "received_at": T0.isoformat(), "updated_at": T0.isoformat(), "version": 1,
            "follow_up_code": None,
        }  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def central() -> ScriptedCentral:
    return ScriptedCentral()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(store: LocalStore, central: ScriptedCentral, clock: Clock) -> CaseService:
    service = CaseService(store, central, centre_id=1, counter_label=3, clock=clock)
    service.refresh_reference_data()
    return service


@pytest.fixture
def sync(store: LocalStore, central: ScriptedCentral, clock: Clock) -> CaseSync:
    return CaseSync(store, central, clock=clock)


VISIT = VisitLink(ticket_id=7, service_id=2, counter_id=3, attendant_id=4)
COMPLAINT = replace(VALID["complaint"], visit=VISIT)


def test_reference_data_is_cached_and_read_offline(
    service: CaseService, central: ScriptedCentral, clock: Clock
) -> None:
    central.answer = lambda *_: OfflineError()
    with pytest.raises(OfflineError):
        service.refresh_reference_data()
    cached = service.reference_data()
    assert cached.fetched_at == T0
    assert next(t.code for t in cached.case_types) == "information_request"


def test_drafts_autosave(service: CaseService, clock: Clock) -> None:
    draft = service.save_draft(CaseDraft("complaint", CaseFields("Esp")))
    clock.now += timedelta(seconds=2)
    typed = service.save_draft(
        CaseDraft("complaint", CaseFields("Esperou."), local_id=draft.local_id)
    )
    assert service.list_cases() == (typed,)
    assert (typed.state, typed.version, typed.fields) == (
        CaseState.DRAFT,
        2,
        CaseFields("Esperou."),
    )
    service.discard_draft(draft.local_id)
    assert service.list_cases() == ()


def test_submit_checks_the_draft_and_keeps_it(service: CaseService) -> None:
    bad = replace(COMPLAINT, citizen=person(nif="123456780"))
    with pytest.raises(CaseInvalid) as caught:
        service.submit(bad)
    assert caught.value.details == {
        "fields": [{"loc": ["citizen", "nif"], "type": "nif.invalid_check_digit"}]
    }
    (kept,) = service.list_cases()
    assert kept.state is CaseState.DRAFT  # nothing typed is lost
    assert service.pending_count() == 0


def test_submit_without_reference_data(store: LocalStore, central: ScriptedCentral) -> None:
    service = CaseService(store, central, centre_id=1, counter_label=3)
    with pytest.raises(BalcaoError) as caught:
        service.submit(COMPLAINT)
    assert caught.value.code == "client.case_reference_missing"


def test_submit_writes_the_case_and_its_outbox_row(service: CaseService, store: LocalStore) -> None:
    woken: list[bool] = []
    service.on_outbox = lambda: woken.append(True)
    first = service.submit(COMPLAINT)
    second = service.submit(VALID["incident"])
    assert (first.state, first.provisional_reference) == (CaseState.PENDING, "P-3-1")
    assert second.provisional_reference == "P-3-2"
    assert first.reference == "P-3-1"
    assert woken == [True, True]
    with store.reading() as session:
        rows = OutboxRepo().all(session)
    assert [r.case_local_id for r in rows] == [first.local_id, second.local_id]
    body = rows[0].payload
    assert (body["provisional_reference"], body["ticket_id"], body["counter_id"]) == ("P-3-1", 7, 3)
    assert body["citizen"]["nif"] == "123456789"
    with pytest.raises(BalcaoError) as caught:
        service.save_draft(first.draft())
    assert caught.value.code == "client.case_not_editable"


def test_submit_is_one_transaction(
    service: CaseService, store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = service.save_draft(COMPLAINT)

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(OutboxRepo, "add", fail)
    with pytest.raises(OSError, match="disk full"):
        service.submit(replace(COMPLAINT, local_id=draft.local_id))
    monkeypatch.undo()
    assert service.get(draft.local_id) == draft  # still a draft, no provisional reference
    assert service.pending_count() == 0
    assert service.submit(replace(COMPLAINT, local_id=draft.local_id)).provisional_reference == (
        "P-3-1"
    )


def test_sync_files_and_deletes_personal_data(
    service: CaseService, sync: CaseSync, central: ScriptedCentral
) -> None:
    pending = service.submit(COMPLAINT)
    done = sync.run_once(T0)
    (result,) = done.results
    assert (result.outcome, result.final_reference) == (SyncOutcome.SYNCED, "LX-2026-000001")
    assert done.next_due is None
    (outbox,) = [s for s in central.sent if s[1] == "/centres/1/cases"]
    assert outbox[3] is not None  # the Idempotency-Key
    synced = service.get(pending.local_id)
    assert synced.state is CaseState.SYNCED
    assert (synced.reference, synced.provisional_reference) == ("LX-2026-000001", "P-3-1")
    assert (synced.fields, synced.citizen) == (None, None)
    assert synced.visit == VISIT
    assert service.pending_count() == 0


def test_offline_retries_with_backoff_and_the_same_key(
    service: CaseService, store: LocalStore, central: ScriptedCentral, clock: Clock
) -> None:
    # One filing a request (as to a central without the batch route): each row its own backoff.
    sync = CaseSync(store, central, clock=clock, batch_size=1)
    service.submit(COMPLAINT)
    service.submit(VALID["incident"])
    central.answer = lambda *_: OfflineError()
    first = sync.run_once(T0)
    assert [r.outcome for r in first.results] == [SyncOutcome.RETRY]  # stops at the first
    assert first.next_due == T0  # the second row was not tried
    second = sync.run_once(T0)
    assert [r.outcome for r in second.results] == [SyncOutcome.RETRY]
    assert second.next_due == T0 + timedelta(seconds=5)
    third = sync.run_once(T0 + timedelta(seconds=5))  # the oldest again: 5 s, then 10 s
    assert [r.provisional_reference for r in third.results] == ["P-3-1"]
    assert third.next_due == T0 + timedelta(seconds=5)  # the second row, tried once
    fourth = sync.run_once(T0 + timedelta(seconds=5))
    assert [r.provisional_reference for r in fourth.results] == ["P-3-2"]
    assert fourth.next_due == T0 + timedelta(seconds=15)
    assert sync.run_once(T0 + timedelta(seconds=14)).results == ()
    central.answer = central.file
    done = sync.run_once(T0 + timedelta(seconds=15))
    assert [r.outcome for r in done.results] == [SyncOutcome.SYNCED, SyncOutcome.SYNCED]
    keys = [s[3] for s in central.sent if s[1] == "/centres/1/cases"]
    first_key = keys[0]
    assert keys.count(first_key) == 3  # every try of a case with its own key
    assert len(set(keys)) == 2


def test_server_errors_and_rate_limits_are_retried(
    service: CaseService, sync: CaseSync, central: ScriptedCentral
) -> None:
    service.submit(COMPLAINT)
    central.answer = lambda *_: ApiError(503, "service.unavailable")
    assert sync.run_once(T0).next_due == T0 + timedelta(seconds=5)
    central.answer = lambda *_: ApiError(429, "rate_limited", retry_after=120)
    assert sync.run_once(T0 + timedelta(seconds=5)).next_due == T0 + timedelta(seconds=125)


def test_a_refusal_needs_attention_and_can_be_corrected(
    service: CaseService, sync: CaseSync, central: ScriptedCentral
) -> None:
    pending = service.submit(COMPLAINT)
    fields = [{"loc": ["body", "citizen", "nif"], "type": "nif.invalid_prefix"}]
    central.answer = lambda *_: ApiError(422, "validation.failed", "refused", {"fields": fields})
    (result,) = sync.run_once(T0).results
    assert (result.outcome, result.error_code) == (SyncOutcome.NEEDS_ATTENTION, "validation.failed")
    kept = service.get(pending.local_id)
    assert kept.state is CaseState.NEEDS_ATTENTION
    assert kept.rejection is not None
    assert [(f.loc, f.code) for f in kept.rejection.fields] == [
        (("citizen", "nif"), "nif.invalid_prefix")
    ]
    assert kept.citizen == COMPLAINT.citizen  # kept for correction
    assert service.pending_count() == 0
    central.answer = central.file
    corrected = replace(kept.draft(), citizen=person(nif="501964843"))
    again = service.correct_and_resubmit(corrected)
    assert (again.state, again.provisional_reference, again.rejection) == (
        CaseState.PENDING,
        "P-3-1",
        None,
    )
    (done,) = sync.run_once(T0).results
    assert done.outcome is SyncOutcome.SYNCED
    keys = [s[3] for s in central.sent if s[1] == "/centres/1/cases"]
    assert keys[0] != keys[1]  # a new command: the refused one stored nothing
    with pytest.raises(BalcaoError):
        service.correct_and_resubmit(again.draft())  # synced: nothing to correct


def test_a_provisional_reference_central_already_has_is_adopted(
    service: CaseService, sync: CaseSync, central: ScriptedCentral
) -> None:
    pending = service.submit(COMPLAINT)
    central.answer = lambda *_: ApiError(
        409, "case.provisional_reference_taken", details={"reference": "LX-2026-000042"}
    )
    (result,) = sync.run_once(T0).results
    assert result.outcome is SyncOutcome.SYNCED
    assert service.get(pending.local_id).reference == "LX-2026-000042"


def test_an_ended_session_blocks_without_counting(
    service: CaseService, sync: CaseSync, central: ScriptedCentral, store: LocalStore
) -> None:
    service.submit(COMPLAINT)
    central.answer = lambda *_: SessionExpired()
    done = sync.run_once(T0)
    assert done.blocked_code == "auth.session_expired"
    with store.reading() as session:
        (row,) = OutboxRepo().all(session)
    assert (row.attempts, row.next_attempt_at) == (0, T0)


def test_an_ethics_report_leaves_nothing_behind(
    service: CaseService, sync: CaseSync, central: ScriptedCentral, store: LocalStore
) -> None:
    draft = replace(VALID["ethics_report"], visit=VISIT, citizen=CitizenBlock())
    submitted = service.submit(draft)
    assert submitted.follow_up_code is not None  # shown to the reporter now
    assert submitted.visit == VisitLink()  # never linked to the visit
    assert service.get(submitted.local_id).follow_up_code is None  # not read back
    with store.reading() as session:
        (row,) = OutboxRepo().all(session)
    assert set(row.payload) == {
        "type_code", "description", "provisional_reference", "follow_up_code",
    }  # fmt: skip
    (result,) = sync.run_once(T0).results
    assert result.outcome is SyncOutcome.SYNCED
    assert service.list_cases() == ()
    with store.engine.connect() as connection:
        for table in ("cases", "outbox"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one() == 0


def test_a_code_made_by_central_is_returned_once(
    service: CaseService, sync: CaseSync, central: ScriptedCentral
) -> None:
    service.submit(VALID["ethics_report"])

    def with_code(method: str, path: str, body: Any, key: str | None) -> Any:
        return {**central.file(method, path, body, key), "follow_up_code": "ABCD-EFGH-JKMN-PQRS"}

    central.answer = with_code
    done = sync.run_once(T0)
    assert [r.follow_up_code for r in done.follow_up_codes] == ["ABCD-EFGH-JKMN-PQRS"]


def test_a_new_sync_on_the_same_file_carries_on(
    tmp_path: Path, central: ScriptedCentral, clock: Clock
) -> None:
    path = tmp_path / "restart.sqlite3"
    first = LocalStore.open(path)
    service = CaseService(first, central, centre_id=1, counter_label=3, clock=clock)
    service.refresh_reference_data()
    pending = service.submit(COMPLAINT)
    first.close()  # the PC restarts before anything was sent

    second = LocalStore.open(path)
    try:
        (result,) = CaseSync(second, central).run_once(T0).results
        assert result.final_reference == "LX-2026-000001"
        again = CaseService(second, central, centre_id=1, counter_label=3)
        assert again.get(pending.local_id).state is CaseState.SYNCED
        assert again.submit(COMPLAINT).provisional_reference == "P-3-2"  # numbers go on
    finally:
        second.close()


def test_the_loop_sends_when_woken_and_stops(
    service: CaseService, store: LocalStore, central: ScriptedCentral, clock: Clock
) -> None:
    rounds: list[SyncRound] = []
    sent = threading.Event()

    def on_round(done: SyncRound) -> None:
        rounds.append(done)
        if done.results:
            sent.set()

    sync = CaseSync(store, central, clock=clock, idle_seconds=30, on_round=on_round)
    stop, wake = threading.Event(), threading.Event()
    service.on_outbox = wake.set
    thread = threading.Thread(target=sync.run, args=(stop, wake), daemon=True)
    thread.start()
    try:
        pending = service.submit(COMPLAINT)
        assert sent.wait(10)
    finally:
        stop.set()
        wake.set()
        thread.join(10)
    assert not thread.is_alive()
    assert service.get(pending.local_id).state is CaseState.SYNCED
