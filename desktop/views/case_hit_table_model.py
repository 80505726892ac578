"""`CaseHitTableModel`: the cases a lookup found on central: reference, type, status (central's),
the day it was received and the citizen's name (central sends it with each hit, and records
that it did). Read-only; Enter on a row opens the case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.case_lookup import CaseHit
from desktop.views.case_messages import CaseMessages

COLUMNS = ("reference", "type", "status", "received", "citizen")
REFERENCE, TYPE, STATUS, RECEIVED, CITIZEN = range(len(COLUMNS))
HIT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def day_text(moment: Any) -> str:
    """A date (and time) in the user's locale, short format; empty for None."""
    if moment is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


class CaseHitTableModel(QAbstractTableModel):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        type_name: Callable[[str], str | None] = lambda _code: None,
    ) -> None:
        """`type_name`: a case type's name for its code (the cached reference data), if known."""
        super().__init__(parent)
        self._type_name = type_name
        self._hits: list[CaseHit] = []
        self._words = CaseMessages(self)

    def set_hits(self, hits: Sequence[CaseHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> CaseHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        titles = (
            self.tr("Reference"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Received"),
            self.tr("Citizen"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hit_at(index.row())
        if hit is None:
            return None
        if role == HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(hit, index.column())
        return None

    def _text(self, hit: CaseHit, column: int) -> str:
        if column == REFERENCE:
            return hit.reference
        if column == TYPE:
            return self._type_name(hit.type_code) or hit.type_code
        if column == STATUS:
            return self._words.case_status(hit.status)
        if column == RECEIVED:
            return day_text(hit.received_at)
        if column == CITIZEN:
            return hit.citizen_name or ""
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
