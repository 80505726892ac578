"""`AttachmentList`: the files the citizen brought (scanned documents, photos), in the case form.

"Attach file…" (Ctrl+Shift+A anywhere in the form, or the button) asks for PDF, JPEG or PNG
files; each is read and checked off the GUI thread (`desktop.domain.attachments`: type by
content, size limit, SHA-256) and listed with its name and size, or refused at once with the
reason ("the file has 14.2 MB; the maximum is 10 MB"), while the citizen is still there. Delete
(or the button) removes the selected one. The files stay in memory until the case is
submitted, then go into the store with it in one transaction.

The file dialog is a function (`pick_files(parent) -> paths`), so tests hand in their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.attachments import (
    EMPTY,
    MAX_BYTES,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED_TYPE,
    AttachmentFile,
    AttachmentRefused,
    read_attachment,
)
from desktop.tasks import TaskRunner

PickFiles = Callable[[QWidget], Sequence[str]]
ATTACH_KEYS = "Ctrl+Shift+A"
_MB = 1024 * 1024


def _read_all(paths: Sequence[str], max_bytes: int) -> list[AttachmentFile | AttachmentRefused]:
    """Each path read and checked (on a worker thread): the file, or why it was refused."""
    results: list[AttachmentFile | AttachmentRefused] = []
    for path in paths:
        try:
            results.append(read_attachment(path, max_bytes))
        except AttachmentRefused as refused:
            results.append(refused)
    return results


class AttachmentList(QGroupBox):
    changed = Signal()  # a file was added or removed
    read_done = Signal()  # the files chosen last were read (tests wait on it)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        pick_files: PickFiles | None = None,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Attachments (PDF, JPEG, PNG; at most {size} each)").format(
            size=self.size_text(max_bytes)
        ))  # fmt: skip
        self.setObjectName("case_attachments_box")
        self.runner = runner
        self.pick_files = pick_files or self._dialog
        self.max_bytes = max_bytes
        self._files: list[AttachmentFile] = []

        self.list = QListWidget(self)
        self.list.setObjectName("case_attachments")
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setMaximumHeight(110)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.attach_button = QPushButton(self.tr("&Attach file… (Ctrl+Shift+A)"), self)
        self.attach_button.setObjectName("case_attach")
        self.attach_button.setAutoDefault(False)
        self.attach_button.setToolTip(self.tr("Attach a scanned document or a photo"))
        self.attach_button.clicked.connect(self.attach)
        self.remove_button = QPushButton(self.tr("Remove (Del)"), self)
        self.remove_button.setObjectName("case_attachment_remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)

        # Anywhere in the form (the window), not only with the focus in this box.
        attach = QShortcut(QKeySequence(ATTACH_KEYS), self)
        attach.activated.connect(self.attach)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._update()

    # --- the files --------------------------------------------------------------------------

    def files(self) -> tuple[AttachmentFile, ...]:
        return tuple(self._files)

    def clear(self) -> None:
        self._files.clear()
        self.list.clear()
        self.error_label.hide()
        self._update()

    def attach(self) -> None:
        """Ask for files, then read and check them off the GUI thread."""
        if not self.isEnabled():
            return
        paths = list(self.pick_files(self))
        if not paths:
            return
        self.attach_button.setEnabled(False)
        self.runner.submit(
            _read_all,
            paths,
            self.max_bytes,
            owner=self,
            on_done=self._on_read,
            on_error=self._on_read_failed,
            pool="db",
        )

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0 or row >= len(self._files):
            return
        del self._files[row]
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._update()
        self.changed.emit()

    def _on_read(self, results: list[AttachmentFile | AttachmentRefused]) -> None:
        problems: list[str] = []
        added = False
        for result in results:
            if isinstance(result, AttachmentRefused):
                problems.append(self.refusal_text(result))
            elif any(f.sha256 == result.sha256 for f in self._files):
                problems.append(self.tr("{name} is already attached.").format(name=result.filename))
            else:
                self._files.append(result)
                item = QListWidgetItem(f"{result.filename} — {self.size_text(result.size)}")
                self.list.addItem(item)
                added = True
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))
        if added:
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit()
        self._update()
        self.read_done.emit()

    def _on_read_failed(self, error: BaseException) -> None:
        self.error_label.setText(
            self.tr("The files could not be read ({error}).").format(error=type(error).__name__)
        )
        self.error_label.show()
        self._update()
        self.read_done.emit()

    def _update(self) -> None:
        self.attach_button.setEnabled(True)
        self.remove_button.setEnabled(bool(self._files))
        self.list.setVisible(bool(self._files))

    # --- words ------------------------------------------------------------------------------

    def size_text(self, size: int) -> str:
        """`14.2 MB`, `10 MB`, `356 KB` in the user's locale (1 MB = 1024 KB)."""
        locale = QLocale()
        if size < _MB:
            return self.tr("{size} KB").format(size=locale.toString(max(1, round(size / 1024))))
        megabytes = size / _MB
        digits = 0 if megabytes == int(megabytes) else 1
        return self.tr("{size} MB").format(size=locale.toString(megabytes, "f", digits))

    def refusal_text(self, refused: AttachmentRefused) -> str:
        name = str(refused.details.get("filename") or "")
        if refused.code == TOO_LARGE:
            return self.tr("The file {name} has {size}; the maximum is {limit}.").format(
                name=name,
                size=self.size_text(int(refused.details.get("size") or 0)),
                limit=self.size_text(int(refused.details.get("max_bytes") or self.max_bytes)),
            )
        if refused.code == UNSUPPORTED_TYPE:
            return self.tr(
                "The file {name} is not a PDF, JPEG or PNG (checked by its content, not its name)."
            ).format(name=name)
        if refused.code == EMPTY:
            return self.tr("The file {name} is empty.").format(name=name)
        if refused.code == UNREADABLE:
            return self.tr("The file {name} cannot be read.").format(name=name)
        return self.tr("The file {name} cannot be attached.").format(name=name)

    def _dialog(self, parent: QWidget) -> list[str]:
        paths, _chosen = QFileDialog.getOpenFileNames(
            parent,
            self.tr("Attach files"),
            str(Path.home()),
            self.tr("Documents and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)"),
        )
        return list(paths)
