"""Composition root of the desktop application (`balcao`): parse the command line, load the
settings, build the services and the TaskRunner, sign in, open the window for the user's role.

    balcao [--server URL] [--counter ID] [--language pt_PT|en]
    balcao --demo        a demo central of its own; signed in as atendente1 at counter 1
    balcao --self-test   call → start → finish against a demo central, then exit (0 = passed)

Nothing here is global: `main()` builds everything and passes it in.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from desktop.api.api_client import ApiClient
from desktop.config import Settings, configure_logging, load_settings, save_user_settings
from desktop.domain.errors import BalcaoError
from desktop.domain.users import Role, User
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.embedded_central import EmbeddedCentral
from desktop.services.event_feed import EventFeed
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner
from desktop.views.attendant_window import AttendantWindow
from desktop.views.counter_picker_dialog import CounterPickerDialog
from desktop.views.idle_lock import IdleWatcher, ScreenLock
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.login_dialog import LoginDialog
from desktop.views.messages import error_text
from desktop.views.monitor_window import MonitorWindow
from desktop.views.prompter import ScriptedPrompter
from desktop.views.reception_window import ReceptionWindow
from desktop.views.settings_dialog import SettingsDialog

log = logging.getLogger("desktop.app")

DEMO_USER = "atendente1"
DEMO_PASSWORD = "balcao-demo"  # noqa: S105 - the published demo credential
DEMO_RECEPTION = "rececao"
DEMO_COUNTER_NUMBER = 1
SELF_TEST_TIMEOUT = 30.0


# --- resources ----------------------------------------------------------------------------------


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def translation_file(language: str, cache_dir: Path) -> Path | None:
    """The compiled translations for `language`: `resources/i18n/balcao_<lang>.qm` (built by
    `make i18n`), else compiled now from the `.ts` into `cache_dir` if lrelease is at hand.
    None when neither works: the app then speaks the source language (English)."""
    i18n = resources_dir() / "i18n"
    source = i18n / f"balcao_{language}.ts"
    built = i18n / f"balcao_{language}.qm"
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return built if built.exists() else None
    tool = _lrelease()
    if tool is None:
        return built if built.exists() else None
    target = cache_dir / f"balcao_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603 - the lrelease of our own PySide6
            [tool, "-silent", str(source), "-qm", str(target)], check=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("translations not compiled (%s): English is used", exc)
        return built if built.exists() else None
    return target


def install_translations(app: QApplication, language: str, cache_dir: Path) -> list[QTranslator]:
    """Qt's own strings and ours, for `language`; sets the default QLocale (dates, numbers)."""
    locale = QLocale(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    path = translation_file(language, cache_dir)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translations for %s: English is used", language)
    return installed


def install_style(app: QApplication) -> None:
    path = resources_dir() / "styles" / "balcao.qss"
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s not found: the default style is used", path)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not to the attendant's console."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def make_application(settings: Settings) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Balcão")
    app.setOrganizationName("Balcao")
    app.setStyle("Fusion")
    qInstallMessageHandler(_qt_message)
    install_translations(app, settings.language, settings.data_dir / "i18n")
    install_style(app)
    return app


# --- services -----------------------------------------------------------------------------------


@dataclass
class Services:
    settings: Settings
    api: ApiClient
    store: CredentialStore
    auth: AuthService
    queue: QueueService
    runner: TaskRunner

    def switch_server(self, url: str) -> AuthService:
        """A new server typed in the login dialog: new client and services (nothing signed in
        yet). The URL is kept in the user's settings unless the policy fixes it."""
        self.api.close()
        self.api = ApiClient(url)
        self.auth = AuthService(self.api, self.store, remember=self.settings.remember_session)
        self.queue = QueueService(self.api)
        if "server_url" not in self.settings.locked:
            settings = self.settings
            self.runner.submit(
                lambda: save_user_settings(settings, server_url=url), owner=None, pool="db"
            )
        return self.auth

    def close(self) -> None:
        self.runner.shutdown()
        self.api.close()


def build_services(settings: Settings, *, remember: bool | None = None) -> Services:
    api = ApiClient(settings.server_url)
    store = CredentialStore()
    keep = settings.remember_session if remember is None else remember
    return Services(
        settings=settings,
        api=api,
        store=store,
        auth=AuthService(api, store, remember=keep),
        queue=QueueService(api),
        runner=TaskRunner(),
    )


# --- the session: sign in, choose the counter, open the window ----------------------------------


class Session:
    """One signed-in user's windows; `run()` returns "logout" or "quit"."""

    def __init__(self, app: QApplication, services: Services, *, demo: bool = False) -> None:
        self.app = app
        self.services = services
        self.demo = demo
        self.windows: list[QMainWindow] = []
        self.outcome = "quit"
        self.locks: list[ScreenLock] = []
        self.controllers: list[LiveQueueController] = []
        self.watcher: IdleWatcher | None = None

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

    def attendant_window(self, user: User, counter_id: int) -> AttendantWindow:
        assert user.centre_id is not None
        window = AttendantWindow(
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
        lock = ScreenLock(
            runner=self.services.runner,
            auth=self.services.auth,
            window=window,
            watcher=self.watcher,
            parent=window,
        )
        self.locks.append(lock)
        window.lock_requested.connect(lambda: lock.lock())
        window.session_expired.connect(lambda: lock.lock(expired=True))
        window.logged_out.connect(self._on_logged_out)
        lock.logout_requested.connect(self._on_logged_out)
        lock.unlocked.connect(self._on_unlocked)
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
        self.outcome = "logout"
        for lock in self.locks:
            if lock.dialog is not None:
                lock.dialog.done(QDialog.DialogCode.Accepted)
        for window in list(self.windows):
            window.close()  # an attendant window closes its counter on the central
        self._logout_when_idle()

    def _logout_when_idle(self) -> None:
        """Revoke the session only after the windows' last commands (closing the counter)."""
        runner = self.services.runner
        if runner.in_flight and not runner.closed:
            QTimer.singleShot(50, self._logout_when_idle)
            return
        runner.submit(self.services.auth.logout, owner=None)

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


# --- --demo and --self-test ---------------------------------------------------------------------


@contextmanager
def embedded_central(*, simulator: bool = True) -> Iterator[EmbeddedCentral]:
    print("Starting the demo central service…", file=sys.stderr)
    with EmbeddedCentral(simulator=simulator) as central:
        yield central


def demo_counter_id(queue: QueueService, centre_id: int, number: int) -> int:
    centre = queue.load_centre(centre_id)
    for counter in centre.counters:
        if counter.number == number:
            return counter.id
    raise BalcaoError("counter.not_found", f"no counter number {number} in the demo centre")


def run_demo(settings: Settings) -> int:
    with embedded_central() as central:
        settings = replace(settings, server_url=central.url)
        app = make_application(settings)
        services = build_services(settings, remember=False)
        try:
            user = services.auth.login(DEMO_USER, DEMO_PASSWORD)
            assert user.centre_id is not None
            counter_id = demo_counter_id(services.queue, user.centre_id, DEMO_COUNTER_NUMBER)
            services.settings = replace(settings, counter_id=counter_id)
            session = Session(app, services, demo=True)
            if session.run(user) == "logout":
                return run_app(app, services, demo=True)
            return 0
        finally:
            services.close()


def wait_until(app: QApplication, predicate: Callable[[], bool], what: str, timeout: float) -> None:
    """Run the event loop until `predicate()` holds (results arrive as queued signals)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not done within {timeout:.0f} s")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def self_test(settings: Settings, *, timeout: float = SELF_TEST_TIMEOUT) -> int:
    """Builds the counter window against a demo central and serves one citizen through the real
    services and threads. Prints a short report; 0 if everything worked."""
    steps: list[str] = []
    started = time.monotonic()

    def step(text: str) -> None:
        steps.append(f"  ok  {time.monotonic() - started:5.1f} s  {text}")

    try:
        with embedded_central(simulator=False) as central:
            settings = replace(settings, server_url=central.url)
            app = make_application(settings)
            step(f"central running at {central.url}")
            services = build_services(settings, remember=False)
            reception_api = ApiClient(central.url)
            try:
                user = services.auth.login(DEMO_USER, DEMO_PASSWORD)
                assert user.centre_id is not None
                step(f"signed in as {user.username} ({user.role})")
                reception = AuthService(reception_api, services.store, remember=False)
                reception.login(DEMO_RECEPTION, DEMO_PASSWORD)
                reception_queue = QueueService(reception_api)
                centre = reception_queue.load_centre(user.centre_id)
                counter_id = demo_counter_id(services.queue, user.centre_id, DEMO_COUNTER_NUMBER)
                counter = centre.counter(counter_id)
                if counter is None or not counter.service_ids:
                    raise AssertionError("the demo counter has no services")
                issued = reception_queue.issue_ticket(centre.id, counter.service_ids[0], "none")
                step(f"reception issued ticket {issued.number}")
                session = Session(app, services, demo=True)
                window = session.attendant_window(user, counter_id)
                window.prompter = ScriptedPrompter()
                session._show(window)
                wait_until(app, lambda: window.counter is not None, "opening the counter", timeout)
                wait_until(app, lambda: not window.busy, "loading the counter", timeout)
                if window.panel.ticket is not None:
                    raise AssertionError("the demo counter already had a ticket")
                step(f"window open at {window.counter.name if window.counter else '?'}")
                window.counter_actions["call_next"].trigger()
                wait_until(app, lambda: window.panel.ticket is not None, "call next", timeout)
                ticket = window.panel.ticket
                assert ticket is not None
                step(f"called {ticket.number}")
                window.counter_actions["start"].trigger()
                wait_until(
                    app,
                    lambda: (
                        window.panel.ticket is not None and window.panel.ticket.status == "serving"
                    ),
                    "start",
                    timeout,
                )
                step(f"serving {ticket.number}")
                window.panel.set_notes("self-test")
                window.counter_actions["finish"].trigger()
                wait_until(
                    app, lambda: window.panel.ticket is None and not window.busy, "finish", timeout
                )
                finished = services.queue.api.ticket(ticket.id)
                if finished.status != "done":
                    raise AssertionError(f"ticket {ticket.number} is {finished.status}, not done")
                step(f"finished {ticket.number} (outcome {finished.outcome})")
                window.close()
                wait_until(app, lambda: services.runner.in_flight == 0, "closing", timeout)
                step("counter closed")
            finally:
                reception_api.close()
                services.close()
    except Exception as exc:
        print("Balcão self-test FAILED", file=sys.stdout)
        print("\n".join(steps))
        detail = exc.message if isinstance(exc, BalcaoError) else f"{type(exc).__name__}: {exc}"
        print(f"  FAIL  {detail}")
        log.exception("self-test failed")
        return 1
    print("Balcão self-test passed")
    print("\n".join(steps))
    return 0


# --- entry point --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="balcao", description="Balcão counter workspace")
    parser.add_argument("--server", help="address of the central service")
    parser.add_argument("--counter", type=int, help="id of this computer's counter")
    parser.add_argument("--language", choices=("pt_PT", "en"), help="language of the screens")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--demo", action="store_true", help="run a demo central and sign in as atendente1"
    )
    mode.add_argument(
        "--self-test",
        action="store_true",
        help="serve one citizen against a demo central and exit (0 = passed)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    overrides = {"server_url": args.server, "counter_id": args.counter, "language": args.language}
    settings = load_settings(overrides)
    configure_logging(settings)
    log.info(
        "balcao starting (%s)", "self-test" if args.self_test else "demo" if args.demo else "app"
    )
    try:
        if args.self_test:
            return self_test(settings)
        if args.demo:
            return run_demo(settings)
        app = make_application(settings)
        services = build_services(settings)
        try:
            return run_app(app, services)
        finally:
            services.close()
    except BalcaoError as exc:
        print(error_text(exc) if QApplication.instance() else exc.message, file=sys.stderr)
        log.error("balcao stopped: %s", exc.code)
        return 2


if __name__ == "__main__":
    sys.exit(main())
