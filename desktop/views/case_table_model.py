"""`CaseTableModel`: the counter's local cases for the case list: state (word and colour),
reference (provisional until central gives the final one), type and when it was written. The
state is the desktop's (draft, waiting to sync, synced, needs attention), not central's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.domain.cases import CaseReferenceData, CaseState, LocalCase
from desktop.views.case_messages import CaseMessages
from desktop.views.messages import time_text

COLUMNS = ("state", "reference", "type", "time")
STATE, REFERENCE, TYPE, TIME = range(len(COLUMNS))
CASE_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_COLOURS = {
    CaseState.DRAFT: "#4a5565",
    CaseState.PENDING: "#8a5a00",
    CaseState.SYNCED: "#1b6e3a",
    CaseState.NEEDS_ATTENTION: "#b00020",
}

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: list[LocalCase] = []
        self._reference = CaseReferenceData()
        self._words = CaseMessages(self)

    def set_cases(self, cases: Sequence[LocalCase]) -> None:
        self.beginResetModel()
        self._cases = sorted(cases, key=lambda c: c.updated_at, reverse=True)
        self.endResetModel()

    def set_reference(self, reference: CaseReferenceData) -> None:
        self._reference = reference
        if self._cases:
            self.dataChanged.emit(self.index(0, TYPE), self.index(len(self._cases) - 1, TYPE))

    def case_at(self, row: int) -> LocalCase | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def row_of(self, local_id: str) -> int:
        return next((i for i, c in enumerate(self._cases) if c.local_id == local_id), -1)

    def count(self, state: CaseState) -> int:
        return sum(1 for c in self._cases if c.state is state)

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("State"), self.tr("Reference"), self.tr("Type"), self.tr("Time"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self.case_at(index.row())
        if case is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(case, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QColor(STATE_COLOURS[case.state])
        if role == Qt.ItemDataRole.ToolTipRole:
            if case.state is CaseState.NEEDS_ATTENTION and case.rejection is not None:
                return self.tr(
                    "Refused by the central service ({code}): correct and submit again."
                ).format(code=case.rejection.code)
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(case, column)
        if role == CASE_ROLE:
            return case
        return None

    def _text(self, case: LocalCase, column: int) -> str:
        if column == STATE:
            return self._words.state_name(case.state)
        if column == REFERENCE:
            return case.reference or "—"
        if column == TYPE:
            case_type = self._reference.case_type(case.type_code)
            return case_type.name if case_type is not None else case.type_code
        return time_text(case.submitted_at or case.updated_at)
