"""The waiting tickets a counter can call, as a table model updated incrementally.

Rows are frozen `TicketSummary` values. `sync(rows)` compares the new list with the rows held
and emits exactly what changed (rows removed, rows inserted at the end, rows whose data changed);
the model is never reset because an event arrived, so selection and scroll position survive.
The "waited" column ticks: `tick()` (every few seconds from a timer) emits `dataChanged` for that
column only. Sort through a `QSortFilterProxyModel` on `SORT_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.tickets import TicketSummary
from desktop.views.messages import Messages

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TICKET_ROLE = Qt.ItemDataRole.UserRole + 2
TICK_MS = 5000
FRONT_BONUS = 1e10  # seconds: sorts tickets returned to the front before any other

NUMBER, SERVICE, PRIORITY, WAITED, COUNTER = range(5)
COLUMN_COUNT = 5

Index = QModelIndex | QPersistentModelIndex


def utc_now() -> datetime:
    return datetime.now(UTC)


class QueueTableModel(QAbstractTableModel):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self._messages = Messages(self)
        self._now = now
        self._rows: list[TicketSummary] = []
        self._row_of: dict[int, int] = {}
        self._service_names: dict[int, str] = {}
        self._counter_names: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        if tick_ms > 0:
            self._timer.start()

    # --- data in ----------------------------------------------------------------------------

    def set_names(self, services: Mapping[int, str], counters: Mapping[int, str]) -> None:
        self._service_names = dict(services)
        self._counter_names = dict(counters)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )

    def sync(self, rows: Iterable[TicketSummary]) -> None:
        """Make the model hold `rows` (any order) with the fewest signals."""
        wanted: dict[int, TicketSummary] = {}
        for ticket in rows:
            wanted[ticket.id] = ticket
        self._remove_missing(wanted)
        for row, held in enumerate(self._rows):
            new = wanted[held.id]
            if new != held:
                self._rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        fresh = [t for t in wanted.values() if t.id not in self._row_of]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            for offset, ticket in enumerate(fresh):
                self._row_of[ticket.id] = first + offset
            self.endInsertRows()

    def _remove_missing(self, wanted: Mapping[int, TicketSummary]) -> None:
        gone = [row for row, t in enumerate(self._rows) if t.id not in wanted]
        if not gone:
            return
        # Contiguous ranges, removed from the bottom up so earlier row numbers stay valid.
        ranges: list[tuple[int, int]] = []
        for row in gone:
            if ranges and ranges[-1][1] == row - 1:
                ranges[-1] = (ranges[-1][0], row)
            else:
                ranges.append((row, row))
        for first, last in reversed(ranges):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._row_of = {t.id: row for row, t in enumerate(self._rows)}

    def tick(self) -> None:
        """The waited times moved on: repaint that column only."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, WAITED),
                self.index(len(self._rows) - 1, WAITED),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole],
            )

    def stop_ticking(self) -> None:
        self._timer.stop()

    # --- data out ---------------------------------------------------------------------------

    @property
    def tickets(self) -> Sequence[TicketSummary]:
        return tuple(self._rows)

    def ticket_at(self, row: int) -> TicketSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            NUMBER: self.tr("Ticket"),
            SERVICE: self.tr("Service"),
            PRIORITY: self.tr("Priority"),
            WAITED: self.tr("Waiting"),
            COUNTER: self.tr("For counter"),
        }
        return headers.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ticket = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(ticket, column)
        if role == SORT_ROLE:
            return self._sort_key(ticket, column)
        if role == TICKET_ROLE:
            return ticket
        if role == Qt.ItemDataRole.FontRole and (
            column == NUMBER or (column == PRIORITY and ticket.is_priority)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == PRIORITY and ticket.is_priority:
            return QBrush(QColor("#8a1c00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == WAITED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NUMBER and ticket.front:
                return self.tr("Returned to the front of the queue")
            if column == PRIORITY and ticket.is_priority:
                return self._messages.priority_name(ticket.priority)
            if column == SERVICE:
                return self._display(ticket, SERVICE)
        return None

    def _display(self, ticket: TicketSummary, column: int) -> str:
        if column == NUMBER:
            return ticket.number + (" ↑" if ticket.front else "")
        if column == SERVICE:
            return self._service_names.get(ticket.service_id, str(ticket.service_id))
        if column == PRIORITY:
            return self._messages.priority_short_name(ticket.priority)
        if column == WAITED:
            return self._messages.duration_text(self.waited_seconds(ticket))
        if column == COUNTER:
            if ticket.target_counter_id is None:
                return ""
            return self._counter_names.get(ticket.target_counter_id, str(ticket.target_counter_id))
        return ""

    def _sort_key(self, ticket: TicketSummary, column: int) -> Any:
        if column == NUMBER:
            return ticket.number
        if column == SERVICE:
            return self._display(ticket, SERVICE)
        if column == PRIORITY:
            return 0 if ticket.is_priority else 1
        if column == WAITED:
            # Queue order: returned-to-the-front first, then the earliest queued. A fixed key,
            # so ticking never reorders rows.
            return ticket.queued_at.timestamp() - (FRONT_BONUS if ticket.front else 0.0)
        return self._display(ticket, column)

    @property
    def has_targeted(self) -> bool:
        """True if a ticket waits for one particular counter (the column is worth showing)."""
        return any(t.target_counter_id is not None for t in self._rows)

    def waited_seconds(self, ticket: TicketSummary) -> float:
        return max(0.0, (self._now() - ticket.queued_at).total_seconds())
