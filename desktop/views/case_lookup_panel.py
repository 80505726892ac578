"""`CaseLookupPanel`: find a case on central and work on it, for a tab of the counter window.

One field takes what the citizen gives: a reference (`LX-2026-000123`, or a provisional
`P-1-3` from a paper receipt), a NIF (checked with the shared rules first: a wrong one is
marked here and nothing is sent) or words of a name. Central records every read of personal
data with a purpose, so the panel always says one (the citizen asking at the counter, unless
the attendant picks another). The results table opens a case with Enter; a reference that
finds one case opens it at once.

The case opens in `CaseDetailView`; saving sends the version shown (If-Match) and, when
central has a newer one, `CaseConflictDialog` shows both and the attendant keeps theirs (sent
again on the new version) or takes central's. Every call goes through the TaskRunner; while
one runs, the buttons that send are disabled and a second press does nothing.

Keys: Alt+F the search field, Enter searches; Enter on a result opens it; Ctrl+S saves;
Ctrl+Enter in the note box adds the note; Ctrl+P reprints the receipt of the open case.

Public API for the window: `CaseLookupPanel(runner, service, prompter, parent)`,
`focus_search()`, and the signal `case_opened(reference)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_lookup import (
    NOTE_MAX,
    CaseEdit,
    CaseFile,
    CaseHit,
    CaseRecord,
    ConflictError,
    Lookup,
    ReadPurpose,
    edit_errors,
    parse_query,
)
from desktop.domain.cases import FieldError
from desktop.domain.errors import BalcaoError
from desktop.services.case_lookup_service import CaseLookupService, EditInvalid
from desktop.tasks import TaskRunner
from desktop.views.case_conflict_dialog import CaseConflictDialog, ConflictChoice
from desktop.views.case_detail_view import CaseDetailView
from desktop.views.case_hit_table_model import CITIZEN, HIT_ROLE, REFERENCE, CaseHitTableModel
from desktop.views.case_messages import CaseMessages
from desktop.views.case_reprint import reprint_receipt
from desktop.views.message_bar import MessageBar
from desktop.views.prompter import Prompter
from desktop.views.widget_style import set_style_property

log = logging.getLogger(__name__)

REPRINT_KEYS = "Ctrl+P"
# What an attendant may give as the reason to read; the ethics investigation is the ethics
# officers' (their own screen).
COUNTER_PURPOSES = (
    ReadPurpose.CITIZEN_REQUEST,
    ReadPurpose.FOLLOW_UP,
    ReadPurpose.ANSWER_PREPARATION,
    ReadPurpose.DATA_SUBJECT_REQUEST,
    ReadPurpose.SUPERVISION,
)


class CaseLookupPanel(QWidget):
    case_opened = Signal(str)  # the reference of the case now shown

    def __init__(
        self,
        runner: TaskRunner,
        service: CaseLookupService,
        prompter: Prompter,
        parent: QWidget | None = None,
        *,
        centre_name: Callable[[], str] = lambda: "",
        purposes: Sequence[ReadPurpose] = COUNTER_PURPOSES,
        type_name: Callable[[str], str | None] = lambda _code: None,
    ) -> None:
        """`centre_name` goes on reprinted receipts; `type_name` names a case type by its code
        in the results (e.g. from `CaseDesk.reference`); `purposes` are the reasons offered."""
        super().__init__(parent)
        self.setObjectName("caseLookupPanel")
        self.runner = runner
        self.service = service
        self.prompter = prompter
        self._centre_name = centre_name
        self.words = CaseMessages(self)
        self._busy = False
        self._opened_with = ReadPurpose.CITIZEN_REQUEST  # the purpose the open case was read for
        self.last_receipt: str | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("lookup_search")
        self.search_edit.setAccessibleName(self.tr("Search cases"))
        self.search_edit.setPlaceholderText(self.tr("Reference (LX-2026-000123), NIF or name"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.search)
        self.search_edit.textEdited.connect(self._on_search_edit_text_edited)
        search_label = QLabel(self.tr("&Find:"), self)
        search_label.setBuddy(self.search_edit)
        self.purpose_combo = QComboBox(self)
        self.purpose_combo.setObjectName("lookup_purpose")
        self.purpose_combo.setAccessibleName(self.tr("Purpose of the consultation"))
        self.purpose_combo.setToolTip(
            self.tr("Why you read the citizen's data: the central service records it")
        )
        for purpose in purposes:
            self.purpose_combo.addItem(self.words.purpose_name(purpose), purpose.value)
        purpose_label = QLabel(self.tr("P&urpose:"), self)
        purpose_label.setBuddy(self.purpose_combo)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setObjectName("lookup_search_button")
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.search)
        self.search_hint = QLabel(self)
        self.search_hint.setObjectName("inlineError")
        self.search_hint.setWordWrap(True)
        self.search_hint.hide()
        self.message_bar = MessageBar(self)

        self.model = CaseHitTableModel(self, type_name=type_name)
        self.table = QTableView(self)
        self.table.setObjectName("lookupResults")
        self.table.setAccessibleName(self.tr("Cases found"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CITIZEN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.detail = CaseDetailView(self)
        self.detail.save_requested.connect(self.save)
        self.detail.note_requested.connect(self.add_note)
        keys = QKeySequence(REPRINT_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.reprint_button = QPushButton(
            self.tr("Reprint receipt ({keys})").format(keys=keys), self
        )
        self.reprint_button.setObjectName("lookup_reprint")
        self.reprint_button.setToolTip(
            self.tr("The receipt of this case again, in the citizen's language ({keys})").format(
                keys=keys
            )
        )
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        reprint_shortcut = QShortcut(QKeySequence(REPRINT_KEYS), self)
        reprint_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reprint_shortcut.activated.connect(self.reprint)

        # The page is a side column: the search on one row, the purpose under it, so a full
        # reference or name stays readable while typed.
        search_row = QGridLayout()
        search_row.addWidget(search_label, 0, 0)
        search_row.addWidget(self.search_edit, 0, 1)
        search_row.addWidget(self.search_button, 0, 2)
        search_row.addWidget(purpose_label, 1, 0)
        search_row.addWidget(self.purpose_combo, 1, 1, 1, 2)
        search_row.setColumnStretch(1, 1)
        results = QWidget(self)
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.table, 1)
        case_side = QWidget(self)
        case_layout = QVBoxLayout(case_side)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.addWidget(self.detail, 1)
        reprint_row = QHBoxLayout()
        reprint_row.addStretch(1)
        reprint_row.addWidget(self.reprint_button)
        case_layout.addLayout(reprint_row)
        # The cases found above (a few rows), the one opened below with the room it needs.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(results)
        self.splitter.addWidget(case_side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([160, 540])  # scaled to the panel's height
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.search_hint)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search_edit, self.purpose_combo)
        self.setTabOrder(self.purpose_combo, self.search_button)
        self.setTabOrder(self.search_button, self.table)
        self.setTabOrder(self.table, self.detail)
        self._update_enabled()

    # --- public -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def purpose(self) -> ReadPurpose:
        return ReadPurpose(self.purpose_combo.currentData() or ReadPurpose.CITIZEN_REQUEST)

    # --- searching --------------------------------------------------------------------------

    def search(self) -> None:
        if self._busy:
            return
        parsed = parse_query(self.search_edit.text())
        if isinstance(parsed, FieldError):
            self._show_search_problem(parsed)
            return
        self._show_search_problem(None)
        self.message_bar.clear()
        self._set_busy(True)
        self.runner.submit(
            self.service.search,
            parsed,
            self.purpose,
            owner=self,
            on_done=self._on_searched,
            on_error=self._on_failed,
        )

    def _show_search_problem(self, problem: FieldError | None) -> None:
        if problem is None:
            self.search_hint.hide()
            self.search_edit.setAccessibleDescription("")
            set_style_property(self.search_edit, "invalid", False)
            return
        if problem.code.startswith("nif."):
            text = self.tr("NIF: {problem}").format(problem=self.words.field_error(problem.code))
        else:
            text = self.words.lookup_error(BalcaoError(problem.code))
        self.search_hint.setText(text)
        self.search_hint.show()
        self.search_edit.setAccessibleDescription(text)
        set_style_property(self.search_edit, "invalid", True)
        self.search_edit.setFocus()

    def _on_search_edit_text_edited(self, _text: str) -> None:
        if self.search_hint.isVisibleTo(self):
            self._show_search_problem(None)

    def _on_searched(self, lookup: Lookup) -> None:
        self._set_busy(False)
        self.model.set_hits(lookup.hits)
        # The case of the previous citizen leaves the screen with the new search.
        self.detail.clear()
        self._update_enabled()
        if not lookup.hits:
            self.message_bar.show_info(self.tr("No case found."))
            self.search_edit.setFocus()
            return
        self.table.selectRow(0)
        if len(lookup.hits) == 1 and lookup.query.by.value == "reference":
            self.open_hit(lookup.hits[0])
            return
        self.message_bar.show_info(
            self.tr("Cases found: {count}. Press Enter to open one.").format(count=len(lookup.hits))
        )
        self.table.setFocus()

    # --- opening ----------------------------------------------------------------------------

    def selected_hit(self) -> CaseHit | None:
        rows = self.table.selectionModel().selectedRows(REFERENCE)
        hit = rows[0].data(HIT_ROLE) if rows else None
        return hit if isinstance(hit, CaseHit) else None

    def open_hit(self, hit: CaseHit) -> None:
        self.open_reference(hit.reference)

    def open_reference(self, reference: str) -> None:
        if self._busy:
            return
        purpose = self.purpose
        self._set_busy(True)
        self.runner.submit(
            self.service.open_case,
            reference,
            purpose,
            owner=self,
            on_done=lambda case: self._on_opened(case, purpose),
            on_error=self._on_failed,
        )

    def _on_opened(self, case: CaseFile, purpose: ReadPurpose) -> None:
        self._set_busy(False)
        self._opened_with = purpose
        self.detail.show_case(case)
        self._update_enabled()
        self.case_opened.emit(case.record.reference)

    def _on_table_activated(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(REFERENCE).data(HIT_ROLE)
        if isinstance(hit, CaseHit):
            self.open_hit(hit)

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self._update_enabled()

    # --- changing ---------------------------------------------------------------------------

    def save(self, _edit: CaseEdit | None = None) -> None:
        record = self.detail.record
        if self._busy or record is None:
            return
        mine = self.detail.current_edit()
        errors = edit_errors(mine, record.citizen is not None)
        self.detail.set_field_errors(errors)
        if errors:
            self.message_bar.show_error(self.words.lookup_error(BalcaoError("case.invalid")))
            return
        self._send_save(record, mine)

    def _send_save(self, base: CaseRecord, mine: CaseEdit) -> None:
        self._set_busy(True)
        self.runner.submit(
            self.service.save,
            base,
            mine,
            self._opened_with,
            owner=self,
            on_done=self._on_saved,
            on_error=self._on_save_failed,
        )

    def _on_saved(self, case: CaseFile) -> None:
        self._set_busy(False)
        self.detail.show_case(case, keep_note=True)
        self.message_bar.show_info(
            self.tr("Saved: {reference} is now at version {version}.").format(
                reference=case.record.reference, version=case.record.version
            )
        )

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ConflictError):
            self._resolve(error)
            return
        if isinstance(error, EditInvalid):
            self.detail.set_field_errors(error.fields)
        self._on_failed(error)

    def _resolve(self, conflict: ConflictError) -> None:
        dialog = CaseConflictDialog(conflict, self.detail.editable_fields(), self)
        accepted = self.prompter.run(dialog)
        choice = dialog.choice if accepted else ConflictChoice.TAKE_THEIRS
        dialog.deleteLater()
        if choice is ConflictChoice.KEEP_MINE:
            self._send_save(conflict.current, conflict.mine)
            return
        self.message_bar.show_info(
            self.tr("Central's version of {reference} is shown; your changes were dropped.").format(
                reference=conflict.reference
            )
        )
        self._reload(conflict.reference)

    def _reload(self, reference: str) -> None:
        purpose = self._opened_with
        self._set_busy(True)
        self.runner.submit(
            self.service.open_case,
            reference,
            purpose,
            owner=self,
            on_done=lambda case: self._on_opened(case, purpose),
            on_error=self._on_failed,
        )

    def add_note(self, text: str) -> None:
        record = self.detail.record
        if self._busy or record is None or not text.strip():
            return
        if len(text) > NOTE_MAX:
            self.message_bar.show_error(
                self.tr("The note is too long (at most {max} characters).").format(max=NOTE_MAX)
            )
            return
        self._set_busy(True)
        self.runner.submit(
            self.service.add_note,
            record.reference,
            text,
            self._opened_with,
            owner=self,
            on_done=self._on_noted,
            on_error=self._on_failed,
        )

    def _on_noted(self, case: CaseFile) -> None:
        self._set_busy(False)
        self.detail.show_case(case)
        self.message_bar.show_info(self.tr("Note added."))

    # --- receipt ----------------------------------------------------------------------------

    def reprint(self) -> None:
        record = self.detail.record
        if self._busy or record is None:
            return
        try:
            path = reprint_receipt(self, self.prompter, record, self._centre_name())
        except BalcaoError as exc:
            self.message_bar.show_error(self.words.lookup_error(exc))
            return
        self.last_receipt = str(path) if path is not None else None
        if path is not None:
            self.message_bar.show_info(self.tr("Receipt saved: {path}").format(path=str(path)))

    # --- state ------------------------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.info("case lookup: %s", getattr(error, "code", type(error).__name__))
        self.message_bar.show_error(self.words.lookup_error(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.detail.set_busy(busy)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.search_button.setEnabled(not self._busy)
        self.reprint_button.setEnabled(not self._busy and self.detail.record is not None)
