"""Case outbox drain: a counter filed 10,000 cases offline, then central became reachable.

The cases are submitted through the desktop's real `CaseService` into a local store (SQLite,
WAL, synchronous=FULL, as on a counter PC): a mix of the five kinds filed at a counter, most
with a citizen (name, NIF, e-mail or phone). Then the desktop's real `CaseSync` drains the
outbox over HTTP on loopback to the central app under uvicorn (one worker, its own process),
round after round, until the outbox is empty: each round's filings go as one
`POST /centres/{id}/cases/batch` (up to 50 cases, each item with its Idempotency-Key), then
all their final references are written locally and the personal data wiped in one local
transaction. Timed: the whole drain, and each request (the request plus the local write).

Baseline in the same run: the same request bodies (read from the outbox before draining) filed
straight through central's service layer, one transaction per case, on a second fresh
database: what HTTP, JSON, authentication, idempotency records and the desktop's own store
add. Target: the drain of 10,000 cases in <= 60 s.

PostgreSQL by default (a throwaway cluster from tests/pg.py, fsync off, or BALCAO_TEST_PG_URL);
`--db sqlite` for central on SQLite. Prints figures and PASS/MISS; never asserts.

    .venv/bin/python bench/case_drain_bench.py                  # 10,000 cases, PostgreSQL
    .venv/bin/python bench/case_drain_bench.py --cases 2000 --db sqlite
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench_support import (  # noqa: E402
    BENCH_PASSWORD,
    Summary,
    bench_database,
    central_server,
    fresh_database,
    machine_line,
    markdown_table,
    ms,
    random_name,
    random_nif,
    server_settings,
    verdict,
)
from sqlalchemy import func, select  # noqa: E402

from central import migrate  # noqa: E402
from central.auth.actor import Actor  # noqa: E402
from central.auth.roles import Role  # noqa: E402
from central.auth.service import create_user  # noqa: E402
from central.cases import service as central_cases  # noqa: E402
from central.cases.models import Case  # noqa: E402
from central.cases.schemas import CaseCreate  # noqa: E402
from central.db import Database  # noqa: E402
from central.reference.models import Centre  # noqa: E402
from desktop.api.api_client import ApiClient  # noqa: E402
from desktop.api.auth_api import AuthApi  # noqa: E402
from desktop.domain.cases import (  # noqa: E402
    CaseDraft,
    CaseFields,
    CitizenBlock,
    ContactBy,
    FiledCase,
    OutboxEntry,
    SuggestionScope,
)
from desktop.services.case_service import CaseService  # noqa: E402
from desktop.services.case_sync import CaseSync, CaseSyncResult, SyncOutcome  # noqa: E402
from desktop.store.local_store import LocalStore  # noqa: E402
from desktop.store.outbox_repo import OutboxRepo  # noqa: E402
from tests.central.case_factories import add_case_reference  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

TARGET_SECONDS = 60.0
TARGET_CASES = 10_000
STREETS = ("Rua Augusta", "Avenida da Liberdade", "Rua do Ouro", "Largo do Rato", "Rua da Prata")


# --- the cases a counter files ----------------------------------------------------------------


def citizen(rng: random.Random, *, phone: bool = False) -> CitizenBlock:
    name = random_name(rng)
    if phone:
        number = f"9{rng.choice('1236')}{rng.randrange(10**7):07d}"
        return CitizenBlock(name, random_nif(rng), phone=number, contact_by=ContactBy.PHONE)
    email = name.split()[0].lower().encode("ascii", "ignore").decode() + f"{rng.randrange(999)}"
    return CitizenBlock(
        name, random_nif(rng), email=f"{email}@example.pt", contact_by=ContactBy.EMAIL
    )


def draft(n: int, rng: random.Random) -> CaseDraft:
    """Case n of the queue: the five kinds in turn, with realistic words and citizens."""
    street = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}"
    match n % 5:
        case 0:
            fields = CaseFields(f"Pede informação sobre o horário do serviço ({n}).")
            return CaseDraft("information_request", fields, citizen(rng) if n % 2 else None)
        case 1:
            fields = CaseFields(
                f"Esperou mais de uma hora sem ser atendido ({n}).",
                concerned_service="Atendimento geral",
            )
            return CaseDraft("complaint", fields, citizen(rng))
        case 2:
            fields = CaseFields(
                f"Sugere mais bancos no jardim ({n}).", suggestion_scope=SuggestionScope.SERVICE
            )
            return CaseDraft("suggestion", fields)
        case 3:
            fields = CaseFields(
                f"Candeeiro apagado há uma semana ({n}).",
                category_code=rng.choice(("iluminacao", "buracos", "graffiti")),
                address=street,
            )
            return CaseDraft("incident", fields, citizen(rng, phone=True) if n % 3 else None)
        case _:
            fields = CaseFields(
                f"Quando abre a nova ciclovia ({n})?",
                addressee_code="presidente",
                answer_may_be_public=bool(n % 2),
            )
            return CaseDraft("question_to_official", fields, citizen(rng, phone=True))


# --- central ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchDesk:
    centre_id: int
    user_id: int


def prepare_central(url: str) -> BenchDesk:
    """A centre of the `LX` municipality, one attendant, the incident categories and addressees."""
    db = Database(url)
    now = datetime.now(UTC)
    with db.writing() as session:
        centre = Centre(code="LX-BENCH", name="Bench", timezone="Europe/Lisbon", opening_hours={},
                        policy={}, updated_at=now)  # fmt: skip
        session.add(centre)
        session.flush()
        user = create_user(session, username="counter", full_name="Counter", role=Role.ATTENDANT,
                           password=BENCH_PASSWORD, centre_id=centre.id, now=now)  # fmt: skip
        add_case_reference(session)
        desk = BenchDesk(centre.id, user.id)
    db.dispose()
    return desk


@contextlib.contextmanager
def databases(kind: str, folder: Path) -> Iterator[tuple[str, str, str]]:
    """Two fresh migrated central databases (drain, baseline) and what they are."""
    if kind == "sqlite":
        urls = [f"sqlite:///{folder / f'central-{n}.sqlite3'}" for n in (1, 2)]
        for url in urls:
            db = Database(url)
            migrate.upgrade(db)
            db.dispose()
        yield urls[0], urls[1], "central on SQLite (WAL, synchronous=FULL)"
        return
    with (
        postgres_server() as admin_url,
        fresh_database(admin_url) as drain_url,
        fresh_database(admin_url) as baseline_url,
    ):
        yield drain_url, baseline_url, "central on " + server_settings(admin_url)


# --- the desktop ------------------------------------------------------------------------------


class TimedSync(CaseSync):
    """`CaseSync` noting how long each filing request takes with its local write (a batch, or
    one case against a central without the batch route) and, apart, each request's round trip."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.per_request: list[float] = []  # the request and the local write of its answers
        self.round_trips: list[float] = []
        self.batch_sizes: list[int] = []
        file_cases, file_case = self.api.file_cases, self.api.file_case

        def timed_batch(centre_id: int, items: Any) -> Any:
            started = time.perf_counter()
            try:
                return file_cases(centre_id, items)
            finally:
                self.round_trips.append(time.perf_counter() - started)

        def timed_single(centre_id: int, body: Any, key: str) -> FiledCase:
            started = time.perf_counter()
            try:
                return file_case(centre_id, body, key)
            finally:
                self.round_trips.append(time.perf_counter() - started)

        self.api.file_cases = timed_batch  # type: ignore[method-assign]
        self.api.file_case = timed_single  # type: ignore[method-assign]

    def _send_group(self, group: list[OutboxEntry], now: datetime) -> list[CaseSyncResult]:
        started = time.perf_counter()
        results = super()._send_group(group, now)
        self.per_request.append(time.perf_counter() - started)
        self.batch_sizes.append(len(group))
        return results


