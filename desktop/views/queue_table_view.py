"""The table of waiting tickets: a sortable view over `QueueTableModel` through a proxy."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.domain.tickets import TicketSummary
from desktop.views.queue_table_model import (
    COUNTER,
    NUMBER,
    PRIORITY,
    SERVICE,
    SORT_ROLE,
    TICKET_ROLE,
    WAITED,
    QueueTableModel,
)


class QueueTableView(QTableView):
    def __init__(self, model: QueueTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueTable")
        self.setAccessibleName(self.tr("Waiting tickets"))
        self.source_model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(WAITED, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        for column in (NUMBER, PRIORITY, WAITED, COUNTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The "for counter" column only when a ticket waits for one particular counter.
        model.rowsInserted.connect(self._on_model_rows_changed)
        model.rowsRemoved.connect(self._on_model_rows_changed)
        model.dataChanged.connect(self._on_model_rows_changed)
        self._on_model_rows_changed()

    @Slot()
    def _on_model_rows_changed(self, *_args: object) -> None:
        hidden = not self.source_model.has_targeted
        if self.isColumnHidden(COUNTER) != hidden:
            self.setColumnHidden(COUNTER, hidden)

    def selected_ticket(self) -> TicketSummary | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        ticket = self.proxy.data(rows[0], TICKET_ROLE)
        return ticket if isinstance(ticket, TicketSummary) else None

    def visible_numbers(self) -> list[str]:
        """Ticket numbers in the order shown (tests, screenshots)."""
        return [
            str(self.proxy.data(self.proxy.index(row, NUMBER), TICKET_ROLE).number)
            for row in range(self.proxy.rowCount())
        ]
