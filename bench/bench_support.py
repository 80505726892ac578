"""What both benchmarks share: paths, a fresh PostgreSQL database, a bench centre, a queue feeder
process that also watches pg_stat_activity, CPU metering, the central service under uvicorn on
loopback, percentiles and markdown tables.

Not a benchmark itself (the scripts import it from this folder). Nothing here asserts a timing.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.dialects.postgresql import insert as pg_insert  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from central import migrate  # noqa: E402
from central.auth.actor import Actor  # noqa: E402
from central.auth.models import User  # noqa: E402
from central.auth.roles import Role  # noqa: E402
from central.auth.service import hash_password  # noqa: E402
from central.db import Database  # noqa: E402
from central.events import service as events  # noqa: E402
from central.events.service import emit  # noqa: E402
from central.reference.models import Centre, Counter, CounterService, Service  # noqa: E402
from central.tickets import counters as counter_commands  # noqa: E402
from central.tickets.localtime import local_day  # noqa: E402
from central.tickets.models import DailySequence, Ticket  # noqa: E402
from central.tickets.payloads import ticket_payload  # noqa: E402
from central.tickets.policy import Priority  # noqa: E402
from central.tickets.transitions import Status  # noqa: E402

BENCH_PASSWORD = "bench-password-not-secret"
BENCH_SECRET = "bench-secret-key-that-is-long-enough-for-hs256"
LOOPBACK = "127.0.0.1"

# prefix, name, priority attendance allowed
SERVICES: tuple[tuple[str, str, bool], ...] = (
    ("A", "Atendimento geral", True),
    ("B", "Urbanismo", True),
    ("C", "Habitação", False),
    ("D", "Ação social", True),
)
# Counter i gets LAYOUTS[i % len(LAYOUTS)]: one to three services each, with weights.
LAYOUTS: tuple[dict[str, float], ...] = (
    {"A": 1.0, "B": 0.5},
    {"A": 1.0, "D": 0.3},
    {"B": 1.0, "C": 1.0},
    {"C": 1.0, "D": 1.0, "A": 0.3},
    {"A": 1.0},
    {"D": 1.0, "B": 0.5},
)
PRIORITY_SHARE = 0.12
PRIORITIES = (Priority.ELDERLY, Priority.PREGNANCY, Priority.INFANT, Priority.DISABILITY)


# --- figures --------------------------------------------------------------------------------


def percentile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks; `ordered` must be sorted."""
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass(frozen=True)
class Summary:
    count: int
    p50: float
    p95: float
    p99: float
    max: float
    mean: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        ordered = sorted(values)
        if not ordered:
            nan = float("nan")
            return cls(0, nan, nan, nan, nan, nan)
        return cls(
            len(ordered),
            percentile(ordered, 50),
            percentile(ordered, 95),
            percentile(ordered, 99),
            ordered[-1],
            sum(ordered) / len(ordered),
        )


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def machine_line() -> str:
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        mem = f", {int(first.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {platform.node()}; {os.cpu_count()} CPUs{mem}; "
        f"Python {platform.python_version()}; load average {load}"
    )


# --- PostgreSQL -------------------------------------------------------------------------------

# The bench's own helpers (feeder, observer, CPU meter) connect under this application_name, so
# that their backends are left out of the CPU measured for the system under test.
HELPER_APP = "balcao-bench-helper"


def tagged(url: str, application_name: str) -> str:
    """The URL with an application_name (PostgreSQL; other URLs are returned unchanged)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        return url
    return parsed.update_query_dict({"application_name": application_name}).render_as_string(
        hide_password=False
    )


def server_settings(url: str) -> str:
    engine = create_engine(url)
    names = ("server_version", "max_connections", "shared_buffers", "fsync", "synchronous_commit")
    with engine.connect() as conn:
        values = [f"{n}={conn.execute(text(f'SHOW {n}')).scalar_one()}" for n in names]
    engine.dispose()
    return "PostgreSQL " + ", ".join(values)


@contextlib.contextmanager
def fresh_database(admin_url: str, prefix: str = "balcao_bench") -> Iterator[str]:
    """A new, migrated database on the server, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        db = Database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bench_database(url: str, pool_size: int = 5) -> Database:
    """A Database whose write sessions store their events at commit, as `build_context` does."""
    db = Database(url, pool_size=pool_size)
    events.attach(db.write_factory, lambda: None)
    return db


