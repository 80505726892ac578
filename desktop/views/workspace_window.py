"""`WorkspaceWindow`: what the signed-in user's main windows (the counter, reception, the monitor)
have in common.

Each works with the same session services (the task runner, the queue service, the live queue
of the centre) for one user; each has the Session menu (settings, lock, log out), the offline
banner and the message bar above its own body, the user and the connection in the status bar,
and shows a failed request or a change of the live feed the same way. A subclass builds its body
and calls the `_build_*` helpers at the point of its construction where those widgets belong
(the order widgets are made in is their tab order).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NotRequired, TypedDict, Unpack

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from desktop.domain.centre import Centre
from desktop.domain.errors import SESSION_EXPIRED
from desktop.domain.users import User
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner
from desktop.views.connection_widgets import ConnectionIndicator, OfflineBanner, feed_state_name
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.message_bar import MessageBar
from desktop.views.messages import Messages
from desktop.views.queue_table_model import utc_now


class Workspace(TypedDict):
    """The keyword arguments every workspace window takes (a subclass adds its own)."""

    runner: TaskRunner
    queue_service: QueueService
    live: LiveQueueController  # the live queue of the user's centre
    user: User
    now: NotRequired[Callable[[], datetime]]  # the wall clock (UTC), for waiting times
    parent: NotRequired[QWidget | None]


class WorkspaceWindow(QMainWindow):
    logged_out = Signal()
    lock_requested = Signal()
    session_expired = Signal()
    settings_requested = Signal()

    # Made by `_build_bars`, where the subclass's construction puts them.
    message_bar: MessageBar
    offline_banner: OfflineBanner
    connection: ConnectionIndicator

    def __init__(self, **workspace: Unpack[Workspace]) -> None:
        super().__init__(workspace.get("parent"))
        self._runner = workspace["runner"]
        self._queue_service = workspace["queue_service"]
        self._live = workspace["live"]
        self._user = workspace["user"]
        self._now = workspace.get("now", utc_now)
        self._messages = Messages(self)
        self._centre: Centre | None = None

    # --- building ---------------------------------------------------------------------------

    def _build_bars(self, offline_detail: str) -> None:
        """The message bar, the offline banner (saying what still works offline) and the
        connection indicator."""
        self.message_bar = MessageBar(self)
        self.offline_banner = OfflineBanner(offline_detail, self)
        self.connection = ConnectionIndicator(self)

    def _build_page(self) -> QVBoxLayout:
        """The central widget: the offline banner and the message bar on top; the caller adds
        its body to the layout returned."""
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.message_bar)
        self.setCentralWidget(central)
        return layout

    def _build_status_bar(self, *first: QWidget) -> None:
        """The status bar: `first`, then who is signed in; the connection at the right."""
        self.user_label = QLabel(self._user.full_name or self._user.username, self)
        self.user_label.setAccessibleName(self.tr("Signed in as"))
        status = self.statusBar()
        for widget in (*first, self.user_label):
            status.addWidget(widget)
        status.addPermanentWidget(self.connection)

    def _build_session_menu(self, *first: QAction) -> QMenu:
        """The Session menu: `first`, then settings, lock screen (Ctrl+L) and log out; its
        shortcuts work anywhere in the window."""
        session = self.menuBar().addMenu(self.tr("&Session"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.triggered.connect(self.settings_requested)
        self.lock_action = QAction(self.tr("&Lock screen"), self)
        self.lock_action.setObjectName("action_lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.setObjectName("action_logout")
        self.logout_action.triggered.connect(self._on_logout_action_triggered)
        for action in (*first, self.settings_action, self.lock_action, self.logout_action):
            session.addAction(action)
            self.addAction(action)
        return session

    # --- reacting ---------------------------------------------------------------------------

    @Slot()
    def _on_logout_action_triggered(self) -> None:
        self.logged_out.emit()

    def _show_error(self, error: BaseException) -> str:
        """Say what failed in the message bar and hand on a session that has ended; returns
        the error's code ("" for an error without one)."""
        code = str(getattr(error, "code", ""))
        self.message_bar.show_error(self._messages.error_text(error))
        if code == SESSION_EXPIRED:
            self.session_expired.emit()
        return code

    @Slot(object, object)
    def _on_live_feed_state_changed(self, state: Any, retry_in: Any) -> None:
        name = feed_state_name(state)
        if name == "SESSION_EXPIRED":
            self.session_expired.emit()
        self.connection.set_state(name, retry_in)
        self.offline_banner.set_state(name)
