"""`SidePages`: the tabs beside the citizen at the counter (the queue, knowledge, case lookup).

Each page has a window-wide shortcut that shows it and puts the keyboard where the attendant
will type (the search field of the knowledge page, say), so no page needs the mouse. The
citizen's panel on the left never moves: the attendant answers "what do I need to bring?"
without losing the visit on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget


class SidePages(QTabWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("sidePages")
        self.setDocumentMode(True)
        self._window = window
        self.actions_by_page: dict[QWidget, QAction] = {}

    def add_page(
        self,
        page: QWidget,
        title: str,
        keys: str,
        *,
        focus: Callable[[], None] | None = None,
    ) -> QAction:
        """Add `page` under `title`; `keys` (e.g. "Ctrl+K") shows it and calls `focus`. The
        returned action goes into a menu, so the shortcut can also be found there."""
        shortcut = QKeySequence(keys)
        native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        # The title alone, so four pages fit a 1280-pixel screen; the key is in the tooltip,
        # in the View menu beside the title, and in the hints that point to a page.
        index = self.addTab(page, title)
        self.setTabToolTip(index, f"{title} ({native})")
        action = QAction(title, self._window)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.show_page(page, focus))
        self._window.addAction(action)
        self.actions_by_page[page] = action
        return action

    def show_page(self, page: QWidget, focus: Callable[[], None] | None = None) -> None:
        self.setCurrentWidget(page)
        if focus is not None:
            focus()
        else:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)
