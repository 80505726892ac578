"""A demo central in this process for `tools/screenshots.py`, with a clock that can be set back.

The screenshots need a morning's queue: tickets issued 3 to 40 minutes ago, counters serving
since a quarter of an hour. The central stamps every change with its `Clock`; here that clock
runs `behind` the wall clock by a settable amount, so the staging can issue tickets "40 minutes
ago", then set it back to now before the desktop connects. The desktop is not faked: it talks
HTTP and SSE to this central and measures waits with its own wall clock.

Served by uvicorn on a loopback port bound before it starts, in a daemon thread (the way
tests/central/live_server.py serves the app to the integration tests).
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import uvicorn

from central import migrate
from central.clock import Clock
from central.config import Settings
from central.demo.seed import seed_demo
from central.main import build_context, create_app
from desktop.lifecycle import StartedWhileInside

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
SEEDED_MINUTES_AGO = 75


class ShiftedClock(Clock):
    """The wall clock, `behind` earlier (zero: the real now)."""

    def __init__(self) -> None:
        self.behind = timedelta(0)

    def now(self) -> datetime:
        return super().now() - self.behind

    def set_minutes_ago(self, minutes: float) -> None:
        self.behind = timedelta(minutes=minutes)


class InProcessCentral(StartedWhileInside):
    """The demo centre (seeded, no simulator) on a throwaway SQLite database."""

    def __init__(self) -> None:
        self.clock = ShiftedClock()
        self._folder = Path(tempfile.mkdtemp(prefix="balcao-screenshots-"))
        settings = replace(
            Settings(),
            database_url=f"sqlite:///{self._folder / 'central.sqlite3'}",
            auto_migrate=False,
            sse_ping_seconds=2.0,
            sse_poll_seconds=0.2,
        )
        self.ctx = build_context(settings, self.clock)
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(
            create_app(context=self.ctx),
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=2,
            timeout_keep_alive=300,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self) -> InProcessCentral:
        migrate.upgrade(self.ctx.db)
        # The centre was set up before opening time: the closed counters are closed "since" then.
        self.clock.set_minutes_ago(SEEDED_MINUTES_AGO)
        with self.ctx.db.writing() as session:
            seed_demo(session, self.clock.now())
        self.clock.set_minutes_ago(0)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self._server.should_exit = True
                raise RuntimeError("the in-process central did not start")
            self._thread.join(0.05)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(STOP_TIMEOUT)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(STOP_TIMEOUT)
        self._socket.close()
        self.ctx.db.dispose()
