"""Fan-out of committed events to live SSE subscribers in this process.

One reader task fetches new events once per wake-up and hands them to every subscriber of that
centre, so 500 open streams cost one query per change, not 500. Wake-ups come from commits in
this process, from PostgreSQL NOTIFY (commits in other processes), and from a slow poll as a
safety net.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from central.db import Database
from central.events import service
from central.events.models import Event

log = logging.getLogger(__name__)

OVERFLOW = object()  # put in a subscriber's queue when it fell too far behind
MAX_BACKLOG = 5000  # events queued for one subscriber before it is cut off


@dataclass(frozen=True)
class LiveEvent:
    seq: int
    centre_id: int
    kind: str
    at: str
    payload: dict[str, Any]

    @classmethod
    def from_row(cls, row: Event) -> LiveEvent:
        if row.seq is None:
            raise ValueError("an event is read before its transaction committed")
        return cls(row.seq, row.centre_id, row.kind, row.at.isoformat(), row.payload)

    @functools.cached_property
    def sse(self) -> str:
        """The event as an SSE message, encoded once however many streams send it."""
        data = json.dumps(
            {"seq": self.seq, "kind": self.kind, "at": self.at, **self.payload},
            separators=(",", ":"),
        )
        return f"id: {self.seq}\nevent: {self.kind}\ndata: {data}\n\n"


@dataclass(eq=False)
class Subscriber:
    centre_id: int
    # Unbounded: the hub stops adding at its `max_backlog`, then adds the OVERFLOW mark.
    queue: asyncio.Queue[Any] = field(default_factory=asyncio.Queue)


class EventHub:
    def __init__(
        self, db: Database, poll_seconds: float, *, max_backlog: int = MAX_BACKLOG
    ) -> None:
        self._db = db
        self._poll = poll_seconds
        self.max_backlog = max_backlog
        self._subscribers: dict[int, set[Subscriber]] = {}
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self.last_seq = 0

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._stopping = False
        self.last_seq = await asyncio.to_thread(self._read_last)
        self._task = asyncio.create_task(self._run(), name="event-hub")

    async def stop(self) -> None:
        # The loop is asked to end by a flag rather than only cancelled: on Python 3.11 a cancel
        # that lands as `wait_for` completes can be swallowed, and shutdown then hangs.
        self._stopping = True
        self._wake.set()
        task, self._task = self._task, None
        if task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=5)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def notify(self, _seq: int | None = None) -> None:
        """Thread-safe: called after a commit (any thread) or on a NOTIFY from PostgreSQL."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._wake.set)

    def subscribe(self, centre_id: int) -> Subscriber:
        sub = Subscriber(centre_id)
        self._subscribers.setdefault(centre_id, set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        subs = self._subscribers.get(sub.centre_id)
        if subs is not None:
            subs.discard(sub)

    @property
    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._subscribers.values())

    def _read_last(self) -> int:
        with self._db.reading() as session:
            return service.last_seq(session)

    def _read_since(self, after: int) -> list[LiveEvent]:
        with self._db.reading() as session:
            return [LiveEvent.from_row(e) for e in service.since(session, after, limit=1000)]

    async def _run(self) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._poll)
            if self._stopping:
                return
            self._wake.clear()
            try:
                await self._drain()
            except Exception:  # a database hiccup must not end live updates for good
                log.exception("event hub could not read new events")

    async def _drain(self) -> None:
        while True:
            batch = await asyncio.to_thread(self._read_since, self.last_seq)
            for ev in batch:
                self._dispatch(ev)
                self.last_seq = ev.seq
            if len(batch) < 1000:
                return

    def _dispatch(self, ev: LiveEvent) -> None:
        for sub in list(self._subscribers.get(ev.centre_id, ())):
            if sub.queue.qsize() < self.max_backlog:
                sub.queue.put_nowait(ev)
                continue
            # Too far behind: what it has queued is delivered, in order and without a hole, then
            # the stream ends; it reconnects with Last-Event-ID and replays the rest from the table.
            # (Dropping a queued event instead would leave a hole that no replay fills.)
            self.unsubscribe(sub)
            sub.queue.put_nowait(OVERFLOW)
