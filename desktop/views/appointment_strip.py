"""`AppointmentStrip`: beside the citizen at the counter, the appointment the called ticket
came from (issue 6): the time booked, the channel and the reference; for a video appointment
"Start call" opens the meeting link (in the system's browser or video app); for a phone one,
the number to call. Hidden for a walk-in's ticket.

`open_url` is injectable: tests record the link instead of starting a browser.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.appointments import AppointmentDetail, Channel
from desktop.views.appointment_words import AppointmentWords, hhmm
from desktop.views.widget_style import mark_primary

START_CALL_KEYS = "Ctrl+Shift+V"


class AppointmentStrip(QFrame):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._open_url = open_url
        self.words = AppointmentWords(self)
        self.detail: AppointmentDetail | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        native = QKeySequence(START_CALL_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.call_button = QPushButton(self.tr("Start call ({keys})").format(keys=native), self)
        self.call_button.setObjectName("appointment_start_call")
        self.call_button.setToolTip(self.tr("Open the meeting link of this video appointment"))
        self.call_button.setAutoDefault(False)
        mark_primary(self.call_button)
        self.call_button.clicked.connect(self.start_call)
        shortcut = QShortcut(QKeySequence(START_CALL_KEYS), parent or self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.start_call)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.call_button)
        self.show_detail(None)

    def show_detail(self, detail: AppointmentDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.hide()
            return
        a = detail.appointment
        lines = [
            self.tr("Appointment at {time} · {channel} · {reference}").format(
                time=hhmm(a.starts_at), channel=self.words.channel(a.channel), reference=a.reference
            )
        ]
        if detail.citizen is not None:
            lines.append(detail.citizen.name)
        if a.channel is Channel.PHONE:
            phone = detail.citizen.phone if detail.citizen is not None else None
            lines.append(
                self.tr("Call the citizen: {phone}").format(phone=phone)
                if phone
                else self.tr("Central gave no number to call.")
            )
        if a.late_walk_in:
            lines.append(self.tr("Arrived late: queued as a walk-in."))
        self.label.setText("\n".join(lines))
        video = a.channel is Channel.VIDEO and bool(detail.meeting_url)
        self.call_button.setVisible(video)
        self.call_button.setEnabled(video)
        self.show()

    def start_call(self) -> None:
        detail = self.detail
        if detail is None or detail.appointment.channel is not Channel.VIDEO:
            return
        if detail.meeting_url:
            self._open_url(QUrl(detail.meeting_url))
