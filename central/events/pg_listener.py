"""LISTEN for commits made by other central processes, so their events reach our streams."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from central.events.service import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


def libpq_url(sqlalchemy_url: str) -> str:
    return (
        make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)
    )


class PgListener:
    def __init__(self, sqlalchemy_url: str, on_notify: Callable[[int | None], None]) -> None:
        self._url = libpq_url(sqlalchemy_url)
        self._on_notify = on_notify
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    backoff = 0.5
                    # Anything committed while we were not listening is found by this wake-up.
                    self._on_notify(None)
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self._on_notify(int(note.payload) if note.payload.isdigit() else None)
            except psycopg.Error:
                log.warning("LISTEN connection lost; retrying in %.1f s", backoff)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)
