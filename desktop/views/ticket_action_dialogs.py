"""Small dialogs that complete a counter action: finish (outcome, services performed, notes),
transfer (service or counter, front or back), call a ticket by number, pause with a reason.

Each is keyboard-first: the sensible choice is preselected, Enter confirms, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import CounterInfo, PauseReason, ServiceInfo
from desktop.domain.errors import BalcaoError
from desktop.domain.tickets import Outcome, Position
from desktop.views.current_ticket_panel import NOTES_MAX
from desktop.views.messages import Messages
from desktop.views.widget_style import mark_primary

MAX_SERVICES_PERFORMED = 20


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text)
    ok.setDefault(True)
    mark_primary(ok)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel_text = QCoreApplication.translate("TicketActionDialogs", "Cancel")
    cancel.setText(cancel_text)
    cancel.setAccessibleName(cancel_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class FinishDialog(QDialog):
    """How the visit ended, which services were performed, and the notes (prefilled)."""

    def __init__(
        self,
        number: str,
        services: Sequence[ServiceInfo],
        ticket_service_id: int,
        notes: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("finishDialog")
        self.setWindowTitle(self.tr("Finish ticket {number}").format(number=number))
        self.setAccessibleName(self.windowTitle())
        messages = Messages(self)

        outcome_box = QGroupBox(self.tr("Outcome"), self)
        outcome_layout = QVBoxLayout(outcome_box)
        self._outcomes = QButtonGroup(self)
        for position, outcome in enumerate(Outcome, start=1):
            button = QRadioButton(f"&{position}  {messages.outcome_name(outcome)}", outcome_box)
            button.setAccessibleName(messages.outcome_name(outcome))
            button.setProperty("outcome", str(outcome))
            self._outcomes.addButton(button, position)
            outcome_layout.addWidget(button)
            if outcome == Outcome.RESOLVED:
                button.setChecked(True)

        self._services = QListWidget(self)
        self._services.setAccessibleName(self.tr("Services performed"))
        for service in services:
            item = QListWidgetItem(f"{service.prefix} · {service.name}", self._services)
            item.setData(Qt.ItemDataRole.UserRole, service.code or service.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = service.id == ticket_service_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._services.setMinimumHeight(170)
        self._services.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._services.setTextElideMode(Qt.TextElideMode.ElideRight)
        services_label = QLabel(self.tr("&Services performed"), self)
        services_label.setBuddy(self._services)

        self._notes = QPlainTextEdit(self)
        self._notes.setAccessibleName(self.tr("Notes on this visit"))
        self._notes.setPlainText(notes)
        self._notes.setTabChangesFocus(True)
        notes_label = QLabel(self.tr("&Notes"), self)
        notes_label.setBuddy(self._notes)

        self._error = QLabel(self)
        self._error.setObjectName("inlineError")
        self._error.setWordWrap(True)
        self._error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(outcome_box)
        layout.addWidget(services_label)
        layout.addWidget(self._services)
        layout.addWidget(notes_label)
        layout.addWidget(self._notes)
        layout.addWidget(self._error)
        layout.addWidget(_buttons(self, self.tr("Finish")))
        self.setMinimumWidth(520)
        selected = self._outcomes.checkedButton()
        assert selected is not None  # one outcome is selected above
        selected.setFocus()

    def outcome(self) -> str:
        button = self._outcomes.checkedButton()
        return str(button.property("outcome")) if button is not None else Outcome.RESOLVED

    def set_outcome(self, outcome: str) -> None:
        for button in self._outcomes.buttons():
            if button.property("outcome") == outcome:
                button.setChecked(True)

    def services_performed(self) -> list[str]:
        chosen = []
        for row in range(self._services.count()):
            item = self._services.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen[:MAX_SERVICES_PERFORMED]

    def notes(self) -> str:
        return self._notes.toPlainText().strip()[:NOTES_MAX]

    def accept(self) -> None:
        if len(self._notes.toPlainText().strip()) > NOTES_MAX:
            self._error.setText(
                self.tr("Notes are limited to {limit} characters.").format(limit=NOTES_MAX)
            )
            self._error.show()
            return
        super().accept()


class TransferDialog(QDialog):
    """Send the citizen to another service and/or counter, at the back or the front."""

    def __init__(
        self,
        number: str,
        services: Sequence[ServiceInfo],
        counters: Sequence[CounterInfo],
        current_service_id: int,
        own_counter_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer ticket {number}").format(number=number))
        self.setAccessibleName(self.windowTitle())

        self._service = QComboBox(self)
        self._service.setAccessibleName(self.tr("Service"))
        self._service.addItem(self.tr("Keep the same service"), None)
        for service in services:
            if service.id != current_service_id and service.active:
                self._service.addItem(f"{service.prefix} · {service.name}", service.id)
        self._counter = QComboBox(self)
        self._counter.setAccessibleName(self.tr("Counter"))
        self._counter.addItem(self.tr("Any counter of the service"), None)
        for counter in counters:
            if counter.id != own_counter_id:
                self._counter.addItem(counter.name, counter.id)

        self._back = QRadioButton(self.tr("At the &back of the queue"), self)
        self._back.setAccessibleName(self.tr("At the back of the queue"))
        self._front = QRadioButton(self.tr("At the &front of the queue"), self)
        self._front.setAccessibleName(self.tr("At the front of the queue"))
        self._back.setChecked(True)
        position = QGroupBox(self.tr("Position"), self)
        position_layout = QVBoxLayout(position)
        position_layout.addWidget(self._back)
        position_layout.addWidget(self._front)

        self._error = QLabel(self)
        self._error.setObjectName("inlineError")
        self._error.setWordWrap(True)
        self._error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Service:"), self._service)
        form.addRow(self.tr("&Counter:"), self._counter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(position)
        layout.addWidget(self._error)
        layout.addWidget(_buttons(self, self.tr("Transfer")))
        self._service.setFocus()

    def service_id(self) -> int | None:
        data = self._service.currentData()
        return None if data is None else int(data)

    def counter_id(self) -> int | None:
        data = self._counter.currentData()
        return None if data is None else int(data)

    def position(self) -> Position:
        return Position.FRONT if self._front.isChecked() else Position.BACK

    def choose(
        self, service_id: int | None = None, counter_id: int | None = None, front: bool = False
    ) -> None:
        if service_id is not None:
            self._service.setCurrentIndex(self._service.findData(service_id))
        if counter_id is not None:
            self._counter.setCurrentIndex(self._counter.findData(counter_id))
        (self._front if front else self._back).setChecked(True)

    def accept(self) -> None:
        if self.service_id() is None and self.counter_id() is None:
            self._error.setText(Messages(self).error_text(BalcaoError("transfer.target_required")))
            self._error.show()
            self._service.setFocus()
            return
        super().accept()


class CallNumberDialog(QDialog):
    """Call one ticket by its number (e.g. a citizen who missed their call)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callNumberDialog")
        self.setWindowTitle(self.tr("Call a specific ticket"))
        self.setAccessibleName(self.windowTitle())
        self._number = QLineEdit(self)
        self._number.setAccessibleName(self.tr("Ticket number"))
        self._number.setPlaceholderText(self.tr("e.g. A012"))
        self._number.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[A-Za-z]{1,3}\d{1,4}"), self)
        )
        self._number.textEdited.connect(self._on_number_text_edited)
        label = QLabel(self.tr("Ticket &number:"), self)
        label.setBuddy(self._number)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self._number)
        self._ok = _buttons(self, self.tr("Call"))
        layout.addWidget(self._ok)
        self._number.setFocus()

    def number(self) -> str:
        return self._number.text().strip().upper()

    def set_number(self, number: str) -> None:
        self._number.setText(number)

    @Slot(str)
    def _on_number_text_edited(self, text: str) -> None:
        if text != text.upper():
            self._number.setText(text.upper())

    def accept(self) -> None:
        if self._number.hasAcceptableInput():
            super().accept()


class PauseDialog(QDialog):
    """Why the counter pauses (the supervisor sees it on the monitor)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self.setWindowTitle(self.tr("Pause the counter"))
        self.setAccessibleName(self.windowTitle())
        messages = Messages(self)
        self._reasons = QButtonGroup(self)
        box = QGroupBox(self.tr("Reason"), self)
        box_layout = QVBoxLayout(box)
        for position, reason in enumerate(PauseReason, start=1):
            button = QRadioButton(f"&{position}  {messages.pause_reason_name(reason)}", box)
            button.setAccessibleName(messages.pause_reason_name(reason))
            button.setProperty("reason", str(reason))
            self._reasons.addButton(button, position)
            box_layout.addWidget(button)
            if reason == PauseReason.BREAK:
                button.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(_buttons(self, self.tr("Pause")))
        checked = self._reasons.checkedButton()
        assert checked is not None  # the break is checked above
        checked.setFocus()

    def reason(self) -> str:
        button = self._reasons.checkedButton()
        return str(button.property("reason")) if button is not None else PauseReason.OTHER

    def set_reason(self, reason: str) -> None:
        for button in self._reasons.buttons():
            if button.property("reason") == reason:
                button.setChecked(True)
