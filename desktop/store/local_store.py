"""`LocalStore`: the counter PC's SQLite file, opened for safe concurrent use.

- WAL, so readers (the GUI's lists) never wait for the writer (the sync thread), and
  `synchronous=FULL`, so a committed outbox row survives a power cut.
- Foreign keys on (SQLite leaves them off per connection); `secure_delete` on, so the personal
  data deleted once a case is synced is overwritten in the file, not merely unlinked.
- Writers start with `BEGIN IMMEDIATE`: the write lock is taken at the start, so two writers
  queue on `busy_timeout` instead of one failing with "database is locked" halfway through
  (a deferred transaction that reads and then writes cannot be upgraded safely). Readers use a
  plain (deferred) BEGIN.

pysqlite's own transaction handling is switched off (`isolation_level = None`) and SQLAlchemy's
`begin` event emits our BEGIN, the recipe of the SQLAlchemy SQLite dialect documentation.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

from desktop.store import store_migrations

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
_READ_ONLY = "balcao_read_only"


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    assert isinstance(dbapi_connection, sqlite3.Connection)
    dbapi_connection.isolation_level = None  # we send BEGIN ourselves
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted rows (a synced case's personal data) are overwritten, not just unlinked.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    read_only = connection.get_execution_options().get(_READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def create_store_engine(path: Path | str) -> Engine:
    """An engine on the file at `path` (created if missing) with the pragmas above; every
    transaction on it is a writer's unless opened with `LocalStore.reading`."""
    engine = create_engine(f"sqlite:///{Path(path)}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class LocalStore:
    """The file, migrated to the newest schema, with a session per unit of work:
    `with store.writing() as session: ...` commits at the end (or rolls back on an error);
    `with store.reading() as session: ...` only reads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write = sessionmaker(engine, expire_on_commit=False)
        self._read = sessionmaker(
            engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )

    @classmethod
    def open(cls, path: Path | str) -> LocalStore:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_store_engine(path)
        store_migrations.migrate(engine)
        return cls(engine)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with self._write.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def reading_cursor(self) -> Iterator[sqlite3.Cursor]:
        """A read transaction on a pooled connection's own sqlite3 cursor, without a Session:
        for the knowledge search, a few statements a keystroke, where a Session's begin and
        commit alone took 0.2 ms."""
        pooled = self.engine.raw_connection()
        try:
            cursor = sqlite_cursor(pooled)
            cursor.execute("BEGIN")
            try:
                yield cursor
            finally:
                cursor.execute("COMMIT")  # it only read: ending it is all COMMIT does
                cursor.close()
        finally:
            pooled.close()  # back to the pool

    def close(self) -> None:
        self.engine.dispose()


def sqlite_cursor(pooled: PoolProxiedConnection) -> sqlite3.Cursor:
    """A cursor of the sqlite3 connection inside a pooled one (a Session's or the engine's):
    for statements run without SQLAlchemy's per-statement work."""
    connection = pooled.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection.cursor()
