"""`AgendaPanel`: today's appointments of the centre, for reception and the counter (issue 6).

The table lists the day by time and service, each status in words on its colour. The search
field takes a reference (`AP-…`), a booking code (`K3M-Q9T`), a NIF (checked with the shared
rules: a wrong one is marked here and nothing is sent) or words of a name; searches are POSTs
recorded by central, and their hits show the citizen's name. Enter on a row opens its detail;
"Check in" turns the appointment into a ticket and shows its number, or explains central's
refusal (too early, too late) with the times of the centre's rules.

Offline, the panel shows the copy of the agenda kept in the local store and says so ("offline:
agenda of 09:12"); searching then filters that copy by reference only (it holds no names).

Keys: Alt+F the search field (Enter searches; an empty search shows the whole day), Enter on a
row the detail, Ctrl+I check in, Ctrl+R reload, Ctrl+Shift+N a new appointment.

Public API for the windows: `AgendaPanel(runner, service, prompter, centre_id, parent, ...)`,
`show_page()` (reload and focus the search), `refresh()`, `check_in_selected()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.appointments import (
    Agenda,
    AgendaQuery,
    Appointment,
    AppointmentDetail,
    AppointmentStatus,
    CheckedIn,
    Found,
    parse_query,
)
from desktop.domain.errors import OfflineError
from desktop.services.appointment_service import AppointmentService
from desktop.tasks import TaskRunner
from desktop.views.appointment_words import AppointmentWords, hhmm, status_colour
from desktop.views.message_bar import MessageBar
from desktop.views.prompter import Prompter
from desktop.views.widget_style import mark_primary, set_style_property

log = logging.getLogger(__name__)

CHECK_IN_KEYS = "Ctrl+I"
RELOAD_KEYS = "Ctrl+R"
NEW_KEYS = "Ctrl+Shift+N"
COLUMNS = 7
TIME, SERVICE, REFERENCE, CHANNEL, STATUS, TICKET, NAME = range(COLUMNS)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class AgendaPanel(QWidget):
    checked_in = Signal(object)  # CheckedIn

    def __init__(
        self,
        runner: TaskRunner,
        service: AppointmentService,
        prompter: Prompter,
        centre_id: Callable[[], int | None],
        parent: QWidget | None = None,
        *,
        service_name: Callable[[int], str] = lambda _id: "",
        services: Callable[[], Sequence[tuple[int, str]]] = tuple,
        centre_name: Callable[[], str] = lambda: "",
    ) -> None:
        """`services` lists the centre's (id, name) pairs for the booking dialog."""
        super().__init__(parent)
        self.setObjectName("agendaPanel")
        self.runner = runner
        self.service = service
        self.prompter = prompter
        self._centre_id = centre_id
        self._service_name = service_name
        self._services = services
        self._centre_name = centre_name
        self.words = AppointmentWords(self)
        self._busy = False
        self.agenda: Agenda | None = None
        self.last_check_in: CheckedIn | None = None
        self.detail_shown: AppointmentDetail | None = None
        self._keep: str | None = None  # the reference to keep selected across a reload

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("agenda_search")
        self.search_edit.setAccessibleName(self.tr("Find an appointment"))
        self.search_edit.setPlaceholderText(self.tr("Reference (AP-…), booking code, NIF or name"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.search)
        self.search_edit.textEdited.connect(lambda _t: self._show_hint(None))
        search_label = QLabel(self.tr("&Find:"), self)
        search_label.setBuddy(self.search_edit)
        self.search_hint = QLabel(self)
        self.search_hint.setObjectName("inlineError")
        self.search_hint.setWordWrap(True)
        self.search_hint.hide()
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setObjectName("hint")
        self.message_bar = MessageBar(self)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName(self.tr("Today's appointments"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Service"),
                self.tr("Reference"),
                self.tr("Channel"),
                self.tr("Status"),
                self.tr("Ticket"),
                self.tr("Name"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(NAME, True)
        self.table.activated.connect(self._on_activated)
        self.table.itemSelectionChanged.connect(self._update_enabled)

        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("appointmentDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ticket_label = QLabel(self)
        self.ticket_label.setObjectName("issuedNumber")
        self.ticket_label.setAccessibleName(self.tr("Ticket of the check-in"))
        self.ticket_label.hide()

        self.check_in_button = QPushButton(
            self.tr("Check in ({keys})").format(keys=_native(CHECK_IN_KEYS)), self
        )
        self.check_in_button.setObjectName("agenda_check_in")
        self.check_in_button.setToolTip(
            self.tr("The citizen has arrived: issue the ticket of the appointment")
        )
        self.check_in_button.setAutoDefault(False)
        mark_primary(self.check_in_button)
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.new_button = QPushButton(
            self.tr("New appointment ({keys})").format(keys=_native(NEW_KEYS)), self
        )
        self.new_button.setObjectName("agenda_new")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_appointment)
        self.reload_button = QPushButton(
            self.tr("Reload ({keys})").format(keys=_native(RELOAD_KEYS)), self
        )
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.refresh)
        for keys, slot in (
            (CHECK_IN_KEYS, self.check_in_selected),
            (RELOAD_KEYS, self.refresh),
            (NEW_KEYS, self.new_appointment),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        # Reload sits by the line that says how fresh the agenda is; the actions on the
        # appointment go under it. Two short rows, so the page fits beside the citizen.
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.reload_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.search_hint)
        layout.addLayout(state_row)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        self.setTabOrder(self.search_edit, self.table)
        self.setTabOrder(self.table, self.check_in_button)
        self.setTabOrder(self.check_in_button, self.new_button)
        self.setTabOrder(self.new_button, self.reload_button)
        self._update_enabled()

    # --- public -----------------------------------------------------------------------------

    def show_page(self) -> None:
        """The page was asked for (its key): the day again, the keyboard in the search."""
        self.refresh()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def refresh(self) -> None:
        centre_id = self._centre_id()
        if self._busy or centre_id is None:
            return
        self._set_busy(True)
        self.runner.submit(
            self.service.agenda,
            centre_id,
            owner=self,
            on_done=self._on_agenda,
            on_error=self._on_agenda_failed,
        )

    @property
    def busy(self) -> bool:
        return self._busy

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Shown (its tab clicked, say): the day as central has it now."""
        super().showEvent(event)
        self.refresh()

    def rows(self) -> list[Appointment]:
        return [self._row_appointment(r) for r in range(self.table.rowCount())]

    def selected(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows(REFERENCE)
        return self._row_appointment(rows[0].row()) if rows else None

    # --- the day ----------------------------------------------------------------------------

    def _on_agenda(self, agenda: Agenda) -> None:
        self._set_busy(False)
        self.agenda = agenda
        self._fill(agenda.appointments, (), keep=self._keep)
        if agenda.cached:
            self.state_label.setText(
                self.tr("Offline: agenda of {time}").format(time=hhmm(agenda.fetched_at))
            )
            set_style_property(self.state_label, "offline", True)
        else:
            self.state_label.setText(
                self.tr("Appointments today: {count} (updated at {time})").format(
                    count=len(agenda.appointments), time=hhmm(agenda.fetched_at)
                )
            )
            set_style_property(self.state_label, "offline", False)

    def _on_agenda_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.info("agenda: %s", getattr(error, "code", type(error).__name__))
        if isinstance(error, OfflineError):
            self.state_label.setText(self.tr("Offline: no copy of today's agenda on this PC."))
        self.message_bar.show_error(self.words.error(error))

    def _fill(
        self, appointments: Sequence[Appointment], names: Sequence[str], keep: str | None = None
    ) -> None:
        """The rows; `keep`: the reference to select again (after a check-in, a reload)."""
        self.table.setRowCount(0)
        self.table.setColumnHidden(NAME, not names)
        for row, appointment in enumerate(appointments):
            self.table.insertRow(row)
            status_text = self.words.status(appointment.status)
            cells = [
                hhmm(appointment.starts_at),
                self._service_name(appointment.service_id) or appointment.service_prefix,
                appointment.reference,
                self.words.channel(appointment.channel),
                status_text,
                appointment.ticket_number or "",
                names[row] if row < len(names) else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == REFERENCE:
                    item.setData(ROW_ROLE, appointment)
                if column == SERVICE:
                    item.setToolTip(text)
                if column == STATUS:
                    item.setBackground(status_colour(appointment.status))
                    item.setForeground(Qt.GlobalColor.black)
                    item.setToolTip(status_text)
                self.table.setItem(row, column, item)
        references = [a.reference for a in appointments]
        if appointments:
            # Otherwise the next one still to arrive: the morning's no-shows scroll away.
            waiting = [
                i for i, a in enumerate(appointments) if a.status == AppointmentStatus.BOOKED
            ]
            row = references.index(keep) if keep in references else (waiting or [0])[0]
            self.table.selectRow(row)
            self.table.scrollTo(self.table.model().index(row, REFERENCE))
        self._update_enabled()

    def _row_appointment(self, row: int) -> Appointment:
        item = self.table.item(row, REFERENCE)
        value = item.data(ROW_ROLE) if item is not None else None
        assert isinstance(value, Appointment)
        return value

    # --- searching --------------------------------------------------------------------------

    def search(self) -> None:
        centre_id = self._centre_id()
        if self._busy or centre_id is None:
            return
        if not self.search_edit.text().strip():
            self._show_hint(None)
            if self.agenda is not None:
                self._fill(self.agenda.appointments, ())
            self.refresh()
            return
        parsed = parse_query(self.search_edit.text())
        if isinstance(parsed, str):
            self._show_hint(parsed)
            return
        self._show_hint(None)
        self.message_bar.clear()
        if self.agenda is not None and self.agenda.cached:
            self._filter_cached(parsed)
            return
        self._set_busy(True)
        self.runner.submit(
            self.service.search,
            centre_id,
            parsed,
            owner=self,
            on_done=self._on_found,
            on_error=lambda error: self._on_search_failed(parsed, error),
        )

    def _show_hint(self, code: str | None) -> None:
        if code is None:
            self.search_hint.hide()
            set_style_property(self.search_edit, "invalid", False)
            self.search_edit.setAccessibleDescription("")
            return
        text = self.words.field_error(code)
        self.search_hint.setText(text)
        self.search_hint.show()
        self.search_edit.setAccessibleDescription(text)
        set_style_property(self.search_edit, "invalid", True)
        self.search_edit.setFocus()

    def _on_found(self, found: list[Found]) -> None:
        self._set_busy(False)
        self._fill([f.appointment for f in found], [f.name for f in found])
        if not found:
            self.message_bar.show_info(self.tr("No appointment found."))
            self.search_edit.setFocus()
            return
        self.message_bar.show_info(
            self.tr("Appointments found: {count}. Enter opens one; {keys} checks it in.").format(
                count=len(found), keys=_native(CHECK_IN_KEYS)
            )
        )
        self.table.setFocus()

    def _on_search_failed(self, query: AgendaQuery, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, OfflineError) and self.agenda is not None:
            self._filter_cached(query)
            return
        self.message_bar.show_error(self.words.error(error))

    def _filter_cached(self, query: AgendaQuery) -> None:
        assert self.agenda is not None
        hits = [a for a in self.agenda.appointments if query.matches(a)]
        self._fill(hits, ())
        self.message_bar.show_info(
            self.tr(
                "Offline: only references can be searched in the saved agenda ({count})."
            ).format(count=len(hits))
        )

    # --- detail and check-in ----------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_detail(self._row_appointment(index.row()))

    def open_detail(self, appointment: Appointment) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.runner.submit(
            self.service.detail,
            appointment.reference,
            owner=self,
            on_done=self._on_detail,
            on_error=self._on_failed,
        )

    def _on_detail(self, detail: AppointmentDetail) -> None:
        self._set_busy(False)
        self.detail_shown = detail
        a = detail.appointment
        lines = [
            self.tr("{reference} · {time} · {service} · {channel} · {status}").format(
                reference=a.reference,
                time=hhmm(a.starts_at),
                service=self._service_name(a.service_id),
                channel=self.words.channel(a.channel),
                status=self.words.status(a.status),
            ),
            self.tr("Booking code: {code}").format(code=detail.booking_code),
        ]
        if detail.citizen is not None:
            lines.append(self.tr("Citizen: {name}").format(name=detail.citizen.name))
            contact = " · ".join(
                v for v in (detail.citizen.nif, detail.citizen.phone, detail.citizen.email) if v
            )
            if contact:
                lines.append(contact)
        if detail.meeting_url:
            lines.append(self.tr("Meeting link: {url}").format(url=detail.meeting_url))
        self.detail_label.setText("\n".join(lines))
        self.check_in_button.setFocus()

    def check_in_selected(self) -> None:
        appointment = self.selected()
        if self._busy or appointment is None:
            return
        if appointment.status is not AppointmentStatus.BOOKED:
            self.message_bar.show_error(
                self.tr("{reference} is {status}: there is nothing to check in.").format(
                    reference=appointment.reference,
                    status=self.words.status(appointment.status).lower(),
                )
            )
            return
        self.message_bar.clear()
        self._set_busy(True)
        self.runner.submit(
            self.service.check_in,
            appointment.reference,
            owner=self,
            on_done=self._on_checked_in,
            on_error=self._on_failed,
        )

    def _on_checked_in(self, done: CheckedIn) -> None:
        self._set_busy(False)
        self.last_check_in = done
        self.ticket_label.setText(done.ticket_number)
        self.ticket_label.show()
        if done.arrival == "late_walk_in":
            text = self.tr(
                "Checked in {minutes} min late: ticket {ticket} joins the queue as a walk-in."
            ).format(minutes=done.minutes_late, ticket=done.ticket_number)
        elif done.appointment.remote:
            text = self.tr(
                "Checked in: ticket {ticket} (a remote appointment: not on the display)."
            ).format(ticket=done.ticket_number)
        else:
            text = self.tr("Checked in: give the citizen ticket {ticket}.").format(
                ticket=done.ticket_number
            )
        self.message_bar.show_info(text)
        self.checked_in.emit(done)
        self._keep = done.appointment.reference
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.info("appointment: %s", getattr(error, "code", type(error).__name__))
        self.message_bar.show_error(self.words.error(error))

    # --- booking ----------------------------------------------------------------------------

    def new_appointment(self) -> None:
        from desktop.views.booking_dialog import BookingDialog

        centre_id = self._centre_id()
        if self._busy or centre_id is None:
            return
        dialog = BookingDialog(
            self.runner,
            self.service,
            self.prompter,
            centre_id,
            list(self._services()),
            self,
            centre_name=self._centre_name(),
        )
        self.prompter.run(dialog)
        booked = dialog.booked
        dialog.deleteLater()
        if booked is not None:
            self.refresh()

    # --- state ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        selected = self.selected() if self.table.rowCount() else None
        self.check_in_button.setEnabled(
            not self._busy and selected is not None and selected.status is AppointmentStatus.BOOKED
        )
        self.reload_button.setEnabled(not self._busy)
        self.new_button.setEnabled(not self._busy)
