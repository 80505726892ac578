"""Live-event fan-out: how long a committed change takes to reach 500 open SSE streams.

The real app runs under uvicorn on loopback (child process) on PostgreSQL (default; a throwaway
cluster from tests/pg.py or BALCAO_TEST_PG_URL) or SQLite. A separate client process (asyncio +
httpx, one event loop, so its work does not share the server's GIL) opens the subscribers on
`GET /api/v1/centres/{id}/events` with `Last-Event-ID`, as the desktop does. Once every stream
is connected, this process issues tickets through `POST /api/v1/centres/{id}/tickets` at a
steady pace; each makes one `ticket.issued` event. Per subscriber and event:

- latency from `at`: receive time minus the event's `at` (the command's clock reading, taken
  inside the transaction before commit): an upper bound of commit-to-screen;
- latency from the POST: receive time minus the moment the issuing POST returned (after commit
  and after the response was written): close to a lower bound.

Both clocks are this host's wall clock. Prints figures and PASS/MISS; never asserts.

    .venv/bin/python bench/sse_fanout_bench.py                        # 500 subscribers, 50 events
    .venv/bin/python bench/sse_fanout_bench.py --db sqlite
    .venv/bin/python bench/sse_fanout_bench.py --subscribers 1000 --events 50 --client-procs 2
    .venv/bin/python bench/sse_fanout_bench.py --quick                # ~20 s smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
from bench_support import (  # noqa: E402
    BENCH_PASSWORD,
    BenchCentre,
    RunningServer,
    Summary,
    bench_database,
    build_centre,
    central_server,
    cpu_seconds,
    fresh_database,
    machine_line,
    markdown_table,
    ms,
    server_settings,
    verdict,
)

from central import migrate  # noqa: E402
from central.clock import Clock  # noqa: E402
from tests.pg import postgres_server  # noqa: E402

TARGET_P99_S = 0.250
TARGET_SUBSCRIBERS = 500
CONNECT_GATE = 50  # streams opening at once, per client process


# --- the subscriber process -------------------------------------------------------------------


@dataclass(frozen=True)
class ClientConfig:
    base: str
    centre_id: int
    token: str
    last_event_id: int
    subscribers: int
    events: int
    ready_path: str
    out_path: str
    deadline_seconds: float


async def _subscribe(
    client: httpx.AsyncClient,
    config: ClientConfig,
    gate: asyncio.Semaphore,
    connected: asyncio.Event,
    counter: list[int],
    received: list[list[Any]],
) -> str | None:
    """One stream: record (ticket id, seq, at, receive time) per `ticket.issued` event."""
    headers = {
        "Authorization": f"Bearer {config.token}",
        "Accept": "text/event-stream",
        "Last-Event-ID": str(config.last_event_id),
    }
    url = f"/api/v1/centres/{config.centre_id}/events"
    released = False
    await gate.acquire()
    try:
        async with client.stream("GET", url, headers=headers) as response:
            if response.status_code != 200:
                gate.release()
                return f"HTTP {response.status_code}"
            kind = ""
            async for line in response.aiter_lines():
                if not released:
                    # The first bytes (retry + ": connected") mean the server has subscribed us.
                    released = True
                    gate.release()
                    counter[0] += 1
                    if counter[0] == config.subscribers:
                        connected.set()
                if line.startswith("event:"):
                    kind = line[6:].strip()
                elif line.startswith("data:") and kind == "ticket.issued":
                    now = time.time()
                    data = json.loads(line[5:])
                    at = datetime.fromisoformat(data["at"]).timestamp()
                    received.append([data["ticket"]["id"], data["seq"], at, now])
                    if len(received) >= config.events:
                        return None
        return "stream ended early"
    except httpx.HTTPError as exc:
        if not released:
            gate.release()
        return type(exc).__name__


async def _client_main(config: ClientConfig) -> dict[str, Any]:
    limits = httpx.Limits(
        max_connections=config.subscribers + 10, max_keepalive_connections=config.subscribers + 10
    )
    timeout = httpx.Timeout(30.0, read=config.deadline_seconds)
    gate = asyncio.Semaphore(CONNECT_GATE)
    connected = asyncio.Event()
    counter = [0]
    received: list[list[list[Any]]] = [[] for _ in range(config.subscribers)]
    async with httpx.AsyncClient(base_url=config.base, limits=limits, timeout=timeout) as client:
        tasks = [
            asyncio.create_task(_subscribe(client, config, gate, connected, counter, received[i]))
            for i in range(config.subscribers)
        ]
        t0 = time.monotonic()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(connected.wait(), 120)
        Path(config.ready_path).write_text(
            json.dumps({"connected": counter[0], "seconds": time.monotonic() - t0})
        )
        cpu_at_ready = time.process_time()
        done, pending = await asyncio.wait(tasks, timeout=config.deadline_seconds)
        for task in pending:
            task.cancel()
        errors: dict[str, int] = {}
        for task in tasks:
            outcome = task.result() if task in done else "deadline"
            if outcome is not None:
                errors[outcome] = errors.get(outcome, 0) + 1
    return {
        "received": received,
        "errors": errors,
        "connected": counter[0],
        "cpu_after_connect": time.process_time() - cpu_at_ready,
    }


def run_client(config_path: str) -> int:
    config = ClientConfig(**json.loads(Path(config_path).read_text()))
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    result = asyncio.run(_client_main(config))
    Path(config.out_path).write_text(json.dumps(result))
    return 0


# --- the orchestrating process ----------------------------------------------------------------


@contextlib.contextmanager
def database(kind: str, folder: Path) -> Iterator[tuple[str, str]]:
    """Yields (SQLAlchemy URL, description) of a fresh, migrated database."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'central.sqlite3'}"
        db = bench_database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url, "SQLite (WAL, synchronous=FULL)"
        return
    with postgres_server() as admin_url, fresh_database(admin_url) as url:
        yield url, server_settings(admin_url)


