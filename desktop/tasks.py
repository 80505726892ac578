"""Runs blocking service calls off the GUI thread and delivers their results back on it.

The GUI thread never waits on the network or the disk. A view submits a call with an `owner`
(usually itself) and two callbacks; the call runs on a worker pool (`net`: 4 threads, `db`: 1),
and its result or error travels back through a queued signal, so the callbacks always run on the
GUI thread. If the owner was destroyed in the meantime (a dialog closed while its request was on
the way), the result is dropped: no callback ever touches a deleted widget.

Long-running work (the live event feed) runs as a *loop*: one dedicated thread whose function
receives a `threading.Event` that `shutdown()` sets. The loop hands data to the GUI thread through
`relay()`, which wraps a GUI-side callback into a thread-safe function.

`TaskRunner(inline=True)` runs submitted calls synchronously on the caller's thread and calls the
callbacks at once (tests); loops still get a thread of their own, since they never return.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.domain.errors import BalcaoError

log = logging.getLogger(__name__)

POOLS = {"net": 4, "db": 1}
LOOP_JOIN_SECONDS = 3.0

Callback = Callable[..., Any]


def _owner_alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class _Delivery:
    """A callback and its arguments waiting to run on the GUI thread."""

    __slots__ = ("args", "callback", "owner")

    def __init__(self, callback: Callback, args: tuple[Any, ...], owner: QObject | None) -> None:
        self.callback = callback
        self.args = args
        self.owner = owner


class LoopHandle:
    """A running loop: `stop()` asks it to end, `join()` waits for it (bounded)."""

    def __init__(self, name: str, thread: threading.Thread, stop: threading.Event) -> None:
        self.name = name
        self.thread = thread
        self.stop_event = stop

    def stop(self) -> None:
        self.stop_event.set()

    def join(self, timeout: float = LOOP_JOIN_SECONDS) -> bool:
        """True if the loop ended within `timeout` seconds."""
        if self.thread.ident is not None:
            self.thread.join(timeout)
        return not self.thread.is_alive()

    @property
    def running(self) -> bool:
        return self.thread.is_alive()


class TaskRunner(QObject):
    """Executors for blocking work; results come back on the GUI thread (see the module doc)."""

    # Emitted from any thread; connected with a queued connection, so the slot runs on the
    # thread that owns the runner (the GUI thread).
    _delivered = Signal(object)
    # Emitted on the GUI thread when a task starts or ends: number of tasks in flight.
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._loops: list[LoopHandle] = []
        self._in_flight = 0
        self._closed = False
        self._delivered.connect(self._on_self_delivered, Qt.ConnectionType.QueuedConnection)

    # --- one-shot calls ---------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        owner: QObject | None,
        on_done: Callback | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
        pool: str = "net",
    ) -> Future[Any] | None:
        """Run `fn(*args)` on `pool`; then `on_done(result)` or `on_error(exc)` on the GUI thread.

        Returns the Future (None in inline mode or after shutdown). Exceptions that are not
        `BalcaoError` are bugs: they are logged with their traceback and still reach `on_error`.
        """
        if self._closed:
            log.debug("task %s submitted after shutdown: ignored", _name(fn))
            return None
        if pool not in POOLS:
            raise ValueError(f"unknown pool {pool!r}")
        self._task_started()
        if self.inline:
            try:
                result = fn(*args)
            except Exception as exc:
                self._finish(owner, on_error, exc, fn, failed=True)
            else:
                self._finish(owner, on_done, result, fn, failed=False)
            return None
        future = self._pool(pool).submit(fn, *args)
        future.add_done_callback(lambda done: self._post_result(done, owner, on_done, on_error, fn))
        return future

    def _post_result(
        self,
        future: Future[Any],
        owner: QObject | None,
        on_done: Callback | None,
        on_error: Callable[[BaseException], Any] | None,
        fn: Callable[..., Any],
    ) -> None:
        # Runs on the worker thread: only builds the delivery and emits the queued signal.
        exc = future.exception() if not future.cancelled() else None
        if future.cancelled():
            self._delivered.emit(_Delivery(self._task_ended, (), None))
            return
        if exc is not None:
            delivery = _Delivery(self._finish, (owner, on_error, exc, fn, True), None)
        else:
            delivery = _Delivery(self._finish, (owner, on_done, future.result(), fn, False), None)
        self._delivered.emit(delivery)

    def _finish(
        self,
        owner: QObject | None,
        callback: Callback | None,
        value: Any,
        fn: Callable[..., Any],
        failed: bool,
    ) -> None:
        try:
            if failed and not _is_expected(value):
                log.error("task %s failed", _name(fn), exc_info=value)
            if not _owner_alive(owner):
                log.debug("task %s: owner gone, result dropped", _name(fn))
                return
            if callback is not None:
                callback(value)
            elif failed and _is_expected(value):
                log.warning("task %s failed: %s", _name(fn), value)
        finally:
            self._task_ended()

    def _task_started(self) -> None:
        self._in_flight += 1
        self.busy_changed.emit(self._in_flight)

    def _task_ended(self) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        self.busy_changed.emit(self._in_flight)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    # --- calls from any thread to the GUI thread --------------------------------------------

    def relay(self, callback: Callback, *, owner: QObject | None) -> Callable[..., None]:
        """A thread-safe function that calls `callback(*args)` on the GUI thread later
        (dropped if `owner` is gone by then). Loops use it to hand over what they receive."""

        def relayed(*args: Any) -> None:
            if not self._closed:
                self._delivered.emit(_Delivery(callback, args, owner))

        return relayed

    @Slot(object)
    def _on_self_delivered(self, delivery: _Delivery) -> None:
        if self._closed:
            return  # the application is ending: nobody is left to show the result
        if delivery.owner is not None and not shiboken6.isValid(delivery.owner):
            return
        try:
            delivery.callback(*delivery.args)
        except Exception:
            # A slot that raises would only print to stderr; keep it in the log instead.
            log.exception("callback %s failed", _name(delivery.callback))

    # --- long-running loops -----------------------------------------------------------------

    def start_loop(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str = "loop",
        owner: QObject | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
    ) -> LoopHandle:
        """Run `fn(*args, stop)` on a thread of its own until it returns or `stop` is set.

        An exception ending the loop is logged and relayed to `on_error` on the GUI thread.
        """
        stop = threading.Event()
        report = self.relay(on_error, owner=owner) if on_error is not None else None

        def run() -> None:
            try:
                fn(*args, stop)
            except Exception as exc:
                log.exception("loop %s ended with an error", name)
                if report is not None and not stop.is_set():
                    report(exc)

        thread = threading.Thread(target=run, name=f"balcao-{name}", daemon=True)
        handle = LoopHandle(name, thread, stop)
        if self._closed:
            stop.set()
            return handle
        self._loops.append(handle)
        thread.start()
        return handle

    def stop_loop(self, handle: LoopHandle, timeout: float = LOOP_JOIN_SECONDS) -> bool:
        handle.stop()
        ended = handle.join(timeout)
        if handle in self._loops:
            self._loops.remove(handle)
        if not ended:
            log.warning("loop %s did not stop within %.1f s", handle.name, timeout)
        return ended

    # --- lifetime ---------------------------------------------------------------------------

    def _pool(self, name: str) -> ThreadPoolExecutor:
        pool = self._pools.get(name)
        if pool is None:
            pool = ThreadPoolExecutor(max_workers=POOLS[name], thread_name_prefix=f"balcao-{name}")
            self._pools[name] = pool
        return pool

    def shutdown(self, timeout: float = LOOP_JOIN_SECONDS) -> None:
        """Stop every loop, let running calls end (their results are dropped), join threads."""
        if self._closed:
            return
        self._closed = True
        for handle in self._loops:
            handle.stop()
        for handle in self._loops:
            if not handle.join(timeout):
                log.warning("loop %s did not stop within %.1f s", handle.name, timeout)
        self._loops.clear()
        for pool in self._pools.values():
            pool.shutdown(wait=True, cancel_futures=True)
        self._pools.clear()

    @property
    def closed(self) -> bool:
        return self._closed


def _is_expected(exc: BaseException) -> bool:
    """Errors with a code for the user (BalcaoError) are expected; anything else is a bug."""
    return isinstance(exc, BalcaoError)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or repr(fn)
