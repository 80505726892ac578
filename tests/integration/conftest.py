"""The desktop's api/ and services/ against a real central on loopback.

The central runs in this process under uvicorn (tests/central/live_server.py) on a seeded SQLite
world with a frozen clock, so a test can move time (token expiry) and stop and restart the
server on the same port (a dropped connection, a central restart).
"""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
import requests.adapters

from central.auth.actor import Actor
from central.auth.roles import Role
from central.context import AppContext
from central.tickets import service as central_tickets
from desktop.api.api_client import ApiClient
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.queue_service import QueueService
from tests.central.factories import PASSWORD, World
from tests.central.live_server import LiveServer
from tests.desktop_fixtures import (  # noqa: F401 - fixtures used by name
    T0,
    clock,
    ctx,
    db_url,
    fast_passwords,
    live,
    make_api,
    memory_keyring,
    no_backoff,
    sqlite_template,
    world,
)
from tests.integration.case_desks import case_reference, store  # noqa: F401 - fixtures by name
from tests.unit.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def _cheap_passwords(fast_passwords: None) -> None:  # noqa: F811
    """Cheap argon2 for the world's users and every login (the hashing is tested centrally)."""


@pytest.fixture(autouse=True)
def keyring_backend(memory_keyring: MemoryKeyring) -> MemoryKeyring:  # noqa: F811
    """No test here reaches the machine's keyring."""
    return memory_keyring


def logged_in(api: ApiClient, username: str) -> AuthService:
    auth = AuthService(api, CredentialStore(), remember=False)
    auth.login(username, PASSWORD)
    return auth


@pytest.fixture
def attendant(make_api: Callable[..., ApiClient]) -> QueueService:  # noqa: F811
    api = make_api()
    logged_in(api, "attendant")
    return QueueService(api, backoff=no_backoff)


@pytest.fixture
def reception(make_api: Callable[..., ApiClient]) -> QueueService:  # noqa: F811
    api = make_api()
    logged_in(api, "reception")
    return QueueService(api, backoff=no_backoff)


def issue_in_database(
    ctx: AppContext,  # noqa: F811
    world: World,  # noqa: F811
    prefix: str = "A",
    count: int = 1,
) -> list[int]:
    """Tickets issued straight through the central's service, in one transaction (this works
    while the central is not serving, and a burst commits at once)."""
    actor = Actor(world.users["reception"], "reception", Role.RECEPTION, world.centre_id)
    with ctx.db.writing() as session:
        issued = [
            central_tickets.issue(
                session, actor, world.centre_id, world.services[prefix], "none", ctx.clock.now()
            )
            for _ in range(count)
        ]
        session.flush()
        return [int(ticket.id) for ticket in issued]


# --- a server that can be stopped and started again on the same port ------------------------


class PinnedLiveServer(LiveServer):
    """A LiveServer on a given port, to restart the central where clients expect it."""

    def __init__(self, ctx: AppContext, port: int) -> None:  # noqa: F811
        super().__init__(ctx)
        self._socket.close()
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )


class Restartable:
    def __init__(self, ctx: AppContext) -> None:  # noqa: F811
        self.ctx = ctx
        self.server: LiveServer | None = LiveServer(ctx).start()
        self.port = self.server.port
        self.base_url = self.server.base_url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def start(self) -> None:
        assert self.server is None
        self.server = PinnedLiveServer(self.ctx, self.port).start()


@pytest.fixture
def restartable(ctx: AppContext, world: World) -> Iterator[Restartable]:  # noqa: F811
    server = Restartable(ctx)
    yield server
    server.stop()


# --- transport adapters that lose answers ---------------------------------------------------


class LosingAdapter(requests.adapters.HTTPAdapter):
    """Sends each request for real, then loses the answer of the first `lose` matching ones
    (the server did the work; the client sees a dropped connection), as on a flaky network."""

    def __init__(self, path_part: str, lose: int = 1) -> None:
        super().__init__()
        self.path_part = path_part
        self.lose = lose
        self.seen: list[requests.Response] = []
        self.keys: list[str | None] = []

    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:  # type: ignore[override]
        response = super().send(request, *args, **kwargs)
        if self.path_part not in (request.url or ""):
            return response
        self.seen.append(response)
        self.keys.append(request.headers.get("Idempotency-Key"))
        if self.lose > 0:
            self.lose -= 1
            response.close()
            raise requests.ConnectionError("connection reset while reading the answer")
        return response


def session_with(adapter: requests.adapters.HTTPAdapter) -> Callable[[], requests.Session]:
    def factory() -> requests.Session:
        session = requests.Session()
        session.mount("http://", adapter)
        return session

    return factory


def new_key() -> str:
    return str(uuid.uuid4())