def queue(service: CaseService, count: int, seed: int) -> float:
    rng = random.Random(seed)
    started = time.perf_counter()
    for n in range(count):
        service.submit(draft(n, rng))
    return time.perf_counter() - started


@dataclass(frozen=True)
class Drained:
    seconds: float
    per_request: list[float]
    round_trips: list[float]
    batch_sizes: list[int]
    rounds: int
    outcomes: collections.Counter[SyncOutcome]


def drain(store: LocalStore, api: ApiClient) -> Drained:
    sync = TimedSync(store, api, backoff=lambda _attempt: 0.0)
    outcomes: collections.Counter[SyncOutcome] = collections.Counter()
    rounds = 0
    started = time.perf_counter()
    while True:
        done = sync.run_once(datetime.now(UTC))
        rounds += 1
        outcomes.update(r.outcome for r in done.results)
        if done.next_due is None:
            seconds = time.perf_counter() - started
            return Drained(
                seconds, sync.per_request, sync.round_trips, sync.batch_sizes, rounds, outcomes
            )


def file_through_service(url: str, desk: BenchDesk, bodies: list[dict[str, Any]]) -> list[float]:
    """The baseline: each body filed by `central.cases.service.file_case` in a transaction."""
    db = bench_database(url)
    actor = Actor(desk.user_id, "counter", Role.ATTENDANT, desk.centre_id)
    per_case: list[float] = []
    for body in bodies:
        started = time.perf_counter()
        new = CaseCreate.model_validate(body).to_new_case()
        with db.writing() as session:
            central_cases.file_case(session, actor, desk.centre_id, new, datetime.now(UTC))
        per_case.append(time.perf_counter() - started)
    db.dispose()
    return per_case


