"""`CaseConflictDialog`: someone changed the case while the attendant was editing it. Both
versions side by side, field by field (the attendant's and central's as it is now), the fields
that differ marked with a sign and in bold (not by colour alone); then "Keep mine" (sent again
on central's new version) or "Take central's" (the edit is dropped).

Keyboard: Alt+K keeps mine, Alt+T takes central's, Esc is the same as taking central's (nothing
is overwritten by accident)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_lookup import EDITABLE, CaseEdit, ConflictError, differing_fields
from desktop.views.case_messages import CaseMessages
from desktop.views.widget_style import mark_primary

DIFFERS_MARK = "≠"


class ConflictChoice(StrEnum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"


class CaseConflictDialog(QDialog):
    def __init__(
        self, conflict: ConflictError, fields: tuple[str, ...], parent: QWidget | None = None
    ) -> None:
        """`fields`: the editable fields shown on the case (in screen order)."""
        super().__init__(parent)
        self.setObjectName("caseConflictDialog")
        self.conflict = conflict
        self.choice = ConflictChoice.TAKE_THEIRS
        words = CaseMessages(self)
        mine: CaseEdit = conflict.mine
        theirs = conflict.current.edit()
        self.differing = differing_fields(mine, theirs)
        shown = [f for f in EDITABLE if f in fields]
        self.setWindowTitle(self.tr("The case changed meanwhile"))
        intro = QLabel(
            self.tr(
                "Someone saved {reference} while you were editing it (it is now version "
                "{version}). The fields marked {mark} differ. Keep your version or take the one "
                "on the central service?"
            ).format(
                reference=conflict.reference, version=conflict.current.version, mark=DIFFERS_MARK
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(shown), 4, self)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(self.tr("Both versions of the case"))
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Field"), self.tr("Your version"), self.tr("Central's version now")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        bold = QFont()
        bold.setBold(True)
        for row, name in enumerate(shown):
            differs = name in self.differing
            label = words.field_label(name)
            cells = (
                DIFFERS_MARK if differs else "",
                label,
                mine.cleaned().value(name),
                theirs.cleaned().value(name),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if differs:
                    item.setFont(bold)
                    item.setData(
                        Qt.ItemDataRole.AccessibleTextRole,
                        self.tr("{text} (differs)").format(text=text) if column else text,
                    )
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        self.keep_button.setObjectName("conflict_keep_mine")
        self.keep_button.setToolTip(self.tr("Save your version over the one now on central"))
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.take_button = QPushButton(self.tr("&Take central's"), self)
        self.take_button.setObjectName("conflict_take_theirs")
        self.take_button.setToolTip(self.tr("Drop your changes and show the case as it is now"))
        self.take_button.clicked.connect(self._on_take_clicked)
        mark_primary(self.keep_button)
        self.take_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 420)
        self.table.setFocus()

    def row_texts(self) -> list[tuple[str, str, str, str]]:
        """What each row shows: mark, field, yours, central's (tests, screen readers)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(4)]
            texts = [c.text() if c is not None else "" for c in cells]
            rows.append((texts[0], texts[1], texts[2], texts[3]))
        return rows

    def _on_keep_clicked(self) -> None:
        self.choice = ConflictChoice.KEEP_MINE
        self.accept()

    def _on_take_clicked(self) -> None:
        self.choice = ConflictChoice.TAKE_THEIRS
        self.accept()
