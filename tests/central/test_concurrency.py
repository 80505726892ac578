"""Fifty counters calling next while reception issues tickets, on SQLite and on PostgreSQL.

Real threads, real sessions, real transactions: once at the service layer and once through HTTP
on a real uvicorn. Afterwards every ticket must have been called exactly once and finished, the
numbers must run A001..A300 without a gap, and the change sequence must have no hole.

Callers only call when reception has issued a ticket nobody has taken yet (a semaphore holds one
permit per such ticket), as attendants do when the display shows someone waiting; a `queue.empty`
answer (possible while other counters hold the rows locked) gives the permit back and retries
after a short bounded backoff. Every wait has a deadline.
"""

from __future__ import annotations

import threading
import time
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from central.auth.actor import Actor
from central.auth.models import User
from central.auth.roles import Role
from central.auth.service import hash_password
from central.clock import FrozenClock
from central.context import AppContext
from central.errors import Conflict
from central.events import service as events
from central.events.models import Event
from central.main import build_context
from central.reference.models import Counter, CounterService
from central.tickets import counters
from central.tickets import service as tickets
from central.tickets.models import Ticket
from tests.central.conftest import T0, make_settings
from tests.central.factories import PASSWORD, World, build_world
from tests.central.live_server import LiveServer, LiveStaff

# Cheap argon2 parameters: fifty attendants log in, and passwords are tested elsewhere.
pytestmark = pytest.mark.usefixtures("fast_passwords")

N_COUNTERS = 50
N_TICKETS = 300
N_ISSUERS = 3
RUN_TIMEOUT = 150.0  # seconds for a whole run; pytest-timeout stops everything at 300


# --- the floor: fifty open counters, all serving A ----------------------------------------------


@dataclass(frozen=True)
class Desk:
    counter_id: int
    actor: Actor


def open_floor(ctx: AppContext, world: World, n: int = N_COUNTERS) -> list[Desk]:
    now = ctx.clock.now()
    password_hash = hash_password(PASSWORD)
    desks: list[Desk] = []
    with ctx.db.writing() as session:
        for i in range(n):
            user = User(
                username=f"desk{i:02d}",
                full_name=f"Desk {i:02d}",
                password_hash=password_hash,
                role=Role.ATTENDANT,
                centre_id=world.centre_id,
                active=True,
                created_at=now,
            )
            counter = Counter(
                centre_id=world.centre_id,
                number=100 + i,
                name=f"Balcão {100 + i}",
                state="closed",
                priority_streak=0,
                state_since=now,
            )
            counter.service_links = [CounterService(service_id=world.services["A"], weight=1.0)]
            session.add_all([user, counter])
            session.flush()
            actor = Actor(user.id, user.username, Role.ATTENDANT, world.centre_id)
            counters.open_counter(session, actor, counter.id, now)
            desks.append(Desk(counter.id, actor))
    return desks


def reception_actor(world: World) -> Actor:
    return Actor(world.users["reception"], "reception", Role.RECEPTION, world.centre_id)


# --- coordination between the threads -----------------------------------------------------------


@dataclass
class Floor:
    """Shared state of one run; every method is thread-safe and every wait is bounded."""

    total: int
    # Callers start once this many tickets wait, then all rush the same oldest tickets while
    # reception keeps issuing the rest: the most contention call-next can meet.
    head_start: int = 0
    timeout: float = RUN_TIMEOUT
    deadline: float = 0.0
    waiting: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    finished_all: threading.Event = field(default_factory=threading.Event)
    doors_open: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    issued: list[int] = field(default_factory=list)
    called: list[int] = field(default_factory=list)
    finished: list[int] = field(default_factory=list)
    empty_answers: int = 0
    in_call_next: int = 0
    most_at_once: int = 0  # the most call-next requests in flight together
    failures: list[BaseException] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.timeout

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TimeoutError(f"run not finished within {self.timeout} s")

    def was_issued(self, ticket_id: int) -> None:
        with self.lock:
            self.issued.append(ticket_id)
            if len(self.issued) >= self.head_start:
                self.doors_open.set()
        self.waiting.release()

    def my_turn(self) -> bool:
        """Block until a ticket waits for nobody yet (True) or the run is over (False)."""
        while not self.finished_all.is_set():
            self.check_time()
            if self.doors_open.wait(0.05) and self.waiting.acquire(timeout=0.05):
                return True
        return False

    @contextmanager
    def calling(self) -> Iterator[None]:
        with self.lock:
            self.in_call_next += 1
            self.most_at_once = max(self.most_at_once, self.in_call_next)
        try:
            yield
        finally:
            with self.lock:
                self.in_call_next -= 1

    def nobody_for_me(self, attempt: int) -> None:
        """`queue.empty` although a ticket was waiting: others hold it; retry after a pause."""
        with self.lock:
            self.empty_answers += 1
        self.waiting.release()
        self.finished_all.wait(min(0.2, 0.005 * 2**attempt))

    def was_called(self, ticket_id: int) -> None:
        with self.lock:
            self.called.append(ticket_id)

    def was_finished(self, ticket_id: int) -> None:
        with self.lock:
            self.finished.append(ticket_id)
            if len(self.finished) == self.total:
                self.finished_all.set()

    def run(self, workers: list[Callable[[], None]]) -> float:
        """Run every worker in its own thread; the first failure stops the others."""

        def guarded(work: Callable[[], None]) -> None:
            try:
                work()
            except BaseException as exc:  # reported by the test thread
                with self.lock:
                    self.failures.append(exc)
                self.finished_all.set()

        threads = [threading.Thread(target=guarded, args=(w,)) for w in workers]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(0.1, self.deadline - time.monotonic() + 5))
        elapsed = time.monotonic() - started
        assert not any(t.is_alive() for t in threads), "threads still running after the deadline"
        if self.failures:
            first = self.failures[0]
            raise AssertionError(
                f"{len(self.failures)} worker(s) failed, first: {type(first).__name__}: {first}"
            ) from first
        return elapsed


