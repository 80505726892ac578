"""Call-next under concurrency on a real PostgreSQL: the full command against a raw SQL claim.

N simulated counters loop "call next, then start and finish" on one centre whose queue a feeder
process keeps at a fixed depth (mixed services and legal priorities). Variants, one after the
other on the same database, same queue depth, same N:

- service: `central.tickets.service.call_next` in its own `db.writing()` transaction, then
  `start` + `finish` in a second one (what the routes run, minus HTTP and idempotency), from N
  threads of this process;
- http (with --http): the same cycle through the real app under uvicorn on loopback (POST
  call-next, start, finish, each with an Idempotency-Key), from N asyncio tasks;
- raw SQL: from N threads, one autocommit `UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP
  LOCKED) RETURNING id` per call, and one single-row `UPDATE` as the finish: the floor that any
  queue on this database pays.

Counters call back to back unless --think-ms gives them a pause between citizens. Prints
figures, what the database's backends were waiting on, and PASS/MISS against the targets; never
asserts.

    .venv/bin/python bench/call_next_bench.py                  # N=50,200, 20 s per variant
    .venv/bin/python bench/call_next_bench.py --quick          # ~30 s smoke run
    .venv/bin/python bench/call_next_bench.py --http           # adds the HTTP variant
    .venv/bin/python bench/call_next_bench.py --think-ms 5000  # paced, not back to back
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from bench_support import (  # noqa: E402
    BenchCentre,
    BenchCounter,
    CpuMeter,
    CpuSample,
    CpuUse,
    FeederReport,
    QueueFeeder,
    Summary,
    bench_database,
    build_centre,
    central_server,
    fresh_database,
    issue_batch,
    login,
    machine_line,
    markdown_table,
    ms,
    server_settings,
    verdict,
    waiting_count,
)
from sqlalchemy.orm import Session  # noqa: E402

from central.clock import Clock  # noqa: E402
from central.db import Database  # noqa: E402
from central.errors import DomainError  # noqa: E402
from central.events.pg_listener import libpq_url  # noqa: E402
from central.tickets import service as tickets  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

TARGET_P95_S = 0.050  # at 200 counters
TARGET_COUNTERS = 200
TARGET_RATIO = 5.0

RAW_CLAIM = """
UPDATE tickets
   SET status = 'called', counter_id = %(counter_id)s, called_at = now(),
       call_count = call_count + 1
 WHERE id = (SELECT id FROM tickets
              WHERE centre_id = %(centre_id)s AND status = 'waiting'
                AND service_id = ANY(%(service_ids)s)
              ORDER BY queued_at
              LIMIT 1
              FOR UPDATE SKIP LOCKED)
