"""TaskRunner: results on the GUI thread, dropped for a destroyed owner, loops stopped."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import ApiError
from desktop.tasks import TaskRunner


def test_inline_runs_at_once_and_reports_errors(qapp):
    runner = TaskRunner(inline=True)
    done: list[object] = []
    errors: list[BaseException] = []
    runner.submit(lambda a, b: a + b, 2, 3, owner=None, on_done=done.append)
    assert done == [5]

    def refuse() -> None:
        raise ApiError(409, "queue.empty")

    runner.submit(refuse, owner=None, on_done=done.append, on_error=errors.append)
    assert [e.code for e in errors] == ["queue.empty"]
    assert runner.in_flight == 0
    runner.shutdown()


def test_results_arrive_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: list[tuple[object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    runner.submit(
        work,
        owner=None,
        on_done=lambda value: seen.append(
            (value, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_threads[0] is not threading.main_thread()
    runner.shutdown()


def test_errors_arrive_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    errors: list[tuple[str, bool]] = []

    def fail() -> None:
        raise ApiError(404, "ticket.not_found")

    runner.submit(
        fail,
        owner=None,
        on_error=lambda exc: errors.append(
            (exc.code, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == [("ticket.not_found", True)]
    runner.shutdown()


def test_result_for_a_destroyed_owner_is_dropped(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    called: list[object] = []
    owner = QWidget()

    def slow() -> str:
        release.wait(5)
        return "late"

    runner.submit(slow, owner=owner, on_done=called.append, on_error=called.append)
    shiboken6.delete(owner)  # the dialog was closed while its request was on the way
    assert not shiboken6.isValid(owner)
    release.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
    assert called == []
    runner.shutdown()


def test_relay_and_loop_stop_on_shutdown(qtbot):
    runner = TaskRunner()
    receiver = QObject()
    received: list[tuple[int, bool]] = []
    on_tick = runner.relay(
        lambda n: received.append((n, threading.current_thread() is threading.main_thread())),
        owner=receiver,
    )
    ended = threading.Event()

    def loop(stop: threading.Event) -> None:
        count = 0
        while not stop.is_set():
            count += 1
            on_tick(count)
            stop.wait(0.01)
        ended.set()

    handle = runner.start_loop(loop, name="ticker")
    qtbot.waitUntil(lambda: len(received) >= 3, timeout=5000)
    assert all(on_gui for _n, on_gui in received)
    runner.shutdown()
    assert ended.is_set()
    assert not handle.running
    # After shutdown nothing more is submitted or delivered.
    assert runner.submit(lambda: 1, owner=None) is None


def test_loop_error_is_reported(qtbot):
    runner = TaskRunner()
    errors: list[BaseException] = []

    def broken(stop: threading.Event) -> None:
        raise ApiError(403, "auth.wrong_centre")

    runner.start_loop(broken, name="broken", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].code == "auth.wrong_centre"
    runner.shutdown()
