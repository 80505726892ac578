"""The Alembic migrations build exactly the schema the models describe, on both engines."""

from __future__ import annotations

import multiprocessing
import uuid
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from central import migrate
from central.db import Database
from central.events.models import ChangeCounter
from central.models import Base


def _differences(db: Database) -> list[Any]:
    with db.write_engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True},
        )
        return list(compare_metadata(context, Base.metadata))


def _head() -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def _current(db: Database) -> str | None:
    with db.write_engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_models_and_migrations_agree(db_url: str) -> None:
    db = Database(db_url)
    try:
        migrate.upgrade(db)  # already at head: a no-op that must not fail
        assert _current(db) == _head()
        assert _differences(db) == []
    finally:
        db.dispose()


def test_counter_points_at_its_ticket_on_every_engine(db_url: str) -> None:
    """The counters <-> tickets cycle is closed by a foreign key created after both tables."""
    db = Database(db_url)
    try:
        keys = inspect(db.write_engine).get_foreign_keys("counters")
    finally:
        db.dispose()
    to_tickets = [k for k in keys if k["referred_table"] == "tickets"]
    assert [k["constrained_columns"] for k in to_tickets] == [["current_ticket_id"]]
    if not db_url.startswith("sqlite"):  # SQLite does not name inline foreign keys
        assert to_tickets[0]["name"] == "fk_counters_current_ticket_id_tickets"


def test_upgrade_from_nothing_then_down_and_up_again(db_url: str) -> None:
    db = Database(db_url)
    try:
        _downgrade(db, "base")
        tables = set(inspect(db.write_engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        assert _current(db) is None
        migrate.upgrade(db)
        assert _current(db) == _head()
        assert set(inspect(db.write_engine).get_table_names()) >= set(Base.metadata.tables)
        assert _differences(db) == []
        with db.reading() as session:
            counter = session.get(ChangeCounter, 1)
        assert counter is not None
        assert counter.value == 0
    finally:
        db.dispose()


def _downgrade(db: Database, revision: str) -> None:
    from alembic import command

    with db.write_engine.begin() as connection:
        config = migrate.alembic_config(db.url)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


@pytest.fixture
def empty_pg_url(pg_server: str) -> str:
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    name = f"balcao_empty_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(pg_server).set(database=name).render_as_string(hide_password=False)


def _start_worker(url: str, barrier: Any) -> None:
    """What each `serve --workers N` process does first (run in a child process: Alembic keeps
    its migration context in module globals, so threads of one process cannot stand in)."""
    db = Database(url)
    try:
        barrier.wait(timeout=60)
        migrate.upgrade(db)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_workers_starting_together_migrate_once(empty_pg_url: str) -> None:
    """`serve --workers N` runs the migrations in every worker at once on a fresh database."""
    count = 3
    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(count)
    workers = [
        spawn.Process(target=_start_worker, args=(empty_pg_url, barrier)) for _ in range(count)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    codes = [worker.exitcode for worker in workers]
    for worker in workers:
        if worker.is_alive():
            worker.kill()
    assert codes == [0] * count
    db = Database(empty_pg_url)
    try:
        assert _current(db) == _head()
        assert _differences(db) == []
        with db.reading() as session:
            assert session.execute(select(func.count()).select_from(ChangeCounter)).scalar() == 1
    finally:
        db.dispose()