RETURNING id
"""
# The raw loop's finish puts the ticket back at the end of the queue: one single-row UPDATE of
# the same indexed columns as a real finish, and the queue depth stays constant by itself (the
# feeder process could not issue as fast as the raw loop consumes on two shared cores).
RAW_FINISH = """
UPDATE tickets SET status = 'waiting', counter_id = NULL, queued_at = now() WHERE id = %(id)s
"""


# --- collecting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    depth: int  # waiting tickets kept in the queue
    seconds: float  # measured
    warmup: float  # run but not measured, before
    think: float  # mean pause between a finish and the next call (0: back to back)


@dataclass
class Window:
    """A call counts if it completed inside [measure_from, stop_at); workers stop calling at
    `stop_at` (finishing the cycle in hand)."""

    measure_from: float
    stop_at: float
    think: float = 0.0  # mean pause between a finish and the next call, seconds
    # Set once the CPU meter has taken its last sample: workers keep their own connections
    # open until then, since an exited backend's CPU time can no longer be read.
    metered: threading.Event = field(default_factory=threading.Event)

    def pause(self, rng: random.Random) -> float:
        """A think time, cut short at `stop_at` so that a phase ends on time."""
        if self.think <= 0:
            return 0.0
        return max(0.0, min(rng.expovariate(1 / self.think), self.stop_at - time.monotonic()))

    @property
    def seconds(self) -> float:
        return self.stop_at - self.measure_from

    def counts(self, completed: float) -> bool:
        return self.measure_from <= completed < self.stop_at


@dataclass
class Samples:
    calls: list[float] = field(default_factory=list)
    finishes: list[float] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, started: float, call: float, finish: float, claims: int, w: Window) -> None:
        if w.counts(started + call):
            with self.lock:
                self.calls.append(call)
                self.finishes.append(finish)
                if claims:
                    self.claims.append(claims)

    def error(self, code: str, started: float, w: Window) -> None:
        if w.counts(time.monotonic()):
            with self.lock:
                self.errors[code] += 1


@dataclass
class PhaseResult:
    counters: int
    variant: str
    window: Window
    calls: Summary
    finishes: Summary
    throughput: float
    claims_mean: float
    claims_max: int
    errors: dict[str, int]
    # Filled in from the feeder's observations once the feeder has stopped.
    depth_min: int = -1
    depth_max: int = -1
    lock_waits: float = float("nan")
    idle_in_tx: float = float("nan")
    blockers: list[tuple[str, float]] = field(default_factory=list)
    cpu: CpuUse | None = None  # during the measured window

    def cpu_per_call_ms(self) -> tuple[float, float, float]:
        """(bench process, server process, PostgreSQL) CPU ms per completed call-next cycle."""
        if self.cpu is None or not self.calls.count:
            nan = float("nan")
            return (nan, nan, nan)
        n = self.calls.count / 1000
        return (self.cpu.own / n, self.cpu.others / n, self.cpu.postgres / n)

    def observe(self, fed: FeederReport) -> None:
        start, stop = self.window.measure_from, self.window.stop_at
        self.depth_min, self.depth_max = fed.depth_range(start, stop)
        self.lock_waits, self.idle_in_tx, _active = fed.mean_activity(start, stop)
        self.blockers = fed.top_blockers(start, stop)


class ClaimProbe:
    """Counts claim statements per call-next by wrapping `central.tickets.service._claim_best`.

    Read-only instrumentation, installed for the service variant only and removed afterwards:
    every failed attempt is one more round trip inside the call-next transaction.
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._original: Callable[[Session, Any], Any] | None = None

    def install(self) -> None:
        original = tickets._claim_best
        self._original = original

        def counting(session: Session, ranked: Any) -> Any:
            self._local.count = getattr(self._local, "count", 0) + 1
            return original(session, ranked)

        tickets._claim_best = counting

    def remove(self) -> None:
        if self._original is not None:
            tickets._claim_best = self._original

    def reset(self) -> None:
        self._local.count = 0

    def count(self) -> int:
        return int(getattr(self._local, "count", 0))


# --- the variants -----------------------------------------------------------------------------


def _service_worker(
    db: Database,
    world: BenchCentre,
    counter: BenchCounter,
    clock: Clock,
    probe: ClaimProbe,
    samples: Samples,
    w: Window,
) -> None:
    actor = counter.actor(world.centre_id)
    rng = random.Random(counter.counter_id)
    while time.monotonic() < w.stop_at:
        probe.reset()
        t0 = time.monotonic()
        try:
            with db.writing() as session:
                result = tickets.call_next(session, actor, counter.counter_id, clock.now())
                ticket_id = result.ticket.id
        except DomainError as exc:
            samples.error(exc.code, t0, w)
            time.sleep(0.005)
            continue
        except Exception as exc:
            samples.error(type(exc).__name__, t0, w)
            time.sleep(0.005)
            continue
        t1 = time.monotonic()
        claims = probe.count()
        for _attempt in range(3):
            try:
                with db.writing() as session:
                    now = clock.now()
                    tickets.start(session, actor, ticket_id, now)
                    tickets.finish(
                        session,
                        actor,
                        ticket_id,
                        now,
                        outcome="resolved",
                        notes=None,
                        services_performed=[],
                    )
                break
            except Exception as exc:
                samples.error(f"finish:{getattr(exc, 'code', type(exc).__name__)}", t0, w)
        t2 = time.monotonic()
        samples.add(t0, t1 - t0, t2 - t1, claims, w)
        if pause := w.pause(rng):
            time.sleep(pause)


def _raw_worker(
    conninfo: str, world: BenchCentre, counter: BenchCounter, samples: Samples, w: Window
) -> None:
    params = {
        "counter_id": counter.counter_id,
        "centre_id": world.centre_id,
        "service_ids": list(counter.service_ids),
    }
    rng = random.Random(counter.counter_id)
    # Autocommit: each statement is its own transaction, the cheapest a claim can be.
    with psycopg.connect(conninfo, autocommit=True) as conn:
        while time.monotonic() < w.stop_at:
            t0 = time.monotonic()
            try:
                row = conn.execute(RAW_CLAIM, params).fetchone()
            except psycopg.Error as exc:
                samples.error(type(exc).__name__, t0, w)
                continue
            t1 = time.monotonic()
            if row is None:
                samples.error("queue.empty", t0, w)
                time.sleep(0.005)
                continue
            conn.execute(RAW_FINISH, {"id": row[0]})
            t2 = time.monotonic()
            samples.add(t0, t1 - t0, t2 - t1, 0, w)
            if pause := w.pause(rng):
                time.sleep(pause)
        w.metered.wait(60)


