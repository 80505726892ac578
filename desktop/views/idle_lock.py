"""The idle lock: after `idle_lock_minutes` without input a warning counts down
`idle_warning_seconds`; then the screen locks until the user types their password again.

Nothing is closed or reloaded: the window is hidden behind the lock (the citizen in front of the
counter must not see it) and shown again as it was, with the ticket and the typed notes. The same
lock asks for the password when the session expired on the central.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from desktop.views.messages import Messages
from desktop.views.widget_style import mark_primary

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Watches the application's input. States: active → warning (countdown) → locked."""

    warning_started = Signal(int)  # seconds left
    warning_ticked = Signal(int)  # seconds left
    warning_cancelled = Signal()
    lock_due = Signal()

    def __init__(
        self,
        idle_seconds: float,
        warning_seconds: float,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self._clock = clock
        self._last_input = clock()
        self._warning = False
        self._locked = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)
        self._timer.start()

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self._timer.stop()

    @property
    def warning(self) -> bool:
        return self._warning

    @property
    def locked(self) -> bool:
        return self._locked

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self._locked:
            self.touch()
        return False

    def touch(self) -> None:
        """Input arrived: the user is there."""
        self._last_input = self._clock()
        if self._warning:
            self._warning = False
            self.warning_cancelled.emit()

    def lock_now(self) -> None:
        if not self._locked:
            self._warning = False
            self._locked = True
            self.lock_due.emit()

    def unlocked(self) -> None:
        self._locked = False
        self.touch()

    @Slot()
    def check(self) -> None:
        if self._locked:
            return
        idle = self._clock() - self._last_input
        if idle < self.idle_seconds:
            return
        left = max(0, round(self.idle_seconds + self.warning_seconds - idle))
        if left <= 0:
            self.lock_now()
        elif not self._warning:
            self._warning = True
            self.warning_started.emit(left)
        else:
            self.warning_ticked.emit(left)


