"""`CaseFormDialog`: what the citizen came to file, typed by the attendant during the visit.

The type (from central's reference data, cached) decides the fields shown: subject and
description for information requests, complaints and suggestions (with the service concerned
and the scope); category, address, optional coordinates and the category's questions for an
incident; addressee and "the answer may be public" for a question to an elected official. The
citizen block follows the type's policy; for the ethics mailbox it is hidden and nothing
personal is collected.

Every edit is checked at once with the domain's rules: the message appears under the field
once it was touched (all of them after a refusal of central), and "Submit" stays disabled
while anything is wrong or while a submit is running (no double submit). Edits are autosaved
to the local store a moment after typing stops (and when the form is closed), so nothing is
lost. After the submit the dialog shows the provisional reference (and for an ethics report
the follow-up code, once) and offers the receipt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.attachments import AttachmentFile
from desktop.domain.cases import (
    CaseDraft,
    CaseFields,
    CaseKind,
    CaseState,
    CaseType,
    CitizenPolicy,
    FieldError,
    LocalCase,
    SuggestionScope,
    VisitLink,
    validate_draft,
)
from desktop.domain.errors import BalcaoError
from desktop.services.case_service import CaseInvalid
from desktop.views.attachment_list import AttachmentList, PickFiles
from desktop.views.case_desk import CaseDesk
from desktop.views.case_messages import CaseMessages
from desktop.views.citizen_block_editor import CitizenBlockEditor
from desktop.views.field_row import FieldRow
from desktop.views.incident_duplicates import IncidentDuplicates
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.messages import Messages
from desktop.views.related_articles_hint import RelatedArticlesHint
from desktop.views.widget_style import mark_primary

log = logging.getLogger(__name__)

# Central's refusals of a case's link to the visit (its ticket, service or counter not found).
VISIT_REJECTIONS = frozenset({"ticket.not_found", "service.not_found", "counter.not_found"})

AUTOSAVE_MS = 800

# The fields each kind shows (besides the description, which every kind has).
KIND_FIELDS: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.INFORMATION_REQUEST: ("subject",),
    CaseKind.COMPLAINT: ("subject", "concerned_service"),
    CaseKind.SUGGESTION: ("subject", "suggestion_scope", "concerned_service"),
    CaseKind.INCIDENT: ("category_code", "address", "latitude", "longitude", "attributes"),
    CaseKind.QUESTION_TO_OFFICIAL: ("subject", "addressee_code", "answer_may_be_public"),
    CaseKind.ETHICS_REPORT: ("subject",),
}
FIELD_ORDER = (
    "category_code",
    "addressee_code",
    "subject",
    "concerned_service",
    "suggestion_scope",
    "address",
    "latitude",
    "longitude",
    "attributes",
    "answer_may_be_public",
    "description",
)


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return float("nan")


class CaseFormDialog(QDialog):
    submitted = Signal(object)  # the LocalCase, pending, with its provisional reference
    receipt_requested = Signal(object)  # the LocalCase just submitted

    def __init__(
        self,
        desk: CaseDesk,
        *,
        visit: VisitLink | None = None,
        ticket_number: str | None = None,
        case: LocalCase | None = None,
        parent: QWidget | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        knowledge: KnowledgeDesk | None = None,
        pick_files: PickFiles | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseForm")
        self._knowledge = knowledge  # the related-articles hint under the description
        self.setWindowTitle(self.tr("New case"))
        self.desk = desk
        self.words = CaseMessages(self)
        self._messages = Messages(self)
        self._visit = visit or VisitLink()
        self._ticket_number = ticket_number
        self._local_id: str | None = None
        self._correcting = False
        self._touched: set[str] = set()
        self._show_all = False
        self._busy = False
        self._dirty = False
        self._errors: tuple[FieldError, ...] = ()
        self.result_case: LocalCase | None = None
        self.saves = 0  # autosaves done (tests wait on it)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self.save_now)

        self._pick_files = pick_files  # the file dialog of "Attach file…" (tests: their own)
        self._filed = False  # a filed case that needs attention for its files: files only
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_entry())
        self.pages.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 720)

        self._fill_reference()
        if case is not None:
            self.load(case)
        else:
            self._on_type_changed()

    # --- building ---------------------------------------------------------------------------

    def _build_entry(self) -> QWidget:
        page = QWidget(self)
        self.rejection_label = QLabel(page)
        self.rejection_label.setObjectName("inlineError")
        self.rejection_label.setWordWrap(True)
        self.rejection_label.hide()
        self.visit_label = QLabel(page)
        self.visit_label.setObjectName("hint")
        # Shown only when central refused the case for its visit link (say, a ticket of a
        # day that was closed meanwhile): the citizen's request still stands without it.
        self.unlink_button = QPushButton(self.tr("File &without the visit link"), page)
        self.unlink_button.setObjectName("unlink_visit_button")
        self.unlink_button.clicked.connect(self.unlink_visit)
        self.unlink_button.hide()

        self.type_combo = QComboBox(page)
        self.type_combo.setObjectName("case_type")
        self.type_combo.activated.connect(self._on_type_activated)
        self.subject = QLineEdit(page)
        self.subject.setObjectName("case_subject")
        self.description = QPlainTextEdit(page)
        self.description.setObjectName("case_description")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(160)
        self.concerned_service = QLineEdit(page)
        self.concerned_service.setObjectName("case_concerned_service")
        self.suggestion_scope = QComboBox(page)
        self.suggestion_scope.setObjectName("case_suggestion_scope")
        self.suggestion_scope.addItem(self.tr("(choose)"), None)
        self.suggestion_scope.addItem(self.tr("A service of the municipality"), "service")
        self.suggestion_scope.addItem(self.tr("A public policy"), "public_policy")
        self.category = QComboBox(page)
        self.category.setObjectName("case_category")
        self.address = QLineEdit(page)
        self.address.setObjectName("case_address")
        self.latitude = QLineEdit(page)
        self.latitude.setObjectName("case_latitude")
        self.latitude.setPlaceholderText(self.tr("optional, e.g. 38.7369"))
        self.longitude = QLineEdit(page)
        self.longitude.setObjectName("case_longitude")
        self.longitude.setPlaceholderText(self.tr("optional, e.g. -9.1427"))
        self.attributes_box = QWidget(page)
        self._attributes_form = QFormLayout(self.attributes_box)
        self._attributes_form.setContentsMargins(0, 0, 0, 0)
        self._attributes_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.attribute_editors: dict[str, QWidget] = {}
        self.addressee = QComboBox(page)
        self.addressee.setObjectName("case_addressee")
        self.may_be_public = QCheckBox(self.tr("The answer may be made public"), page)
        self.may_be_public.setObjectName("case_may_be_public")

        editors: dict[str, QWidget] = {
            "subject": self.subject,
            "description": self.description,
            "concerned_service": self.concerned_service,
            "suggestion_scope": self.suggestion_scope,
            "category_code": self.category,
            "address": self.address,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "attributes": self.attributes_box,
            "addressee_code": self.addressee,
            "answer_may_be_public": self.may_be_public,
        }
        self.rows: dict[str, FieldRow] = {}
        self.fields_box = QGroupBox(self.tr("What the citizen came to file"), page)
        self._fields_form = QFormLayout(self.fields_box)
        self._fields_form.addRow(self.tr("&Type:"), self.type_combo)
        type_label = self._fields_form.labelForField(self.type_combo)
        if isinstance(type_label, QLabel):
            type_label.setBuddy(self.type_combo)
        for name in FIELD_ORDER:
            editor = editors[name]
            row = FieldRow(editor, self.fields_box)
            self.rows[name] = row
            self._fields_form.addRow(f"{self.words.field_label(name)}:", row)
            label = self._fields_form.labelForField(row)
            if isinstance(label, QLabel):
                label.setBuddy(editor)
        self.duplicates = IncidentDuplicates(self.desk, page)
        self._fields_form.addRow(self.duplicates)
        self.related: RelatedArticlesHint | None = None
        if self._knowledge is not None:
            hint = RelatedArticlesHint(self._knowledge, parent=page)
            self.related = hint
            self._fields_form.addRow(hint)
            self.description.textChanged.connect(
                lambda: hint.look_for(self.description.toPlainText())
            )

        self.citizen = CitizenBlockEditor(page)

        for edit in (self.subject, self.concerned_service, self.address, self.latitude,
                     self.longitude):  # fmt: skip
            edit.textEdited.connect(lambda _t, e=edit: self._on_edited(self._name_of(e)))
        self.description.textChanged.connect(self._on_description_changed)
        for combo in (self.suggestion_scope, self.addressee):
            combo.activated.connect(lambda _i, c=combo: self._on_edited(self._name_of(c)))
        self.category.activated.connect(self._on_category_activated)
        self.may_be_public.toggled.connect(lambda _on: self._on_edited("answer_may_be_public"))
        self.citizen.edited.connect(lambda name: self._on_edited(f"citizen.{name}"))
        self._editors = editors

        body = QWidget(page)
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.fields_box)
        body_layout.addWidget(self.citizen)
        self.attachments = AttachmentList(self.desk.runner, page, pick_files=self._pick_files)
        body_layout.addWidget(self.attachments)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea(page)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)

        self.todo_label = QLabel(page)
        self.todo_label.setObjectName("hint")
        self.todo_label.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Submit (Ctrl+Enter)"), page)
        self.submit_button.setObjectName("case_submit")
        self.submit_button.setToolTip(self.tr("Submit the case (Ctrl+Enter)"))
        mark_primary(self.submit_button)
        # Enter in a one-line field submits (a disabled button ignores it: nothing is sent
        # while a field is wrong); Enter in the description is a new line.
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.close_button = QPushButton(self.tr("Close (Esc)"), page)
        self.close_button.setToolTip(self.tr("Close: what was typed is kept as a draft"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.activated.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.todo_label, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.rejection_label)
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visit_label, 1)
        visit_row.addWidget(self.unlink_button)
        layout.addLayout(visit_row)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget(self)
        self.done_title = QLabel(page)
        self.done_title.setObjectName("sectionTitle")
        self.done_title.setWordWrap(True)
        self.reference_label = QLabel(page)
        self.reference_label.setObjectName("followUpCode")
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_title = QLabel(self.tr("Follow-up code (shown only this once):"), page)
        self.code_label = QLabel(page)
        self.code_label.setObjectName("followUpCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_warning = QLabel(
            self.tr(
                "Give this code to the citizen now and ask them to write it down or keep the "
                "receipt: with the reference it is the only way to follow the report, and it "
                "cannot be shown again."
            ),
            page,
        )
        self.code_warning.setObjectName("inlineError")
        self.code_warning.setWordWrap(True)
        self.done_hint = QLabel(page)
        self.done_hint.setObjectName("hint")
        self.done_hint.setWordWrap(True)
        self.receipt_button = QPushButton(self.tr("&Receipt (PDF)…"), page)
        self.receipt_button.setObjectName("case_receipt")
        self.receipt_button.setAutoDefault(False)
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        self.done_button = QPushButton(self.tr("Close"), page)
        self.done_button.setObjectName("case_done")
        mark_primary(self.done_button)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        for widget in (self.done_title, self.reference_label, self.code_title, self.code_label,
                       self.code_warning, self.done_hint):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _name_of(self, editor: QWidget) -> str:
        return next(name for name, widget in self._editors.items() if widget is editor)

    # --- reference data ---------------------------------------------------------------------

    def _fill_reference(self) -> None:
        data = self.desk.reference
        self.type_combo.clear()
        for case_type in data.case_types:
            self.type_combo.addItem(case_type.name, case_type.code)
        self.category.clear()
        self.category.addItem(self.tr("(choose)"), None)
        for category in data.incident_categories:
            self.category.addItem(category.name, category.code)
        self.addressee.clear()
        self.addressee.addItem(self.tr("(choose)"), None)
        for addressee in data.addressees:
            self.addressee.addItem(addressee.name, addressee.code)
        if data.is_empty:
            self.todo_label.setText(
                self.tr(
                    "The types of case were never read from the central service: connect once "
                    "to file cases."
                )
            )

    def case_type(self) -> CaseType | None:
        return self.desk.reference.case_type(str(self.type_combo.currentData() or ""))

    def select_type(self, code: str) -> None:
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(code), 0))
        self._on_type_activated()

    # --- reacting ---------------------------------------------------------------------------

    def _on_type_activated(self, _index: int = 0) -> None:
        self._on_type_changed()
        self._on_edited("type_code")

    def _on_type_changed(self) -> None:
        case_type = self.case_type()
        kind = case_type.kind if case_type is not None else CaseKind.INFORMATION_REQUEST
        shown = set(KIND_FIELDS[kind]) | {"description"}
        for name, row in self.rows.items():
            self._fields_form.setRowVisible(row, name in shown)
        self._fields_form.setRowVisible(self.duplicates, kind is CaseKind.INCIDENT)
        policy = case_type.citizen_policy if case_type is not None else CitizenPolicy.OPTIONAL
        self.citizen.set_policy(policy)
        ethics = kind is CaseKind.ETHICS_REPORT
        self.visit_label.setVisible(not ethics)
        self.visit_label.setText(self._visit_text())
        self._rebuild_attributes()

    def unlink_visit(self) -> None:
        """Correct a refusal of the visit link by filing the case without it."""
        self._visit = VisitLink()
        self.unlink_button.hide()
        self.visit_label.setText(self._visit_text())
        self._on_edited("visit")
        self.submit_button.setFocus()

    def _visit_text(self) -> str:
        if self._visit.ticket_id is None:
            return self.tr("Not linked to a visit (no ticket being served).")
        return self.tr("Linked to the visit being served (ticket {ticket}).").format(
            ticket=self._ticket_number or self._visit.ticket_id
        )

    def _on_category_activated(self, _index: int) -> None:
        self._rebuild_attributes()
        self._on_edited("category_code")

    def _rebuild_attributes(self, answers: dict[str, str] | None = None) -> None:
        while self._attributes_form.rowCount():
            self._attributes_form.removeRow(0)
        self.attribute_editors = {}
        category = self.desk.reference.category(str(self.category.currentData() or ""))
        attributes = category.attributes if category is not None else ()
        self._fields_form.setRowVisible(
            self.rows["attributes"],
            bool(attributes) and self._fields_form.isRowVisible(self.rows["address"]),
        )
        for attribute in attributes:
            value = (answers or {}).get(attribute.code, "")
            editor: QWidget
            if attribute.is_list:
                combo = QComboBox(self.attributes_box)
                combo.addItem(self.tr("(choose)"), "")
                for choice in attribute.values:
                    combo.addItem(choice.name, choice.key)
                combo.setCurrentIndex(max(combo.findData(value), 0))
                combo.activated.connect(lambda _i: self._on_edited("attributes"))
                editor = combo
            else:
                edit = QLineEdit(value, self.attributes_box)
                edit.textEdited.connect(lambda _t: self._on_edited("attributes"))
                editor = edit
            editor.setObjectName(f"attribute_{attribute.code}")
            mark = " *" if attribute.required else ""
            self._attributes_form.addRow(f"{attribute.description or attribute.code}{mark}", editor)
            self.attribute_editors[attribute.code] = editor

    def _on_description_changed(self) -> None:
        if self.description.hasFocus() or self.description.toPlainText():
            self._on_edited("description")

    def _on_edited(self, name: str) -> None:
        self._touched.add(name)
        self._dirty = True
        if self.pages.currentIndex() == 0 and not self._busy:
            self._autosave.start()
        self.revalidate()
        if name in ("category_code", "latitude", "longitude", "description", "type_code"):
            self._ask_duplicates()

    def _ask_duplicates(self) -> None:
        case_type = self.case_type()
        if case_type is None or case_type.kind is not CaseKind.INCIDENT:
            self.duplicates.clear()
            return
        fields = self.fields()
        self.duplicates.look_for(
            fields.category_code, fields.latitude, fields.longitude, fields.description
        )

    # --- the draft --------------------------------------------------------------------------

    def fields(self) -> CaseFields:
        case_type = self.case_type()
        kind = case_type.kind if case_type is not None else CaseKind.INFORMATION_REQUEST
        shown = KIND_FIELDS[kind]
        values: dict[str, Any] = {"description": self.description.toPlainText()}

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        if "subject" in shown:
            values["subject"] = text(self.subject)
        if "concerned_service" in shown:
            values["concerned_service"] = text(self.concerned_service)
        if "suggestion_scope" in shown and self.suggestion_scope.currentData():
            values["suggestion_scope"] = SuggestionScope(self.suggestion_scope.currentData())
        if "category_code" in shown:
            values["category_code"] = self.category.currentData()
            values["address"] = text(self.address)
            values["latitude"] = _number(self.latitude.text())
            values["longitude"] = _number(self.longitude.text())
            answers = {}
            for code, editor in self.attribute_editors.items():
                value = (
                    str(editor.currentData() or "")
                    if isinstance(editor, QComboBox)
                    else editor.text().strip()
                    if isinstance(editor, QLineEdit)
                    else ""
                )
                if value:
                    answers[code] = value
            values["attributes"] = answers or None
        if "addressee_code" in shown:
            values["addressee_code"] = self.addressee.currentData()
            values["answer_may_be_public"] = self.may_be_public.isChecked()
        return CaseFields(**values)

    def draft(self) -> CaseDraft:
        return CaseDraft(
            type_code=str(self.type_combo.currentData() or ""),
            fields=self.fields(),
            citizen=self.citizen.block(),
            visit=self._visit,
            local_id=self._local_id,
        )

    def load(self, case: LocalCase) -> None:
        """A saved draft, or a case central refused (shown with its reason and errors)."""
        self._local_id = case.local_id
        self._visit = case.visit
        self._correcting = case.state is CaseState.NEEDS_ATTENTION
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(case.type_code), 0))
        self.type_combo.setEnabled(not self._correcting)
        self._on_type_changed()
        fields = case.fields or CaseFields()
        self.subject.setText(fields.subject or "")
        self.description.setPlainText(fields.description)
        self.concerned_service.setText(fields.concerned_service or "")
        scope = fields.suggestion_scope.value if fields.suggestion_scope else None
        self.suggestion_scope.setCurrentIndex(max(self.suggestion_scope.findData(scope), 0))
        self.category.setCurrentIndex(max(self.category.findData(fields.category_code), 0))
        self.address.setText(fields.address or "")
        self.latitude.setText("" if fields.latitude is None else str(fields.latitude))
        self.longitude.setText("" if fields.longitude is None else str(fields.longitude))
        self._rebuild_attributes(dict(fields.attributes or {}))
        self.addressee.setCurrentIndex(max(self.addressee.findData(fields.addressee_code), 0))
        self.may_be_public.setChecked(bool(fields.answer_may_be_public))
        self.citizen.set_block(case.citizen)
        self._dirty = False
        self._autosave.stop()
        if case.rejection is not None:
            self.setWindowTitle(
                self.tr("Correct case {reference}").format(reference=case.reference or "")
            )
            self.rejection_label.setText(
                self.tr("The central service did not accept this case: {reason}").format(
                    reason=self._messages.error_text(
                        BalcaoError(case.rejection.code, case.rejection.message)
                    )
                )
            )
            self.rejection_label.show()
            self.unlink_button.setVisible(
                case.rejection.code in VISIT_REJECTIONS and self._visit != VisitLink()
            )
            self._show_all = True
            self.revalidate(case.rejection.fields)
        else:
            self.setWindowTitle(self.tr("Case draft"))
            self.revalidate()
        if case.final_reference is not None and case.state is CaseState.NEEDS_ATTENTION:
            self._show_filed(case)

    def _show_filed(self, case: LocalCase) -> None:
        """Central filed the case but refused a file of it: only files can be sent now (its
        text is on central, no longer here). Submit sends the files attached here; with none,
        the case is settled as it is."""
        self._filed = True
        self.fields_box.hide()
        self.citizen.hide()
        self.unlink_button.hide()
        self.setWindowTitle(
            self.tr("Files of case {reference}").format(reference=case.final_reference)
        )
        self.todo_label.setText(
            self.tr(
                "The case is filed. Attach the file again in a form central accepts (PDF, "
                "JPEG or PNG) and submit, or submit without files to leave it as it is."
            )
        )
        self._update_submit()
        self.attachments.attach_button.setFocus()

    # --- validation -------------------------------------------------------------------------

    def revalidate(self, extra: tuple[FieldError, ...] = ()) -> tuple[FieldError, ...]:
        draft = self.draft()
        errors = validate_draft(draft, self.desk.reference) + tuple(extra)
        self._errors = errors
        field_errors: dict[str, str] = {}
        citizen_errors: dict[str, str] = {}
        for error in errors:
            if not error.loc:
                continue
            if error.loc[0] == "citizen":
                key = error.loc[1] if len(error.loc) > 1 else "name"
                if (
                    self._show_all
                    or f"citizen.{key}" in self._touched
                    or (
                        len(error.loc) == 1 and any(t.startswith("citizen.") for t in self._touched)
                    )
                ):
                    citizen_errors.setdefault(key, self.words.field_error(error.code))
                continue
            key = error.loc[0]
            if self._show_all or key in self._touched:
                field_errors.setdefault(key, self.words.field_error(error.code))
        for name, row in self.rows.items():
            row.set_error(field_errors.get(name, ""))
        self.citizen.set_errors(citizen_errors)
        names = sorted({self.words.field_label(e.loc[-1] if e.loc[0] == "citizen" else e.loc[0])
                        for e in errors if e.loc})  # fmt: skip
        if not self.desk.reference.is_empty:
            self.todo_label.setText(
                self.tr("Still to fill in or correct: {fields}.").format(fields=", ".join(names))
                if names
                else ""
            )
        self._update_submit()
        return errors

    def show_first_error(self) -> None:
        """Scroll to the first field with a message shown under it."""
        rows = [*self.rows.values(), *self.citizen.rows.values()]
        for row in rows:
            if row.error:
                self.scroll_area.ensureWidgetVisible(row)
                return

    @property
    def errors(self) -> tuple[FieldError, ...]:
        return self._errors

    def _update_submit(self) -> None:
        self.submit_button.setEnabled(
            not self._busy and (self._filed or (not self._errors and self.case_type() is not None))
        )

    # --- saving and submitting --------------------------------------------------------------

    def save_now(self) -> None:
        """Autosave (the timer, or closing the form): only once something was typed."""
        self._autosave.stop()
        if not self._dirty or self._busy or self._filed or self.pages.currentIndex() != 0:
            return
        self._dirty = False
        self.desk.runner.submit(
            self.desk.service.save_draft,
            self.draft(),
            owner=self,
            on_done=self._on_saved,
            on_error=self._on_save_failed,
            pool="db",
        )

    def _on_saved(self, case: LocalCase) -> None:
        self._local_id = case.local_id
        self.saves += 1
        self.desk.cases_changed.emit()

    def _on_save_failed(self, error: BaseException) -> None:
        log.warning("case draft not saved: %s", getattr(error, "code", type(error).__name__))
        self.todo_label.setText(self._messages.error_text(error))

    def submit(self) -> None:
        if self._busy or self.pages.currentIndex() != 0:
            return
        if self._filed and self._local_id is not None:
            self._busy = True
            self._update_submit()
            self.desk.runner.submit(
                self.desk.service.attach_to_filed_case,
                self._local_id,
                self.attachments.files(),
                owner=self,
                on_done=self._on_submitted,
                on_error=self._on_submit_failed,
                pool="db",
            )
            return
        self._show_all = True
        if self.revalidate() or self.case_type() is None:
            self.show_first_error()
            return
        self._autosave.stop()
        self._busy = True
        self._update_submit()
        run: Callable[[CaseDraft, Sequence[AttachmentFile]], LocalCase] = (
            self.desk.service.correct_and_resubmit if self._correcting
            else self.desk.service.submit
        )  # fmt: skip
        files = self.attachments.files()
        self.desk.runner.submit(
            run,
            self.draft(),
            *((files,) if files else ()),  # (a case without files: the call it always was)
            owner=self,
            on_done=self._on_submitted,
            on_error=self._on_submit_failed,
            pool="db",
        )

    def _on_submitted(self, case: LocalCase) -> None:
        self._busy = False
        self._dirty = False
        self.result_case = case
        self.attachments.clear()  # in the store now, with the case
        self._local_id = case.local_id
        ethics = case.follow_up_code is not None
        self.done_title.setText(
            self.tr("Case registered. It will be sent to the central service automatically.")
        )
        self.reference_label.setText(case.reference or "")
        self.code_label.setText(case.follow_up_code or "")
        for widget in (self.code_title, self.code_label, self.code_warning):
            widget.setVisible(ethics)
        self.done_hint.setText(
            self.tr(
                "The reference starting with P- is provisional: the case keeps it until the "
                "central service gives the final one, which will show in the list of cases."
            )
        )
        self.pages.setCurrentIndex(1)
        self.submit_button.setDefault(False)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.desk.submitted(case)
        self.submitted.emit(case)

    def _on_submit_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, CaseInvalid):
            self.revalidate(error.fields)
            return
        self.todo_label.setText(self._messages.error_text(error))
        self._update_submit()

    def _on_receipt_clicked(self) -> None:
        if self.result_case is not None:
            self.receipt_requested.emit(self.result_case)

    # --- closing ----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.save_now()
        # The follow-up code is shown once: it does not outlive the dialog.
        self.code_label.clear()
        if self.result_case is not None:
            self.result_case = replace(self.result_case, follow_up_code=None)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_now()
        super().closeEvent(event)