# --- a bench centre ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchCounter:
    counter_id: int
    user_id: int
    username: str
    service_ids: tuple[int, ...]

    def actor(self, centre_id: int) -> Actor:
        return Actor(self.user_id, self.username, Role.ATTENDANT, centre_id)


@dataclass
class BenchCentre:
    centre_id: int
    code: str
    timezone: str = "Europe/Lisbon"
    services: dict[str, int] = field(default_factory=dict)  # prefix -> id
    prefixes: dict[int, str] = field(default_factory=dict)  # id -> prefix
    priority_allowed: dict[int, bool] = field(default_factory=dict)  # service id -> allowed
    counters: list[BenchCounter] = field(default_factory=list)
    reception: Actor | None = None
    reception_username: str = ""

    def reception_actor(self) -> Actor:
        assert self.reception is not None
        return self.reception


def build_centre(session: Session, code: str, n_counters: int, now: datetime) -> BenchCentre:
    """A centre with four services and `n_counters` counters, each with its own attendant."""
    centre = Centre(
        code=code,
        name=f"Bench {code}",
        timezone="Europe/Lisbon",
        opening_hours={},
        policy={},
        updated_at=now,
    )
    session.add(centre)
    session.flush()
    world = BenchCentre(centre_id=centre.id, code=code, timezone=centre.timezone)
    for prefix, name, allowed in SERVICES:
        svc = Service(
            centre_id=centre.id,
            code=prefix,
            name=name,
            prefix=prefix,
            target_wait_minutes=20,
            priority_allowed=allowed,
            active=True,
        )
        session.add(svc)
        session.flush()
        world.services[prefix] = svc.id
        world.prefixes[svc.id] = prefix
        world.priority_allowed[svc.id] = allowed
    # One argon2 hash for everybody: hashing 200 passwords would take longer than the bench.
    password_hash = hash_password(BENCH_PASSWORD)
    lower = code.lower()

    def user(username: str, role: Role) -> User:
        row = User(
            username=username,
            full_name=username.title(),
            password_hash=password_hash,
            role=role,
            centre_id=centre.id,
            active=True,
            created_at=now,
        )
        session.add(row)
        return row

    reception = user(f"{lower}_reception", Role.RECEPTION)
    attendants = [user(f"{lower}_att{i:03d}", Role.ATTENDANT) for i in range(1, n_counters + 1)]
    session.flush()
    world.reception = Actor(reception.id, reception.username, Role.RECEPTION, centre.id)
    world.reception_username = reception.username
    for i, attendant in enumerate(attendants):
        layout = LAYOUTS[i % len(LAYOUTS)]
        counter = Counter(
            centre_id=centre.id,
            number=i + 1,
            name=f"Balcão {i + 1}",
            state="closed",
            priority_streak=0,
            state_since=now,
        )
        counter.service_links = [
            CounterService(service_id=world.services[p], weight=w) for p, w in layout.items()
        ]
        session.add(counter)
        session.flush()
        actor = Actor(attendant.id, attendant.username, Role.ATTENDANT, centre.id)
        counter_commands.open_counter(session, actor, counter.id, now)
        world.counters.append(
            BenchCounter(
                counter.id,
                attendant.id,
                attendant.username,
                tuple(world.services[p] for p in layout),
            )
        )
    return world


def random_priority(rng: random.Random, allowed: bool) -> str:
    if allowed and rng.random() < PRIORITY_SHARE:
        return str(rng.choice(PRIORITIES).value)
    return str(Priority.NONE.value)


