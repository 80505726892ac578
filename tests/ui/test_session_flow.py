"""The session around the windows: one idle lock for every window of the user, and signing in
again after a logout in the same process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app_services import Services
from desktop.config import Settings
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync
from desktop.services.credential_store import CredentialStore
from desktop.store.local_store import LocalStore
from desktop.views.attendant_window import AttendantWindow
from desktop.views.idle_lock import IdleWatcher, LockDialog
from desktop.views.login_dialog import LoginDialog
from desktop.views.monitor_window import MonitorWindow
from desktop.views.session_flow import Session, run_app
from tests.central.factories import PASSWORD


@pytest.fixture
def services(runner, api_client, auth, queue_service, world, tmp_path: Path) -> Iterator[Services]:
    settings = Settings(
        counter_id=world.counters[1],
        config_dir=tmp_path / "config",
        log_dir=tmp_path / "log",
        data_dir=tmp_path / "data",
    )
    case_store = LocalStore.open(tmp_path / "data" / "balcao.sqlite3")
    yield Services(
        settings=settings,
        api=api_client,
        store=CredentialStore(),
        auth=auth,
        queue=queue_service,
        runner=runner,
        case_store=case_store,
        cases=CaseService(case_store, api_client, centre_id=world.centre_id, counter_label=1),
        case_sync=CaseSync(case_store, api_client),
    )
    case_store.close()


@pytest.fixture
def stop_feeds() -> Iterator[list[Session]]:
    sessions: list[Session] = []
    yield sessions
    for session in sessions:
        for controller in session.controllers:
            controller.stop()
        session.stop_case_desks()


def visible_lock_dialogs() -> list[LockDialog]:
    widgets = QApplication.topLevelWidgets()
    return [w for w in widgets if isinstance(w, LockDialog) and w.isVisible()]


def test_a_supervisor_with_two_windows_is_locked_once(
    qtbot, qapp, services, auth, stop_feeds, fake_clock
):
    user = auth.login("supervisor", PASSWORD)
    session = Session(qapp, services)
    stop_feeds.append(session)
    clock = fake_clock
    session.watcher = IdleWatcher(60, 10, clock=clock, poll_ms=60_000)
    monitor = session.open_for(user)
    assert isinstance(monitor, MonitorWindow)
    qtbot.addWidget(monitor)
    session._show(monitor)
    monitor.work_action.trigger()  # the supervisor also works at a counter
    counter = next(w for w in session.windows if isinstance(w, AttendantWindow))
    qtbot.addWidget(counter)
    qtbot.waitUntil(lambda: counter.counter is not None, timeout=10_000)
    lock = session.lock
    assert lock is not None

    clock.now += 61
    session.watcher.check()
    assert all(warning.isVisible() for warning in lock._warnings)  # a countdown on both

    clock.now += 10
    session.watcher.check()
    dialogs = visible_lock_dialogs()
    assert len(dialogs) == 1
    windows: list[QWidget] = [monitor, counter]
    assert all(not w.centralWidget().isVisible() for w in windows)  # type: ignore[attr-defined]

    dialogs[0].password_edit.setText(PASSWORD)
    dialogs[0].submit()
    assert not lock.is_locked
    assert visible_lock_dialogs() == []
    assert all(w.centralWidget().isVisible() for w in windows)  # type: ignore[attr-defined]
    assert not session.watcher.locked


class SignInAgainDriver:
    """Plays the user: signs in, logs out of the counter window, signs in again, quits."""

    def __init__(self) -> None:
        self.logins = 0
        self.counters: list[str] = []
        self._seen: list[AttendantWindow] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.step)
        self.timer.start()

    def step(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, LoginDialog):
            if modal.running:
                return
            if self.logins == 2:
                modal.reject()  # a third sign-in would be a loop: stop
                return
            self.logins += 1
            modal.user_edit.setText("attendant")
            modal.password_edit.setText(PASSWORD)
            modal.submit()
            return
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, AttendantWindow)
                and widget not in self._seen
                and widget.isVisible()
                and widget.counter is not None
                and not widget.busy
            ):
                self._seen.append(widget)
                self.counters.append(widget.counter.name)
                if len(self._seen) == 1:
                    widget.logout_action.trigger()
                else:
                    widget.close()  # quits: the last window closed
                return


def test_log_out_and_sign_in_again_in_the_same_process(qtbot, qapp, services, auth, world):
    driver = SignInAgainDriver()
    try:
        assert run_app(qapp, services) == 0
    finally:
        driver.timer.stop()
    assert driver.logins == 2
    assert len(driver.counters) == 2  # the counter opened again for the second session
    assert driver.counters[0] == driver.counters[1]
    assert auth.user is not None
    assert auth.user.username == "attendant"
    assert not any(
        w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, AttendantWindow)
    )
