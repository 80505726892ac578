"""The supervisor's monitor: every service's queue against its target wait (red when over) and
every counter's state, attendant and ticket, refreshed from the live stream."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import Centre
from desktop.domain.users import User
from desktop.tasks import TaskRunner
from desktop.views.connection_widgets import ConnectionIndicator, OfflineBanner, feed_state_name
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.message_bar import MessageBar
from desktop.views.messages import Messages
from desktop.views.monitor_models import CounterStatusTableModel, ServiceLoadTableModel
from desktop.views.queue_table_model import utc_now

REFRESH_MS = 5000


def _table(model: Any, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class MonitorWindow(QMainWindow):
    logged_out = Signal()
    lock_requested = Signal()
    session_expired = Signal()
    settings_requested = Signal()
    work_at_counter_requested = Signal()

    def __init__(
        self,
        *,
        runner: TaskRunner,
        queue_service: Any,
        live: LiveQueueController,
        user: User,
        centre_id: int,
        now: Callable[[], datetime] = utc_now,
        refresh_ms: int = REFRESH_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("monitorWindow")
        self.setWindowTitle(self.tr("Balcão: monitor"))
        self.setAccessibleName(self.tr("Monitor"))
        self._runner = runner
        self._queue_service = queue_service
        self._live = live
        self._user = user
        self._centre_id = centre_id
        self._now = now
        self._messages = Messages(self)
        self._centre: Centre | None = None

        self.services_model = ServiceLoadTableModel(self)
        self.counters_model = CounterStatusTableModel(self)
        self.services_view = _table(self.services_model, self.tr("Services"), self)
        self.counters_view = _table(self.counters_model, self.tr("Counters"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("sectionTitle")
        services_title = QLabel(self.tr("&Queues by service"), self)
        services_title.setObjectName("sectionTitle")
        services_title.setBuddy(self.services_view)
        counters_title = QLabel(self.tr("C&ounters"), self)
        counters_title.setObjectName("sectionTitle")
        counters_title.setBuddy(self.counters_view)
        self.message_bar = MessageBar(self)
        self.offline_banner = OfflineBanner(
            self.tr("The figures on screen may be out of date. Reconnecting automatically…"), self
        )
        self.connection = ConnectionIndicator(self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.summary)
        layout.addWidget(services_title)
        layout.addWidget(self.services_view, 9)
        layout.addWidget(counters_title)
        layout.addWidget(self.counters_view, 11)
        self.setCentralWidget(central)
        self._body = layout
        self.statusBar().addWidget(QLabel(user.full_name or user.username, self))
        self.statusBar().addPermanentWidget(self.connection)

        session = self.menuBar().addMenu(self.tr("&Session"))
        self.work_action = QAction(self.tr("&Work at a counter…"), self)
        self.work_action.setObjectName("action_work_at_counter")
        self.work_action.setShortcut(QKeySequence("Ctrl+W"))
        self.work_action.setVisible(user.works_at_counter)
        self.work_action.triggered.connect(self.work_at_counter_requested)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.triggered.connect(self.settings_requested)
        self.lock_action = QAction(self.tr("&Lock screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.triggered.connect(self.logged_out)
        for action in (
            self.work_action,
            self.settings_action,
            self.lock_action,
            self.logout_action,
        ):
            session.addAction(action)
            self.addAction(action)

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._live.reloaded.connect(self.refresh)
        self._live.changed.connect(self._on_live_changed)
        self._live.feed_state_changed.connect(self._on_live_feed_state_changed)
        self.refresh()

    def start(self) -> None:
        self._runner.submit(
            self._queue_service.load_centre,
            self._centre_id,
            owner=self,
            on_done=self._on_centre_loaded,
            on_error=self._on_failed,
        )
        self._live.start()
        self._timer.start()

    def _on_centre_loaded(self, centre: Centre) -> None:
        self._centre = centre
        # Room for each table in proportion to its rows, so neither has to scroll.
        self._body.setStretchFactor(self.services_view, len(centre.services) + 1)
        self._body.setStretchFactor(self.counters_view, len(centre.counters) + 1)
        self.setWindowTitle(self.tr("Balcão: monitor · {centre}").format(centre=centre.name))
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self.message_bar.show_error(self._messages.error_text(error))
        if getattr(error, "code", "") == "auth.session_expired":
            self.session_expired.emit()

    @Slot()
    def refresh(self) -> None:
        state = self._live.state
        if self._centre is None or state is None:
            self.summary.setText(self.tr("Loading the queues…"))
            return
        stats = state.service_stats(self._now())
        self.services_model.refresh(self._centre.services, stats)
        self.counters_model.refresh(state.counters)
        waiting = sum(s.waiting for s in stats.values())
        open_counters = sum(1 for c in state.counters.values() if c.state == "open")
        over = sum(
            1
            for row in range(self.services_model.rowCount())
            if self.services_model.alert_of(row) == 2
        )
        text = self.tr("{waiting} waiting · {open} counters open").format(
            waiting=waiting, open=open_counters
        )
        if over:
            text += " · " + self.tr("{count} over the target wait").format(count=over)
        self.summary.setText(text)

    @Slot(object)
    def _on_live_changed(self, _change: Any) -> None:
        self.refresh()

    @Slot(object, object)
    def _on_live_feed_state_changed(self, state: Any, retry_in: Any) -> None:
        name = feed_state_name(state)
        if name == "SESSION_EXPIRED":
            self.session_expired.emit()
        self.connection.set_state(name, retry_in)
        self.offline_banner.set_state(name)

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self._timer.stop()
        self._live.stop()
        super().closeEvent(event)
