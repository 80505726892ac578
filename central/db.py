"""Engines and sessions.

On SQLite (demo, embedded) writers start with `BEGIN IMMEDIATE` so that two writers never both
read and then collide on upgrade, and the writers of one process take turns in arrival order
(`_FifoGate`); readers use a plain `BEGIN` on a second engine and run beside the writer thanks to
WAL. On PostgreSQL both roles share one engine: row locks do the work.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event, make_url, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


SQLITE_BUSY_SECONDS = 30
_GATED = "balcao.gated"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every engine (SQLite keeps no zone, so we store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _FifoGate:
    """Hands SQLite's write lock to this process's writers in the order they asked for it.

    SQLite's busy handler polls, ever more slowly the longer it has waited, so fresh writers
    overtake old ones: under load some writer waits for seconds (7 s seen with 50 counters at
    work, median 8 ms) and, past the busy timeout, fails with "database is locked". Writers of
    other processes still meet at SQLite's lock and its busy timeout.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._queue: deque[threading.Event] = deque()
        self._taken = False

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._taken:
                self._taken = True
                return True
            turn = threading.Event()
            self._queue.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait ended
                return True
            self._queue.remove(turn)
            return False  # go on ungated: SQLite's own busy timeout decides

    def release(self) -> None:
        with self._mutex:
            if self._queue:
                self._queue.popleft().set()  # handed straight over: it stays taken
            else:
                self._taken = False


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    parsed = make_url(url)
    in_memory = parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory"
    gated = immediate and not in_memory
    # Writers wait at the gate below, in order, not at the pool: no limit on write connections.
    pool = {"pool_size": 10, "max_overflow": -1} if gated else {}
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
        **pool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event own transaction start (pysqlite's own BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    if gated:
        # A write connection is checked out for exactly one transaction (sessions give it back
        # at commit or rollback), so holding the gate from checkout to checkin is holding the lock.
        gate = _FifoGate()

        @event.listens_for(engine, "checkout")
        def _on_checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
            record.record_info[_GATED] = gate.acquire(SQLITE_BUSY_SECONDS)

        @event.listens_for(engine, "checkin")
        def _on_checkin(_dbapi: Any, record: Any) -> None:
            if record.record_info.pop(_GATED, False):
                gate.release()

    return engine


class Database:
    """Owns the engines and hands out read and write sessions."""

    def __init__(self, url: str, *, pool_size: int = 20) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.write_engine = _sqlite_engine(url, immediate=True)
            self.read_engine = _sqlite_engine(url, immediate=False)
        else:
            # No pre-ping: it costs a round trip per transaction. A connection found dead (server
            # restarted) fails that one request, which the client retries with its idempotency
            # key, and SQLAlchemy then discards the whole stale pool.
            self.write_engine = create_engine(
                url, pool_size=pool_size, max_overflow=pool_size, pool_recycle=3600
            )
            self.read_engine = self.write_engine
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.write_engine.dialect.name

    @property
    def write_factory(self) -> sessionmaker[Session]:
        return self._write

    def write_session(self) -> Session:
        return self._write()

    def read_session(self) -> Session:
        return self._read()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction committed on success (for CLI, seeding and the simulator)."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    def ping(self) -> None:
        with self.read_engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