# --- what must hold afterwards ------------------------------------------------------------------


def assert_every_ticket_called_once_and_done(
    ctx: AppContext, world: World, floor: Floor, desks: list[Desk]
) -> None:
    total = floor.total
    assert len(floor.issued) == total
    assert sorted(floor.called) == sorted(floor.issued)  # no ticket handed out twice
    assert sorted(floor.finished) == sorted(floor.issued)
    with ctx.db.reading() as session:
        rows = list(
            session.execute(select(Ticket).where(Ticket.centre_id == world.centre_id)).scalars()
        )
        assert {t.id for t in rows} == set(floor.issued)
        assert {t.status for t in rows} == {"done"}
        assert sorted(t.number for t in rows) == [f"A{n:03d}" for n in range(1, total + 1)]
        assert {t.call_count for t in rows} == {1}
        desk_counters = {d.counter_id for d in desks}
        assert {t.counter_id for t in rows} <= desk_counters
        busy = session.execute(
            select(func.count()).where(
                Counter.centre_id == world.centre_id, Counter.current_ticket_id.is_not(None)
            )
        ).scalar_one()
        assert busy == 0
        log = list(session.execute(select(Event).order_by(Event.seq)).scalars())
        last = events.last_seq(session)
    called = Tally(e.payload["ticket"]["id"] for e in log if e.kind == "ticket.called")
    finished = Tally(e.payload["ticket"]["id"] for e in log if e.kind == "ticket.finished")
    assert called == dict.fromkeys(floor.issued, 1)
    assert finished == dict.fromkeys(floor.issued, 1)
    # Issue, call, start and finish per ticket, one opening per counter: all of them, no hole.
    assert [e.seq for e in log] == list(range(1, last + 1))
    assert last == 4 * total + len(desks)


def report(label: str, floor: Floor, elapsed: float) -> None:
    print(  # shown with -s or -rA; figures, never timed assertions
        f"\n{label}: {floor.total} tickets, {N_COUNTERS} counters, {elapsed:.1f} s, "
        f"{floor.empty_answers} queue.empty answers, up to {floor.most_at_once} calls at once"
    )
    # Not a timing assertion: without overlapping calls the run would have proved nothing.
    assert floor.most_at_once >= 2


# --- at the service layer -----------------------------------------------------------------------


