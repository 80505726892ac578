"""`CaseListPanel`: the cases filed at this counter, with their state on this desktop, read
again after every submit, autosave and sync round. A case that needs attention shows central's
reason below the table; Enter (or "Open") opens a draft to go on typing, or a refused case to
correct and submit again. Synced cases keep only reference, type and time (the personal data
and the text were deleted once central had them)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import CaseKind, CaseReferenceData, CaseState, LocalCase
from desktop.domain.errors import BalcaoError
from desktop.views.case_desk import CaseDesk
from desktop.views.case_messages import CaseMessages
from desktop.views.case_table_model import CASE_ROLE, STATE, TYPE, CaseTableModel
from desktop.views.messages import Messages


class CaseListPanel(QWidget):
    open_requested = Signal(object)  # the LocalCase to open (a draft or a refused case)
    reprint_requested = Signal(object)  # the LocalCase whose receipt to print again

    def __init__(self, desk: CaseDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseListPanel")
        self.desk = desk
        self.words = CaseMessages(self)
        self.model = CaseTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName(self.tr("Cases of this counter"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TYPE, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.detail = QLabel(self)
        self.detail.setObjectName("inlineError")
        self.detail.setWordWrap(True)
        self.detail.hide()
        self.open_button = QPushButton(self.tr("Open / correct (Enter)"), self)
        self.open_button.setObjectName("case_open")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._on_open_clicked)
        # A submitted case's receipt again (a synced one's text is fetched from central).
        self.reprint_button = QPushButton(self.tr("Reprint &receipt"), self)
        self.reprint_button.setObjectName("case_reprint")
        self.reprint_button.setToolTip(self.tr("The receipt of the selected case again"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        self.sync_button = QPushButton(self.tr("Send now"), self)
        self.sync_button.setObjectName("case_sync_now")
        self.sync_button.setToolTip(self.tr("Try to send the cases waiting to sync now"))
        self.sync_button.clicked.connect(self.desk.wake)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        desk.cases_changed.connect(self.refresh)
        desk.reference_changed.connect(self._on_reference_changed)
        self.model.set_reference(desk.reference)

    def refresh(self) -> None:
        self.desk.runner.submit(
            self.desk.service.list_cases, owner=self, on_done=self._on_listed, pool="db"
        )

    def _on_listed(self, cases: tuple[LocalCase, ...]) -> None:
        selected = self.selected_case()
        self.model.set_cases(cases)
        if selected is not None:
            row = self.model.row_of(selected.local_id)
            if row >= 0:
                self.table.selectRow(row)
        self._show_detail()

    def _on_reference_changed(self, reference: CaseReferenceData) -> None:
        self.model.set_reference(reference)

    def selected_case(self) -> LocalCase | None:
        rows = self.table.selectionModel().selectedRows(STATE)
        if not rows:
            return None
        case = rows[0].data(CASE_ROLE)
        return case if isinstance(case, LocalCase) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        case = self.selected_case()
        self.open_button.setEnabled(case is not None and case.is_editable)
        self.reprint_button.setEnabled(case is not None and self._reprintable(case))
        if case is None or case.state is not CaseState.NEEDS_ATTENTION:
            self.detail.hide()
            return
        reason = ""
        if case.rejection is not None:
            reason = Messages(self).error_text(
                BalcaoError(case.rejection.code, case.rejection.message)
            )
            fields = ", ".join(
                f"{self.words.field_label(e.loc[-1])}: {self.words.field_error(e.code)}"
                for e in case.rejection.fields
                if e.loc
            )
            if fields:
                reason = f"{reason} {fields}"
        self.detail.setText(
            self.tr("{reference} needs attention: {reason} Press Enter to correct it.").format(
                reference=case.reference or "", reason=reason
            )
        )
        self.detail.show()

    def _on_table_activated(self, index: QModelIndex) -> None:
        case = index.data(CASE_ROLE)
        if isinstance(case, LocalCase) and case.is_editable:
            self.open_requested.emit(case)

    def _reprintable(self, case: LocalCase) -> bool:
        """Submitted (waiting to sync or synced), and not an ethics report: its follow-up code
        is not kept, so its receipt cannot be made again."""
        case_type = self.desk.reference.case_type(case.type_code)
        ethics = case_type is not None and case_type.kind == CaseKind.ETHICS_REPORT
        submitted = case.state in (CaseState.PENDING, CaseState.SYNCED)
        return submitted and not ethics and case.reference is not None

    def _on_reprint_clicked(self) -> None:
        case = self.selected_case()
        if case is not None and self._reprintable(case):
            self.reprint_requested.emit(case)

    def _on_open_clicked(self) -> None:
        case = self.selected_case()
        if case is not None and case.is_editable:
            self.open_requested.emit(case)
