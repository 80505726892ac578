"""Cases filed offline at the counter and synced to a real central on loopback: provisional
then final references, a lost answer replayed (one case on central), a refusal kept for
correction, an ethics report that leaves nothing behind, reference data read offline."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

import pytest
import requests
import requests.adapters
from sqlalchemy import func, select

from central.cases.models import Case, CaseCitizen
from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.api.cases_api import CasesApi
from desktop.domain.cases import CaseState, VisitLink
from desktop.services.case_service import CaseService
from desktop.services.case_sync import SyncOutcome
from desktop.store.local_store import LocalStore
from tests.central.factories import World
from tests.integration.case_desks import LATER, NOW, desk
from tests.integration.conftest import (
    LosingAdapter,
    Restartable,
    issue_in_database,
    logged_in,
    session_with,
)
from tests.unit.test_case_domain import VALID

pytestmark = pytest.mark.usefixtures("case_reference")


def central_cases(ctx: AppContext) -> list[Case]:
    with ctx.db.reading() as session:
        return list(session.execute(select(Case).order_by(Case.id)).scalars())


def test_offline_then_synced_with_the_final_reference(
    restartable: Restartable, ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = ApiClient(restartable.base_url)
    try:
        logged_in(api, "attendant")
        service, sync = desk(store, api, world)
        (ticket_id,) = issue_in_database(ctx, world)
        restartable.stop()  # central goes away

        visit = VisitLink(ticket_id, world.services["A"], world.counters[1])
        pending = service.submit(replace(VALID["complaint"], visit=visit))
        assert (pending.state, pending.reference) == (CaseState.PENDING, "P-1-1")
        (tried,) = sync.run_once(NOW).results
        assert tried.outcome is SyncOutcome.RETRY
        assert service.get(pending.local_id).state is CaseState.PENDING

        restartable.start()
        (done,) = sync.run_once(LATER).results
        assert done.outcome is SyncOutcome.SYNCED
        synced = service.get(pending.local_id)
        assert synced.state is CaseState.SYNCED
        assert synced.reference == done.final_reference
        assert synced.reference is not None
        assert synced.reference.startswith("TST-")
        assert (synced.fields, synced.citizen) == (None, None)  # personal data gone locally
        (filed,) = central_cases(ctx)
        assert (filed.reference, filed.provisional_reference) == (synced.reference, "P-1-1")
        assert (filed.ticket_id, filed.counter_id) == (ticket_id, world.counters[1])
        with ctx.db.reading() as session:
            assert session.execute(select(CaseCitizen.nif)).scalar_one() == "123456789"
    finally:
        api.close()


def test_a_lost_answer_is_replayed_and_files_one_case(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    adapter = LosingAdapter("/cases", lose=1)
    api = make_api(session_factory=session_with(adapter))
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    pending = service.submit(VALID["incident"])

    (lost,) = sync.run_once(NOW).results
    assert lost.outcome is SyncOutcome.RETRY
    assert len(central_cases(ctx)) == 1  # central filed it; the answer was lost
    (replayed,) = sync.run_once(LATER).results
    assert replayed.outcome is SyncOutcome.SYNCED
    assert adapter.keys[0] == adapter.keys[1]  # the same Idempotency-Key
    (filed,) = central_cases(ctx)
    assert service.get(pending.local_id).reference == filed.reference


def test_a_lost_answer_of_a_batch_is_replayed_with_no_duplicates(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    adapter = LosingAdapter("/cases/batch", lose=1)
    api = make_api(session_factory=session_with(adapter))
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    kinds = ("information_request", "complaint", "incident", "question_to_official")
    local_ids = [service.submit(VALID[kind]).local_id for kind in kinds]

    lost = sync.run_once(NOW).results
    assert [r.outcome for r in lost] == [SyncOutcome.RETRY] * 4  # one answer, four cases
    assert len(central_cases(ctx)) == 4  # central filed them all; the answer was lost
    assert all(service.get(i).state is CaseState.PENDING for i in local_ids)

    replayed = sync.run_once(LATER).results
    assert [r.outcome for r in replayed] == [SyncOutcome.SYNCED] * 4
    sent = [json.loads(cast(bytes, r.request.body))["items"] for r in adapter.seen]
    assert [i["key"] for i in sent[0]] == [i["key"] for i in sent[1]]  # the same four keys
    assert [r["replayed"] for r in adapter.seen[1].json()["results"]] == [True] * 4
    filed = {c.provisional_reference: c.reference for c in central_cases(ctx)}
    assert len(filed) == 4  # nothing filed twice
    for local_id in local_ids:
        case = service.get(local_id)
        assert case.state is CaseState.SYNCED
        assert case.reference == filed[case.provisional_reference]


class _OlderCentral(requests.adapters.HTTPAdapter):
    """A central from before the batch route: the batch request reaches the real central at a
    path it has no route for (its own 404); the single filings pass."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        if request.method == "POST" and "/cases" in (request.url or ""):
            request.url = (request.url or "").replace("/cases/batch", "/cases/not-a-route")
            self.paths.append((request.url or "").rsplit("/api/v1", 1)[-1])
        return super().send(request, *args, **kwargs)


