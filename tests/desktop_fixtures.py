"""Fixtures the desktop's tests share (tests/ui, tests/integration, tests/contract): a real
central on loopback, in this process under uvicorn, on a copy of the migrated SQLite template,
with the known `World` (cheap password hashing); ApiClients closed after the test; and the
in-memory keyring of tests/unit/memory_keyring.py.

What the desktop checks does not depend on the server's engine: tests/central runs the server on
PostgreSQL too. A conftest imports from here the fixtures it uses, by name.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pytest

from central.context import AppContext
from desktop.api.api_client import ApiClient
from tests.central.conftest import (  # noqa: F401 - fixtures used by name
    T0,
    clock,
    ctx,
    fast_passwords,
    live,
    sqlite_template,
)
from tests.central.factories import World, build_world
from tests.central.live_server import LiveServer
from tests.unit.memory_keyring import MemoryKeyring, installed

P = ParamSpec("P")
T = TypeVar("T")


def disposing(make: Callable[P, T], dispose: Callable[[T], object]) -> Iterator[Callable[P, T]]:
    """For a fixture that hands out a factory (`yield from disposing(make, dispose)`): each
    thing made during the test is disposed of after it, in the order made."""
    made: list[T] = []

    def tracked(*args: P.args, **kwargs: P.kwargs) -> T:
        thing = make(*args, **kwargs)
        made.append(thing)
        return thing

    yield tracked
    for thing in made:
        dispose(thing)


def no_backoff(_attempt: int) -> float:
    return 0.0


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:  # noqa: F811
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def world(fast_passwords: None, ctx: AppContext) -> World:  # noqa: F811
    with ctx.db.writing() as session:
        return build_world(session, ctx.clock.now())


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture
def make_api(live: LiveServer) -> Iterator[Callable[..., ApiClient]]:  # noqa: F811
    def make(**kwargs: Any) -> ApiClient:
        return ApiClient(live.base_url, **kwargs)

    yield from disposing(make, ApiClient.close)