async def _http_worker(
    client: httpx.AsyncClient, token: str, counter: BenchCounter, samples: Samples, w: Window
) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    rng = random.Random(counter.counter_id)

    async def post(path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        headers = {**auth, "Idempotency-Key": uuid.uuid4().hex}
        return await client.post(f"/api/v1{path}", json=body or {}, headers=headers)

    while time.monotonic() < w.stop_at:
        t0 = time.monotonic()
        try:
            response = await post(f"/counters/{counter.counter_id}/call-next")
        except httpx.HTTPError as exc:
            samples.error(type(exc).__name__, t0, w)
            await asyncio.sleep(0.005)
            continue
        t1 = time.monotonic()
        if response.status_code != 200:
            code = response.json().get("error", {}).get("code", str(response.status_code))
            samples.error(code, t0, w)
            await asyncio.sleep(0.005)
            continue
        ticket_id = response.json()["ticket"]["id"]
        for path, body in (
            (f"/tickets/{ticket_id}/start", None),
            (f"/tickets/{ticket_id}/finish", {"outcome": "resolved", "services_performed": []}),
        ):
            try:
                answer = await post(path, body)
                if answer.status_code != 200:
                    samples.error(f"{path.rsplit('/', 1)[1]}:{answer.status_code}", t0, w)
            except httpx.HTTPError as exc:
                samples.error(f"{path.rsplit('/', 1)[1]}:{type(exc).__name__}", t0, w)
        t2 = time.monotonic()
        samples.add(t0, t1 - t0, t2 - t1, 0, w)
        if pause := w.pause(rng):
            await asyncio.sleep(pause)


def _run_phase(
    variant: str,
    url: str,
    world: BenchCentre,
    plan: Plan,
    body: Callable[[Samples, Window], None],
    server_pid: int | None = None,
) -> PhaseResult:
    # Let the feeder refill what the previous phase used before the clock starts.
    probe_db = bench_database(url, pool_size=1)
    deadline = time.monotonic() + 60
    while (
        waiting_count(probe_db, world.centre_id) < plan.depth * 0.95 and time.monotonic() < deadline
    ):
        time.sleep(0.1)
    probe_db.dispose()
    start = time.monotonic()
    w = Window(start + plan.warmup, start + plan.warmup + plan.seconds, plan.think)
    samples = Samples()
    meter = CpuMeter(url, [server_pid] if server_pid else [])
    cpu: list[CpuSample] = []

    def measure_cpu() -> None:
        try:
            for moment in (w.measure_from, w.stop_at):
                time.sleep(max(0.0, moment - time.monotonic()))
                cpu.append(meter.sample())
        finally:
            w.metered.set()

    metering = threading.Thread(target=measure_cpu, name="cpu-meter", daemon=True)
    metering.start()
    body(samples, w)
    metering.join(timeout=30)
    meter.close()
    calls = Summary.of(samples.calls)
    return PhaseResult(
        counters=len(world.counters),
        variant=variant,
        window=w,
        calls=calls,
        finishes=Summary.of(samples.finishes),
        throughput=calls.count / w.seconds,
        claims_mean=sum(samples.claims) / len(samples.claims) if samples.claims else 0.0,
        claims_max=max(samples.claims, default=0),
        errors=dict(samples.errors),
        cpu=CpuMeter.between(cpu[0], cpu[1]) if len(cpu) == 2 else None,
    )


def run_service(url: str, world: BenchCentre, plan: Plan) -> PhaseResult:
    n = len(world.counters)
    db = bench_database(url, pool_size=n + 2)
    probe = ClaimProbe()
    probe.install()
    clock = Clock()

    def body(samples: Samples, w: Window) -> None:
        threads = [
            threading.Thread(
                target=_service_worker,
                args=(db, world, c, clock, probe, samples, w),
                name=f"counter-{c.counter_id}",
                daemon=True,
            )
            for c in world.counters
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    try:
        return _run_phase("service", url, world, plan, body)
    finally:
        probe.remove()
        db.dispose()


def run_raw(url: str, world: BenchCentre, plan: Plan) -> PhaseResult:
    conninfo = libpq_url(url)

    def body(samples: Samples, w: Window) -> None:
        threads = [
            threading.Thread(
                target=_raw_worker,
                args=(conninfo, world, c, samples, w),
                name=f"raw-{c.counter_id}",
                daemon=True,
            )
            for c in world.counters
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    return _run_phase("raw SQL", url, world, plan, body)


def run_http(url: str, world: BenchCentre, plan: Plan) -> PhaseResult:
    n = len(world.counters)
    with central_server(url) as server:
        base = server.base
        limits = httpx.Limits(max_connections=n + 10, max_keepalive_connections=n + 10)

        async def tokens() -> list[str]:
            # argon2 verification is deliberately slow: log in a few at a time.
            gate = asyncio.Semaphore(4)
            async with httpx.AsyncClient(base_url=base, timeout=60) as client:

                async def one(c: BenchCounter) -> str:
                    async with gate:
                        return await login(client, c.username)

                return list(await asyncio.gather(*(one(c) for c in world.counters)))

        access = asyncio.run(tokens())

        def body(samples: Samples, w: Window) -> None:
            async def main() -> None:
                async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
                    await asyncio.gather(
                        *(
                            _http_worker(client, token, c, samples, w)
                            for c, token in zip(world.counters, access, strict=True)
                        )
                    )

            asyncio.run(main())

        return _run_phase("http", url, world, plan, body, server_pid=server.pid)


# --- reporting --------------------------------------------------------------------------------


def _errors(result: PhaseResult) -> str:
    if not result.errors:
        return "0"
    return ", ".join(f"{k}×{v}" for k, v in sorted(result.errors.items()))


def _cpu(result: PhaseResult) -> str:
    own, server, postgres = result.cpu_per_call_ms()
    if own != own:  # nan: no calls or no CPU samples
        return "-"
    middle = f"{server:.1f}" if result.variant == "http" else "-"
    return f"{own:.1f} / {middle} / {postgres:.1f}"


def report(results: list[PhaseResult], seconds: float, think: float) -> None:
    print()
    print(f"### Call-next latency and throughput ({seconds:g} s measured per variant)")
    print()
    rows = [
        (
            r.counters,
            r.variant,
            r.calls.count,
            f"{r.throughput:.0f}",
            ms(r.calls.p50),
            ms(r.calls.p95),
            ms(r.calls.p99),
            ms(r.calls.max),
            ms(r.finishes.p95),
            _errors(r),
        )
        for r in results
    ]
    headers = (
        "counters",
        "variant",
        "calls",
        "calls/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "finish p95 ms",
        "errors",
    )
    print(markdown_table(headers, rows))
    print()
    print("### Where the time goes (sampled from pg_stat_activity during the measured window)")
    print()
    where = [
        (
            r.counters,
            r.variant,
            f"{r.claims_mean:.1f} / {r.claims_max}" if r.claims_max else "-",
            f"{r.depth_min}-{r.depth_max}",
            _cpu(r),
            f"{r.lock_waits:.1f}",
            f"{r.idle_in_tx:.1f}",
            "; ".join(f"{what} ({share:.0%})" for what, share in r.blockers[:2]) or "-",
        )
        for r in results
    ]
    where_headers = (
        "counters",
        "variant",
        "claim tries mean/max",
        "queue depth",
        "CPU ms per cycle: bench / server / PostgreSQL",
        "backends waiting on a lock",
        "idle in transaction",
        "what the blockers were doing",
    )
    print(markdown_table(where_headers, where))
    print()
    print(
        "claim tries: SELECT ... FOR UPDATE SKIP LOCKED round trips per call-next (1 is ideal); "
        "CPU: user+system time in the measured window divided by completed cycles (call-next + "
        "start/finish; the bench process is the HTTP client in the http variant); "
        "idle in transaction: backends waiting for their client (Python) inside a transaction."
    )
    print()

    ratios = []
    checks = []
    for n in sorted({r.counters for r in results}):
        raw = next((r for r in results if r.counters == n and r.variant == "raw SQL"), None)
        for full in (r for r in results if r.counters == n and r.variant != "raw SQL"):
            if raw is None or raw.calls.count == 0 or full.calls.count == 0:
                continue
            p50, p95, p99 = (
                full.calls.p50 / raw.calls.p50,
                full.calls.p95 / raw.calls.p95,
                full.calls.p99 / raw.calls.p99,
            )
            slowdown = raw.throughput / full.throughput if full.throughput else float("inf")
            ratios.append(
                (
                    n,
                    f"{full.variant} / raw",
                    f"{p50:.1f}x",
                    f"{p95:.1f}x",
                    f"{p99:.1f}x",
                    f"{full.throughput / raw.throughput:.2f}x",
                )
            )
            checks.append(
                (
                    f"{n} counters, {full.variant}: p95 latency <= {TARGET_RATIO:g}x raw",
                    f"{p95:.1f}x",
                    verdict(p95 <= TARGET_RATIO),
                )
            )
            checks.append(
                (
                    f"{n} counters, {full.variant}: throughput >= raw / {TARGET_RATIO:g}",
                    f"raw is {slowdown:.1f}x faster",
                    verdict(slowdown <= TARGET_RATIO),
                )
            )
    absolute = [
        (
            f"{r.counters} counters, {r.variant}: call-next p95 <= {TARGET_P95_S * 1000:.0f} ms",
            f"{ms(r.calls.p95)} ms",
            verdict(r.calls.count > 0 and r.calls.p95 <= TARGET_P95_S),
        )
        for r in results
        if r.counters == TARGET_COUNTERS and r.variant != "raw SQL"
    ]
    checks = absolute + checks
    if ratios:
        print()
        print("### Full command relative to the raw SQL claim (latency: lower is better)")
        print()
        if think:
            print("(with a think time, throughput is set by the offered load: compare latencies)")
            print()
        print(
            markdown_table(
                ("counters", "ratio", "p50", "p95", "p99", "throughput full/raw"), ratios
            )
        )
    if checks:
        print()
        print("### Targets")
        print()
        print(markdown_table(("target", "measured", "verdict"), checks))
    if not any(r.counters == TARGET_COUNTERS for r in results):
        print()
        print(f"(the p95 target is defined at {TARGET_COUNTERS} counters; not run this time)")


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counters", default=None, help="comma-separated N (default 50,200)")
    parser.add_argument("--seconds", type=float, default=None, help="measured s per variant")
    parser.add_argument("--warmup", type=float, default=None, help="unmeasured s before each")
    parser.add_argument("--depth", type=int, default=None, help="waiting tickets kept in queue")
    parser.add_argument("--http", action="store_true", help="also run through uvicorn + HTTP")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw SQL baseline")
    parser.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="mean pause (exponential) between a finish and the next call; 0: back to back",
    )
    parser.add_argument("--quick", action="store_true", help="a ~30 s smoke run")
    args = parser.parse_args(argv)
    quick = args.quick
    args.counters = [
        int(x) for x in (args.counters or ("10,50" if quick else "50,200")).split(",") if x
    ]
    args.seconds = args.seconds or (4.0 if quick else 20.0)
    args.warmup = args.warmup if args.warmup is not None else (1.0 if quick else 3.0)
    args.depth = args.depth or (1000 if quick else 3000)
    return args


def run_variant(variant: str, url: str, world: BenchCentre, plan: Plan) -> PhaseResult:
    if variant == "service":
        return run_service(url, world, plan)
    if variant == "http":
        return run_http(url, world, plan)
    return run_raw(url, world, plan)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = Plan(args.depth, args.seconds, args.warmup, args.think_ms / 1000)
    print("# call_next_bench")
    print()
    print(f"- machine: {machine_line()}")
    print(
        f"- counters {args.counters}, {args.seconds:g} s measured after {args.warmup:g} s warm-up "
        f"per variant, queue kept at {args.depth} waiting tickets, "
        + (f"mean think time {args.think_ms:g} ms" if args.think_ms else "no think time")
        + (", with HTTP" if args.http else "")
    )
    results: list[PhaseResult] = []
    with postgres_server() as admin_url:
        print(f"- {server_settings(admin_url)}")
        for n in args.counters:
            with fresh_database(admin_url) as url:
                t = time.monotonic()
                setup_db = bench_database(url)
                with setup_db.writing() as session:
                    world = build_centre(session, f"BENCH{n}", n, Clock().now())
                rng = random.Random(n)
                for first in range(0, args.depth, 500):
                    count = min(500, args.depth - first)
                    issue_batch(setup_db, world, count, rng, Clock().now())
                setup_db.dispose()
                print(
                    f"- N={n}: centre with {n} counters and {args.depth} waiting tickets built "
                    f"in {time.monotonic() - t:.1f} s",
                    flush=True,
                )
                feeder = QueueFeeder(url, world, args.depth)
                feeder.start()
                done: list[PhaseResult] = []
                try:
                    for variant in ("service", "http", "raw"):
                        if (variant == "http" and not args.http) or (
                            variant == "raw" and args.no_raw
                        ):
                            continue
                        result = run_variant(variant, url, world, plan)
                        done.append(result)
                        print(
                            f"  - {result.variant}: {result.calls.count} calls, "
                            f"{result.throughput:.0f}/s, p95 {ms(result.calls.p95)} ms",
                            flush=True,
                        )
                finally:
                    fed = feeder.stop()
                if fed.failure:
                    print(f"  - the queue feeder failed at least once: {fed.failure}")
                for result in done:
                    result.observe(fed)
                results.extend(done)
    report(results, args.seconds, args.think_ms)
    print()
    print(f"- finished: {machine_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