def test_an_older_central_gets_the_cases_one_by_one(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    older = _OlderCentral()
    api = make_api(session_factory=session_with(older))
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    first = [service.submit(VALID[k]).local_id for k in ("complaint", "suggestion")]
    assert [r.outcome for r in sync.run_once(NOW).results] == [SyncOutcome.SYNCED] * 2
    cases = f"/centres/{world.centre_id}/cases"
    assert older.paths == [f"{cases}/not-a-route", cases, cases]
    second = [service.submit(VALID[k]).local_id for k in ("complaint", "suggestion")]
    assert [r.outcome for r in sync.run_once(LATER).results] == [SyncOutcome.SYNCED] * 2
    assert older.paths[3:] == [cases, cases]  # no batch tried again
    assert len(central_cases(ctx)) == 4
    assert all(service.get(i).state is CaseState.SYNCED for i in first + second)


def test_a_refusal_is_kept_for_correction(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    # A ticket central does not know: only central can tell.
    pending = service.submit(replace(VALID["suggestion"], visit=VisitLink(ticket_id=999_999)))
    (refused,) = sync.run_once(NOW).results
    assert (refused.outcome, refused.error_code) == (
        SyncOutcome.NEEDS_ATTENTION,
        "ticket.not_found",
    )
    kept = service.get(pending.local_id)
    assert kept.state is CaseState.NEEDS_ATTENTION
    assert kept.fields == VALID["suggestion"].fields
    assert central_cases(ctx) == []
    service.correct_and_resubmit(replace(kept.draft(), visit=VisitLink()))
    (done,) = sync.run_once(NOW).results
    assert done.outcome is SyncOutcome.SYNCED
    assert len(central_cases(ctx)) == 1


def test_an_ethics_report_leaves_nothing_locally(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    submitted = service.submit(VALID["ethics_report"])
    code = submitted.follow_up_code
    assert code is not None  # shown once, to the reporter
    (done,) = sync.run_once(NOW).results
    assert done.outcome is SyncOutcome.SYNCED
    assert done.final_reference is not None
    assert service.list_cases() == ()
    with store.engine.connect() as connection:
        for table in ("cases", "outbox"):
            assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one() == 0
    # The code the desktop made works on central.
    follow_up = CasesApi(api).ethics_follow_up(done.final_reference, code)
    assert follow_up["status"] == "received"


def test_reference_data_is_read_offline(
    restartable: Restartable, world: World, store: LocalStore
) -> None:
    api = ApiClient(restartable.base_url)
    try:
        logged_in(api, "attendant")
        desk(store, api, world)
        restartable.stop()
        offline = CaseService(store, api, centre_id=world.centre_id, counter_label=1)
        cached = offline.reference_data()
        assert [c.code for c in cached.incident_categories] == [
            "iluminacao",
            "buracos",
            "lixo",
            "graffiti",
        ]
        assert cached.case_type("ethics_report") is not None
        assert offline.submit(VALID["incident"]).state is CaseState.PENDING
    finally:
        api.close()


def test_central_counts_one_case_per_outbox_row(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, store: LocalStore
) -> None:
    api = make_api()
    logged_in(api, "attendant")
    service, sync = desk(store, api, world)
    for kind in ("information_request", "complaint", "question_to_official"):
        service.submit(VALID[kind])
    done = sync.run_once(NOW)
    assert [r.outcome for r in done.results] == [SyncOutcome.SYNCED] * 3
    assert sync.run_once(LATER).results == ()
    with ctx.db.reading() as session:
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == 3
