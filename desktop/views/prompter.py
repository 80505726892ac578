"""How a window asks the user something modal: run a dialog, confirm, choose from a list.

Windows call these instead of `dialog.exec()` / `QMessageBox` directly, so tests (and the
self-test) can answer with a scripted `Prompter` and no nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget


class Prompter:
    def run(self, dialog: QDialog) -> bool:
        """Show `dialog` modally; True if it was accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(
            QCoreApplication.translate("Prompter", "Yes"), QMessageBox.ButtonRole.YesRole
        )
        no = box.addButton(
            QCoreApplication.translate("Prompter", "No"), QMessageBox.ButtonRole.NoRole
        )
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def choose(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        """Index of the chosen item, or None if cancelled."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(list(items))
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText(QCoreApplication.translate("Prompter", "OK"))
        dialog.setCancelButtonText(QCoreApplication.translate("Prompter", "Cancel"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text = dialog.textValue()
        return list(items).index(text) if text in items else None

    def save_file_name(
        self, parent: QWidget, title: str, suggested: str, name_filter: str
    ) -> str | None:
        """A path to save to (chosen in the file dialog), None if cancelled."""
        path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path or None


class ScriptedPrompter(Prompter):
    """Answers from a script (tests, self-test): `on_dialog(dialog) -> bool` fills and accepts
    dialogs; `confirm_answer` and `choice` answer the others."""

    def __init__(
        self,
        on_dialog: Callable[[QDialog], bool] | None = None,
        *,
        confirm_answer: bool = True,
        choice: int | None = 0,
    ) -> None:
        self.on_dialog = on_dialog or (lambda _dialog: True)
        self.confirm_answer = confirm_answer
        self.choice = choice
        self.seen: list[str] = []
        self.save_path: str | None = None  # the answer of `save_file_name`

    def run(self, dialog: QDialog) -> bool:
        self.seen.append(type(dialog).__name__)
        accepted = self.on_dialog(dialog)
        if accepted:
            dialog.accept()
            accepted = dialog.result() == QDialog.DialogCode.Accepted
        return accepted

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.seen.append(f"confirm:{title}")
        return self.confirm_answer

    def choose(self, parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        self.seen.append(f"choose:{title}")
        return self.choice

    def save_file_name(
        self, parent: QWidget, title: str, suggested: str, name_filter: str
    ) -> str | None:
        self.seen.append(f"save:{suggested}")
        return self.save_path
