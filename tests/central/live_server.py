"""The real central app under uvicorn on loopback, in a background thread, and the clients that
talk to it over real sockets: a JSON client per staff member and a Server-Sent Events reader.

Everything here waits on deadlines, never on fixed sleeps, and every wait is bounded.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpx
import uvicorn

from central.context import AppContext
from central.main import create_app
from tests.central.factories import PASSWORD

API = "/api/v1"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 20.0


class LiveServer:
    """`create_app(context=ctx)` served by uvicorn on 127.0.0.1 at a free port."""

    def __init__(self, ctx: AppContext, *, keep_alive_seconds: float = 120.0) -> None:
        self.ctx = ctx
        # Bound before uvicorn starts and handed over, so no other process can take the port.
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(context=ctx),
            log_level="warning",
            lifespan="on",
            # Open SSE streams never end by themselves: do not wait for them for ever.
            timeout_graceful_shutdown=2,
            # uvicorn closes idle keep-alive connections after 5 s by default; a client that
            # sends on one at that moment gets "Server disconnected without sending a response".
            # Real clients retry with the same Idempotency-Key; test clients idle longer than
            # that while waiting their turn, so the server keeps their connections open.
            timeout_keep_alive=int(keep_alive_seconds),
        )
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self.server.started:
            if not self._thread.is_alive():
                raise RuntimeError("uvicorn stopped during startup (see the log above)")
            if time.monotonic() > deadline:
                self.server.should_exit = True
                raise TimeoutError(f"uvicorn did not start within {START_TIMEOUT} s")
            self._thread.join(0.01)  # a bounded wait that also notices the thread ending
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(STOP_TIMEOUT)
        if self._thread.is_alive():
            self.server.force_exit = True
            self._thread.join(STOP_TIMEOUT)
        self._socket.close()
        assert not self._thread.is_alive(), "uvicorn did not stop"

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=kwargs.pop("timeout", 30.0), **kwargs)

    def login(self, username: str, password: str = PASSWORD) -> LiveStaff:
        client = self.client()
        response = client.post(
            f"{API}/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        return LiveStaff(self, client, response.json()["access_token"])


class LiveStaff:
    """One logged-in user with their own HTTP connection (use one per thread)."""

    def __init__(self, server: LiveServer, client: httpx.Client, token: str) -> None:
        self.server = server
        self.client = client
        self.token = token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(API + path, headers=self.headers, params=params)

    def post(self, path: str, body: Any = None, *, key: str | None = None) -> httpx.Response:
        headers = {**self.headers, "Idempotency-Key": key or str(uuid.uuid4())}
        return self.client.post(API + path, json=body if body is not None else {}, headers=headers)

    def ok(self, path: str, body: Any = None) -> Any:
        response = self.post(path, body)
        assert response.is_success, f"POST {path}: {response.status_code} {response.text}"
        return response.json()

    def twin(self) -> LiveStaff:
        """The same user on a connection of its own, for another thread."""
        return LiveStaff(self.server, self.server.client(), self.token)

    def stream(self, centre_id: int, last_event_id: int | None = None) -> SseStream:
        headers = dict(self.headers)
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        return SseStream(self.server.base_url, f"{API}/centres/{centre_id}/events", headers)

    def close(self) -> None:
        self.client.close()


def together(
    staff: LiveStaff, count: int, send: Callable[[LiveStaff], httpx.Response]
) -> list[httpx.Response]:
    """`count` threads, each on its own connection, released at the same instant."""
    twins = [staff.twin() for _ in range(count)]
    barrier = threading.Barrier(count)

    def one(twin: LiveStaff) -> httpx.Response:
        barrier.wait(timeout=30)
        return send(twin)

    try:
        with ThreadPoolExecutor(count) as pool:
            return list(pool.map(one, twins))
    finally:
        for twin in twins:
            twin.close()


# --- Server-Sent Events -----------------------------------------------------------------------


@dataclass
class SseMessage:
    """One dispatched block of an event stream (a blank line ends it)."""

    id: str | None = None
    event: str | None = None
    data_lines: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    retry: int | None = None

    @property
    def data(self) -> str:
        return "\n".join(self.data_lines)

    @property
    def json(self) -> Any:
        return json.loads(self.data)

    @property
    def seq(self) -> int:
        assert self.id is not None, f"message without id: {self}"
        return int(self.id)

    @property
    def is_event(self) -> bool:
        return self.event is not None or bool(self.data_lines)


def _parse_line(message: SseMessage, line: str) -> None:
    if line.startswith(":"):
        message.comments.append(line[1:].strip())
        return
    name, _, value = line.partition(":")
    value = value.removeprefix(" ")
    if name == "id":
        message.id = value
    elif name == "event":
        message.event = value
    elif name == "data":
        message.data_lines.append(value)
    elif name == "retry" and value.isdigit():
        message.retry = int(value)


class StreamEnded(Exception):
    """The server closed the stream."""


class SseStream:
    """A streaming GET read block by block; every read has a deadline.

    The server sends a `: ping` comment every `sse_ping_seconds` when idle, so a read never
    blocks for long; the read timeout of the HTTP client is the backstop if pings stop.
    """

    def __init__(self, base_url: str, path: str, headers: dict[str, str]) -> None:
        self._client = httpx.Client(base_url=base_url, timeout=httpx.Timeout(10.0))
        self._request = self._client.build_request("GET", path, headers=headers)
        self._response: httpx.Response | None = None
        self._lines: Iterator[str] | None = None
        self.received: list[SseMessage] = []  # every message read so far, pings included

    def open(self) -> SseStream:
        """Connect (once: opening an open stream does nothing)."""
        if self._response is not None:
            return self
        self._response = self._client.send(self._request, stream=True)
        if self._response.status_code == 200:
            self._lines = self._response.iter_lines()
        else:
            self._response.read()
        return self

    @property
    def response(self) -> httpx.Response:
        assert self._response is not None, "open() first"
        return self._response

    def close(self) -> None:
        """Drop the connection, as a client does when the network goes away."""
        if self._response is not None:
            self._response.close()
        self._client.close()

    def __enter__(self) -> SseStream:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def next_message(self, timeout: float = 5.0) -> SseMessage:
        """The next block (event or comment); AssertionError if none completes in time."""
        assert self._lines is not None, f"stream not open: {self.response.status_code}"
        deadline = time.monotonic() + timeout
        message = SseMessage()
        started = False
        for line in self._lines:
            if line == "":
                if started:
                    self.received.append(message)
                    return message
            else:
                started = True
                _parse_line(message, line)
            if time.monotonic() > deadline:
                break
        else:
            raise StreamEnded("the server closed the event stream")
        raise AssertionError(f"no complete SSE message within {timeout} s")

    def wait_for(
        self, predicate: Callable[[SseMessage], bool], timeout: float = 5.0
    ) -> list[SseMessage]:
        """Read until a message satisfies `predicate`; returns every message read, that one last."""
        deadline = time.monotonic() + timeout
        seen: list[SseMessage] = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                kinds = [m.event or f": {m.comments}" for m in seen]
                raise AssertionError(f"nothing matched within {timeout} s; read {kinds}")
            message = self.next_message(remaining)
            seen.append(message)
            if predicate(message):
                return seen

    def events_until_closed(self, timeout: float = 10.0) -> list[SseMessage]:
        """The events read until the server ends the stream; AssertionError if it does not."""
        deadline = time.monotonic() + timeout
        events: list[SseMessage] = []
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"the server kept the stream open past {timeout} s"
            try:
                message = self.next_message(remaining)
            except StreamEnded:
                return events
            if message.is_event:
                events.append(message)

    def events_until_idle(self, pings: int = 2, timeout: float = 10.0) -> list[SseMessage]:
        """The events read until `pings` keep-alive comments in a row say the server is idle."""
        deadline = time.monotonic() + timeout
        events: list[SseMessage] = []
        quiet = 0
        while quiet < pings:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"the stream never went idle within {timeout} s"
            message = self.next_message(remaining)
            if message.is_event:
                events.append(message)
                quiet = 0
            elif "ping" in message.comments:
                quiet += 1
        return events


def wait_until(
    predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition"
) -> None:
    """Poll `predicate` with a short bounded backoff until it holds, or fail at the deadline."""
    deadline = time.monotonic() + timeout
    pause = 0.005
    idle = threading.Event()  # never set: its wait is a bounded pause that needs no sleep call
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        idle.wait(pause)
        pause = min(pause * 2, 0.1)