def _wait_for(paths: list[Path], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(p.exists() for p in paths):
            return True
        time.sleep(0.05)
    return False


@dataclass(frozen=True)
class Issued:
    ticket_id: int
    sent: float  # time.time() before the POST
    returned: float  # time.time() when its answer arrived


def issue_events(
    base: str, token: str, world: BenchCentre, count: int, interval: float
) -> list[Issued]:
    """POST one ticket every `interval` seconds (on a fixed schedule); return what was issued."""
    issued: list[Issued] = []
    service_id = next(iter(world.services.values()))
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=30) as client:
        start = time.monotonic()
        for i in range(count):
            delay = start + i * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            sent = time.time()
            response = client.post(
                f"/api/v1/centres/{world.centre_id}/tickets",
                json={"service_id": service_id, "priority": "none"},
                headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
            )
            returned = time.time()
            response.raise_for_status()
            issued.append(Issued(int(response.json()["id"]), sent, returned))
    return issued


def _login(base: str, username: str) -> str:
    response = httpx.post(
        f"{base}/api/v1/auth/login",
        json={"username": username, "password": BENCH_PASSWORD},
        timeout=60,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def run(args: argparse.Namespace) -> int:
    print("# sse_fanout_bench")
    print()
    print(f"- machine: {machine_line()}")
    print(
        f"- {args.subscribers} subscribers in {args.client_procs} client process(es), "
        f"{args.events} events {args.interval_ms:g} ms apart, database {args.db}"
    )
    folder = Path(tempfile.mkdtemp(prefix="balcao-sse-bench-"))
    try:
        with database(args.db, folder) as (url, description):
            print(f"- {description}")
            setup = bench_database(url)
            with setup.writing() as session:
                world = build_centre(session, "SSE", 1, Clock().now())
            setup.dispose()
            with central_server(url) as server:
                return _measure(args, server, world, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(
    args: argparse.Namespace, server: RunningServer, world: BenchCentre, folder: Path
) -> int:
    base = server.base
    reception = _login(base, world.reception_username)
    watcher = _login(base, world.counters[0].username)
    snapshot = httpx.get(
        f"{base}/api/v1/centres/{world.centre_id}/queue",
        headers={"Authorization": f"Bearer {watcher}"},
        timeout=30,
    ).json()
    per_proc = [
        args.subscribers // args.client_procs
        + (1 if i < args.subscribers % args.client_procs else 0)
        for i in range(args.client_procs)
    ]
    deadline = args.events * args.interval_ms / 1000 + 60
    procs: list[subprocess.Popen[bytes]] = []
    configs: list[ClientConfig] = []
    for i, count in enumerate(per_proc):
        config = ClientConfig(
            base=base,
            centre_id=world.centre_id,
            token=watcher,
            last_event_id=int(snapshot["last_event_id"]),
            subscribers=count,
            events=args.events,
            ready_path=str(folder / f"ready-{i}.json"),
            out_path=str(folder / f"out-{i}.json"),
            deadline_seconds=deadline,
        )
        path = folder / f"client-{i}.json"
        path.write_text(json.dumps(config.__dict__))
        configs.append(config)
        procs.append(
            subprocess.Popen(
                [sys.executable, __file__, "--client-config", str(path)], cwd=REPO_ROOT
            )
        )
    try:
        t = time.monotonic()
        if not _wait_for([Path(c.ready_path) for c in configs], 180):
            print("- MISS: the subscribers did not connect within 180 s")
            return 1
        connected = sum(json.loads(Path(c.ready_path).read_text())["connected"] for c in configs)
        print(f"- {connected} of {args.subscribers} streams open in {time.monotonic() - t:.1f} s")
        time.sleep(1.0)  # let the connection burst settle before the clock starts
        server_cpu, started = cpu_seconds(server.pid), time.monotonic()
        issued = issue_events(base, reception, world, args.events, args.interval_ms / 1000)
        for proc in procs:
            try:
                proc.wait(timeout=deadline + 30)
            except subprocess.TimeoutExpired:
                proc.kill()
        server_cpu = cpu_seconds(server.pid) - server_cpu
        wall = time.monotonic() - started
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    results = [
        json.loads(Path(c.out_path).read_text()) for c in configs if Path(c.out_path).exists()
    ]
    report(args, issued, results)
    client_cpu = sum(float(r["cpu_after_connect"]) for r in results)
    print(
        f"- CPU while events flowed ({wall:.1f} s): server {server_cpu:.1f} s "
        f"({server_cpu / wall:.0%} of one core, {server_cpu / args.events * 1000:.0f} ms per "
        f"event), subscriber process(es) {client_cpu:.1f} s ({client_cpu / wall:.0%}, "
        f"{client_cpu / args.events * 1000:.0f} ms per event)"
    )
    print()
    print(f"- finished: {machine_line()}")
    return 0


def report(args: argparse.Namespace, issued: list[Issued], results: list[dict[str, Any]]) -> None:
    by_ticket = {i.ticket_id: i for i in issued}
    from_at: list[float] = []
    from_post: list[float] = []
    per_event: dict[int, list[float]] = {}
    at_of: dict[int, float] = {}
    errors: dict[str, int] = {}
    delivered = 0
    for result in results:
        for kind, n in result["errors"].items():
            errors[kind] = errors.get(kind, 0) + n
        for stream in result["received"]:
            for ticket_id, _seq, at, received in stream:
                if ticket_id not in by_ticket:
                    continue
                delivered += 1
                from_at.append(received - at)
                from_post.append(received - by_ticket[ticket_id].returned)
                per_event.setdefault(ticket_id, []).append(received)
                at_of[ticket_id] = at
    first = [min(times) - at_of[ticket_id] for ticket_id, times in per_event.items()]
    spread = [max(times) - min(times) for times in per_event.values()]
    expected = args.subscribers * args.events

    def row(label: str, values: list[float]) -> tuple[str, int, str, str, str, str]:
        x = Summary.of(values)
        return (label, x.count, ms(x.p50), ms(x.p95), ms(x.p99), ms(x.max))

    a = Summary.of(from_at)
    print()
    print(f"### SSE delivery latency, {args.subscribers} subscribers x {args.events} events")
    print()
    rows = [
        row("receive - event `at` (upper bound)", from_at),
        row("receive - POST returned", from_post),
        row("first subscriber, per event (from `at`)", first),
        row("first to last subscriber, per event", spread),
        row("issuing POST round trip", [i.returned - i.sent for i in issued]),
    ]
    print(markdown_table(("measure", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms"), rows))
    print()
    print(f"- delivered {delivered} of {expected} ({delivered / expected:.2%})")
    if errors:
        print(f"- streams that did not get every event: {errors}")
    print()
    print("### Targets")
    print()
    checks = [
        (
            f"p99 delivery (from `at`) <= {TARGET_P99_S * 1000:.0f} ms "
            f"at {args.subscribers} subscribers",
            f"{ms(a.p99)} ms",
            verdict(a.p99 <= TARGET_P99_S),
        ),
        (
            f"every event reaches every subscriber ({expected})",
            str(delivered),
            verdict(delivered == expected),
        ),
    ]
    print(markdown_table(("target", "measured", "verdict"), checks))
    if args.subscribers < TARGET_SUBSCRIBERS:
        print()
        print(f"(the latency target is defined at {TARGET_SUBSCRIBERS} subscribers)")
    print()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=None, help="default 500")
    parser.add_argument("--events", type=int, default=None, help="default 50")
    parser.add_argument("--interval-ms", type=float, default=200.0, help="between events")
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--client-procs", type=int, default=1, help="subscriber processes")
    parser.add_argument("--quick", action="store_true", help="a ~20 s smoke run")
    parser.add_argument("--client-config", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.subscribers = args.subscribers or (100 if args.quick else 500)
    args.events = args.events or (20 if args.quick else 50)
    args.client_procs = max(1, min(args.client_procs, args.subscribers))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.client_config:
        return run_client(args.client_config)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
