"""Idle lock: a warning with a countdown, then a lock that keeps the work on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.views import counter_actions as names
from desktop.views.idle_lock import IdleWatcher, ScreenLock
from tests.central.factories import PASSWORD
from tests.ui.conftest import issue


@pytest.fixture
def watcher(qapp, fake_clock):
    idle = IdleWatcher(60, 10, clock=fake_clock, poll_ms=60_000)
    idle.install(qapp)
    yield idle
    idle.uninstall(qapp)


@pytest.fixture
def serving(qtbot, attendant_window, world, staff, auth):
    issue(staff("reception"), world.centre_id, world.services["A"])
    window = attendant_window()
    window.start()
    qtbot.waitUntil(lambda: window.counter is not None, timeout=10_000)
    window.counter_actions[names.CALL_NEXT].trigger()
    window.counter_actions[names.START].trigger()
    window.panel.set_notes("o cidadão pediu uma segunda via")
    return window


def test_watcher_warns_then_locks_and_input_cancels(qtbot, watcher, fake_clock):
    started: list[int] = []
    watcher.warning_started.connect(started.append)
    fake_clock.now += 59
    watcher.check()
    assert not watcher.warning
    fake_clock.now += 2
    watcher.check()
    assert watcher.warning
    assert started == [9]
    # Any input: the person is there.
    target = QApplication.activeWindow() or QApplication.instance()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    assert not watcher.warning
    fake_clock.now += 75
    with qtbot.waitSignal(watcher.lock_due, timeout=1000):
        watcher.check()
    assert watcher.locked


def test_lock_keeps_the_work_and_unlocks_with_the_password(
    qtbot, serving, watcher, fake_clock, runner, auth
):
    window = serving
    lock = ScreenLock(runner=runner, auth=auth, window=window, watcher=watcher, parent=window)
    fake_clock.now += 61
    watcher.check()
    assert lock.warning.isVisible()
    assert lock.warning.text.startswith("O Balcão bloqueia dentro de 9 s")
    fake_clock.now += 10
    watcher.check()
    assert lock.is_locked
    dialog = lock.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not window.centralWidget().isVisible()  # the citizen's data is hidden
    assert not lock.warning.isVisible()
    # Esc does not unlock.
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    # A wrong password is said in words.
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_text == "Utilizador ou palavra-passe incorretos."
    assert lock.is_locked
    # The right one brings everything back as it was.
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.centralWidget().isVisible()
    assert window.panel.number_text == "A001"
    assert window.panel.ticket.status == "serving"
    assert window.panel.notes() == "o cidadão pediu uma segunda via"
    assert not watcher.locked


def test_session_expired_uses_the_same_lock(qtbot, serving, runner, auth):
    lock = ScreenLock(runner=runner, auth=auth, window=serving, watcher=None, parent=serving)
    serving.session_expired.connect(lambda: lock.lock(expired=True))
    serving.session_expired.emit()
    assert lock.is_locked
    assert lock.dialog.reason_label.text().startswith("A sua sessão terminou.")
    lock.dialog.password_edit.setText(PASSWORD)
    lock.dialog.submit()
    assert not lock.is_locked
    assert serving.panel.notes() == "o cidadão pediu uma segunda via"


def test_feed_ended_by_an_expired_session_resumes_after_unlock(qtbot, serving, runner, auth):
    live = serving._live
    live._on_feed_state("SESSION_EXPIRED", None)  # what the feed reports before it returns
    assert live._loop is None
    live.resume()
    qtbot.waitUntil(lambda: live._loop is not None and live._loop.running, timeout=10_000)
    qtbot.waitUntil(lambda: serving.connection.state == "LIVE", timeout=10_000)
