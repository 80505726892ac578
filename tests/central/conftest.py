"""Fixtures for the central service: a migrated database per test on SQLite and PostgreSQL,
a frozen clock, a small known world (centres, services, counters, staff), and an API client."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from central import migrate
from central.clock import FrozenClock
from central.config import Settings
from central.context import AppContext
from central.db import Database
from central.main import build_context, create_app
from tests.central.factories import World, build_world
from tests.central.http import ApiClient
from tests.central.live_server import LiveServer

# 10:00 in Lisbon on a Monday in winter (UTC+0): inside opening hours.
T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "central.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> str:
    """A migrated template database; each test gets a copy (CREATE DATABASE ... TEMPLATE)."""
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    name = f"balcao_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    admin.dispose()
    return name


def _pg_copy(pg_server: str, template: str) -> Iterator[str]:
    """A copy of the template for one test, dropped after it: the throwaway cluster stays
    small (hundreds of copies would otherwise be left for the final clean-up to delete)."""
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    name = f"balcao_t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty database: every test using it runs on both engines."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "central.sqlite3"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
        return
    yield from _pg_copy(
        request.getfixturevalue("pg_server"), request.getfixturevalue("pg_template")
    )


@pytest.fixture
def pg_url(pg_server: str, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database, for tests that only make sense there."""
    yield from _pg_copy(pg_server, pg_template)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


def make_settings(url: str, **overrides: object) -> Settings:
    base = Settings(
        database_url=url,
        secret_key=TEST_SECRET,
        auto_migrate=False,
        sse_ping_seconds=0.2,
        sse_poll_seconds=0.5,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def ctx(db_url: str, clock: FrozenClock) -> Iterator[AppContext]:
    context = build_context(make_settings(db_url), clock)
    yield context
    context.db.dispose()


@pytest.fixture
def world(ctx: AppContext) -> World:
    with ctx.db.writing() as session:
        return build_world(session, ctx.clock.now())


@pytest.fixture
def client(ctx: AppContext, world: World) -> Iterator[TestClient]:
    with TestClient(create_app(context=ctx)) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, world: World) -> ApiClient:
    return ApiClient(client, world)


@pytest.fixture
def live(ctx: AppContext, world: World) -> Iterator[LiveServer]:
    """The real app under uvicorn on loopback, on the same database as `ctx` and `world`."""
    with LiveServer(ctx) as server:
        yield server


@pytest.fixture
def fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters for tests about something else than passwords: the world's
    users and every login hash and verify in a few milliseconds instead of ~0.15 s each.
    Request it before `world` (e.g. by overriding `world` in a test module)."""
    from argon2 import PasswordHasher

    from central.auth import service as auth_service

    monkeypatch.setattr(
        auth_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