def issue_batch(
    db: Database, world: BenchCentre, count: int, rng: random.Random, now: datetime
) -> None:
    """`count` waiting tickets, spread over the services, in one write transaction.

    Same rows, numbering and `ticket.issued` events as `central.tickets.service.issue`, but in
    bulk (one sequence bump per service, one multi-row INSERT): the issuer must outrun 200
    counters calling as fast as they can, which one-ticket-per-round-trip issuing cannot.
    PostgreSQL only.
    """
    picks = []
    for _ in range(count):
        service_id = rng.choice(list(world.services.values()))
        picks.append((service_id, random_priority(rng, world.priority_allowed[service_id])))
    wanted = collections.Counter(service_id for service_id, _ in picks)
    day = local_day(world.timezone, now)
    with db.writing() as session:
        next_seq: dict[int, int] = {}
        for service_id, k in wanted.items():
            bump = (
                pg_insert(DailySequence)
                .values(service_id=service_id, service_day=day, last_seq=k)
                .on_conflict_do_update(
                    index_elements=[DailySequence.service_id, DailySequence.service_day],
                    set_={"last_seq": DailySequence.last_seq + k},
                )
                .returning(DailySequence.last_seq)
            )
            next_seq[service_id] = int(session.execute(bump).scalar_one()) - k + 1
        rows = []
        for service_id, priority in picks:
            seq = next_seq[service_id]
            next_seq[service_id] += 1
            rows.append(
                Ticket(
                    centre_id=world.centre_id,
                    service_id=service_id,
                    issued_service_id=service_id,
                    service_day=day,
                    seq=seq,
                    number=f"{world.prefixes[service_id]}{seq:03d}",
                    status=Status.WAITING,
                    priority=priority,
                    appointment_at=None,
                    issued_at=now,
                    queued_at=now,
                    front=False,
                    call_count=0,
                    transfer_count=0,
                    version=1,
                )
            )
        session.add_all(rows)
        session.flush()
        for ticket in rows:
            emit(session, world.centre_id, "ticket.issued", {"ticket": ticket_payload(ticket)}, now)


def waiting_count(db: Database, centre_id: int) -> int:
    with db.reading() as session:
        return int(
            session.execute(
                select(func.count())
                .select_from(Ticket)
                .where(Ticket.centre_id == centre_id, Ticket.status == Status.WAITING)
            ).scalar_one()
        )


OBSERVE_ACTIVITY = text(
    """
    SELECT count(*) FILTER (WHERE wait_event_type = 'Lock') AS lock_waits,
           count(*) FILTER (WHERE state = 'idle in transaction') AS idle_in_tx,
           count(*) FILTER (WHERE state = 'active') AS active
      FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
    """
)
# What the backends that block others are doing: their state and the start of their last query.
OBSERVE_BLOCKERS = text(
    """
    SELECT b.state, left(regexp_replace(b.query, '\\s+', ' ', 'g'), 48) AS query, count(*) AS n
      FROM pg_stat_activity w
      CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid)
      JOIN pg_stat_activity b ON b.pid = bp.pid
     WHERE w.datname = current_database() AND w.wait_event_type = 'Lock'
     GROUP BY 1, 2
    """
)


@dataclass(frozen=True)
class ActivitySample:
    at: float  # time.monotonic()
    lock_waits: int
    idle_in_tx: int
    active: int


@dataclass(frozen=True)
class FeederReport:
    depths: list[tuple[float, int]]  # (time.monotonic(), waiting tickets)
    activity: list[ActivitySample]
    blockers: list[tuple[float, str, int]]  # (time.monotonic(), "state: query", waiters)
    issued: int
    failure: str | None

    def depth_range(self, start: float, stop: float) -> tuple[int, int]:
        inside = [d for t, d in self.depths if start <= t < stop]
        return (min(inside), max(inside)) if inside else (-1, -1)

    def mean_activity(self, start: float, stop: float) -> tuple[float, float, float]:
        inside = [a for a in self.activity if start <= a.at < stop]
        if not inside:
            nan = float("nan")
            return (nan, nan, nan)
        n = len(inside)
        return (
            sum(a.lock_waits for a in inside) / n,
            sum(a.idle_in_tx for a in inside) / n,
            sum(a.active for a in inside) / n,
        )

    def top_blockers(self, start: float, stop: float, k: int = 3) -> list[tuple[str, float]]:
        """The blockers' "state: query" with their share of all blocked backend samples."""
        tally: collections.Counter[str] = collections.Counter()
        for t, what, n in self.blockers:
            if start <= t < stop:
                tally[what] += n
        total = sum(tally.values())
        return [(what, n / total) for what, n in tally.most_common(k)] if total else []


