"""The user's settings on this computer: language, server, counter, idle lock, remember me.

What the organisation fixed by policy is shown but disabled, with the reason. Saving writes the
user's settings file in the background; the language applies the next time Balcão starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from desktop.views.messages import Messages


class SettingsDialog(QDialog):
    saved = Signal(object)  # the new Settings

    def __init__(
        self,
        *,
        runner: TaskRunner,
        settings: Any,
        save: Callable[..., Any],
        counters: Sequence[tuple[int, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.windowTitle())
        self._runner = runner
        self._settings = settings
        self._save = save
        self._messages = Messages(self)
        self._saving = False
        locked = set(settings.locked)

        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem("Português (Portugal)", "pt_PT")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.server_edit = QLineEdit(settings.server_url, self)
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.counter_combo = QComboBox(self)
        self.counter_combo.setAccessibleName(self.tr("Counter of this computer"))
        self.counter_combo.addItem(self.tr("Ask at sign-in"), None)
        for counter_id, name in counters:
            self.counter_combo.addItem(name, counter_id)
        index = self.counter_combo.findData(settings.counter_id)
        if index < 0 and settings.counter_id is not None:
            self.counter_combo.addItem(str(settings.counter_id), settings.counter_id)
            index = self.counter_combo.count() - 1
        self.counter_combo.setCurrentIndex(max(0, index))
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setAccessibleName(self.tr("Lock after minutes without use"))
        self.idle_spin.setRange(1, 480)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(settings.idle_lock_minutes)
        self.remember_check = QCheckBox(self.tr("Remember my session on this computer"), self)
        self.remember_check.setAccessibleName(self.remember_check.text())
        self.remember_check.setChecked(settings.remember_session)

        self._fields: dict[str, QWidget] = {
            "language": self.language_combo,
            "server_url": self.server_edit,
            "counter_id": self.counter_combo,
            "idle_lock_minutes": self.idle_spin,
            "remember_session": self.remember_check,
        }
        for key, widget in self._fields.items():
            if key in locked:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your organisation: it cannot be changed here."))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_combo)
        language_note = QLabel(self.tr("A new language applies the next time Balcão starts."), self)
        language_note.setObjectName("hint")
        language_note.setWordWrap(True)
        form.addRow("", language_note)
        form.addRow(self.tr("&Server:"), self.server_edit)
        form.addRow(self.tr("&Counter:"), self.counter_combo)
        form.addRow(self.tr("Lock &after:"), self.idle_spin)
        form.addRow("", self.remember_check)
        if locked:
            policy_note = QLabel(
                self.tr("Greyed-out settings are fixed by your organisation."), self
            )
            policy_note.setObjectName("hint")
            policy_note.setWordWrap(True)
            form.addRow("", policy_note)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def changes(self) -> dict[str, Any]:
        """The values that differ from the current settings, without the locked ones."""
        values: dict[str, Any] = {
            "language": self.language_combo.currentData(),
            "server_url": self.server_edit.text().strip(),
            "counter_id": self.counter_combo.currentData(),
            "idle_lock_minutes": self.idle_spin.value(),
            "remember_session": self.remember_check.isChecked(),
        }
        return {
            key: value
            for key, value in values.items()
            if key not in self._settings.locked and value != getattr(self._settings, key)
        }

    def accept(self) -> None:
        if self._saving:
            return
        changes = self.changes()
        if not changes:
            super().accept()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        settings = self._settings
        save = self._save
        self._runner.submit(
            lambda: save(settings, **changes),
            owner=self,
            pool="db",
            on_done=self._on_saved,
            on_error=self._on_save_failed,
        )

    def _on_saved(self, settings: Any) -> None:
        self._saving = False
        self._settings = settings
        self.saved.emit(settings)
        super().accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error_label.setText(self._messages.error_text(error))
        self.error_label.show()
