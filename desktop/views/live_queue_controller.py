"""The centre's live queue on the GUI thread: a snapshot, then the event feed applied to it.

`LiveQueueController` loads `QueueState` through the queue service (a task), starts the event
feed as a loop of the TaskRunner and applies the events it relays, on the GUI thread, to the
state. Windows listen to `changed` (a `QueueChange`) and `reloaded` and read `state`.

On `FeedState.RESET` (the central's history was reset) the snapshot is read again; events that
arrive meanwhile are kept and applied to the new state (ticket versions make that harmless).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.live_queue import QueueEvent
from desktop.tasks import LoopHandle, TaskRunner

log = logging.getLogger(__name__)


class LiveQueueController(QObject):
    reloaded = Signal()  # a whole new state (first load or after a reset)
    changed = Signal(object)  # QueueChange
    feed_state_changed = Signal(object, object)  # FeedState, seconds until retry or None
    load_failed = Signal(object)  # the exception

    def __init__(
        self,
        runner: TaskRunner,
        queue_service: Any,
        feed: Any,
        centre_id: int,
        parent: QObject | None = None,
        *,
        retry_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._queue_service = queue_service
        self._feed = feed
        self._centre_id = centre_id
        self.state: Any = None  # QueueState once loaded
        self.feed_state: Any = None
        self._loop: LoopHandle | None = None
        self._loading = False
        self._pending: list[Any] = []
        self._stopped = False
        self._retry_ms = retry_ms
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._load)

    @property
    def centre_id(self) -> int:
        return self._centre_id

    def start(self) -> None:
        """Load the snapshot, then follow the feed from its `last_event_id`."""
        self._load()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        if self._loop is not None:
            stop_now = getattr(self._feed, "stop_now", None)
            if stop_now is not None:
                self._loop.stop()
                stop_now()
            self._runner.stop_loop(self._loop)
            self._loop = None

    def _load(self) -> None:
        if self._loading or self._stopped:
            return
        self._loading = True
        self._runner.submit(
            self._queue_service.load_queue,
            self._centre_id,
            owner=self,
            on_done=self._on_snapshot_loaded,
            on_error=self._on_snapshot_failed,
        )

    def _on_snapshot_loaded(self, state: Any) -> None:
        self._loading = False
        self.state = state
        pending, self._pending = self._pending, []
        state.apply_all(pending)
        self.reloaded.emit()
        if self._loop is None and not self._runner.closed:
            self._start_feed(state.last_event_id)

    def _on_snapshot_failed(self, error: BaseException) -> None:
        self._loading = False
        log.warning("queue snapshot failed: %s", getattr(error, "code", error))
        self.load_failed.emit(error)
        if self._runner.closed or self._stopped:
            return
        if self._loop is None:
            # No feed yet: say offline and read the snapshot again after a pause.
            self.feed_state = "OFFLINE"
            self.feed_state_changed.emit("OFFLINE", self._retry_ms / 1000)
            self._retry.start(self._retry_ms)

    def _start_feed(self, last_event_id: int) -> None:
        on_events = self._runner.relay(self._on_feed_events, owner=self)
        on_state = self._runner.relay(self._on_feed_state, owner=self)
        feed = self._feed

        def follow(stop: Any) -> None:
            feed.run(last_event_id, on_events, on_state, stop)

        self._loop = self._runner.start_loop(
            follow, name="event-feed", owner=self, on_error=self._on_feed_crashed
        )

    def _on_feed_events(self, events: list[Any]) -> None:
        if self.state is None or self._loading:
            self._pending.extend(events)
            return
        change = self.state.apply_all(events)
        if not change.empty:
            self.changed.emit(change)

    def resume(self) -> None:
        """After the user signed in again (the feed ended with the session): read the queue
        again and follow the feed from there."""
        if self._stopped or (self._loop is not None and self._loop.running):
            return
        self._loop = None
        self._load()

    def apply_ticket(self, ticket: Any) -> None:
        """Apply the answer of one of our own commands at once (a `Ticket`), without waiting
        for its event: the feed brings the same version later, and it is then ignored."""
        if self.state is None or self._loading:
            return
        summary = ticket.summary() if hasattr(ticket, "summary") else ticket
        change = self.state.apply(QueueEvent(seq=0, kind="local", at=None, ticket=summary))
        if not change.empty:
            self.changed.emit(change)

    def _on_feed_state(self, feed_state: Any, retry_in: float | None) -> None:
        previous, self.feed_state = self.feed_state, feed_state
        name = str(getattr(feed_state, "name", feed_state)).upper()
        if name == "RESET":
            self._load()
        elif name == "SESSION_EXPIRED" and self._loop is not None:
            self._loop = None  # the feed has ended; `resume()` after the next sign-in
        log.info("event feed %s (was %s)", name, getattr(previous, "name", previous))
        self.feed_state_changed.emit(feed_state, retry_in)

    def _on_feed_crashed(self, error: BaseException) -> None:
        self._loop = None
        self.load_failed.emit(error)
