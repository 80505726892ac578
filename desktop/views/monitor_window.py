"""The supervisor's monitor: every service's queue against its target wait (red when over) and
every counter's state, attendant and ticket, refreshed from the live stream."""

from __future__ import annotations

from typing import Any, Unpack

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop.domain.centre import Centre
from desktop.views.monitor_models import CounterStatusTableModel, ServiceLoadTableModel
from desktop.views.workspace_window import Workspace, WorkspaceWindow

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


class MonitorWindow(WorkspaceWindow):
    work_at_counter_requested = Signal()

    def __init__(
        self, *, centre_id: int, refresh_ms: int = REFRESH_MS, **workspace: Unpack[Workspace]
    ) -> None:
        super().__init__(**workspace)
        self.setObjectName("monitorWindow")
        self.setWindowTitle(self.tr("Balcão: monitor"))
        self.setAccessibleName(self.tr("Monitor"))
        self._centre_id = centre_id

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
        self._build_bars(
            self.tr("The figures on screen may be out of date. Reconnecting automatically…")
        )

        layout = self._build_page()
        layout.addWidget(self.summary)
        layout.addWidget(services_title)
        layout.addWidget(self.services_view, 9)
        layout.addWidget(counters_title)
        layout.addWidget(self.counters_view, 11)
        self._body = layout
        self._build_status_bar()

        self.work_action = QAction(self.tr("&Work at a counter…"), self)
        self.work_action.setObjectName("action_work_at_counter")
        self.work_action.setShortcut(QKeySequence("Ctrl+W"))
        self.work_action.setVisible(self._user.works_at_counter)
        self.work_action.triggered.connect(self.work_at_counter_requested)
        self._build_session_menu(self.work_action)

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
            on_error=self._show_error,
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

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self._timer.stop()
        self._live.stop()
        super().closeEvent(event)