class IdleWarning(QFrame):
    """The countdown before the lock, over the window; any input dismisses it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("idleWarning")
        self.setAccessibleName(self.tr("Inactivity warning"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_seconds(self, seconds: int) -> None:
        text = self.tr(
            "Balcão locks in {seconds} s because nobody has used it. Move the mouse or press a "
            "key to keep working."
        ).format(seconds=seconds)
        self._label.setText(text)
        self.setAccessibleDescription(text)
        parent = self._host
        width = min(560, parent.width() - 40)
        self.setFixedWidth(max(300, width))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, 60)
        self.show()
        self.raise_()


class LockDialog(QDialog):
    """Covers the window until the password is typed again (or the user logs out)."""

    unlocked = Signal(object)  # User
    logout_requested = Signal()

    def __init__(
        self,
        *,
        runner: TaskRunner,
        auth: Any,
        expired: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Balcão is locked"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)
        self._runner = runner
        self._auth = auth
        self._messages = Messages(self)
        self._running = False
        user = auth.user
        name = (user.full_name or user.username) if user is not None else ""

        title = QLabel(self.tr("Balcão is locked"), self)
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = QLabel(self)
        self.reason_label.setWordWrap(True)
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_expired(expired)
        who = QLabel(self.tr("Signed in as {name}").format(name=name), self)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.returnPressed.connect(self.submit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        mark_primary(self.unlock_button)
        self.unlock_button.clicked.connect(self.submit)
        self.logout_button = QPushButton(self.tr("Log out"), self)
        self.logout_button.setAccessibleName(self.tr("Log out"))
        self.logout_button.clicked.connect(self.logout_requested)

        card = QFrame(self)
        card.setObjectName("lockCard")
        card_layout = QVBoxLayout(card)
        for widget in (
            title,
            self.reason_label,
            who,
            self.password_edit,
            self.error_label,
            self.unlock_button,
            self.logout_button,
        ):
            card_layout.addWidget(widget)
        card.setFixedWidth(420)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.password_edit.setFocus()

    def set_expired(self, expired: bool) -> None:
        if expired:
            self.reason_label.setText(
                self.tr("Your session has ended. Enter your password to continue where you left.")
            )
        else:
            self.reason_label.setText(
                self.tr("Locked after a period without use. Your work is kept.")
            )

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    @Slot()
    def submit(self) -> None:
        if self._running:
            return
        password = self.password_edit.text()
        if not password:
            self.password_edit.setFocus()
            return
        self._running = True
        self.unlock_button.setEnabled(False)
        self._runner.submit(
            self._auth.unlock,
            password,
            owner=self,
            on_done=self._on_unlock_done,
            on_error=self._on_unlock_failed,
        )

    def _on_unlock_done(self, user: Any) -> None:
        self._running = False
        self.unlock_button.setEnabled(True)
        self.password_edit.clear()
        self.unlocked.emit(user)
        self.done(QDialog.DialogCode.Accepted)

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._running = False
        self.unlock_button.setEnabled(True)
        self.password_edit.clear()
        self.error_label.setText(self._messages.error_text(error))
        self.error_label.show()
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Esc does not unlock."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)


class ScreenLock(QObject):
    """Ties the watcher, the warnings and one lock dialog to the session's main windows.

    A supervisor may have the monitor and a counter window open: one idle period locks both
    behind one dialog, and one password unlocks both."""

    locked = Signal()
    unlocked = Signal()
    logout_requested = Signal()

    def __init__(
        self,
        *,
        runner: TaskRunner,
        auth: Any,
        window: QWidget,
        watcher: IdleWatcher | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._auth = auth
        self._windows: list[QWidget] = []
        self._warnings: list[IdleWarning] = []
        self.watcher = watcher
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self.add_window(window)
        if watcher is not None:
            watcher.warning_started.connect(self._on_watcher_warning_started)
            watcher.warning_ticked.connect(self._on_watcher_warning_ticked)
            watcher.warning_cancelled.connect(self._on_watcher_warning_cancelled)
            watcher.lock_due.connect(self._on_watcher_lock_due)

    def add_window(self, window: QWidget) -> None:
        """Another window of the same session; locked now if the session is locked."""
        self._windows.append(window)
        self._warnings.append(IdleWarning(window))
        if self.dialog is not None:
            self._hide_contents(window)

    @property
    def warning(self) -> IdleWarning:
        """The warning over the first window."""
        return self._warnings[0]

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def lock(self, expired: bool = False) -> None:
        self._hide_warnings()
        if self.dialog is not None:
            if expired:
                self.dialog.set_expired(True)
            return
        if self.watcher is not None and not self.watcher.locked:
            self.watcher.lock_now()
            return  # lock_now comes back here through lock_due
        for window in self._windows:
            self._hide_contents(window)
        host = self._dialog_host()
        dialog = LockDialog(runner=self._runner, auth=self._auth, expired=expired, parent=host)
        dialog.unlocked.connect(self._on_dialog_unlocked)
        dialog.logout_requested.connect(self.logout_requested)
        dialog.setGeometry(host.geometry())
        self.dialog = dialog
        if len(self._windows) > 1:
            # Modal to the whole application: no other window of the session stays usable.
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()
        else:
            dialog.open()
        dialog.password_edit.setFocus()
        self.locked.emit()

    def _dialog_host(self) -> QWidget:
        """The window the dialog covers: the active one, else the first one on screen."""
        for window in self._windows:
            if window.isActiveWindow():
                return window
        for window in self._windows:
            if window.isVisible():
                return window
        return self._windows[0]

    def _hide_contents(self, window: QWidget) -> None:
        central = getattr(window, "centralWidget", lambda: None)()
        if central is not None and central.isVisible():
            central.hide()  # hidden, not destroyed: the ticket and the notes stay as they are
            self._hidden.append(central)

    def _hide_warnings(self) -> None:
        for warning in self._warnings:
            warning.hide()

    @Slot(int)
    def _on_watcher_warning_started(self, seconds: int) -> None:
        self._show_warnings(seconds)

    @Slot(int)
    def _on_watcher_warning_ticked(self, seconds: int) -> None:
        self._show_warnings(seconds)

    def _show_warnings(self, seconds: int) -> None:
        for window, warning in zip(self._windows, self._warnings, strict=True):
            if window.isVisible():
                warning.show_seconds(seconds)

    @Slot()
    def _on_watcher_warning_cancelled(self) -> None:
        self._hide_warnings()

    @Slot()
    def _on_watcher_lock_due(self) -> None:
        self.lock()

    @Slot(object)
    def _on_dialog_unlocked(self, _user: Any) -> None:
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if self.watcher is not None:
            self.watcher.unlocked()
        self.unlocked.emit()