def _observe(url: str, stop: Any, activity: list[Any], blockers: list[Any]) -> None:
    """Sample pg_stat_activity every 0.1 s and the blockers every second, until `stop`."""
    observer = create_engine(
        tagged(url, HELPER_APP), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    next_blockers = 0.0
    with observer.connect() as watch:
        while not stop.is_set():
            now = time.monotonic()
            with contextlib.suppress(Exception):
                row = watch.execute(OBSERVE_ACTIVITY).one()
                activity.append(ActivitySample(now, row.lock_waits, row.idle_in_tx, row.active))
                if now >= next_blockers:
                    next_blockers = now + 1.0
                    for row in watch.execute(OBSERVE_BLOCKERS):
                        blockers.append((now, f"{row.state}: {row.query}", int(row.n)))
            stop.wait(0.1)
    observer.dispose()


def _feeder_main(url: str, world: BenchCentre, depth: int, ready: Any, stop: Any, out: Any) -> None:
    db = bench_database(tagged(url, HELPER_APP), pool_size=2)
    rng = random.Random(world.centre_id)
    depths: list[tuple[float, int]] = []
    activity: list[ActivitySample] = []
    blockers: list[tuple[float, str, int]] = []
    observer = threading.Thread(target=_observe, args=(url, stop, activity, blockers))
    observer.start()
    # Refill only below the low-water mark, so the feeder's own commits stay few and large.
    low_water = depth - max(20, depth // 20)
    issued, failure = 0, None
    ready.set()
    while not stop.is_set():
        try:
            waiting = waiting_count(db, world.centre_id)
            depths.append((time.monotonic(), waiting))
            if waiting < low_water:
                count = min(1000, depth - waiting)
                issue_batch(db, world, count, rng, datetime.now(UTC))
                issued += count
            else:
                stop.wait(0.05)
        except Exception as exc:  # report it, keep feeding
            failure = f"{type(exc).__name__}: {exc}"[:200]
            stop.wait(0.1)
    observer.join(timeout=10)
    db.dispose()
    out.put(FeederReport(depths, activity, blockers, issued, failure))


class QueueFeeder:
    """Keeps `depth` tickets waiting at the centre, from a child process with its own GIL, and
    samples what the database's backends are doing (lock waits, who blocks them)."""

    def __init__(self, url: str, world: BenchCentre, depth: int) -> None:
        mp = multiprocessing.get_context("spawn")
        self._ready = mp.Event()
        self._stop = mp.Event()
        self._out: Any = mp.Queue()
        self._proc = mp.Process(
            target=_feeder_main,
            args=(url, world, depth, self._ready, self._stop, self._out),
            name="queue-feeder",
            daemon=True,
        )

    def start(self) -> None:
        self._proc.start()
        if not self._ready.wait(120):
            self._proc.kill()
            raise RuntimeError("the queue feeder process did not start within 120 s")

    def stop(self) -> FeederReport:
        self._stop.set()
        try:
            report: FeederReport = self._out.get(timeout=60)
        finally:
            self._proc.join(timeout=10)
            if self._proc.is_alive():
                self._proc.kill()
        return report


# --- the central service under uvicorn --------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class RunningServer:
    base: str  # http://127.0.0.1:port
    pid: int


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class CpuSample:
    own: float  # this process, all threads
    others: float  # the extra processes given to the meter (e.g. a server)
    backends: dict[int, float]  # PostgreSQL backend pid -> CPU seconds


@dataclass(frozen=True)
class CpuUse:
    own: float
    others: float
    postgres: float


class CpuMeter:
    """CPU seconds spent by this process, some other processes, and the PostgreSQL backends
    connected to one database (read from /proc: Linux, same host)."""

    def __init__(self, url: str, others: Sequence[int] = ()) -> None:
        self._engine = create_engine(tagged(url, HELPER_APP), poolclass=NullPool)
        self._others = tuple(others)

    def sample(self) -> CpuSample:
        with self._engine.connect() as conn:
            pids = conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND application_name <> :helper"
                ),
                {"helper": HELPER_APP},
            ).scalars()
            backends = {}
            for pid in pids:
                with contextlib.suppress(OSError, ValueError):
                    backends[int(pid)] = cpu_seconds(int(pid))
        others = 0.0
        for pid in self._others:
            with contextlib.suppress(OSError, ValueError):
                others += cpu_seconds(pid)
        return CpuSample(time.process_time(), others, backends)

    @staticmethod
    def between(before: CpuSample, after: CpuSample) -> CpuUse:
        postgres = sum(t - before.backends.get(pid, 0.0) for pid, t in after.backends.items())
        return CpuUse(after.own - before.own, after.others - before.others, postgres)

    def close(self) -> None:
        self._engine.dispose()


