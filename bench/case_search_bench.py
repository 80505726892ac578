"""Case search on a large central: 100,000 cases, a lookup at the counter in <= 50 ms (p95).

Fills a fresh PostgreSQL database (a throwaway cluster from tests/pg.py, fsync off, or
BALCAO_TEST_PG_URL) with N cases by COPY: four centres of one municipality, the five kinds
filed at a counter (and a few ethics reports), spread over two years, 80 % with a citizen
(Portuguese names, valid NIFs, some citizens with several cases). Then an attendant of one
centre searches the way the case desk does, `POST /api/v1/cases/search` on the central app
under uvicorn on loopback (one worker, its own process), one request at a time:

- by reference: a final (`LX-2026-000123`) or provisional (`P-3-123`) reference of the centre;
- by NIF: the NIF of a citizen with a case there;
- by name: two words of a citizen's name (a given name and a surname: often common ones).

Each hit is recorded in the read log, as in production. Baseline in the same run: the same
SELECTs as raw SQL through psycopg (no HTTP, no ORM, no read-log insert). Target: p95 <= 50 ms
for each kind of search. The query plans of the raw SQL are printed, to show which indexes
serve each search.

    .venv/bin/python bench/case_search_bench.py                 # 100,000 cases, 300 searches each
    .venv/bin/python bench/case_search_bench.py --cases 20000 --searches 100
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from bench_support import (  # noqa: E402
    BENCH_PASSWORD,
    Summary,
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
from sqlalchemy.engine import make_url  # noqa: E402

from central.auth.roles import Role  # noqa: E402
from central.auth.service import create_user  # noqa: E402
from central.cases.similarity import name_key  # noqa: E402
from central.db import Database  # noqa: E402
from central.reference.models import Centre  # noqa: E402
from tests.central.case_factories import add_case_reference  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

TARGET_P95_SECONDS = 0.050
TARGET_CASES = 100_000
CENTRES = ("LX-AVN", "LX-BEN", "LX-LUM", "LX-OLV")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
KINDS = ("information_request", "complaint", "suggestion", "incident", "question_to_official")
STATUSES = ("received", "in_progress", "answered", "closed")
STREETS = ("Rua Augusta", "Avenida da Liberdade", "Rua do Ouro", "Largo do Rato", "Rua da Prata")


def psycopg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


# --- the data ---------------------------------------------------------------------------------


@dataclass
class Filled:
    centre_id: int  # the searching attendant's centre
    seconds: float
    references: list[str] = field(default_factory=list)  # final and provisional, that centre
    nifs: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def prepare(url: str) -> dict[str, int]:
    """The centres, an attendant at the first, the reference data; centre ids by code."""
    db = Database(url)
    with db.writing() as session:
        ids: dict[str, int] = {}
        for code in CENTRES:
            centre = Centre(code=code, name=f"Loja {code}", timezone="Europe/Lisbon",
                            opening_hours={}, policy={}, updated_at=NOW)  # fmt: skip
            session.add(centre)
            session.flush()
            ids[code] = centre.id
        create_user(session, username="counter", full_name="Counter", role=Role.ATTENDANT,
                    password=BENCH_PASSWORD, centre_id=ids[CENTRES[0]], now=NOW)  # fmt: skip
        add_case_reference(session)
    db.dispose()
    return ids


def _copy(cursor: psycopg.Cursor[Any], table: str, columns: tuple[str, ...], rows: Any) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


CASE_COLUMNS = (
    "id", "centre_id", "reference", "provisional_reference", "case_type_id", "kind", "channel",
    "status", "description", "category_id", "address", "addressee_id", "answer_may_be_public",
    "concerned_service", "suggestion_scope", "legal_basis", "retention_class", "retention_years",
    "entered_at", "received_at", "updated_at", "version",
)  # fmt: skip
CITIZEN_COLUMNS = (
    "case_id", "name", "name_key", "nif", "email", "phone", "language", "contact_by",
)  # fmt: skip


def fill(url: str, centres: dict[str, int], count: int, seed: int) -> Filled:
    """N cases and their citizens by COPY, in one transaction, then ANALYZE."""
    rng = random.Random(seed)
    started = time.perf_counter()
    mine = Filled(centres[CENTRES[0]], 0.0)
    people = [(random_name(rng), random_nif(rng)) for _ in range(max(count * 3 // 4, 1))]
    with psycopg.connect(psycopg_url(url)) as conn, conn.cursor() as cur:
        types = {
            row[0]: row[1:]
            for row in cur.execute(
                "SELECT code, id, kind, legal_basis, retention_class, retention_years "
                "FROM case_types"
            )
        }
        categories = [r[0] for r in cur.execute("SELECT id FROM incident_categories")]
        addressees = [r[0] for r in cur.execute("SELECT id FROM case_addressees")]
        cases: list[tuple[Any, ...]] = []
        citizens: list[tuple[Any, ...]] = []
        numbers = dict.fromkeys(centres.values(), 0)
        for n in range(1, count + 1):
            centre_id = rng.choice(list(centres.values()))
            numbers[centre_id] += 1
            code = "ethics_report" if n % 97 == 0 else KINDS[n % len(KINDS)]
            type_id, kind, basis, retention_class, years = types[code]
            received = NOW - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
            reference = f"LX-{received.year}-{n:06d}"
            provisional = f"P-{rng.randrange(1, 9)}-{numbers[centre_id]}"
            incident = kind == "incident"
            question = kind == "question_to_official"
            cases.append((
                n, centre_id, reference, provisional, type_id, kind, "counter",
                rng.choice(STATUSES), f"Descrição do pedido n.º {n}, ditada ao balcão.",
                rng.choice(categories) if incident else None,
                f"{rng.choice(STREETS)} {rng.randrange(1, 200)}" if incident else None,
                rng.choice(addressees) if question else None, (n % 2 == 0) if question else None,
                "Atendimento geral" if kind == "complaint" else None,
                "service" if kind == "suggestion" else None,
                basis, retention_class, years, received, received, received, 1,
            ))  # fmt: skip
            if kind != "ethics_report" and (rng.random() < 0.8 or kind in ("complaint",)):
                name, nif = rng.choice(people)
                email = f"{name_key(name).split()[0]}{n}@example.pt"
                citizens.append((n, name, name_key(name), nif, email, None, "pt", "email"))
                if centre_id == mine.centre_id:
                    mine.nifs.append(nif)
                    mine.names.append(name)
            if centre_id == mine.centre_id and kind != "ethics_report":
                mine.references.append(reference if n % 2 else provisional)
        _copy(cur, "cases", CASE_COLUMNS, cases)
        _copy(cur, "case_citizens", CITIZEN_COLUMNS, citizens)
        cur.execute(f"SELECT setval(pg_get_serial_sequence('cases', 'id'), {count})")
        conn.commit()
        conn.autocommit = True
        cur.execute("ANALYZE")
    mine.seconds = time.perf_counter() - started
    return mine


# --- the searches -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Search:
    kind: str  # reference, nif, name
    value: str

    @property
    def body(self) -> dict[str, Any]:
        return {self.kind: self.value, "purpose": "citizen_request", "limit": 20}


def searches(filled: Filled, each: int, seed: int) -> list[Search]:
    rng = random.Random(seed + 1)
    found: list[Search] = []
    for _ in range(each):
        found.append(Search("reference", rng.choice(filled.references)))
        found.append(Search("nif", rng.choice(filled.nifs)))
        words = rng.choice(filled.names).split()
        found.append(Search("name", f"{words[0]} {words[-1]}"))
    return found


def over_http(base: str, plan: list[Search], warmup: int) -> tuple[dict[str, list[float]], int]:
    """Seconds per search by kind, and the hits seen."""
    credentials = {"username": "counter", "password": BENCH_PASSWORD}
    login = httpx.post(f"{base}/api/v1/auth/login", json=credentials, timeout=60)
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    times: dict[str, list[float]] = {"reference": [], "nif": [], "name": []}
    hits = 0
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        for search in plan[:warmup]:
            client.post("/api/v1/cases/search", json=search.body).raise_for_status()
        for search in plan:
            started = time.perf_counter()
            response = client.post("/api/v1/cases/search", json=search.body)
            elapsed = time.perf_counter() - started
            response.raise_for_status()
            hits += len(response.json())
            times[search.kind].append(elapsed)
    return times, hits


SELECT = (
    "SELECT c.*, t.code, cc.name FROM cases c JOIN case_types t ON t.id = c.case_type_id "
    "LEFT OUTER JOIN case_citizens cc ON cc.case_id = c.id WHERE {where} "
    "AND c.kind <> 'ethics_report' AND c.centre_id = %(centre)s "
    "ORDER BY c.received_at DESC, c.id DESC LIMIT 20"
)


def raw_sql(search: Search, centre_id: int) -> tuple[str, dict[str, Any]]:
    """The SELECT `central.cases.service.search` sends, as plain SQL with its parameters."""
    params: dict[str, Any] = {"centre": centre_id}
    if search.kind == "reference":
        where = "(c.reference = %(ref)s OR c.provisional_reference = %(ref)s)"
        params["ref"] = search.value
    elif search.kind == "nif":
        where = "cc.nif = %(nif)s"
        params["nif"] = search.value
    else:
        words = name_key(search.value).split()
        where = " AND ".join(f"cc.name_key LIKE %(w{i})s" for i in range(len(words)))
        params.update({f"w{i}": f"%{w}%" for i, w in enumerate(words)})
    return SELECT.format(where=where), params


def over_sql(url: str, plan: list[Search], centre_id: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"reference": [], "nif": [], "name": []}
    with psycopg.connect(psycopg_url(url), autocommit=True) as conn, conn.cursor() as cur:
        for search in plan:
            query, params = raw_sql(search, centre_id)
            started = time.perf_counter()
            cur.execute(query, params)
            cur.fetchall()
            times[search.kind].append(time.perf_counter() - started)
    return times


def plans(url: str, plan: list[Search], centre_id: int) -> str:
    out = io.StringIO()
    with psycopg.connect(psycopg_url(url), autocommit=True) as conn, conn.cursor() as cur:
        for kind in ("reference", "nif", "name"):
            search = next(s for s in plan if s.kind == kind)
            query, params = raw_sql(search, centre_id)
            rows = cur.execute("EXPLAIN (ANALYZE, COSTS OFF) " + query, params).fetchall()
            out.write(f"\n{kind} ({len(search.value)} characters):\n")
            out.write("\n".join("    " + str(r[0]) for r in rows) + "\n")
    return out.getvalue()


def run(args: argparse.Namespace) -> int:
    print(f"# case search: {args.cases} cases, {args.searches} searches of each kind")
    print(machine_line())
    with postgres_server() as admin_url, fresh_database(admin_url) as url:
        print(server_settings(admin_url))
        filled = fill(url, prepare(url), args.cases, args.seed)
        print(f"filled in {filled.seconds:.1f} s (COPY); the attendant's centre holds "
              f"{len(filled.references)} cases")  # fmt: skip
        plan = searches(filled, args.searches, args.seed)
        with central_server(url) as server:
            http, hits = over_http(server.base, plan, warmup=min(30, len(plan)))
        sql = over_sql(url, plan, filled.centre_id)
        query_plans = plans(url, plan, filled.centre_id)
    rows: list[list[object]] = []
    ok = True
    summary_of: Callable[[list[float]], Summary] = Summary.of
    for kind in ("reference", "nif", "name"):
        h, s = summary_of(http[kind]), summary_of(sql[kind])
        ok = ok and h.p95 <= TARGET_P95_SECONDS
        rows.append([f"by {kind}", "HTTP", h.count, ms(h.p50), ms(h.p95), ms(h.p99), ms(h.max)])
        rows.append(["", "raw SQL", s.count, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)])
    print()
    print(markdown_table(["search", "path", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows))
    print(f"\n{hits} hits over HTTP, each recorded in the read log")
    if args.plans:
        print(query_plans)
    worst = max(summary_of(http[k]).p95 for k in http)
    print(f"\nsearch over HTTP, worst p95 {ms(worst)} ms (target <= "
          f"{ms(TARGET_P95_SECONDS)} ms for each kind): {verdict(ok)}")  # fmt: skip
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=TARGET_CASES)
    parser.add_argument("--searches", type=int, default=300, help="of each kind")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--plans", action="store_true", help="print EXPLAIN ANALYZE of each kind")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
