"""Table models of the supervisor's monitor: the load of each service and the state of each
counter. Rows are fixed by the centre (services) or the live state (counters); `refresh()`
re-reads the values and emits `dataChanged` only for rows that changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.centre import ServiceInfo
from desktop.views.messages import Messages, time_text

Index = QModelIndex | QPersistentModelIndex
OVER_TARGET = QColor("#b00020")
NEAR_TARGET = QColor("#8a5a00")


class _FixedTableModel(QAbstractTableModel):
    """Rows of plain tuples (one string per column) plus a per-row flag for colour."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = Messages(self)
        self._rows: list[tuple[str, ...]] = []
        self._keys: list[int] = []
        self._alerts: list[int] = []  # 0 fine, 1 near the target, 2 over it
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.header_texts())

    def header_texts(self) -> Sequence[str]:
        raise NotImplementedError

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            texts = self.header_texts()
            return texts[section] if 0 <= section < len(texts) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if column >= len(self._rows[row]):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[row][column]
        alert = self._alerts[row]
        if role == Qt.ItemDataRole.ForegroundRole and alert and column in self.alert_columns():
            return QBrush(OVER_TARGET if alert == 2 else NEAR_TARGET)
        if role == Qt.ItemDataRole.FontRole and alert == 2 and column in self.alert_columns():
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.number_columns():
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def alert_columns(self) -> frozenset[int]:
        return frozenset()

    def number_columns(self) -> frozenset[int]:
        return frozenset()

    def alert_of(self, row: int) -> int:
        return self._alerts[row]

    def _replace(self, keys: list[int], rows: list[tuple[str, ...]], alerts: list[int]) -> None:
        if keys != self._keys:
            # The set of rows changed (first load, a counter added): rare, not per event.
            self.beginResetModel()
            self._keys, self._rows, self._alerts = keys, rows, alerts
            self.endResetModel()
            return
        for row, (new, alert) in enumerate(zip(rows, alerts, strict=True)):
            if new != self._rows[row] or alert != self._alerts[row]:
                self._rows[row] = new
                self._alerts[row] = alert
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(new) - 1))


class ServiceLoadTableModel(_FixedTableModel):
    """Per service: waiting, of which priority, longest wait against the target."""

    def header_texts(self) -> Sequence[str]:
        return (
            self.tr("Service"),
            self.tr("Waiting"),
            self.tr("Priority"),
            self.tr("Longest wait"),
            self.tr("Target"),
        )

    def alert_columns(self) -> frozenset[int]:
        return frozenset({3})

    def number_columns(self) -> frozenset[int]:
        return frozenset({1, 2, 3, 4})

    def refresh(self, services: Sequence[ServiceInfo], stats: Mapping[int, Any]) -> None:
        keys: list[int] = []
        rows: list[tuple[str, ...]] = []
        alerts: list[int] = []
        for service in services:
            if not service.active:
                continue
            stat = stats.get(service.id)
            waiting = stat.waiting if stat else 0
            priority = stat.priority_waiting if stat else 0
            longest = stat.longest_wait_seconds if stat else 0
            target = service.target_wait_minutes * 60
            alert = 0
            if waiting and target:
                alert = 2 if longest > target else 1 if longest > 0.75 * target else 0
            keys.append(service.id)
            rows.append(
                (
                    f"{service.prefix} · {service.name}",
                    str(waiting),
                    str(priority) if priority else "",
                    self._messages.duration_text(longest) if waiting else "",
                    self._messages.duration_text(target) if target else "",
                )
            )
            alerts.append(alert)
        self._replace(keys, rows, alerts)


class CounterStatusTableModel(_FixedTableModel):
    """Per counter: state (with pause reason), who is there, the ticket being served, since."""

    def header_texts(self) -> Sequence[str]:
        return (
            self.tr("Counter"),
            self.tr("State"),
            self.tr("Attendant"),
            self.tr("Ticket"),
            self.tr("Since"),
        )

    def alert_columns(self) -> frozenset[int]:
        return frozenset({1})

    def refresh(self, counters: Mapping[int, Any]) -> None:
        keys: list[int] = []
        rows: list[tuple[str, ...]] = []
        alerts: list[int] = []
        for counter in sorted(counters.values(), key=lambda c: c.number):
            keys.append(counter.id)
            rows.append(
                (
                    counter.name or self.tr("Counter {number}").format(number=counter.number),
                    self._messages.counter_state_name(counter.state, counter.pause_reason),
                    counter.attendant or "",
                    counter.current_ticket_number or "",
                    time_text(counter.state_since),
                )
            )
            alerts.append(1 if counter.state == "paused" else 0)
        self._replace(keys, rows, alerts)
