"""One signed-in user's session: sign in, choose the counter, open the window for the role
(attendant: counter, reception: tickets, supervisor and admin: monitor, knowledge editor:
the knowledge base), lock and unlock,
log out; `run_app` signs in again after a logout until the user quits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from desktop.api.cases_api import CasesApi
from desktop.app_services import Services
from desktop.config import Settings, save_user_settings
from desktop.domain.users import Role, User
from desktop.services.case_lookup_service import CaseLookupService
from desktop.services.event_feed import EventFeed
from desktop.services.knowledge_editing import KnowledgeEditing
from desktop.views.attendant_window import AttendantWindow
from desktop.views.case_desk import CaseDesk
from desktop.views.counter_picker_dialog import CounterPickerDialog
from desktop.views.idle_lock import IdleWatcher, ScreenLock
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.knowledge_editor_window import KnowledgeEditorWindow
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.login_dialog import LoginDialog
from desktop.views.monitor_window import MonitorWindow
from desktop.views.reception_window import ReceptionWindow
from desktop.views.settings_dialog import SettingsDialog


class Session:
    """One signed-in user's windows; `run()` returns "logout" or "quit"."""

    def __init__(self, app: QApplication, services: Services, *, demo: bool = False) -> None:
        self.app = app
        self.services = services
        self.demo = demo
        self.windows: list[QMainWindow] = []
        self.outcome = "quit"
        self.lock: ScreenLock | None = None  # one for all the windows of the session
        self.controllers: list[LiveQueueController] = []
        self.case_desks: list[CaseDesk] = []
        self.watcher: IdleWatcher | None = None
        self._logout_finished = False

    # -- sign in --

    def sign_in(self) -> User | None:
        services = self.services
        dialog = LoginDialog(
            runner=services.runner,
            auth=services.auth,
            keyring_available=services.store.available,
            server_locked="server_url" in services.settings.locked,
            switch_server=services.switch_server,
        )
        QTimer.singleShot(0, dialog.start)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        services.auth = dialog.auth
        return dialog.user if accepted else None

    def pick_counter(self, user: User) -> int | None:
        settings = self.services.settings
        if settings.counter_id is not None:
            return settings.counter_id
        remember: Callable[[int], Any] | None = None
        if "counter_id" not in settings.locked and not self.demo:

            def remember(counter_id: int) -> Settings:
                return save_user_settings(settings, counter_id=counter_id)

        dialog = CounterPickerDialog(
            runner=self.services.runner,
            queue_service=self.services.queue,
            user=user,
            remember=remember,
        )
        dialog.start()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.counter_id is None:
            return None
        self.services.settings = replace(settings, counter_id=dialog.counter_id)
        return dialog.counter_id

    # -- windows --

    def live_queue(self, centre_id: int) -> LiveQueueController:
        feed = EventFeed(self.services.api, centre_id)
        controller = LiveQueueController(self.services.runner, self.services.queue, feed, centre_id)
        self.controllers.append(controller)
        return controller

    def case_desk(self, centre_id: int) -> CaseDesk:
        """The counter's cases: reference data refreshed now (cached for offline) and the sync
        loop started; both end with the session."""
        services = self.services
        desk = CaseDesk(services.runner, services.cases, services.case_sync)
        desk.set_desk(centre_id, "0")
        desk.load_reference()
        desk.refresh_count()
        desk.start()
        self.case_desks.append(desk)
        return desk

    def stop_case_desks(self) -> None:
        for desk in self.case_desks:
            desk.stop()

    def attendant_window(self, user: User, counter_id: int) -> AttendantWindow:
        assert user.centre_id is not None
        window = AttendantWindow(
            cases=self.case_desk(user.centre_id),
            lookup=CaseLookupService(CasesApi(self.services.api)),
            knowledge=KnowledgeDesk(
                self.services.runner,
                self.services.knowledge,
                language=self.services.settings.language.replace("_", "-"),
            ),
            appointments=self.services.appointments,
            runner=self.services.runner,
            queue_service=self.services.queue,
            live=self.live_queue(user.centre_id),
            user=user,
            counter_id=counter_id,
        )
        self._wire(window)
        return window

    def open_for(self, user: User) -> QMainWindow | None:
        centre_id = user.centre_id
        if user.role == Role.RECEPTION:
            assert centre_id is not None
            window: QMainWindow = ReceptionWindow(
                appointments=self.services.appointments,
                runner=self.services.runner,
                queue_service=self.services.queue,
                live=self.live_queue(centre_id),
                user=user,
            )
            self._wire(window)
        elif user.role in (Role.SUPERVISOR, Role.ADMIN):
            if centre_id is None:
                centres = self.services.queue.api.centres()
                if not centres:
                    return None
                centre_id = int(centres[0]["id"])
            monitor = MonitorWindow(
                runner=self.services.runner,
                queue_service=self.services.queue,
                live=self.live_queue(centre_id),
                user=user,
                centre_id=centre_id,
            )
            monitor.work_at_counter_requested.connect(lambda: self._work_at_counter(user))
            self._wire(monitor)
            window = monitor
        elif user.role == Role.KNOWLEDGE_EDITOR:
            # Editors write the knowledge base on central: no counter, no queue.
            window = KnowledgeEditorWindow(
                runner=self.services.runner,
                editing=KnowledgeEditing(self.services.api),
                user=user,
            )
            self._wire(window)
        else:
            counter_id = self.pick_counter(user)
            if counter_id is None:
                return None
            window = self.attendant_window(user, counter_id)
        return window

    def _work_at_counter(self, user: User) -> None:
        if user.centre_id is None:
            return
        for window in self.windows:
            if isinstance(window, AttendantWindow):
                window.raise_()
                window.activateWindow()
                return
        counter_id = self.pick_counter(user)
        if counter_id is None:
            return
        window = self.attendant_window(user, counter_id)
        self._show(window)

    def _wire(self, window: Any) -> None:
        lock = self.lock
        if lock is None:
            lock = ScreenLock(
                runner=self.services.runner,
                auth=self.services.auth,
                window=window,
                watcher=self.watcher,
                parent=window,
            )
            lock.logout_requested.connect(self._on_logged_out)
            lock.unlocked.connect(self._on_unlocked)
            self.lock = lock
        else:
            lock.add_window(window)
        window.lock_requested.connect(lambda: lock.lock())
        window.session_expired.connect(lambda: lock.lock(expired=True))
        window.logged_out.connect(self._on_logged_out)
        window.settings_requested.connect(lambda: self._open_settings(window))

    def _show(self, window: Any) -> None:
        self.windows.append(window)
        window.resize(1280, 800)
        window.show()
        window.start()

    def _open_settings(self, parent: Any) -> None:
        centre = getattr(parent, "centre", None)
        counters = [(c.id, c.name) for c in centre.counters] if centre is not None else []
        dialog = SettingsDialog(
            runner=self.services.runner,
            settings=self.services.settings,
            save=save_user_settings,
            counters=counters,
            parent=parent,
        )
        dialog.saved.connect(self._on_settings_saved)
        dialog.exec()

    def _on_settings_saved(self, settings: Settings) -> None:
        self.services.settings = settings

    def _on_unlocked(self) -> None:
        for controller in self.controllers:
            controller.resume()  # a feed that ended with an expired session starts again

    def _on_logged_out(self) -> None:
        if self.outcome == "logout":
            return  # a second window or the lock dialog said it too
        self.outcome = "logout"
        if self.lock is not None and self.lock.dialog is not None:
            self.lock.dialog.done(QDialog.DialogCode.Accepted)
        for window in list(self.windows):
            window.close()  # an attendant window closes its counter on the central
        self.stop_case_desks()
        self._logout_when_idle()

    def _logout_when_idle(self) -> None:
        """Revoke the session only after the windows' last commands (closing the counter)."""
        runner = self.services.runner
        if runner.in_flight and not runner.closed:
            QTimer.singleShot(50, self._logout_when_idle)
            return
        runner.submit(
            self.services.auth.logout,
            owner=None,
            on_done=self._on_logout_finished,
            on_error=self._on_logout_finished,
        )

    def _on_logout_finished(self, _result: object = None) -> None:
        self._logout_finished = True

    def _wait_for_logout(self) -> None:
        """The next sign-in starts only once the old session is revoked and forgotten: else
        the login dialog could resume the token being revoked, or a new login be logged out."""
        loop = QEventLoop()
        while not self._logout_finished and not self.services.runner.closed:
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def run(self, user: User) -> str:
        settings = self.services.settings
        self.watcher = IdleWatcher(
            settings.idle_lock_minutes * 60, settings.idle_warning_seconds, parent=self.app
        )
        window = self.open_for(user)
        if window is None:
            return "quit"
        self.watcher.install(self.app)
        self._show(window)
        self.app.exec()
        self.watcher.uninstall(self.app)
        self.stop_case_desks()
        self.watcher.deleteLater()
        if self.outcome == "logout":
            self._wait_for_logout()
        return self.outcome


def run_app(app: QApplication, services: Services, *, demo: bool = False) -> int:
    """Sign in, work, and after a logout sign in again; returns when the user quits."""
    while True:
        session = Session(app, services, demo=demo)
        user = session.sign_in()
        if user is None:
            return 0
        if session.run(user) != "logout":
            return 0