def filed_on(url: str) -> tuple[int, int]:
    """Cases on central, and distinct provisional references among them."""
    db = Database(url)
    with db.reading() as session:
        count = session.execute(select(func.count()).select_from(Case)).scalar_one()
        distinct = session.execute(
            select(func.count(func.distinct(Case.provisional_reference)))
        ).scalar_one()
    db.dispose()
    return int(count), int(distinct)


def run(args: argparse.Namespace) -> int:
    print(f"# case outbox drain: {args.cases} cases queued offline, then central reachable")
    print(machine_line())
    with (
        tempfile.TemporaryDirectory() as folder,
        databases(args.db, Path(folder)) as (url, baseline_url, what),
    ):
        print(what + "; desktop store on SQLite (WAL, synchronous=FULL)")
        desk = prepare_central(url)
        baseline_desk = prepare_central(baseline_url)
        store = LocalStore.open(Path(folder) / "balcao.sqlite3")
        with central_server(url) as server:
            api = ApiClient(server.base)
            AuthApi(api).login("counter", BENCH_PASSWORD)
            service = CaseService(store, api, centre_id=desk.centre_id, counter_label=1)
            service.refresh_reference_data()
            queued = queue(service, args.cases, args.seed)
            print(f"queued {args.cases} cases in {queued:.1f} s (CaseService.submit, offline)")
            with store.reading() as session:
                bodies = [dict(e.payload) for e in OutboxRepo().all(session)]
            drained = drain(store, api)
            api.close()
        store.close()
        count, distinct = filed_on(url)
        baseline = file_through_service(baseline_url, baseline_desk, bodies)
    http, direct = Summary.of(drained.per_request), Summary.of(baseline)
    trips = Summary.of(drained.round_trips)
    direct_seconds = sum(baseline)
    cases = sum(drained.batch_sizes)
    sizes = collections.Counter(drained.batch_sizes).most_common(1)[0][0]
    print()
    print(markdown_table(
        ["path", "cases", "total", "cases/s", "timed unit", "p50", "p95", "p99", "max"],
        [
            ["desktop CaseSync over HTTP", cases, f"{drained.seconds:.1f} s",
             f"{cases / drained.seconds:.0f}", f"request of {sizes} + local write",
             ms(http.p50), ms(http.p95), ms(http.p99), ms(http.max)],
            ["  of which the POST round trip", cases, f"{sum(drained.round_trips):.1f} s",
             "", f"request of {sizes}", ms(trips.p50), ms(trips.p95), ms(trips.p99),
             ms(trips.max)],
            ["central service layer only", len(baseline), f"{direct_seconds:.1f} s",
             f"{len(baseline) / direct_seconds:.0f}", "case", ms(direct.p50), ms(direct.p95),
             ms(direct.p99), ms(direct.max)],
        ],
    ))  # fmt: skip
    print(f"(times in ms; {len(drained.per_request)} filing requests)")
    outcomes = ", ".join(f"{o.value} {n}" for o, n in sorted(drained.outcomes.items()))
    print(f"{drained.rounds} sync rounds; outcomes: {outcomes}")
    print(f"central holds {count} cases, {distinct} distinct provisional references")
    target = TARGET_SECONDS * args.cases / TARGET_CASES
    ok = drained.seconds <= target and count == distinct == cases == args.cases
    print()
    print(f"drain of {args.cases} cases over HTTP: {drained.seconds:.1f} s "
          f"(target <= {target:.0f} s, every case once): {verdict(ok)}")  # fmt: skip
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=TARGET_CASES)
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--seed", type=int, default=20261123)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
