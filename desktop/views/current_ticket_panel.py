"""The citizen at the counter: big ticket number, service, waited time, why this ticket was
chosen, a serving timer and the attendant's notes for the visit.

The notes belong to the visit: they survive recalls, a lost connection and the idle lock, and
are cleared only when another ticket arrives at the counter (or `clear()` after finishing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.tickets import CallReason, Status, Ticket
from desktop.views.messages import Messages, time_text
from desktop.views.queue_table_model import utc_now

NOTES_MAX = 2000


class CurrentTicketPanel(QFrame):
    notes_edited = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("currentTicketPanel")
        self.setAccessibleName(self.tr("Citizen at the counter"))
        self._messages = Messages(self)
        self._now = now
        self._ticket: Ticket | None = None
        self._reason: CallReason | None = None
        self._service_name = ""
        self._call_hint = ""

        self._state = QLabel(self)
        self._state.setObjectName("ticketState")
        self._number = QLabel(self)
        self._number.setObjectName("ticketNumber")
        self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._service = QLabel(self)
        self._service.setObjectName("ticketService")
        self._service.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._service.setWordWrap(True)
        self._priority = QLabel(self)
        self._priority.setObjectName("ticketPriority")
        self._priority.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._waited = QLabel(self)
        self._called = QLabel(self)
        self._timer_label = QLabel(self)
        self._timer_label.setObjectName("servingTimer")
        self._reason_label = QLabel(self)
        self._reason_label.setObjectName("ticketReason")
        self._reason_label.setWordWrap(True)
        facts = QGridLayout()
        facts.setColumnStretch(1, 1)
        self._waited_caption = QLabel(self.tr("Waited:"), self)
        self._called_caption = QLabel(self.tr("Called at:"), self)
        self._timer_caption = QLabel(self)
        self._reason_caption = QLabel(self.tr("Why this ticket:"), self)
        for row, (caption, value) in enumerate(
            (
                (self._waited_caption, self._waited),
                (self._called_caption, self._called),
                (self._timer_caption, self._timer_label),
                (self._reason_caption, self._reason_label),
            )
        ):
            caption.setObjectName("factCaption")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            facts.addWidget(caption, row, 0)
            facts.addWidget(value, row, 1)

        self._notes_label = QLabel(self.tr("&Notes on this visit"), self)
        self._notes = QPlainTextEdit(self)
        self._notes.setObjectName("visitNotes")
        self._notes.setAccessibleName(self.tr("Notes on this visit"))
        self._notes.setPlaceholderText(
            self.tr("What the citizen asked for and what was done (no sensitive data).")
        )
        self._notes.setTabChangesFocus(True)
        self._notes_label.setBuddy(self._notes)
        self._notes.textChanged.connect(self._on_notes_text_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self._state)
        layout.addWidget(self._number)
        layout.addWidget(self._service)
        layout.addWidget(self._priority)
        layout.addLayout(facts)
        layout.addWidget(self._notes_label)
        layout.addWidget(self._notes, 1)

        self._clock = QTimer(self)
        self._clock.setInterval(tick_ms)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._render()

    # --- state in ---------------------------------------------------------------------------

    def set_call_hint(self, hint: str) -> None:
        """What to say when nobody is at the counter (e.g. "Press F5 to call the next")."""
        self._call_hint = hint
        if self._ticket is None:
            self._render()

    def show_ticket(
        self, ticket: Ticket | None, reason: CallReason | None = None, service_name: str = ""
    ) -> None:
        """Show `ticket` (None: nobody at the counter). Notes are cleared only when a different
        ticket arrives."""
        previous = self._ticket
        if ticket is not None and (previous is None or previous.id != ticket.id):
            self._notes.clear()
            if ticket.notes:
                self._notes.setPlainText(ticket.notes)
        if ticket is not None and reason is None and previous is not None:
            reason = self._reason if previous.id == ticket.id else None
        self._ticket = ticket
        self._reason = reason or (ticket.call_reason if ticket is not None else None)
        self._service_name = service_name
        self._render()

    def clear(self) -> None:
        """Nobody at the counter any more: the visit is over, its notes go."""
        self._ticket = None
        self._reason = None
        self._notes.clear()
        self._render()

    # --- state out --------------------------------------------------------------------------

    @property
    def ticket(self) -> Ticket | None:
        return self._ticket

    def notes(self) -> str:
        return self._notes.toPlainText().strip()

    def set_notes(self, text: str) -> None:
        self._notes.setPlainText(text)
        self._notes.moveCursor(QTextCursor.MoveOperation.End)

    @property
    def notes_edit(self) -> QPlainTextEdit:
        return self._notes

    @property
    def number_text(self) -> str:
        return self._number.text()

    @property
    def timer_text(self) -> str:
        return self._timer_label.text()

    @property
    def reason_text(self) -> str:
        return self._reason_label.text()

    @property
    def state_text(self) -> str:
        return self._state.text()

    # --- drawing ----------------------------------------------------------------------------

    def _render(self) -> None:
        ticket = self._ticket
        has_ticket = ticket is not None
        for widget in (
            self._service,
            self._priority,
            self._waited,
            self._called,
            self._timer_label,
            self._reason_label,
            self._waited_caption,
            self._called_caption,
            self._timer_caption,
            self._reason_caption,
        ):
            widget.setVisible(has_ticket)
        if ticket is None:
            self._clock.stop()
            self._state.setText(self.tr("Nobody at the counter"))
            self._number.setText("—")
            self._number.setAccessibleName(self.tr("No ticket"))
            self._service.setText(self._call_hint)
            self._service.setVisible(bool(self._call_hint))
            return
        self._state.setText(self._state_caption(ticket))
        self._number.setText(ticket.number)
        self._number.setAccessibleName(self.tr("Ticket {number}").format(number=ticket.number))
        self._service.setText(self._service_name)
        self._priority.setText(
            self._messages.priority_name(ticket.priority) if ticket.is_priority else ""
        )
        self._priority.setVisible(ticket.is_priority)
        waited_until = ticket.called_at or self._now()
        self._waited.setText(
            self._messages.duration_text((waited_until - ticket.queued_at).total_seconds())
        )
        called = time_text(ticket.called_at)
        if ticket.call_count > 1:
            called = self.tr("{time} (called {count} times)").format(
                time=called, count=ticket.call_count
            )
        self._called.setText(called)
        reason = self._messages.reason_text(self._reason)
        self._reason_label.setText(reason)
        self._reason_label.setVisible(bool(reason))
        self._reason_caption.setVisible(bool(reason))
        self._timer_caption.setText(
            self.tr("Serving for:") if ticket.status == Status.SERVING else self.tr("Called for:")
        )
        self._update_timer()
        if not self._clock.isActive():
            self._clock.start()

    def _state_caption(self, ticket: Ticket) -> str:
        if ticket.status == Status.SERVING:
            return self.tr("Being served")
        if ticket.status == Status.CALLED:
            return self.tr("Called: waiting for the citizen to arrive")
        if ticket.status == Status.PARKED:
            return self.tr("Suspended")
        return self._messages.status_name(ticket.status)

    def _update_timer(self) -> None:
        ticket = self._ticket
        if ticket is None:
            return
        since = ticket.started_at if ticket.status == Status.SERVING else ticket.called_at
        seconds = (self._now() - since).total_seconds() if since is not None else 0
        self._timer_label.setText(self._messages.clock_text(seconds))

    @Slot()
    def _on_clock_timeout(self) -> None:
        self._update_timer()

    @Slot()
    def _on_notes_text_changed(self) -> None:
        if len(self._notes.toPlainText()) > NOTES_MAX:
            cursor = self._notes.textCursor()
            self._notes.setPlainText(self._notes.toPlainText()[:NOTES_MAX])
            cursor.movePosition(cursor.MoveOperation.End)
            self._notes.setTextCursor(cursor)
        self.notes_edited.emit()
