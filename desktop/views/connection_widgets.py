"""The connection to the central service, shown twice: a small indicator in the status bar and,
when offline, a banner over the work area that says what still works.

Both take the event feed's state (`FeedState`: CONNECTING, LIVE, OFFLINE, RESET) by name, and the
seconds until the feed retries; the countdown ticks here, the feed reconnects by itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.views.widget_style import set_style_property

CONNECTING = "CONNECTING"
LIVE = "LIVE"
OFFLINE = "OFFLINE"
RESET = "RESET"


def feed_state_name(state: Any) -> str:
    """`FeedState.LIVE` → "LIVE" (also accepts the plain name; None → "")."""
    if state is None:
        return ""
    return str(getattr(state, "name", state)).upper()


class ConnectionIndicator(QLabel):
    """ "● Live" / "Connecting…" / "Offline: retrying in 8 s", in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self.setAccessibleName(self.tr("Connection to the central service"))
        self._state = CONNECTING
        self._retry_left: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._render()

    @property
    def state(self) -> str:
        return self._state

    def set_state(self, state: Any, retry_in: float | None = None) -> None:
        self._state = feed_state_name(state) or CONNECTING
        self._retry_left = None if retry_in is None else max(0, round(retry_in))
        if self._state == OFFLINE and self._retry_left is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self._render()

    def _render(self) -> None:
        if self._state == LIVE:
            text = self.tr("● Connected")
        elif self._state == OFFLINE:
            if self._retry_left:
                text = self.tr("● Offline: retrying in {seconds} s").format(
                    seconds=self._retry_left
                )
            else:
                text = self.tr("● Offline: retrying…")
        elif self._state == RESET:
            text = self.tr("● Reloading the queue…")
        else:
            text = self.tr("● Connecting…")
        set_style_property(self, "connection", self._state.lower())
        self.setText(text)
        self.setAccessibleDescription(text)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._retry_left:
            self._retry_left -= 1
        else:
            self._timer.stop()
        self._render()


class OfflineBanner(QFrame):
    """Shown only while the central cannot be reached."""

    def __init__(self, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setAccessibleName(self.tr("Offline"))
        self._title = QLabel(self.tr("No connection to the central service"), self)
        self._title.setObjectName("offlineTitle")
        self._detail = QLabel(detail, self)
        self._detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._detail)
        self.hide()

    @property
    def detail(self) -> str:
        return self._detail.text()

    def set_state(self, state: Any) -> None:
        offline = feed_state_name(state) == OFFLINE
        self.setVisible(offline)
        if offline:
            self.setAccessibleDescription(f"{self._title.text()} {self._detail.text()}")