@contextlib.contextmanager
def central_server(database_url: str) -> Iterator[RunningServer]:
    """Run `central.main:create_app` under uvicorn in a child process (one worker).

    Its output goes to a temporary file, removed afterwards; the end of it is shown if the server
    does not come up, and printed if the server wrote errors while the bench ran.
    """
    port = free_port()
    env = {
        **os.environ,
        "BALCAO_DATABASE_URL": database_url,
        "BALCAO_SECRET_KEY": BENCH_SECRET,
        "BALCAO_AUTO_MIGRATE": "0",
        "PYTHONPATH": str(REPO_ROOT),
    }
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "central.main:create_app",
        "--factory",
        "--host",
        LOOPBACK,
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--app-dir",
        str(REPO_ROOT),
    ]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=env, cwd=REPO_ROOT, stdout=log, stderr=log)

        def tail() -> str:
            log.seek(0)
            return log.read().decode(errors="replace")[-2000:]

        base = f"http://{LOOPBACK}:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"central server exited ({proc.returncode}):\n{tail()}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"central server did not answer in 30 s:\n{tail()}")
                time.sleep(0.2)
            yield RunningServer(base, proc.pid)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
            if "Traceback" in (output := tail()):
                print(f"- the central server logged errors:\n{output}", file=sys.stderr)


async def login(client: httpx.AsyncClient, username: str) -> str:
    response = await client.post(
        "/api/v1/auth/login", json={"username": username, "password": BENCH_PASSWORD}
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


# --- citizens for the case benches -----------------------------------------------------------

FIRST_NAMES = (
    "Maria", "Ana", "João", "José", "António", "Francisco", "Manuel", "Rita", "Inês", "Beatriz",
    "Carla", "Paulo", "Pedro", "Rui", "Sofia", "Teresa", "Luís", "Catarina", "Miguel", "Helena",
    "Joaquim", "Fernanda", "Diogo", "Mariana", "Tiago", "Leonor", "Gonçalo", "Matilde", "Vasco",
    "Graça", "Conceição", "Sérgio", "Filipa", "Nuno", "Raquel", "Bruno", "Joana", "Ricardo",
)  # fmt: skip
SURNAMES = (
    "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
    "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida",
    "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Soares",
    "Vieira", "Monteiro", "Cardoso", "Rocha", "Raposo", "Neves", "Coelho", "Cruz", "Cunha",
    "Pires", "Ramos", "Reis", "Simões", "Antunes", "Matos", "Fonseca", "Machado", "Araújo",
    "Barbosa", "Tavares", "Lourenço", "Castro", "Figueiredo", "Azevedo", "Freitas", "Baptista",
)  # fmt: skip


def random_nif(rng: random.Random) -> str:
    """A valid Portuguese NIF of a person (starts with 1 or 2; the check digit of rules.nif)."""
    from rules.nif import check_digit

    first_eight = str(rng.choice((1, 2))) + "".join(str(rng.randrange(10)) for _ in range(7))
    return first_eight + str(check_digit(first_eight))


def random_name(rng: random.Random) -> str:
    """Two or three given names and two or three surnames, as Portuguese names go."""
    given = rng.sample(FIRST_NAMES, rng.choice((1, 2, 2)))
    family = rng.sample(SURNAMES, rng.choice((2, 2, 3)))
    return " ".join((*given, *family))
