"""A strip above the work area that says what just went wrong (or right), in words.

Errors stay until dismissed or until the next action succeeds; information fades after a while.
The text is also the strip's accessible description, so a screen reader announces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.views.widget_style import set_style_property

INFO_MS = 8000


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName(self.tr("Message"))
        self._label = QLabel(self)
        self._label.setObjectName("messageText")
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.setAccessibleName(self.tr("Dismiss message"))
        self._close.setToolTip(self.tr("Dismiss message"))
        self._close.clicked.connect(self._on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self._on_fade_timeout)
        self.setProperty("kind", "info")
        self.hide()

    @property
    def text(self) -> str:
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else self.isVisible()
        return self._label.text() if shown else ""

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")
        self._fade.start(INFO_MS)

    def clear(self) -> None:
        self._fade.stop()
        self._label.clear()
        self.hide()

    def clear_error(self) -> None:
        if self.kind == "error":
            self.clear()

    def _show(self, text: str, kind: str) -> None:
        self._fade.stop()
        set_style_property(self, "kind", kind)
        self._label.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    @Slot()
    def _on_close_clicked(self) -> None:
        self.clear()

    @Slot()
    def _on_fade_timeout(self) -> None:
        self.clear()
