"""`CitizenBlockEditor`: the citizen's personal data on a case (name, NIF, email, phone, postal
code and address, language, how to answer), each field with its inline error. For a type that
forbids personal data (the ethics mailbox) the fields are hidden and cleared, and a sentence
says why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.domain.cases import CitizenBlock, CitizenPolicy, ContactBy
from desktop.views.case_messages import CaseMessages
from desktop.views.field_row import FieldRow

LANGUAGES = ("pt", "en")
TEXT_FIELDS = ("name", "nif", "email", "phone", "postal_code", "postal_address")


class CitizenBlockEditor(QGroupBox):
    edited = Signal(str)  # the field's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenBlock")
        words = CaseMessages(self)
        self._policy = CitizenPolicy.OPTIONAL
        self.anonymous_label = QLabel(
            self.tr(
                "Anonymous report: no personal data is collected. Do not write the citizen's "
                "name or contacts in the description either."
            ),
            self,
        )
        self.anonymous_label.setObjectName("hint")
        self.anonymous_label.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        self._form = QFormLayout(self)
        self._form.addRow(self.anonymous_label)
        placeholders = {"nif": "123456789", "postal_code": "1000-001", "phone": "912 345 678"}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"citizen_{name}")
            edit.setPlaceholderText(placeholders.get(name, ""))
            edit.textEdited.connect(lambda _text, n=name: self.edited.emit(n))
            self.edits[name] = edit
            self._add(name, edit, words.field_label(name))
        self.language = QComboBox(self)
        self.language.setObjectName("citizen_language")
        self.language.addItem(self.tr("Portuguese"), "pt")
        self.language.addItem(self.tr("English"), "en")
        self.language.activated.connect(lambda _i: self.edited.emit("language"))
        self._add("language", self.language, words.field_label("language"))
        self.contact_by = QComboBox(self)
        self.contact_by.setObjectName("citizen_contact_by")
        for value, text in (
            (ContactBy.NONE, self.tr("No answer needed")),
            (ContactBy.EMAIL, self.tr("Email")),
            (ContactBy.PHONE, self.tr("Phone")),
            (ContactBy.POST, self.tr("Post")),
            (ContactBy.IN_PERSON, self.tr("In person, at the counter")),
        ):
            self.contact_by.addItem(text, value.value)
        self.contact_by.activated.connect(lambda _i: self.edited.emit("contact_by"))
        self._add("contact_by", self.contact_by, words.field_label("contact_by"))
        self.set_policy(CitizenPolicy.OPTIONAL)

    def _add(self, name: str, editor: QWidget, label: str) -> None:
        row = FieldRow(editor, self)
        self.rows[name] = row
        self._form.addRow(f"{label}:", row)
        label_widget = self._form.labelForField(row)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(editor)

    # --- policy -----------------------------------------------------------------------------

    def set_policy(self, policy: CitizenPolicy) -> None:
        self._policy = policy
        forbidden = policy is CitizenPolicy.FORBIDDEN
        if forbidden:
            self.set_block(None)
        for row in self.rows.values():
            self._form.setRowVisible(row, not forbidden)
            row.setEnabled(not forbidden)
        self._form.setRowVisible(self.anonymous_label, forbidden)
        if policy is CitizenPolicy.REQUIRED:
            self.setTitle(self.tr("Citizen (required for this type)"))
        elif forbidden:
            self.setTitle(self.tr("Citizen"))
        else:
            self.setTitle(self.tr("Citizen (optional)"))

    @property
    def policy(self) -> CitizenPolicy:
        return self._policy

    # --- values -----------------------------------------------------------------------------

    def block(self) -> CitizenBlock | None:
        if self._policy is CitizenPolicy.FORBIDDEN:
            return None
        values = {name: self.edits[name].text().strip() or None for name in TEXT_FIELDS}
        block = CitizenBlock(
            **values,
            language=str(self.language.currentData() or "pt"),
            contact_by=ContactBy(self.contact_by.currentData() or ContactBy.NONE),
        )
        return None if block.is_empty() else block

    def set_block(self, block: CitizenBlock | None) -> None:
        block = block or CitizenBlock()
        for name in TEXT_FIELDS:
            self.edits[name].setText(getattr(block, name) or "")
        index = self.language.findData(block.language)
        self.language.setCurrentIndex(max(index, 0))
        index = self.contact_by.findData(ContactBy(block.contact_by).value)
        self.contact_by.setCurrentIndex(max(index, 0))

    def set_errors(self, errors: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.set_error(errors.get(name, ""))
