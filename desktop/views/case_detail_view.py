"""`CaseDetailView`: one case found on central, for reading and light work at the counter.

Top to bottom: reference, type and status; dates; the citizen (only what central sent); the
editable fields (subject, description and, when there is a citizen, how to reach them) with
"Save changes" (Ctrl+S), which sends the version shown; the attachments; the status history
(what, when, who, the note given to the citizen); the internal notes and a box to add one
(Ctrl+Enter). The view only shows and asks: the panel sends, through the TaskRunner.

A closed case is shown read-only (central refuses changes until it is reopened)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.case_lookup import (
    CONTACT,
    EDITABLE,
    CaseEdit,
    CaseFile,
    CaseRecord,
)
from desktop.domain.cases import FieldError
from desktop.views.case_hit_table_model import day_text
from desktop.views.case_messages import CaseMessages
from desktop.views.field_row import FieldRow
from desktop.views.widget_style import mark_primary

SAVE_KEYS = "Ctrl+S"
NOTE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
DESCRIPTION_LINES = 5


class CaseDetailView(QScrollArea):
    save_requested = Signal(object)  # CaseEdit: the fields as typed
    note_requested = Signal(str)  # the note's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetailView")
        self.setWidgetResizable(True)
        self.words = CaseMessages(self)
        self.record: CaseRecord | None = None
        self._busy = False
        body = QWidget(self)
        self.setWidget(body)

        self.title = QLabel(body)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(body)
        self.facts.setObjectName("caseFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.citizen_box = QGroupBox(self.tr("Citizen"), body)
        self.citizen_label = QLabel(self.citizen_box)
        self.citizen_label.setWordWrap(True)
        self.citizen_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.citizen_box).addWidget(self.citizen_label)

        self.edit_box = QGroupBox(self.tr("Case data"), body)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        self._row_labels: dict[str, QLabel] = {}
        form = QFormLayout(self.edit_box)
        mnemonics = {
            "subject": self.tr("Su&bject:"),
            "description": self.tr("&Description:"),
            "email": self.tr("E&mail:"),
            "phone": self.tr("P&hone:"),
            "postal_code": self.tr("Postal c&ode:"),
            "postal_address": self.tr("Postal add&ress:"),
        }
        for name in EDITABLE:
            editor: QLineEdit | QPlainTextEdit
            if name == "description":
                editor = QPlainTextEdit(self.edit_box)
                editor.setTabChangesFocus(True)
                line = editor.fontMetrics().lineSpacing()
                editor.setFixedHeight(line * DESCRIPTION_LINES + 12)
            else:
                editor = QLineEdit(self.edit_box)
            editor.setObjectName(f"lookup_{name}")
            editor.setAccessibleName(self.words.field_label(name))
            row = FieldRow(editor, self.edit_box)
            label = QLabel(mnemonics[name], self.edit_box)
            label.setBuddy(editor)
            form.addRow(label, row)
            self.edits[name], self.rows[name], self._row_labels[name] = editor, row, label
        self.version_label = QLabel(self.edit_box)
        self.version_label.setObjectName("hint")
        keys = _native(SAVE_KEYS)
        self.save_button = QPushButton(self.tr("Save changes ({keys})").format(keys=keys), body)
        self.save_button.setObjectName("lookup_save")
        self.save_button.setToolTip(
            self.tr("Save the changes to this version of the case ({keys})").format(keys=keys)
        )
        mark_primary(self.save_button)
        self.save_button.clicked.connect(self.request_save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.version_label, 1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        save_shortcut = QShortcut(QKeySequence(SAVE_KEYS), self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.request_save)

        self.attachments = self._list(body, "caseAttachments", self.tr("Attachments"))
        self.history = self._list(body, "caseHistory", self.tr("Status history"))
        self.notes = self._list(body, "caseNotes", self.tr("Internal notes"))
        self.note_edit = QPlainTextEdit(body)
        self.note_edit.setObjectName("lookup_note")
        self.note_edit.setAccessibleName(self.tr("New internal note"))
        self.note_edit.setPlaceholderText(
            self.tr("A note for colleagues (not shown to the citizen)")
        )
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        note_label = QLabel(self.tr("New &note:"), body)
        note_label.setBuddy(self.note_edit)
        self.note_button = QPushButton(self.tr("Add note (Ctrl+Enter)"), body)
        self.note_button.setObjectName("lookup_add_note")
        self.note_button.clicked.connect(self.request_note)
        for keys in NOTE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self.note_edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.request_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.citizen_box)
        layout.addWidget(self.edit_box)
        layout.addWidget(QLabel(self.tr("Attachments"), body))
        layout.addWidget(self.attachments)
        layout.addWidget(QLabel(self.tr("Status history"), body))
        layout.addWidget(self.history)
        layout.addWidget(QLabel(self.tr("Internal notes"), body))
        layout.addWidget(self.notes)
        layout.addWidget(note_label)
        layout.addLayout(note_row)
        layout.addStretch(1)
        self.clear()

    def _list(self, parent: QWidget, name: str, title: str) -> QListWidget:
        widget = QListWidget(parent)
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        widget.setWordWrap(True)
        widget.setMaximumHeight(widget.fontMetrics().lineSpacing() * 6 + 12)
        return widget

    # --- showing ------------------------------------------------------------------------------

    def clear(self) -> None:
        self.record = None
        self.title.setText(self.tr("No case open. Search above, then press Enter on a result."))
        self.facts.clear()
        # Hidden is not enough: the previous citizen's data leaves the widgets too.
        self.citizen_label.clear()
        self.citizen_box.hide()
        for editor in self.edits.values():
            editor.clear()
        self.edit_box.hide()
        for widget in (self.attachments, self.history, self.notes):
            widget.clear()
        self.note_edit.clear()
        self._update_enabled()

    def show_case(self, case: CaseFile, *, keep_note: bool = False) -> None:
        record = case.record
        self.record = record
        status = self.words.case_status(record.status)
        self.title.setText(f"{record.reference} · {record.type_name} · {status}")
        self.title.setAccessibleName(self.title.text())
        facts = [
            self.tr("Received: {when}").format(when=day_text(record.received_at)),
            self.tr("Last change: {when}").format(when=day_text(record.updated_at)),
        ]
        if record.closed_at is not None:
            facts.append(self.tr("Closed: {when}").format(when=day_text(record.closed_at)))
        if record.provisional_reference:
            facts.append(
                self.tr("Provisional reference: {reference}").format(
                    reference=record.provisional_reference
                )
            )
        self.facts.setText("\n".join(facts))
        self._show_citizen(record)
        self._fill_edits(record)
        self.attachments.clear()
        for attachment in record.attachments:
            self.attachments.addItem(
                self.tr("{name} ({size} KB), {when}").format(
                    name=attachment.filename,
                    size=max(1, round(attachment.size / 1024)),
                    when=day_text(attachment.created_at),
                )
            )
        if not record.attachments:
            self.attachments.addItem(self.tr("No attachments."))
        self.history.clear()
        for change in case.history:
            who = (
                self.tr("user {id}").format(id=change.user_id)
                if change.user_id is not None
                else self.tr("automatic")
            )
            line = self.tr("{status}, {when}, by {who}").format(
                status=self.words.case_status(change.status), when=day_text(change.at), who=who
            )
            if change.public_note:
                line = self.tr("{line}: “{note}”").format(line=line, note=change.public_note)
            self.history.addItem(line)
        self.notes.clear()
        for note in record.notes:
            self.notes.addItem(
                self.tr("{when}, user {id}: {text}").format(
                    when=day_text(note.at), id=note.user_id, text=note.text
                )
            )
        if not record.notes:
            self.notes.addItem(self.tr("No notes yet."))
        if not keep_note:
            self.note_edit.clear()
        self._update_enabled()

    def _show_citizen(self, record: CaseRecord) -> None:
        citizen = record.citizen
        if citizen is None:
            self.citizen_box.hide()
            return
        lines = []
        if citizen.name:
            lines.append(f"{self.words.field_label('name')}: {citizen.name}")
        if citizen.nif:
            lines.append(f"{self.words.field_label('nif')}: {citizen.nif}")
        lines.append(f"{self.words.field_label('language')}: {citizen.language}")
        lines.append(f"{self.words.field_label('contact_by')}: {citizen.contact_by.value}")
        self.citizen_label.setText("\n".join(lines))
        self.citizen_box.show()

    def _fill_edits(self, record: CaseRecord) -> None:
        values = record.edit()
        has_citizen = record.citizen is not None
        for name in EDITABLE:
            editor = self.edits[name]
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(values.value(name))
            else:
                editor.setText(values.value(name))
            editor.setReadOnly(record.is_closed)
            visible = has_citizen or name not in CONTACT
            self.rows[name].setVisible(visible)
            self._row_labels[name].setVisible(visible)
            self.rows[name].set_error("")
        if record.is_closed:
            self.version_label.setText(
                self.tr("Version {version}. Closed: reopen it to change it.").format(
                    version=record.version
                )
            )
        else:
            self.version_label.setText(self.tr("Version {version}").format(version=record.version))
        self.edit_box.show()

    # --- editing ------------------------------------------------------------------------------

    def editable_fields(self) -> tuple[str, ...]:
        has_citizen = self.record is not None and self.record.citizen is not None
        return tuple(n for n in EDITABLE if has_citizen or n not in CONTACT)

    def current_edit(self) -> CaseEdit:
        values: dict[str, str] = {}
        for name, editor in self.edits.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            values[name] = text
        return CaseEdit(**values)

    def set_field_errors(self, errors: tuple[FieldError, ...]) -> None:
        for each in self.rows.values():
            each.set_error("")
        first: QWidget | None = None
        for error in errors:
            name = error.loc[-1] if error.loc else ""
            row = self.rows.get(name)
            if row is None:
                continue
            row.set_error(self.words.field_error(error.code))
            first = first or row.editor
        if first is not None:
            first.setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        open_case = self.record is not None
        self.save_button.setEnabled(
            open_case and not self._busy and not (self.record and self.record.is_closed)
        )
        self.note_button.setEnabled(open_case and not self._busy)
        self.note_edit.setEnabled(open_case)

    def request_save(self) -> None:
        if self._busy or self.record is None or self.record.is_closed:
            return
        self.save_requested.emit(self.current_edit())

    def request_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if self._busy or self.record is None or not text:
            return
        self.note_requested.emit(text)


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
