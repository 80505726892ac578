"""Reception: issue a ticket in two clicks (the service, then the priority; Enter = none), see
the number to hand over, and find a ticket by number to cancel or reactivate it."""

from __future__ import annotations

from typing import Any, Unpack

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import Centre, ServiceInfo
from desktop.domain.tickets import Position, Priority, Status, Ticket
from desktop.services.appointment_service import AppointmentService
from desktop.views.agenda_panel import AgendaPanel
from desktop.views.messages import time_text
from desktop.views.prompter import Prompter
from desktop.views.widget_style import mark_primary
from desktop.views.workspace_window import Workspace, WorkspaceWindow

SERVICE_COLUMNS = 2
AGENDA_KEYS = "Ctrl+G"


class ServiceButton(QPushButton):
    """A big button for one service: its key and name (wrapped) and how many are waiting."""

    def __init__(self, service: ServiceInfo, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceButton")
        self.setAccessibleName(service.name)
        self.service = service
        self.title = QLabel(f"{key}{service.prefix} · {service.name}", self)
        self.title.setObjectName("serviceButtonTitle")
        self.title.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setObjectName("serviceButtonCount")
        for label in (self.title, self.count):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.count)
        self.setMinimumHeight(92)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_waiting(self, text: str) -> None:
        self.count.setText(text)
        self.setToolTip(f"{self.title.text()} · {text}" if text else self.title.text())
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        assert layout is not None  # set in __init__
        return QSize(220, max(92, layout.sizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 92)


class ReceptionWindow(WorkspaceWindow):
    ticket_issued = Signal(object)  # Ticket

    def __init__(
        self,
        *,
        appointments: AppointmentService | None = None,
        prompter: Prompter | None = None,
        **workspace: Unpack[Workspace],
    ) -> None:
        super().__init__(**workspace)
        self.prompter = prompter or Prompter()
        self.setObjectName("receptionWindow")
        self.setWindowTitle(self.tr("Balcão: reception"))
        self.setAccessibleName(self.tr("Reception"))
        self._busy = False
        self._chosen: ServiceInfo | None = None
        self.service_buttons: dict[int, ServiceButton] = {}
        self.found: list[Ticket] = []

        # Issue: page 0 = services, page 1 = priority.
        self.pages = QStackedWidget(self)
        self.services_page = QWidget(self)
        self.services_grid = QGridLayout(self.services_page)
        self.services_grid.setSpacing(8)
        self.priority_page = QWidget(self)
        priority_layout = QVBoxLayout(self.priority_page)
        self.priority_title = QLabel(self)
        self.priority_title.setObjectName("sectionTitle")
        self.priority_title.setWordWrap(True)
        priority_layout.addWidget(self.priority_title)
        self.priority_buttons: dict[str, QPushButton] = {}
        for priority in Priority:
            button = QPushButton(self._messages.priority_name(priority), self.priority_page)
            button.setObjectName("priorityButton")
            button.setAccessibleName(self._messages.priority_name(priority))
            button.setMinimumHeight(52)
            button.clicked.connect(
                lambda _checked=False, p=str(priority): self._on_priority_clicked(p)
            )
            priority_layout.addWidget(button)
            self.priority_buttons[str(priority)] = button
        none_button = self.priority_buttons[Priority.NONE]
        none_button.setText(self.tr("No priority (Enter)"))
        mark_primary(none_button)
        none_button.setDefault(True)
        none_button.setAutoDefault(True)
        self.back_button = QPushButton(self.tr("Back (Esc)"), self.priority_page)
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.clicked.connect(self.show_services)
        priority_layout.addStretch(1)
        priority_layout.addWidget(self.back_button)
        self.pages.addWidget(self.services_page)
        self.pages.addWidget(self.priority_page)

        self.issued_number = QLabel("—", self)
        self.issued_number.setObjectName("issuedNumber")
        self.issued_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.issued_number.setAccessibleName(self.tr("Last ticket issued"))
        self.issued_detail = QLabel(self.tr("No ticket issued yet."), self)
        self.issued_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.issued_detail.setWordWrap(True)
        issued_box = QGroupBox(self.tr("Last ticket issued"), self)
        issued_layout = QVBoxLayout(issued_box)
        issued_layout.addWidget(self.issued_number)
        issued_layout.addWidget(self.issued_detail)

        issue_box = QGroupBox(self.tr("Issue a ticket"), self)
        issue_layout = QVBoxLayout(issue_box)
        issue_layout.addWidget(self.pages, 1)

        # Find.
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(self.tr("Ticket number to find"))
        self.search_edit.setPlaceholderText(self.tr("e.g. A012"))
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        search_label = QLabel(self.tr("&Find ticket:"), self)
        search_label.setBuddy(self.search_edit)
        self.search_button = QPushButton(self.tr("Find"), self)
        self.search_button.setAccessibleName(self.tr("Find"))
        self.search_button.clicked.connect(self._on_search_edit_return_pressed)
        self.results = QTableWidget(0, 4, self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Tickets found"))
        self.results.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Service"), self.tr("Status"), self.tr("Issued at")]
        )
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        results_header = self.results.horizontalHeader()
        results_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        results_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results.itemSelectionChanged.connect(self._on_results_item_selection_changed)
        self.cancel_button = QPushButton(self.tr("Cancel ticket"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel ticket"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.reactivate_button = QPushButton(self.tr("Reactivate at the back"), self)
        self.reactivate_button.setAccessibleName(self.tr("Reactivate at the back of the queue"))
        self.reactivate_button.clicked.connect(lambda: self._reactivate(Position.BACK))
        self.reactivate_front_button = QPushButton(self.tr("Reactivate at the front"), self)
        self.reactivate_front_button.setAccessibleName(
            self.tr("Reactivate at the front of the queue")
        )
        self.reactivate_front_button.clicked.connect(lambda: self._reactivate(Position.FRONT))
        find_box = QGroupBox(self.tr("Find, cancel or reactivate"), self)
        find_layout = QVBoxLayout(find_box)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        find_layout.addLayout(row)
        find_layout.addWidget(self.results, 1)
        actions = QGridLayout()
        actions.addWidget(self.cancel_button, 0, 0, 1, 2)
        actions.addWidget(self.reactivate_button, 1, 0)
        actions.addWidget(self.reactivate_front_button, 1, 1)
        find_layout.addLayout(actions)

        self._build_bars(
            self.tr("Tickets cannot be issued until the connection is back. Reconnecting…")
        )
        right = QVBoxLayout()
        right.addWidget(issued_box)
        # Appointments (issue 6): the day's agenda and check-in in a tab beside the tickets.
        self.agenda_panel: AgendaPanel | None = None
        self.right_tabs: QTabWidget | None = None
        if appointments is None:
            right.addWidget(find_box, 1)
        else:
            right.addWidget(self._agenda_tabs(find_box, appointments), 1)
        body = QHBoxLayout()
        # The agenda's columns need more room than the ticket search alone.
        body.addWidget(issue_box, 3 if appointments is None else 2)
        body.addLayout(right, 2 if appointments is None else 3)
        self._build_page().addLayout(body, 1)
        self._build_status_bar()

        self._build_session_menu()
        self.escape_action = QAction(self)
        self.escape_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape_action.triggered.connect(self.show_services)
        self.addAction(self.escape_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self._show_find)
        self.addAction(self.find_action)
        if self.agenda_panel is not None:
            self.agenda_action = QAction(self)
            self.agenda_action.setShortcut(QKeySequence(AGENDA_KEYS))
            self.agenda_action.triggered.connect(self.show_agenda)
            self.addAction(self.agenda_action)

        self._live.reloaded.connect(self._on_live_reloaded)
        self._live.changed.connect(self._on_live_changed)
        self._live.feed_state_changed.connect(self._on_live_feed_state_changed)
        self._update_result_actions()

    def _agenda_tabs(self, find_box: QWidget, appointments: AppointmentService) -> QTabWidget:
        self.agenda_panel = AgendaPanel(
            self._runner,
            appointments,
            self.prompter,
            lambda: self._user.centre_id,
            self,
            service_name=self._service_label,
            services=self._active_services,
            centre_name=lambda: self._centre.name if self._centre is not None else "",
        )
        self.right_tabs = QTabWidget(self)
        self.right_tabs.setDocumentMode(True)
        keys = QKeySequence("Ctrl+F").toString(QKeySequence.SequenceFormat.NativeText)
        self.right_tabs.addTab(find_box, self.tr("Tickets ({keys})").format(keys=keys))
        keys = QKeySequence(AGENDA_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.right_tabs.addTab(
            self.agenda_panel, self.tr("Appointments: check-in ({keys})").format(keys=keys)
        )
        return self.right_tabs

    def _service_label(self, service_id: int) -> str:
        found = self._centre.service(service_id) if self._centre is not None else None
        return f"{found.prefix} · {found.name}" if found is not None else ""

    def _active_services(self) -> list[tuple[int, str]]:
        if self._centre is None:
            return []
        return [(s.id, s.name) for s in self._centre.services if s.active]

    def show_agenda(self) -> None:
        if self.right_tabs is not None and self.agenda_panel is not None:
            self.right_tabs.setCurrentWidget(self.agenda_panel)
            self.agenda_panel.show_page()

    def _show_find(self) -> None:
        if self.right_tabs is not None:
            self.right_tabs.setCurrentIndex(0)
        self.search_edit.setFocus()

    # --- start ------------------------------------------------------------------------------

    def start(self) -> None:
        if self._user.centre_id is None:
            return
        self._runner.submit(
            self._queue_service.load_centre,
            self._user.centre_id,
            owner=self,
            on_done=self._on_centre_loaded,
            on_error=self._on_failed,
        )
        self._live.start()

    def _on_centre_loaded(self, centre: Centre) -> None:
        self._centre = centre
        for button in self.service_buttons.values():
            button.deleteLater()
        self.service_buttons.clear()
        services = [s for s in centre.services if s.active]
        for index, service in enumerate(services):
            key = f"{index + 1}  " if index < 9 else ""
            button = ServiceButton(service, key, self.services_page)
            if index < 9:
                button.setShortcut(QKeySequence(str(index + 1)))
            button.clicked.connect(lambda _checked=False, s=service: self._on_service_clicked(s))
            self.services_grid.addWidget(button, index // SERVICE_COLUMNS, index % SERVICE_COLUMNS)
            self.service_buttons[service.id] = button
            button.show()  # now, not at the next event: the first one takes the focus below
        self.services_grid.setRowStretch(len(services) // SERVICE_COLUMNS + 1, 1)
        self._update_service_buttons()
        self.show_services()

    # --- issuing ----------------------------------------------------------------------------

    def _on_service_clicked(self, service: ServiceInfo) -> None:
        if self._busy:
            return
        self._chosen = service
        self.priority_title.setText(
            self.tr("{prefix} · {service}: priority?").format(
                prefix=service.prefix, service=service.name
            )
        )
        for name, button in self.priority_buttons.items():
            button.setEnabled(name == Priority.NONE or service.priority_allowed)
            if name != Priority.NONE and not service.priority_allowed:
                button.setToolTip(self.tr("This service does not take priority tickets."))
            else:
                button.setToolTip("")
        self.pages.setCurrentWidget(self.priority_page)
        self.priority_buttons[Priority.NONE].setFocus()

    @Slot()
    def show_services(self) -> None:
        self._chosen = None
        self.pages.setCurrentWidget(self.services_page)
        first = next(iter(self.service_buttons.values()), None)
        if first is not None:
            first.setFocus()

    def _on_priority_clicked(self, priority: str) -> None:
        service = self._chosen
        if service is None or self._busy or self._centre is None:
            return
        self._set_busy(True)
        self._runner.submit(
            self._queue_service.issue_ticket,
            self._centre.id,
            service.id,
            Priority(priority),
            owner=self,
            on_done=self._on_ticket_issued,
            on_error=self._on_failed,
        )

    def _on_ticket_issued(self, ticket: Ticket) -> None:
        self._set_busy(False)
        self._live.apply_ticket(ticket)
        self.message_bar.clear_error()
        self.issued_number.setText(ticket.number)
        service = self._centre.service(ticket.service_id) if self._centre else None
        detail = service.name if service else ""
        if ticket.is_priority:
            detail += "\n" + self._messages.priority_name(ticket.priority)
        detail += "\n" + self.tr("Issued at {time}").format(time=time_text(ticket.issued_at))
        self.issued_detail.setText(detail)
        self.issued_number.setAccessibleDescription(f"{ticket.number} {detail}")
        self.ticket_issued.emit(ticket)
        self.show_services()

    # --- finding ----------------------------------------------------------------------------

    @Slot()
    def _on_search_edit_return_pressed(self) -> None:
        number = self.search_edit.text().strip().upper()
        if not number or self._centre is None or self._busy:
            return
        self._set_busy(True)
        self._runner.submit(
            self._queue_service.find_tickets,
            self._centre.id,
            number,
            owner=self,
            on_done=self._on_tickets_found,
            on_error=self._on_failed,
        )

    def _on_tickets_found(self, tickets: list[Ticket]) -> None:
        self._set_busy(False)
        self.message_bar.clear_error()
        self._show_found(tickets)
        if not tickets:
            self.message_bar.show_info(self.tr("There is no ticket with this number today."))

    def _show_found(self, tickets: list[Ticket]) -> None:
        self.found = list(tickets)
        self.results.setRowCount(len(tickets))
        for row, ticket in enumerate(tickets):
            service = self._centre.service(ticket.service_id) if self._centre else None
            cells = (
                ticket.number,
                service.name if service else "",
                self._messages.status_name(ticket.status),
                time_text(ticket.issued_at),
            )
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        if tickets:
            self.results.selectRow(0)
        self._update_result_actions()

    def selected_found(self) -> Ticket | None:
        rows = self.results.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.found[row] if 0 <= row < len(self.found) else None

    @Slot()
    def _on_results_item_selection_changed(self) -> None:
        self._update_result_actions()

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        ticket = self.selected_found()
        if ticket is None or self._busy:
            return
        self._set_busy(True)
        self._runner.submit(
            self._queue_service.cancel,
            ticket.id,
            owner=self,
            on_done=self._on_ticket_changed,
            on_error=self._on_failed,
        )

    def _reactivate(self, position: Position) -> None:
        ticket = self.selected_found()
        if ticket is None or self._busy:
            return
        self._set_busy(True)
        self._runner.submit(
            self._queue_service.reactivate,
            ticket.id,
            position,
            owner=self,
            on_done=self._on_ticket_changed,
            on_error=self._on_failed,
        )

    def _on_ticket_changed(self, ticket: Ticket) -> None:
        self._set_busy(False)
        self._live.apply_ticket(ticket)
        self.message_bar.show_info(
            self.tr("Ticket {number} is now {status}.").format(
                number=ticket.number, status=self._messages.status_adjective(ticket.status)
            )
        )
        self._show_found([ticket if t.id == ticket.id else t for t in self.found])

    def _update_result_actions(self) -> None:
        ticket = self.selected_found()
        status = ticket.status if ticket else None
        self.cancel_button.setEnabled(not self._busy and status in (Status.WAITING, Status.PARKED))
        can_reactivate = not self._busy and status in (Status.NO_SHOW, Status.CANCELLED)
        self.reactivate_button.setEnabled(can_reactivate)
        self.reactivate_front_button.setEnabled(can_reactivate)

    # --- common -----------------------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (*self.service_buttons.values(), *self.priority_buttons.values()):
            button.setEnabled(not busy)
        if not busy and self._chosen is not None and not self._chosen.priority_allowed:
            for name, button in self.priority_buttons.items():
                button.setEnabled(name == Priority.NONE)
        self.search_button.setEnabled(not busy)
        self._update_result_actions()

    @property
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def _on_live_reloaded(self) -> None:
        self._update_service_buttons()

    @Slot(object)
    def _on_live_changed(self, _change: Any) -> None:
        self._update_service_buttons()

    def _update_service_buttons(self) -> None:
        if self._centre is None:
            return
        stats = self._live.state.service_stats(self._now()) if self._live.state else {}
        for service in self._centre.services:
            button = self.service_buttons.get(service.id)
            if button is None:
                continue
            waiting = stats[service.id].waiting if service.id in stats else None
            button.set_waiting(
                self.tr("{count} waiting").format(count=waiting) if waiting is not None else ""
            )
