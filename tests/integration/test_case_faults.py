"""Cases survive what goes wrong at a counter: the desktop killed while saving or while
syncing (SIGKILL to a child process doing the real work on its own store file), a network that
loses a third of central's answers, and central refusing a case the desktop thought valid.

The central runs in this process (tests/central/live_server.py), so it outlives the killed
desktop. The child says on stdout how far it got; the test kills it right after reading that,
so the kill lands while it is still working, without any sleep.
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import update

from central.cases.models import IncidentCategory
from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.domain.cases import CaseDraft, CaseState
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync, SyncOutcome
from desktop.store.local_store import LocalStore
from tests.central.factories import PASSWORD, World
from tests.central.live_server import LiveServer
from tests.desktop_fixtures import no_backoff
from tests.integration.conftest import logged_in
from tests.integration.lossy_proxy import LossyProxy
from tests.integration.test_case_sync import NOW, central_cases, desk
from tests.unit.test_case_domain import VALID

REPO_ROOT = Path(__file__).resolve().parents[2]
KINDS = ("information_request", "complaint", "suggestion", "incident", "question_to_official")
MAX_ROUNDS = 500  # a sync that never empties the outbox fails instead of looping for ever

pytestmark = pytest.mark.usefixtures("case_reference")


@contextmanager
def child(tmp_path: Path, *args: object) -> Iterator[subprocess.Popen[str]]:
    """tests/integration/case_fault_child.py in its own process, its stdout a pipe read line by
    line; killed (if still running) and reaped at the end."""
    log = (tmp_path / "child.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.case_fault_child", *map(str, args)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(30)
        assert process.stdout is not None
        process.stdout.close()
        log.close()


def read_until(process: subprocess.Popen[str], tmp_path: Path, word: str, count: int) -> list[str]:
    """The child's lines starting with `word`, until there are `count` of them (a child that
    ends first fails the test, with its stderr)."""
    assert process.stdout is not None
    seen: list[str] = []
    while len(seen) < count:
        line = process.stdout.readline()
        if not line:
            process.wait(30)
            stderr = (tmp_path / "child.log").read_text()
            raise AssertionError(f"the child ended ({process.returncode}): {stderr[-2000:]}")
        if line.startswith(word):
            seen.append(line.strip())
    return seen


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    assert process.wait(30) == -signal.SIGKILL  # it was still working: killed, not finished


def store_rows(path: Path) -> tuple[str, list[tuple[str, str, str | None]], list[str]]:
    """integrity_check, the cases (local id, state, provisional reference), the outbox's case
    ids, read straight from the file."""
    store = LocalStore.open(path)
    try:
        with store.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar_one()
            cases = [
                (str(r[0]), str(r[1]), r[2])
                for r in connection.exec_driver_sql(
                    "SELECT local_id, state, provisional_reference FROM cases"
                )
            ]
            outbox = [
                str(r[0]) for r in connection.exec_driver_sql("SELECT case_local_id FROM outbox")
            ]
    finally:
        store.close()
    return integrity, cases, outbox


def drain(sync: CaseSync) -> list[SyncOutcome]:
    """Sync rounds until the outbox is empty; every outcome, in order."""
    outcomes: list[SyncOutcome] = []
    for _ in range(MAX_ROUNDS):
        done = sync.run_once(NOW)
        outcomes += [r.outcome for r in done.results]
        if done.next_due is None:
            return outcomes
    raise AssertionError(f"the outbox was not empty after {MAX_ROUNDS} rounds")


def submit_many(service: CaseService, count: int) -> list[str]:
    """`count` cases of the kinds filed at a counter, each with its own words; local ids."""
    ids = []
    for n in range(count):
        draft = VALID[KINDS[n % len(KINDS)]]
        fields = replace(draft.fields, description=f"{draft.fields.description} ({n})")
        ids.append(service.submit(replace(draft, fields=fields)).local_id)
    return ids


def assert_filed_once_each(ctx: AppContext, service: CaseService, local_ids: list[str]) -> None:
    """Central holds exactly one case per local case (by provisional reference), and every
    local case is synced with the reference central gave it."""
    filed = central_cases(ctx)
    per_provisional = collections.Counter(c.provisional_reference for c in filed)
    assert [ref for ref, n in per_provisional.items() if n > 1] == []  # none twice
    by_provisional = {c.provisional_reference: c.reference for c in filed}
    local = [service.get(local_id) for local_id in local_ids]
    assert {c.provisional_reference for c in local} == set(by_provisional)  # none lost
    assert len(filed) == len(local_ids)
    for case in local:
        assert case.state is CaseState.SYNCED
        assert case.reference == by_provisional[case.provisional_reference]
    assert service.pending_count() == 0


# --- killed while saving ----------------------------------------------------------------------


def test_killed_while_saving_leaves_only_whole_cases(
    make_api: Callable[..., ApiClient], world: World, tmp_path: Path
) -> None:
    path = tmp_path / "balcao.sqlite3"
    store = LocalStore.open(path)
    api = make_api()
    logged_in(api, "attendant")
    desk(store, api, world)  # the reference data the child validates against, cached
    store.close()

    with child(tmp_path, "submit", path, world.centre_id, 100_000) as process:
        reported = read_until(process, tmp_path, "submitted", 40)
        kill(process)

    integrity, cases, outbox = store_rows(path)
    assert integrity == "ok"
    by_id = {local_id: (state, ref) for local_id, state, ref in cases}
    for line in reported:  # every case the child was told is saved, is
        _, local_id, reference = line.split()
        assert by_id[local_id] == (CaseState.PENDING.value, reference)
    # No half-written case: each is pending with exactly one outbox row, and no row is orphaned.
    assert {state for state, _ in by_id.values()} == {CaseState.PENDING.value}
    assert sorted(outbox) == sorted(by_id)
    assert len(cases) >= len(reported)
    # A case cut short gave its provisional number back: no gaps.
    numbers = sorted(int(str(ref).rsplit("-", 1)[1]) for _, ref in by_id.values())
    assert numbers == list(range(1, len(cases) + 1))

    reopened = LocalStore.open(path)
    try:
        service = CaseService(reopened, api, centre_id=world.centre_id, counter_label=1)
        again = service.submit(VALID["information_request"])
        assert again.provisional_reference == f"P-1-{len(cases) + 1}"
    finally:
        reopened.close()


# --- killed while syncing ---------------------------------------------------------------------


def test_killed_while_syncing_files_each_case_once(
    make_api: Callable[..., ApiClient],
    live: LiveServer,
    ctx: AppContext,
    world: World,
    tmp_path: Path,
) -> None:
    path = tmp_path / "balcao.sqlite3"
    store = LocalStore.open(path)
    api = make_api()
    logged_in(api, "attendant")
    service, _ = desk(store, api, world)
    local_ids = submit_many(service, 40)
    store.close()

    # Batches of 4: ten requests; killed once the answers to three have arrived (each filed
    # its 4 cases on central), before the desktop could record them all.
    sync_args = ("sync", path, live.base_url, "attendant", PASSWORD, 4)
    with child(tmp_path, *sync_args) as process:
        read_until(process, tmp_path, "ready", 1)
        answered = read_until(process, tmp_path, "answered", 3)
        kill(process)
    assert answered == ["answered 200"] * 3  # batch answers
    filed_before = len(central_cases(ctx))
    assert 12 <= filed_before < 40  # killed mid-round: some filed, not all

    store = LocalStore.open(path)
    try:
        integrity, _, _ = store_rows(path)
        assert integrity == "ok"
        service = CaseService(store, api, centre_id=world.centre_id, counter_label=1)
        outcomes = drain(CaseSync(store, api, clock=lambda: NOW, backoff=no_backoff))
        assert set(outcomes) == {SyncOutcome.SYNCED}
        assert_filed_once_each(ctx, service, local_ids)
    finally:
        store.close()


# --- a network that loses answers -------------------------------------------------------------


def test_a_network_losing_answers_files_each_case_once(
    make_api: Callable[..., ApiClient],
    live: LiveServer,
    ctx: AppContext,
    world: World,
    tmp_path: Path,
) -> None:
    store = LocalStore.open(tmp_path / "balcao.sqlite3")
    api = make_api()
    logged_in(api, "attendant")
    service, _ = desk(store, api, world)
    local_ids = submit_many(service, 60)
    with LossyProxy(live.port, lose_share=0.3, seed=20261123) as proxy:
        lossy = ApiClient(proxy.base_url)
        try:
            logged_in(lossy, "attendant")  # only the filings' answers are lost
            sync = CaseSync(store, lossy, clock=lambda: NOW, backoff=no_backoff, batch_size=3)
            outcomes = drain(sync)
            assert proxy.lost >= 4  # about 30% of the filings' (batches') answers never arrived
            # Each lost answer sends its batch's cases (1 to 3) round again.
            assert proxy.lost <= outcomes.count(SyncOutcome.RETRY) <= 3 * proxy.lost
            assert outcomes.count(SyncOutcome.SYNCED) == 60
            assert_filed_once_each(ctx, service, local_ids)
        finally:
            lossy.close()
            store.close()


# --- central refuses a case the desktop thought valid -----------------------------------------


def test_a_refusal_amid_others_is_kept_shown_and_fixable(
    make_api: Callable[..., ApiClient], ctx: AppContext, world: World, tmp_path: Path
) -> None:
    store = LocalStore.open(tmp_path / "balcao.sqlite3")
    try:
        api = make_api()
        logged_in(api, "attendant")
        service, sync = desk(store, api, world)  # iluminacao is in the cached categories
        first = service.submit(VALID["information_request"])
        lamp = service.submit(VALID["incident"])
        last = service.submit(VALID["complaint"])
        with ctx.db.writing() as session:  # central retires the category meanwhile
            session.execute(
                update(IncidentCategory)
                .where(IncidentCategory.code == "iluminacao")
                .values(active=False)
            )

        done = sync.run_once(NOW)
        assert [(r.local_id, r.outcome) for r in done.results] == [
            (first.local_id, SyncOutcome.SYNCED),
            (lamp.local_id, SyncOutcome.NEEDS_ATTENTION),
            (last.local_id, SyncOutcome.SYNCED),  # one refusal does not hold the others up
        ]
        (shown,) = service.list_cases([CaseState.NEEDS_ATTENTION])
        assert shown.local_id == lamp.local_id
        assert shown.fields == VALID["incident"].fields  # kept whole
        assert shown.rejection is not None
        assert [e.loc for e in shown.rejection.fields] == [("category_code",)]
        assert service.pending_count() == 0

        fields = replace(VALID["incident"].fields, category_code="buracos")
        service.correct_and_resubmit(CaseDraft("incident", fields, local_id=lamp.local_id))
        (fixed,) = sync.run_once(NOW).results
        assert fixed.outcome is SyncOutcome.SYNCED
        assert service.list_cases([CaseState.NEEDS_ATTENTION]) == ()
        filed = {c.provisional_reference: c for c in central_cases(ctx)}
        assert len(filed) == 3
        assert lamp.provisional_reference in filed  # the same reference the citizen was given
    finally:
        store.close()