def test_fifty_counters_call_next_while_tickets_are_issued(ctx: AppContext, world: World) -> None:
    desks = open_floor(ctx, world)
    floor = Floor(N_TICKETS, head_start=N_TICKETS // 3)
    reception = reception_actor(world)

    def issuer(count: int) -> Callable[[], None]:
        def work() -> None:
            for _ in range(count):
                floor.check_time()
                with ctx.db.writing() as session:
                    ticket = tickets.issue(
                        session,
                        reception,
                        world.centre_id,
                        world.services["A"],
                        "none",
                        ctx.clock.now(),
                    )
                floor.was_issued(ticket.id)

        return work

    def caller(desk: Desk) -> Callable[[], None]:
        def work() -> None:
            attempt = 0
            while floor.my_turn():
                try:
                    with floor.calling(), ctx.db.writing() as session:
                        call = tickets.call_next(
                            session, desk.actor, desk.counter_id, ctx.clock.now()
                        )
                        ticket_id = call.ticket.id
                except Conflict as exc:
                    if exc.code != "queue.empty":
                        raise
                    floor.nobody_for_me(attempt)
                    attempt += 1
                    continue
                attempt = 0
                floor.was_called(ticket_id)
                with ctx.db.writing() as session:
                    tickets.start(session, desk.actor, ticket_id, ctx.clock.now())
                with ctx.db.writing() as session:
                    tickets.finish(
                        session,
                        desk.actor,
                        ticket_id,
                        ctx.clock.now(),
                        outcome="resolved",
                        notes=None,
                        services_performed=["A"],
                    )
                floor.was_finished(ticket_id)

        return work

    per_issuer = N_TICKETS // N_ISSUERS
    workers = [issuer(per_issuer) for _ in range(N_ISSUERS)] + [caller(d) for d in desks]
    elapsed = floor.run(workers)
    report(f"service layer on {ctx.db.dialect}", floor, elapsed)
    assert_every_ticket_called_once_and_done(ctx, world, floor, desks)


def test_a_reader_following_the_change_log_never_sees_a_hole(ctx: AppContext, world: World) -> None:
    """Sequence numbers must become visible in order: a reader that has seen N has seen all
    below N. (Numbers from a database sequence do not: a late commit would be skipped.)

    Each writer pauses and resumes its own counter, so the writers share no row but the change
    counter and their transactions commit in any order they like.
    """
    writers, rounds = 8, 20
    desks = open_floor(ctx, world, writers)
    first = len(desks) + 1  # the openings came first
    total = len(desks) + writers * rounds * 2
    floor = Floor(total)
    seen: list[int] = []

    def writer(desk: Desk) -> Callable[[], None]:
        def work() -> None:
            for _ in range(rounds):
                floor.check_time()
                with ctx.db.writing() as session:
                    counters.pause(session, desk.actor, desk.counter_id, "break", T0)
                with ctx.db.writing() as session:
                    counters.resume(session, desk.actor, desk.counter_id, T0)

        return work

    def reader() -> None:
        last, pause = first - 1, threading.Event()
        while last < total:
            floor.check_time()
            with ctx.db.reading() as session:
                batch = [e.seq for e in events.since(session, last)]
            seen.extend(batch)
            last = batch[-1] if batch else last
            if not batch:
                pause.wait(0.001)  # bounded backoff while the writers catch up

    floor.run([reader] + [writer(d) for d in desks])
    assert seen == list(range(first, total + 1))


# --- through HTTP on a real server --------------------------------------------------------------


def error_code(body: Any) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        code = body["error"].get("code")
        return str(code) if code is not None else None
    return None


def _logins(live: LiveServer, usernames: list[str]) -> list[LiveStaff]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(live.login, usernames))


