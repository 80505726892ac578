"""`BookingDialog`: book an appointment at the counter or for a citizen on the phone (issue 6).

The service, then its next free times from central (a list: arrows and Enter), how it happens
(in person, video with its link, phone), and the citizen's minimal data, each field checked
with the shared rules as it is left (NIF check digit, phone, e-mail) so central's refusal is
never the first word. Booking sends the Idempotency-Key chosen for this intent: pressing twice,
or the retry after a lost answer, books once. When somebody else took the time meanwhile
(409 `appointment.slot_taken`), the list shows central's alternatives to pick from.

Then a confirmation page: the reference and the booking code, "Receipt (PDF)" (saved through
the prompter) and "Save .ics" (central's iCalendar file, saved through the prompter).

Keys: Alt+S service, Alt+T the times, Alt+H channel, Ctrl+Enter books; on the confirmation
page Alt+R the receipt, Alt+I the .ics file, Esc closes.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.appointments import (
    SLOT_TAKEN,
    Booked,
    Channel,
    FreeSlot,
    citizen_errors,
    clean_citizen,
)
from desktop.domain.errors import ApiError, BalcaoError, OfflineError
from desktop.services.appointment_service import AppointmentService
from desktop.tasks import TaskRunner
from desktop.views.appointment_receipt import AppointmentReceipt, write_appointment_receipt
from desktop.views.appointment_words import AppointmentWords
from desktop.views.field_row import FieldRow
from desktop.views.message_bar import MessageBar
from desktop.views.prompter import Prompter
from desktop.views.widget_style import mark_primary

log = logging.getLogger(__name__)

BOOK_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main Enter key and the keypad's
SLOT_ROLE = Qt.ItemDataRole.UserRole + 1


def slot_text(slot: FreeSlot) -> str:
    moment = QDateTime.fromSecsSinceEpoch(
        int(slot.starts_at.timestamp()), QTimeZone.systemTimeZone()
    )
    when = QLocale().toString(moment, "ddd d MMM, HH:mm")
    free = QCoreApplication.translate("BookingDialog", "{free} of {capacity} free").format(
        free=slot.free, capacity=slot.capacity
    )
    return f"{when} · {free}"


class BookingDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        service: AppointmentService,
        prompter: Prompter,
        centre_id: int,
        services: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        centre_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDialog")
        self.setWindowTitle(self.tr("New appointment"))
        self.runner = runner
        self.service = service
        self.prompter = prompter
        self.centre_id = centre_id
        self.centre_name = centre_name
        self.words = AppointmentWords(self)
        self._key = str(uuid.uuid4())
        self._busy = False
        self.booked: Booked | None = None
        self.last_saved: Path | None = None

        self.pages = QStackedWidget(self)
        self.message_bar = MessageBar(self)

        # --- the form ---
        form_page = QWidget(self)
        self.service_combo = QComboBox(form_page)
        self.service_combo.setAccessibleName(self.tr("Service"))
        for service_id, name in services:
            self.service_combo.addItem(name, service_id)
        self.service_combo.currentIndexChanged.connect(lambda _i: self.load_slots())
        self.slot_list = QListWidget(form_page)
        self.slot_list.setObjectName("bookingSlots")
        self.slot_list.setAccessibleName(self.tr("Next free times"))
        self.slot_list.setMinimumHeight(140)
        self.channel_combo = QComboBox(form_page)
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for channel in Channel:
            self.channel_combo.addItem(self.words.channel(channel), channel.value)
        self.channel_combo.currentIndexChanged.connect(lambda _i: self._on_channel_changed())
        self.url_edit = QLineEdit(form_page)
        self.url_edit.setAccessibleName(self.tr("Meeting link"))
        self.url_edit.setPlaceholderText("https://")
        self.name_edit = QLineEdit(form_page)
        self.name_edit.setAccessibleName(self.tr("Citizen's name"))
        self.nif_edit = QLineEdit(form_page)
        self.nif_edit.setAccessibleName(self.tr("NIF"))
        self.nif_edit.setPlaceholderText(self.tr("optional"))
        self.phone_edit = QLineEdit(form_page)
        self.phone_edit.setAccessibleName(self.tr("Phone"))
        self.email_edit = QLineEdit(form_page)
        self.email_edit.setAccessibleName(self.tr("E-mail"))
        self.rows = {
            "meeting_url": FieldRow(self.url_edit, form_page),
            "name": FieldRow(self.name_edit, form_page),
            "nif": FieldRow(self.nif_edit, form_page),
            "phone": FieldRow(self.phone_edit, form_page),
            "email": FieldRow(self.email_edit, form_page),
        }
        for edit in (
            self.url_edit,
            self.name_edit,
            self.nif_edit,
            self.phone_edit,
            self.email_edit,
        ):
            edit.editingFinished.connect(self._check_fields)
        form = QFormLayout(form_page)
        form.addRow(self._label(self.tr("&Service:"), self.service_combo), self.service_combo)
        form.addRow(self._label(self.tr("&Times:"), self.slot_list), self.slot_list)
        form.addRow(self._label(self.tr("C&hannel:"), self.channel_combo), self.channel_combo)
        form.addRow(self._label(self.tr("Meeting &link:"), self.url_edit), self.rows["meeting_url"])
        form.addRow(self._label(self.tr("&Name:"), self.name_edit), self.rows["name"])
        form.addRow(self._label(self.tr("NI&F:"), self.nif_edit), self.rows["nif"])
        form.addRow(self._label(self.tr("&Phone:"), self.phone_edit), self.rows["phone"])
        form.addRow(self._label(self.tr("&E-mail:"), self.email_edit), self.rows["email"])
        # Named as the key cap says (the main Enter key is "Return" to Qt), as in the case form.
        self.book_button = QPushButton(
            self.tr("&Book ({keys})").format(keys="Ctrl+Enter"), form_page
        )
        self.book_button.setObjectName("booking_book")
        self.book_button.setAutoDefault(False)
        mark_primary(self.book_button)
        self.book_button.clicked.connect(self.book)
        cancel = QPushButton(self.tr("Cancel"), form_page)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form_buttons = QHBoxLayout()
        form_buttons.addStretch(1)
        form_buttons.addWidget(cancel)
        form_buttons.addWidget(self.book_button)
        form.addRow(form_buttons)
        for keys in BOOK_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.book)
        self.pages.addWidget(form_page)

        # --- the confirmation ---
        done_page = QWidget(self)
        self.done_title = QLabel(done_page)
        self.done_title.setObjectName("sectionTitle")
        self.done_title.setWordWrap(True)
        self.done_reference = QLabel(done_page)
        self.done_reference.setObjectName("issuedNumber")
        self.done_reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_detail = QLabel(done_page)
        self.done_detail.setWordWrap(True)
        self.receipt_button = QPushButton(self.tr("&Receipt (PDF)"), done_page)
        self.receipt_button.setObjectName("booking_receipt")
        self.receipt_button.setAutoDefault(False)
        self.receipt_button.clicked.connect(self.save_receipt)
        self.ics_button = QPushButton(self.tr("Save .&ics"), done_page)
        self.ics_button.setObjectName("booking_ics")
        self.ics_button.setAutoDefault(False)
        self.ics_button.clicked.connect(self.save_ics)
        close = QPushButton(self.tr("&Close"), done_page)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        done_buttons = QHBoxLayout()
        done_buttons.addWidget(self.receipt_button)
        done_buttons.addWidget(self.ics_button)
        done_buttons.addStretch(1)
        done_buttons.addWidget(close)
        done_layout = QVBoxLayout(done_page)
        done_layout.addWidget(self.done_title)
        done_layout.addWidget(self.done_reference)
        done_layout.addWidget(self.done_detail)
        done_layout.addStretch(1)
        done_layout.addLayout(done_buttons)
        self.pages.addWidget(done_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.pages, 1)
        self.resize(560, 620)
        self._on_channel_changed()
        self.load_slots()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # --- the form ---------------------------------------------------------------------------

    @property
    def channel(self) -> Channel:
        return Channel(self.channel_combo.currentData() or Channel.IN_PERSON)

    def load_slots(self) -> None:
        service_id = self.service_combo.currentData()
        if service_id is None:
            return
        self.slot_list.clear()
        asked = int(service_id)

        def current() -> bool:  # the answer for a service chosen before is dropped
            return bool(self.service_combo.currentData() == asked)

        self.runner.submit(
            self.service.free_slots,
            asked,
            owner=self,
            on_done=lambda slots: self._show_slots(slots) if current() else None,
            on_error=lambda error: self._on_failed(error) if current() else None,
        )

    def _show_slots(self, slots: list[FreeSlot]) -> None:
        self.message_bar.clear()
        self.slot_list.clear()
        for slot in slots:
            item = QListWidgetItem(slot_text(slot))
            item.setData(SLOT_ROLE, slot)
            self.slot_list.addItem(item)
        if slots:
            self.slot_list.setCurrentRow(0)
        else:
            self.message_bar.show_info(self.tr("No free time for this service in the next days."))

    def chosen_slot(self) -> FreeSlot | None:
        item = self.slot_list.currentItem()
        slot = item.data(SLOT_ROLE) if item is not None else None
        return slot if isinstance(slot, FreeSlot) else None

    def slots(self) -> list[FreeSlot]:
        return [self.slot_list.item(i).data(SLOT_ROLE) for i in range(self.slot_list.count())]

    def _on_channel_changed(self) -> None:
        video = self.channel is Channel.VIDEO
        self.url_edit.setEnabled(video)
        if not video:
            self.rows["meeting_url"].set_error("")

    def _check_fields(self) -> dict[str, str]:
        citizen = clean_citizen(
            self.name_edit.text(),
            self.nif_edit.text(),
            self.phone_edit.text(),
            self.email_edit.text(),
        )
        errors = citizen_errors(citizen, self.channel)
        url = self.url_edit.text().strip()
        if self.channel is Channel.VIDEO:
            if not url:
                errors["meeting_url"] = "appointment.meeting_url_required"
            elif not url.startswith(("https://", "http://")) or " " in url:
                errors["meeting_url"] = "appointment.meeting_url_invalid"
        for name, row in self.rows.items():
            # Only the fields already typed in (or every one once "Book" was pressed).
            edit = row.editor
            touched = isinstance(edit, QLineEdit) and (edit.isModified() or self._busy)
            row.set_error(
                self.words.field_error(errors[name]) if name in errors and touched else ""
            )
        return errors

    def book(self) -> None:
        if self._busy or self.booked is not None:
            return
        slot = self.chosen_slot()
        if slot is None:
            self.message_bar.show_error(self.tr("Choose a time first."))
            self.slot_list.setFocus()
            return
        self._busy = True
        errors = self._check_fields()
        if errors:
            self._busy = False
            first = next(row for name, row in self.rows.items() if name in errors)
            first.editor.setFocus()
            self.message_bar.show_error(self.tr("Some fields need correcting."))
            return
        citizen = clean_citizen(
            self.name_edit.text(),
            self.nif_edit.text(),
            self.phone_edit.text(),
            self.email_edit.text(),
        )
        url = self.url_edit.text().strip() if self.channel is Channel.VIDEO else None
        self.book_button.setEnabled(False)
        self.runner.submit(
            self.service.book,
            self.centre_id,
            slot.service_id,
            slot.starts_at,
            self.channel,
            citizen,
            self._key,
            url,
            owner=self,
            on_done=self._on_booked,
            on_error=self._on_book_failed,
        )

    def _on_book_failed(self, error: BaseException) -> None:
        self._busy = False
        self.book_button.setEnabled(True)
        if not isinstance(error, OfflineError):
            # Central answered: whatever is sent next is another intent, with its own key.
            self._key = str(uuid.uuid4())
        if isinstance(error, ApiError) and error.code == SLOT_TAKEN:
            alternatives = error.details.get("alternatives")
            try:
                slots = [FreeSlot.from_json(a) for a in alternatives or []]
            except (KeyError, TypeError, ValueError):
                slots = []
            self._show_slots(slots)
            self.slot_list.setFocus()
        self._on_failed(error)

    def _on_booked(self, booked: Booked) -> None:
        self._busy = False
        self.booked = booked
        self.message_bar.clear()
        a = booked.appointment
        self.done_title.setText(
            self.tr("Booked: {service}, {time}, {channel}.").format(
                service=self.service_combo.currentText(),
                time=slot_text_time(a.starts_at),
                channel=self.words.channel(a.channel).lower(),
            )
        )
        self.done_reference.setText(a.reference)
        self.done_detail.setText(
            self.tr(
                "Booking code: {code}. Give the citizen the receipt, or read them the "
                "reference and the code: they need both to change the appointment."
            ).format(code=booked.booking_code)
        )
        self.pages.setCurrentIndex(1)
        self.receipt_button.setFocus()

    def _on_failed(self, error: BaseException) -> None:
        log.info("booking: %s", getattr(error, "code", type(error).__name__))
        self.message_bar.show_error(self.words.error(error))

    # --- the confirmation -------------------------------------------------------------------

    def receipt_content(self) -> AppointmentReceipt:
        assert self.booked is not None
        a = self.booked.appointment
        return AppointmentReceipt(
            centre_name=self.centre_name,
            service_name=self.service_combo.currentText(),
            reference=a.reference,
            booking_code=self.booked.booking_code,
            starts_at=a.starts_at,
            channel=a.channel,
            meeting_url=self.url_edit.text().strip() or None
            if a.channel is Channel.VIDEO
            else None,
        )

    def save_receipt(self) -> None:
        if self.booked is None:
            return
        path = self.prompter.save_file_name(
            self,
            self.tr("Receipt"),
            f"{self.booked.appointment.reference}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.last_saved = write_appointment_receipt(path, self.receipt_content())
        self.message_bar.show_info(self.tr("Receipt saved: {path}").format(path=path))

    def save_ics(self) -> None:
        if self.booked is None:
            return
        self.runner.submit(
            self.service.ics,
            self.booked.appointment.reference,
            owner=self,
            on_done=self._write_ics,
            on_error=self._on_failed,
        )

    def _write_ics(self, text: str) -> None:
        assert self.booked is not None
        path = self.prompter.save_file_name(
            self,
            self.tr("Calendar file"),
            f"{self.booked.appointment.reference}.ics",
            self.tr("Calendar files (*.ics)"),
        )
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        try:
            Path(path).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            self.message_bar.show_error(
                self.words.error(BalcaoError("client.file_unwritable", type(exc).__name__))
            )
            return
        self.last_saved = Path(path)
        self.message_bar.show_info(self.tr("Calendar file saved: {path}").format(path=path))


def slot_text_time(moment: datetime) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(local, "ddd d MMM, HH:mm")
