"""`CounterCases`: case entry in the counter window. "New case" (Ctrl+N, on its button) opens
the case form linked to the visit being served; the list of this counter's cases sits under
the queue; the status bar says how many cases wait to sync. Receipts are offered from the
form once a case is submitted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.case_lookup import CaseFile, ReadPurpose
from desktop.domain.cases import LocalCase, VisitLink
from desktop.domain.errors import BalcaoError
from desktop.services.case_lookup_service import CaseLookupService
from desktop.views.case_desk import CaseDesk
from desktop.views.case_form import CaseFormDialog
from desktop.views.case_list_panel import CaseListPanel
from desktop.views.case_messages import CaseMessages
from desktop.views.case_receipt import ReceiptContent, offer_receipt, summary_of
from desktop.views.case_reprint import reprint_receipt
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.prompter import Prompter

NEW_CASE_KEYS = "Ctrl+N"


class CounterCases(QObject):
    def __init__(
        self,
        window: QWidget,
        desk: CaseDesk,
        prompter: Prompter,
        *,
        visit: Callable[[], VisitLink],
        centre_name: Callable[[], str],
        ticket_number: Callable[[], str | None] = lambda: None,
        knowledge: KnowledgeDesk | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.prompter = prompter
        self._visit = visit
        self._centre_name = centre_name
        self._ticket_number = ticket_number
        self.knowledge = knowledge  # related articles under a case's description
        self.words = CaseMessages(self)
        self.form: CaseFormDialog | None = None
        self.last_receipt: str | None = None

        keys = QKeySequence(NEW_CASE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.new_action = QAction(self.tr("&New case"), window)
        self.new_action.setObjectName("action_new_case")
        self.new_action.setShortcut(QKeySequence(NEW_CASE_KEYS))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_action.setToolTip(
            self.tr("New case: what the citizen came to file ({keys})").format(keys=keys)
        )
        self.new_action.triggered.connect(self.open_new)

        self.panel_widget = QWidget(window)
        self.title = QLabel(self.tr("Cases of this counter"), self.panel_widget)
        self.title.setObjectName("sectionTitle")
        self.new_button = QPushButton(
            self.tr("New case ({keys})").format(keys=keys), self.panel_widget
        )
        self.new_button.setObjectName("new_case_button")
        self.new_button.setToolTip(self.new_action.toolTip())
        self.new_button.clicked.connect(self.open_new)
        self.list_panel = CaseListPanel(desk, self.panel_widget)
        self.list_panel.open_requested.connect(self.open_case)
        self.list_panel.reprint_requested.connect(self.reprint_receipt)
        layout = QVBoxLayout(self.panel_widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.new_button)
        layout.addWidget(self.list_panel, 1)

        self.pending_label = QLabel(window)
        self.pending_label.setObjectName("pendingCases")
        desk.pending_count_changed.connect(self._on_pending_count_changed)
        self.list_panel.refresh()
        desk.refresh_count()

    # --- the form ---------------------------------------------------------------------------

    def open_new(self) -> CaseFormDialog:
        return self._open(None)

    def open_case(self, case: LocalCase) -> CaseFormDialog:
        return self._open(case)

    def _open(self, case: LocalCase | None) -> CaseFormDialog:
        if self.form is not None:
            self.form.close()
        visit = self._visit() if case is None else None
        number = self._ticket_number() if case is None else None
        form = CaseFormDialog(
            self.desk,
            visit=visit,
            ticket_number=number,
            case=case,
            knowledge=self.knowledge,
            parent=self.window,
        )
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.receipt_requested.connect(self.offer_receipt)
        form.destroyed.connect(self._on_form_destroyed)
        self.form = form
        form.show()
        form.type_combo.setFocus()
        return form

    def _on_form_destroyed(self) -> None:
        self.form = None
        self.list_panel.refresh()

    def offer_receipt(self, case: LocalCase) -> None:
        case_type = self.desk.reference.case_type(case.type_code)
        fields = case.fields
        content = ReceiptContent(
            centre_name=self._centre_name(),
            reference=case.reference or "",
            provisional=case.final_reference is None,
            type_name=case_type.name if case_type is not None else case.type_code,
            summary=summary_of(fields.subject, fields.description) if fields else "",
            filed_at=case.submitted_at or case.updated_at,
            language=case.citizen.language if case.citizen is not None else "pt",
            follow_up_code=case.follow_up_code,
        )
        parent = self.form if self.form is not None else self.window
        path = offer_receipt(parent, self.prompter, content)
        self.last_receipt = str(path) if path is not None else None

    def reprint_receipt(self, case: LocalCase) -> None:
        """The receipt of a submitted case again. A synced case kept no text here (deleted once
        central had it), so central's copy is read first (the citizen asks: a recorded read)."""
        if case.fields is not None:
            self.offer_receipt(case)
            return
        if case.final_reference is None:
            return
        lookup = CaseLookupService(self.desk.service.api)
        self.list_panel.reprint_button.setEnabled(False)
        self.desk.runner.submit(
            lookup.open_case,
            case.final_reference,
            ReadPurpose.CITIZEN_REQUEST,
            owner=self.list_panel,
            on_done=self._on_reprint_fetched,
            on_error=self._on_reprint_failed,
        )

    def _on_reprint_fetched(self, case: CaseFile) -> None:
        self.list_panel.reprint_button.setEnabled(True)
        try:
            path = reprint_receipt(self.window, self.prompter, case.record, self._centre_name())
        except BalcaoError as exc:
            self._on_reprint_failed(exc)
            return
        self.last_receipt = str(path) if path is not None else None

    def _on_reprint_failed(self, error: BaseException) -> None:
        self.list_panel.reprint_button.setEnabled(True)
        self.list_panel.detail.setText(self.words.lookup_error(error))
        self.list_panel.detail.show()

    # --- status -----------------------------------------------------------------------------

    def _on_pending_count_changed(self, count: int) -> None:
        self.pending_label.setText(self.words.sync_hint(count))
        self.pending_label.setVisible(count > 0)

    def stop(self) -> None:
        if self.form is not None:
            self.form.close()
        self.desk.stop()