def test_fifty_counters_call_next_over_http(live: LiveServer, world: World) -> None:
    desks = open_floor(live.ctx, world)
    staff = _logins(live, [d.actor.username for d in desks])
    reception = live.login("reception")
    issuers = [reception.twin() for _ in range(N_ISSUERS)]
    floor = Floor(N_TICKETS, head_start=N_TICKETS // 3)

    def issuer(client: LiveStaff, count: int) -> Callable[[], None]:
        def work() -> None:
            for _ in range(count):
                floor.check_time()
                body = {"service_id": world.services["A"], "priority": "none"}
                floor.was_issued(client.ok(f"/centres/{world.centre_id}/tickets", body)["id"])

        return work

    def caller(client: LiveStaff, desk: Desk) -> Callable[[], None]:
        def work() -> None:
            attempt = 0
            while floor.my_turn():
                with floor.calling():
                    response = client.post(f"/counters/{desk.counter_id}/call-next")
                if response.status_code == 409 and error_code(response.json()) == "queue.empty":
                    floor.nobody_for_me(attempt)
                    attempt += 1
                    continue
                if response.status_code != 200:
                    raise AssertionError(f"call-next: {response.status_code} {response.text}")
                attempt = 0
                ticket_id = response.json()["ticket"]["id"]
                floor.was_called(ticket_id)
                client.ok(f"/tickets/{ticket_id}/start")
                client.ok(
                    f"/tickets/{ticket_id}/finish",
                    {"outcome": "resolved", "services_performed": ["A"]},
                )
                floor.was_finished(ticket_id)

        return work

    per_issuer = N_TICKETS // N_ISSUERS
    workers = [issuer(c, per_issuer) for c in issuers]
    workers += [caller(c, d) for c, d in zip(staff, desks, strict=True)]
    try:
        elapsed = floor.run(workers)
    finally:
        for client in [*staff, *issuers, reception]:
            client.close()
    report(f"HTTP on {live.ctx.db.dialect}", floor, elapsed)
    assert_every_ticket_called_once_and_done(live.ctx, world, floor, desks)


def test_a_double_click_on_call_next_calls_one_ticket(live: LiveServer, world: World) -> None:
    """The same counter, two requests at once with different keys: one ticket, one busy."""
    reception, attendant = live.login("reception"), live.login("attendant")
    clicks = [attendant.twin(), attendant.twin()]
    counter_id = world.counters[1]
    attendant.ok(f"/counters/{counter_id}/open")
    rounds = 5
    for _ in range(rounds * 2):
        reception.ok(f"/centres/{world.centre_id}/tickets", {"service_id": world.services["A"]})
    for _ in range(rounds):
        barrier = threading.Barrier(2, timeout=10)
        answers: list[tuple[int, Any]] = []

        def click(
            client: LiveStaff,
            barrier: threading.Barrier = barrier,
            answers: list[tuple[int, Any]] = answers,
        ) -> None:
            barrier.wait()
            response = client.post(f"/counters/{counter_id}/call-next")
            answers.append((response.status_code, response.json()))

        threads = [threading.Thread(target=click, args=(c,)) for c in clicks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not any(t.is_alive() for t in threads)
        answers.sort(key=lambda a: a[0])
        assert [status for status, _ in answers] == [200, 409]
        (_, called), (_, refused) = answers
        assert error_code(refused) == "counter.busy"
        assert refused["error"]["details"]["ticket_id"] == called["ticket"]["id"]
        ticket_id = called["ticket"]["id"]
        attendant.ok(f"/tickets/{ticket_id}/start")
        attendant.ok(f"/tickets/{ticket_id}/finish", {"outcome": "resolved"})
    with live.ctx.db.reading() as session:
        statuses = Tally(session.execute(select(Ticket.status)).scalars())
        called_events = session.execute(
            select(func.count()).where(Event.kind == "ticket.called")
        ).scalar_one()
    assert statuses == {"done": rounds, "waiting": rounds}
    assert called_events == rounds


# --- SQLite: writers queue up, they do not fail -------------------------------------------------


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "central.sqlite3"
    path.write_bytes(sqlite_template.read_bytes())
    return f"sqlite:///{path}"


@pytest.mark.parametrize("writers_in", ["same process", "other process"])
def test_sqlite_writers_wait_for_the_write_lock_instead_of_failing(
    sqlite_url: str, clock: FrozenClock, writers_in: str
) -> None:
    """While one transaction holds the write lock, other writers queue instead of failing with
    "database is locked": in one process at its FIFO gate, across processes (a second Database
    on the file) at SQLite's lock with its busy timeout. Readers are not blocked (WAL)."""
    holder_ctx = build_context(make_settings(sqlite_url), clock)
    writer_ctx = (
        holder_ctx
        if writers_in == "same process"
        else build_context(make_settings(sqlite_url), clock)
    )
    try:
        with holder_ctx.db.writing() as session:
            world = build_world(session, clock.now())
        _hold_the_lock_while_others_write(holder_ctx, writer_ctx, world)
    finally:
        holder_ctx.db.dispose()
        writer_ctx.db.dispose()


def _hold_the_lock_while_others_write(
    holder_ctx: AppContext, writer_ctx: AppContext, world: World
) -> None:
    reception = reception_actor(world)
    writers = 20
    holding = threading.Event()
    ready = threading.Semaphore(0)
    committed_at: list[float] = []
    written_at: list[float] = []
    failures: list[BaseException] = []

    def issue_one(ctx: AppContext) -> None:
        with ctx.db.writing() as session:
            tickets.issue(
                session, reception, world.centre_id, world.services["A"], "none", ctx.clock.now()
            )

    def holder() -> None:
        with holder_ctx.db.writing() as session:
            tickets.issue(
                session,
                reception,
                world.centre_id,
                world.services["A"],
                "none",
                holder_ctx.clock.now(),
            )
            holding.set()
            for _ in range(writers):  # every writer is on its way to the lock
                assert ready.acquire(timeout=30)
            with holder_ctx.db.reading() as reader:  # WAL: reading goes on beside the writer
                assert reader.execute(select(func.count()).select_from(Ticket)).scalar_one() == 0
            committed_at.append(time.monotonic())  # the lock goes with the commit just below

    def writer() -> None:
        assert holding.wait(30)
        ready.release()
        issue_one(writer_ctx)
        written_at.append(time.monotonic())

    def guarded(work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except BaseException as exc:  # reported by the test thread
                failures.append(exc)

        return run

    threads = [threading.Thread(target=guarded(holder))]
    threads += [threading.Thread(target=guarded(writer)) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(t.is_alive() for t in threads)
    assert not failures, failures
    assert len(written_at) == writers
    assert min(written_at) >= committed_at[0]  # they waited for the holder, none slipped in
    with holder_ctx.db.reading() as session:
        numbers = sorted(session.execute(select(Ticket.number)).scalars())
        seqs = list(session.execute(select(Event.seq).order_by(Event.seq)).scalars())
    assert numbers == [f"A{n:03d}" for n in range(1, writers + 2)]
    assert seqs == list(range(1, writers + 2))
