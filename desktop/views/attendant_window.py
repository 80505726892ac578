"""The counter attendant's window: the citizen at the counter, the actions, the waiting queue.

Every command goes through the TaskRunner; while one runs, the command actions are disabled (a
double press of F5 cannot call two citizens). The answer of a command updates the panel at once;
the queue table follows the live feed. When the feed is offline the queue actions are disabled
with the reason in their tooltip, while the visit on screen (timer, notes, start, finish) keeps
working. After a refused command (someone else changed the ticket) the counter and its current
ticket are read again, so the screen never stays wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Unpack

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.domain.appointments import AppointmentDetail
from desktop.domain.cases import VisitLink
from desktop.domain.centre import Centre, CounterInfo
from desktop.domain.errors import BalcaoError, OfflineError
from desktop.domain.tickets import CallReason, Status, Ticket
from desktop.services.appointment_service import AppointmentService
from desktop.services.case_lookup_service import CaseLookupService
from desktop.services.queue_service import QueueService
from desktop.views import counter_actions as names
from desktop.views.agenda_panel import AgendaPanel
from desktop.views.appointment_strip import AppointmentStrip
from desktop.views.case_desk import CaseDesk
from desktop.views.case_lookup_panel import CaseLookupPanel
from desktop.views.connection_widgets import LIVE, OFFLINE, feed_state_name
from desktop.views.counter_actions import CounterActionBar, CounterActions
from desktop.views.counter_availability import Blocker, counter_availability
from desktop.views.counter_cases import CounterCases
from desktop.views.current_ticket_panel import CurrentTicketPanel
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.knowledge_panel import KnowledgePanel
from desktop.views.prompter import Prompter
from desktop.views.queue_table_model import QueueTableModel
from desktop.views.queue_table_view import QueueTableView
from desktop.views.side_pages import SidePages
from desktop.views.ticket_action_dialogs import (
    CallNumberDialog,
    FinishDialog,
    PauseDialog,
    TransferDialog,
)
from desktop.views.widget_style import set_style_property
from desktop.views.workspace_window import Workspace, WorkspaceWindow

log = logging.getLogger(__name__)

QUEUE_PAGE_KEYS = "Ctrl+1"
LOOKUP_PAGE_KEYS = "Ctrl+F"
KNOWLEDGE_PAGE_KEYS = "Ctrl+K"
AGENDA_PAGE_KEYS = "Ctrl+G"

# Refusals that mean "the screen is out of date": read the counter and its ticket again.
STALE_CODES = frozenset(
    {
        "ticket.illegal_transition",
        "ticket.not_at_counter",
        "counter.busy",
        "counter.closed",
        "counter.paused",
        "counter.not_open",
        "counter.not_paused",
        "ticket.not_found",
    }
)


@dataclass(frozen=True)
class Workplace:
    centre: Centre
    counter: CounterInfo
    ticket: Ticket | None


def open_workplace(queue_service: QueueService, centre_id: int, counter_id: int) -> Workplace:
    """On a worker thread: the centre, the counter opened for this user, and its ticket."""
    centre = queue_service.load_centre(centre_id)
    counter = queue_service.open_counter(counter_id)
    return Workplace(centre, counter, queue_service.current_ticket(counter))


def reload_counter(
    queue_service: QueueService, counter_id: int
) -> tuple[CounterInfo, Ticket | None]:
    counter = queue_service.open_counter(counter_id)
    return counter, queue_service.current_ticket(counter)


class AttendantWindow(WorkspaceWindow):
    ticket_shown = Signal(object)  # the Ticket at the counter, or None

    def __init__(
        self,
        *,
        counter_id: int,
        prompter: Prompter | None = None,
        cases: CaseDesk | None = None,
        lookup: CaseLookupService | None = None,
        knowledge: KnowledgeDesk | None = None,
        appointments: AppointmentService | None = None,
        **workspace: Unpack[Workspace],
    ) -> None:
        super().__init__(**workspace)
        self.setObjectName("attendantWindow")
        self.setAccessibleName(self.tr("Counter"))
        self._counter_id = counter_id
        self.prompter = prompter or Prompter()
        self._counter: CounterInfo | None = None
        self._busy = False
        self._closing = False
        self._feed_state = ""

        self.counter_actions = CounterActions(self)
        self.panel = CurrentTicketPanel(self, now=self._now)
        self.panel.set_call_hint(
            self.tr("Press {keys} to call the next citizen.").format(
                keys=self.counter_actions.key_text(names.CALL_NEXT)
            )
        )
        self.action_bar = CounterActionBar(self.counter_actions, self)
        self.queue_model = QueueTableModel(self, now=self._now)
        self.queue_view = QueueTableView(self.queue_model, self)
        self.queue_title = QLabel(self)
        self.queue_title.setObjectName("sectionTitle")
        self.queue_title.setBuddy(self.queue_view)
        self._build_bars(
            self.tr(
                "The queue on screen may be out of date and calling is disabled. You can keep "
                "serving the citizen and writing notes. Reconnecting automatically…"
            )
        )
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("counterLabel")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.panel, 1)
        # In context: how many procedure articles speak of the service being served.
        self.knowledge_hint = QLabel(self)
        self.knowledge_hint.setObjectName("hint")
        self.knowledge_hint.hide()
        left_layout.addWidget(self.knowledge_hint)
        left_layout.addWidget(self.action_bar)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.queue_title)
        right_layout.addWidget(self.queue_view, 1)
        # Case entry (issue 4): the counter's cases under the queue, when the app has a store.
        self.cases: CounterCases | None = None
        if cases is not None:
            self.cases = CounterCases(
                self,
                cases,
                self.prompter,
                visit=self._visit_link,
                centre_name=self._centre_name,
                ticket_number=lambda: self.panel.ticket.number if self.panel.ticket else None,
                knowledge=knowledge,
            )
            column = QSplitter(Qt.Orientation.Vertical, self)
            column.setChildrenCollapsible(False)
            column.addWidget(right)
            column.addWidget(self.cases.panel_widget)
            column.setStretchFactor(0, 3)
            column.setStretchFactor(1, 2)
            right = column
        # The queue is the first of the pages beside the citizen; knowledge and case lookup
        # are added by `add_side_page` when the app has them.
        self.side_pages = SidePages(self)
        self.queue_page = right
        self.side_pages.add_page(right, self.tr("Queue"), QUEUE_PAGE_KEYS, focus=self._focus_queue)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.side_pages)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 580])
        self._build_page().addWidget(splitter, 1)
        self._build_status_bar(self.counter_label)
        if self.cases is not None:
            self.statusBar().addWidget(self.cases.pending_label)

        self._build_menus()
        self.lookup_panel: CaseLookupPanel | None = None
        if lookup is not None:
            self.lookup_panel = CaseLookupPanel(
                self._runner,
                lookup,
                self.prompter,
                self,
                centre_name=self._centre_name,
                type_name=self._case_type_name,
            )
            self.add_side_page(
                self.lookup_panel,
                self.tr("Find a case"),
                LOOKUP_PAGE_KEYS,
                focus=self.lookup_panel.focus_search,
            )
        self.knowledge_panel: KnowledgePanel | None = None
        if knowledge is not None:
            self.knowledge_panel = KnowledgePanel(knowledge, prompter=self.prompter, parent=self)
            self.add_side_page(
                self.knowledge_panel,
                self.tr("Knowledge"),
                KNOWLEDGE_PAGE_KEYS,
                focus=self.knowledge_panel.focus_search,
            )
            self.ticket_shown.connect(self._on_ticket_shown_for_knowledge)
        # Appointments (issue 6): the day's agenda as a page, and beside the citizen the
        # appointment the called ticket came from.
        self.appointments = appointments
        self.agenda_panel: AgendaPanel | None = None
        self.appointment_strip: AppointmentStrip | None = None
        if appointments is not None:
            self.agenda_panel = AgendaPanel(
                self._runner,
                appointments,
                self.prompter,
                lambda: self._user.centre_id,
                self,
                service_name=self.service_name,
                services=self._centre_services,
                centre_name=self._centre_name,
            )
            self.add_side_page(
                self.agenda_panel,
                self.tr("Agenda"),
                AGENDA_PAGE_KEYS,
                focus=self.agenda_panel.show_page,
            )
            self.appointment_strip = AppointmentStrip(self)
            panel_layout = left.layout()
            if isinstance(panel_layout, QVBoxLayout):
                panel_layout.insertWidget(1, self.appointment_strip)
            self.ticket_shown.connect(self._on_ticket_shown_for_appointment)
        self._connect()
        self._update_queue_title()
        self._update_counter_label()
        self._update_actions()
        self.setWindowTitle(self.tr("Balcão: counter"))

    # --- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self._build_session_menu()
        counter = self.menuBar().addMenu(self.tr("&Counter"))
        for row in names.BAR_LAYOUT:
            for name in row:
                counter.addAction(self.counter_actions[name])
                self.addAction(self.counter_actions[name])
            counter.addSeparator()
        if self.cases is not None:
            counter.addAction(self.cases.new_action)
            self.addAction(self.cases.new_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in self.side_pages.actions_by_page.values():
            self.view_menu.addAction(action)

    def add_side_page(
        self, page: QWidget, title: str, keys: str, focus: Callable[[], None] | None = None
    ) -> None:
        """A page beside the citizen (knowledge, case lookup), shown by `keys`."""
        self.view_menu.addAction(self.side_pages.add_page(page, title, keys, focus=focus))

    def _centre_name(self) -> str:
        return self._centre.name if self._centre is not None else ""

    def _case_type_name(self, code: str) -> str | None:
        found = self.cases.desk.reference.case_type(code) if self.cases is not None else None
        return found.name if found is not None else None

    def _on_ticket_shown_for_knowledge(self, ticket: Ticket | None) -> None:
        """The articles of the called ticket's service come first in the knowledge page, and
        the citizen's panel says how many there are."""
        assert self.knowledge_panel is not None
        service = (
            self._centre.service(ticket.service_id)
            if ticket is not None and self._centre is not None
            else None
        )
        if ticket is None or service is None:
            self.knowledge_panel.set_context(None, None)
            self.knowledge_hint.hide()
            return
        self.knowledge_panel.set_context(service.code, ticket.id)
        self.knowledge_panel.desk.for_service(self._show_knowledge_hint)

    def _show_knowledge_hint(self, rows: tuple[object, ...]) -> None:
        if not rows or self.panel.ticket is None:
            self.knowledge_hint.hide()
            return
        keys = QKeySequence(KNOWLEDGE_PAGE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.knowledge_hint.setText(
            self.tr("Articles about this service: {count} (press {keys} to read them)").format(
                count=len(rows), keys=keys
            )
        )
        self.knowledge_hint.show()

    def _centre_services(self) -> list[tuple[int, str]]:
        if self._centre is None:
            return []
        return [(s.id, s.name) for s in self._centre.services if s.active]

    def _on_ticket_shown_for_appointment(self, ticket: Ticket | None) -> None:
        """Ask central whether the called ticket came from an appointment (null for a
        walk-in) and show it beside the citizen."""
        assert self.appointments is not None
        assert self.appointment_strip is not None
        strip = self.appointment_strip
        if ticket is None:
            strip.show_detail(None)
            return
        if strip.detail is not None and strip.detail.appointment.ticket_id == ticket.id:
            return
        strip.show_detail(None)
        ticket_id = ticket.id

        def shown(detail: AppointmentDetail | None) -> None:
            current = self.panel.ticket
            if current is not None and current.id == ticket_id:
                strip.show_detail(detail)

        self._runner.submit(
            self.appointments.for_ticket,
            ticket_id,
            owner=self,
            on_done=shown,
            on_error=lambda error: log.info(
                "appointment of ticket %d: %s", ticket_id, getattr(error, "code", error)
            ),
        )

    def _focus_queue(self) -> None:
        self.queue_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect(self) -> None:
        triggers: dict[str, Callable[[], None]] = {
            names.CALL_NEXT: self._on_call_next_triggered,
            names.CALL_NUMBER: self._on_call_number_triggered,
            names.RECALL: self._on_recall_triggered,
            names.START: self._on_start_triggered,
            names.FINISH: self._on_finish_triggered,
            names.NO_SHOW: self._on_no_show_triggered,
            names.TRANSFER: self._on_transfer_triggered,
            names.PARK: self._on_park_triggered,
            names.RETURN_PARKED: self._on_return_parked_triggered,
            names.PAUSE: self._on_pause_triggered,
            names.RESUME: self._on_resume_triggered,
        }
        for name, slot in triggers.items():
            self.counter_actions[name].triggered.connect(slot)
        self._live.reloaded.connect(self._on_live_reloaded)
        self._live.changed.connect(self._on_live_changed)
        self._live.feed_state_changed.connect(self._on_live_feed_state_changed)

    # --- starting ---------------------------------------------------------------------------

    def start(self) -> None:
        """Open the counter for this user and load its current ticket; follow the queue."""
        if self._user.centre_id is None:
            self.message_bar.show_error(self._messages.error_text(BalcaoError("auth.wrong_centre")))
            return
        self._set_busy(True)
        self.statusBar().showMessage(self.tr("Opening the counter…"))
        self._runner.submit(
            open_workplace,
            self._queue_service,
            self._user.centre_id,
            self._counter_id,
            owner=self,
            on_done=self._on_workplace_opened,
            on_error=self._on_command_failed,
        )
        self._live.start()
        if self.knowledge_panel is not None:
            self.knowledge_panel.start()

    def _on_workplace_opened(self, workplace: Workplace) -> None:
        self._set_busy(False)
        self.statusBar().clearMessage()
        self._centre = workplace.centre
        self._counter = workplace.counter
        if self.cases is not None:
            # Provisional references name the counter: P-<number>-<n>.
            self.cases.desk.set_desk(workplace.centre.id, workplace.counter.number)
        # The ticket number already starts with the service's letter: the name alone, so the
        # narrow column shows more of it.
        self.queue_model.set_names(
            {s.id: s.name for s in workplace.centre.services},
            {c.id: c.name for c in workplace.centre.counters},
        )
        self._show_ticket(workplace.ticket)
        self._refresh_queue()
        self._update_counter_label()
        self._update_actions()

    def _visit_link(self) -> VisitLink:
        """The visit a new case is linked to: the ticket at the counter, if any."""
        ticket = self.panel.ticket
        return VisitLink(
            ticket_id=ticket.id if ticket is not None else None,
            service_id=ticket.service_id if ticket is not None else None,
            counter_id=self._counter_id,
            attendant_id=self._user.id,
        )

    # --- reading the state ------------------------------------------------------------------

    @property
    def counter(self) -> CounterInfo | None:
        return self._counter

    @property
    def centre(self) -> Centre | None:
        return self._centre

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def offline(self) -> bool:
        return self._feed_state == OFFLINE

    def service_name(self, service_id: int) -> str:
        service = self._centre.service(service_id) if self._centre else None
        return f"{service.prefix} · {service.name}" if service else ""

    def _service_ids(self) -> tuple[int, ...]:
        live = self._live.state.counter(self._counter_id) if self._live.state else None
        if live is not None and live.service_ids:
            return tuple(live.service_ids)
        return self._counter.service_ids if self._counter else ()

    # --- commands ---------------------------------------------------------------------------

    def _command(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            self.message_bar.clear_error()
            ticket = getattr(result, "ticket", result)
            if isinstance(ticket, Ticket):
                self._live.apply_ticket(ticket)
            on_done(result)

        self._runner.submit(fn, *args, owner=self, on_done=done, on_error=self._on_command_failed)

    def _on_command_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.statusBar().clearMessage()
        code = self._show_error(error)
        if code in STALE_CODES:
            self._reload_counter()
        elif isinstance(error, OfflineError):
            log.info("command failed offline: %s", code)

    def _reload_counter(self) -> None:
        if self._busy or self._closing:
            return
        self._set_busy(True)

        def done(result: tuple[CounterInfo, Ticket | None]) -> None:
            self._set_busy(False)
            self._counter, ticket = result
            self._show_ticket(ticket)
            self._update_counter_label()
            self._update_actions()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            log.info("reloading the counter failed: %s", getattr(error, "code", error))

        self._runner.submit(
            reload_counter,
            self._queue_service,
            self._counter_id,
            owner=self,
            on_done=done,
            on_error=failed,
        )

    def _show_ticket(self, ticket: Ticket | None, reason: CallReason | None = None) -> None:
        if ticket is not None and ticket.status not in (Status.CALLED, Status.SERVING):
            ticket = None
        if ticket is None:
            self.panel.clear()
        else:
            self.panel.show_ticket(ticket, reason, self.service_name(ticket.service_id))
        if self._counter is not None:
            self._counter = replace(self._counter, current_ticket_id=ticket.id if ticket else None)
        self._update_actions()
        self.ticket_shown.emit(ticket)

    @Slot()
    def _on_call_next_triggered(self) -> None:
        self._command(self._queue_service.call_next, self._counter_id, on_done=self._on_called)

    def _on_called(self, result: Any) -> None:
        self._show_ticket(result.ticket, result.reason)
        self._refresh_queue()

    @Slot()
    def _on_call_number_triggered(self) -> None:
        dialog = CallNumberDialog(self)
        selected = self.queue_view.selected_ticket()
        if selected is not None:
            dialog.set_number(selected.number)
        if not self.prompter.run(dialog):
            return
        self._command(
            self._queue_service.call_specific,
            self._counter_id,
            dialog.number(),
            on_done=self._on_called,
        )

    @Slot()
    def _on_recall_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is not None:
            self._command(self._queue_service.recall, ticket.id, on_done=self._on_ticket_changed)

    @Slot()
    def _on_start_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is not None:
            self._command(self._queue_service.start, ticket.id, on_done=self._on_ticket_changed)

    def _on_ticket_changed(self, ticket: Ticket) -> None:
        self._show_ticket(ticket)

    @Slot()
    def _on_finish_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is None or self._centre is None:
            return
        dialog = FinishDialog(
            ticket.number,
            self._centre.services,
            ticket.service_id,
            self.panel.notes(),
            self,
        )
        if not self.prompter.run(dialog):
            return
        # The notes edited in the dialog are the visit's notes, even if finishing fails.
        self.panel.set_notes(dialog.notes())
        number = ticket.number
        self._command(
            self._queue_service.finish,
            ticket.id,
            dialog.outcome(),
            dialog.notes() or None,
            dialog.services_performed(),
            on_done=lambda _t: self._on_visit_ended(
                self.tr("Ticket {number} finished.").format(number=number)
            ),
        )

    def _on_visit_ended(self, text: str) -> None:
        self._show_ticket(None)
        self.message_bar.show_info(text)
        self._refresh_queue()

    @Slot()
    def _on_no_show_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is None:
            return
        number = ticket.number
        self._command(
            self._queue_service.no_show,
            ticket.id,
            on_done=lambda _t: self._on_visit_ended(
                self.tr("Ticket {number} marked as a no-show.").format(number=number)
            ),
        )

    @Slot()
    def _on_transfer_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is None or self._centre is None:
            return
        dialog = TransferDialog(
            ticket.number,
            self._centre.services,
            self._centre.counters,
            ticket.service_id,
            self._counter_id,
            self,
        )
        if not self.prompter.run(dialog):
            return
        number = ticket.number
        self._command(
            lambda: self._queue_service.transfer(
                ticket.id,
                service_id=dialog.service_id(),
                counter_id=dialog.counter_id(),
                position=dialog.position(),
            ),
            on_done=lambda _t: self._on_visit_ended(
                self.tr("Ticket {number} transferred.").format(number=number)
            ),
        )

    @Slot()
    def _on_park_triggered(self) -> None:
        ticket = self.panel.ticket
        if ticket is None:
            return
        number = ticket.number
        self._command(
            self._queue_service.park,
            ticket.id,
            on_done=lambda _t: self._on_visit_ended(
                self.tr("Ticket {number} suspended. Resume it with {keys}.").format(
                    number=number,
                    keys=self.counter_actions.key_text(names.RETURN_PARKED),
                )
            ),
        )

    def parked_tickets(self) -> list[Any]:
        """Suspended tickets, this counter's first, from the live queue."""
        state = self._live.state
        if state is None:
            return []
        parked = [t for t in state.tickets.values() if t.status == Status.PARKED]
        return sorted(parked, key=lambda t: (t.counter_id != self._counter_id, t.number))

    @Slot()
    def _on_return_parked_triggered(self) -> None:
        parked = self.parked_tickets()
        if not parked:
            self.message_bar.show_info(self.tr("There are no suspended tickets."))
            return
        chosen = parked[0]
        if len(parked) > 1:
            index = self.prompter.choose(
                self,
                self.tr("Resume a suspended ticket"),
                self.tr("Suspended ticket:"),
                [f"{t.number} · {self.service_name(t.service_id)}" for t in parked],
            )
            if index is None:
                return
            chosen = parked[index]
        self._command(
            self._queue_service.return_parked,
            chosen.id,
            self._counter_id,
            on_done=self._on_ticket_changed,
        )

    @Slot()
    def _on_pause_triggered(self) -> None:
        dialog = PauseDialog(self)
        if not self.prompter.run(dialog):
            return
        self._command(
            self._queue_service.pause,
            self._counter_id,
            dialog.reason(),
            on_done=self._on_counter_changed,
        )

    @Slot()
    def _on_resume_triggered(self) -> None:
        self._command(
            self._queue_service.resume, self._counter_id, on_done=self._on_counter_changed
        )

    def _on_counter_changed(self, counter: CounterInfo) -> None:
        self._counter = counter
        self._update_counter_label()
        self._update_actions()

    # --- live queue -------------------------------------------------------------------------

    @Slot()
    def _on_live_reloaded(self) -> None:
        self._refresh_queue()

    @Slot(object)
    def _on_live_changed(self, change: Any) -> None:
        self._refresh_queue()
        if self._counter_id in change.counters and self._live.state is not None:
            live = self._live.state.counter(self._counter_id)
            if live is not None and self._counter is not None and not self._busy:
                self._counter = replace(
                    self._counter, state=live.state, pause_reason=live.pause_reason
                )
                self._update_counter_label()
        self._update_actions()

    @Slot(object, object)
    def _on_live_feed_state_changed(self, state: Any, retry_in: Any) -> None:
        name = feed_state_name(state)
        if name == "SESSION_EXPIRED":
            self.session_expired.emit()
            name = OFFLINE
        self._feed_state = name
        self.connection.set_state(name, retry_in)
        self.offline_banner.set_state(name)
        if name == LIVE:
            self._refresh_queue()
        self._update_actions()

    def _refresh_queue(self) -> None:
        state = self._live.state
        if state is None:
            return
        self.queue_model.sync(state.waiting_for(self._service_ids(), self._counter_id))
        self._update_queue_title()

    def _update_queue_title(self) -> None:
        self.queue_title.setText(
            self.tr("&Waiting for this counter: {count}").format(count=self.queue_model.rowCount())
        )

    # --- look -------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def _update_counter_label(self) -> None:
        counter = self._counter
        if counter is None:
            self.counter_label.setText(self.tr("Counter: opening…"))
            return
        self.counter_label.setText(
            self.tr("{counter}: {state}").format(
                counter=counter.name,
                state=self._messages.counter_state_name(counter.state, counter.pause_reason),
            )
        )
        self.setWindowTitle(
            self.tr("Balcão: {counter} · {user}").format(
                counter=counter.name, user=self._user.full_name or self._user.username
            )
        )

    def _update_actions(self) -> None:
        ticket = self.panel.ticket
        counter = self._counter
        availability = counter_availability(
            status=ticket.status if ticket is not None else None,
            counter_state=counter.state if counter is not None else None,
            busy=self._busy,
            offline=self.offline,
        )
        why = {
            Blocker.OFFLINE: self.tr("no connection to the central service."),
            Blocker.BUSY: self.tr("the previous action is still running."),
            Blocker.PAUSED: self.tr("the counter is paused."),
            Blocker.OCCUPIED: self.tr("finish, transfer or suspend the current ticket first."),
        }
        reasons = {name: why[blocker] for name, blocker in availability.blockers.items()}
        self.counter_actions.set_states(availability.enabled, reasons)
        # The next step of the visit stands out: call, then start, then finish.
        for name, button in self.action_bar.buttons.items():
            set_style_property(button, "primary", name == availability.next_step)

    # --- leaving ----------------------------------------------------------------------------

    @Slot()
    def _on_logout_action_triggered(self) -> None:
        if self._confirm_leaving():
            self._closing = True
            self.logged_out.emit()

    def _confirm_leaving(self) -> bool:
        ticket = self.panel.ticket
        if ticket is None or ticket.status != Status.SERVING:
            return True
        return self.prompter.confirm(
            self,
            self.tr("A citizen is being served"),
            self.tr(
                "Ticket {number} is being served. If you leave now it stays at this counter "
                "until you come back. Leave anyway?"
            ).format(number=ticket.number),
        )

    def close_counter(self) -> None:
        """Close the counter on the central (a called ticket goes back to the front). Left
        open while someone is being served, so the visit can be resumed."""
        ticket = self.panel.ticket
        if self._counter is None or (ticket is not None and ticket.status == Status.SERVING):
            return
        self._runner.submit(
            self._queue_service.close_counter,
            self._counter_id,
            owner=None,
            on_error=lambda error: log.info(
                "closing the counter failed: %s", getattr(error, "code", error)
            ),
        )
        self._counter = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing and not self._confirm_leaving():
            event.ignore()
            return
        self._closing = True
        if self.cases is not None:
            self.cases.stop()
        if self.knowledge_panel is not None:
            self.knowledge_panel.stop()
        self.close_counter()
        self._live.stop()
        self.queue_model.stop_ticking()
        super().closeEvent(event)
