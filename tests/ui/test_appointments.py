"""Appointments on the desktop (issue 6) against the real central on loopback: the agenda and
its offline copy, search, check-in (and its refusal explained), booking (once under a double
submit; alternatives when the time was taken), the receipt and the .ics file, the appointment
beside the citizen when its ticket is called, and the wiring into both windows.

The day: Monday 23 November 2026 in Lisbon (UTC+0), central's clock at 10:00; service A has
30-minute slots 09:00-12:00 and 14:00-16:00 with one place each. Booked: 10:30 video, 11:30 in
person, 14:00 by phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt, QUrl
from sqlalchemy import func, select

from central.appointments import service as central_appointments
from central.appointments.models import Appointment as AppointmentRow
from central.appointments.schedules import Channel as CentralChannel
from central.auth.roles import Role
from central.clock import FrozenClock
from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.api.appointments_api import AppointmentsApi
from desktop.domain.appointments import AppointmentStatus, Channel, Citizen, SearchBy, parse_query
from desktop.services.appointment_service import AppointmentService
from desktop.store.agenda_cache_repo import AgendaCacheRepo
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views import counter_actions as names
from desktop.views.agenda_panel import STATUS, AgendaPanel
from desktop.views.appointment_words import STATUS_COLOURS
from desktop.views.attendant_window import AttendantWindow
from desktop.views.booking_dialog import BookingDialog
from desktop.views.prompter import ScriptedPrompter
from desktop.views.reception_window import ReceptionWindow
from tests.central.appointment_fixtures import OFFICE_HOURS, VALID_NIF, actor
from tests.central.factories import World
from tests.desktop_fixtures import T0
from tests.integration.conftest import Restartable, logged_in

DAY = date(2026, 11, 23)
MEET = "https://meet.example.org/ab-cd"


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC)


def book_in_central(
    ctx: AppContext, world: World, starts_at: datetime, channel: CentralChannel, name: str
) -> str:
    reception = actor(world, "reception", Role.RECEPTION)
    with ctx.db.writing() as s:
        citizen = central_appointments.CitizenInput(name, nif=VALID_NIF, phone="912345678")
        booking = central_appointments.Booking(
            world.services["A"],
            starts_at,
            channel,
            citizen,
            meeting_url=MEET if channel is CentralChannel.VIDEO else None,
        )
        return central_appointments.book(
            s, reception, world.centre_id, booking, ctx.clock.now()
        ).reference


@pytest.fixture
def booked(ctx: AppContext, world: World) -> dict[str, str]:
    supervisor = actor(world, "supervisor", Role.SUPERVISOR)
    with ctx.db.writing() as s:
        spec = central_appointments.ScheduleInput(OFFICE_HOURS, 30, 1, 90, True)
        central_appointments.put_schedule(
            s, supervisor, world.centre_id, world.services["A"], spec, ctx.clock.now()
        )
    return {
        "video": book_in_central(ctx, world, at(10, 30), CentralChannel.VIDEO, "Ana Lopes"),
        "early": book_in_central(ctx, world, at(11, 30), CentralChannel.IN_PERSON, "Rui Sá"),
        "phone": book_in_central(ctx, world, at(14), CentralChannel.PHONE, "Inês Vaz"),
    }


@pytest.fixture
def central(ctx: AppContext, world: World, booked: dict[str, str]) -> Iterator[Restartable]:
    server = Restartable(ctx)
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    local = LocalStore.open(tmp_path / "desk" / "balcao.sqlite3")
    yield local
    local.close()


@pytest.fixture
def appointments(central: Restartable, store: LocalStore) -> Iterator[AppointmentService]:
    api = ApiClient(central.base_url, timeout=(1.0, 3.0))
    logged_in(api, "reception")
    yield AppointmentService(AppointmentsApi(api), store, now=lambda: at(9, 12), today=lambda: DAY)
    api.close()


@pytest.fixture
def panel(
    qtbot, runner: TaskRunner, appointments: AppointmentService, world: World
) -> Callable[..., AgendaPanel]:
    def make(prompter: ScriptedPrompter | None = None) -> AgendaPanel:
        widget = AgendaPanel(
            runner,
            appointments,
            prompter or ScriptedPrompter(),
            lambda: world.centre_id,
            service_name=lambda _id: "A · Atendimento",
            services=lambda: [(world.services["A"], "Atendimento")],
            centre_name=lambda: "Loja do Cidadão",
        )
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
        widget.refresh()
        return widget

    return make


def row_of(panel: AgendaPanel, reference: str) -> int:
    return next(i for i, a in enumerate(panel.rows()) if a.reference == reference)


def dialog_for(qtbot, runner, appointments, world) -> BookingDialog:
    dialog = BookingDialog(
        runner,
        appointments,
        ScriptedPrompter(),
        world.centre_id,
        [(world.services["A"], "Atendimento")],
        centre_name="Loja do Cidadão",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def fill_citizen(qtbot, dialog: BookingDialog, nif: str = VALID_NIF) -> None:
    qtbot.keyClicks(dialog.name_edit, "Marta Pires")
    qtbot.keyClicks(dialog.nif_edit, nif)
    qtbot.keyClicks(dialog.phone_edit, "912 345 678")


def count_booked(ctx: AppContext, starts_at: datetime) -> int:
    with ctx.db.reading() as s:
        return int(
            s.execute(
                select(func.count())
                .select_from(AppointmentRow)
                .where(AppointmentRow.starts_at == starts_at)
            ).scalar_one()
        )


# --- the agenda -----------------------------------------------------------------------------


def test_agenda_lists_the_day_by_time_with_status_in_words_and_colour(panel, booked) -> None:
    agenda = panel()
    assert [a.reference for a in agenda.rows()] == [
        booked["video"],
        booked["early"],
        booked["phone"],
    ]
    item = agenda.table.item(0, STATUS)
    assert item.text() == agenda.words.status(AppointmentStatus.BOOKED)
    assert item.background().color().name() == STATUS_COLOURS[AppointmentStatus.BOOKED]
    assert agenda.agenda is not None
    assert not agenda.agenda.cached
    assert "3" in agenda.state_label.text()


def test_offline_shows_the_saved_agenda_and_its_time_and_past_days_are_deleted(
    panel, central, store, booked
) -> None:
    with store.writing() as s:
        AgendaCacheRepo().save(s, 1, DAY - timedelta(days=1), [], at(8))
    agenda = panel()  # fetched from central at 09:12, saved; yesterday's copy is gone
    with store.reading() as s:
        assert AgendaCacheRepo().load(s, 1, DAY - timedelta(days=1)) is None
    central.stop()
    agenda.refresh()
    assert agenda.agenda is not None
    assert agenda.agenda.cached
    assert "09:12" in agenda.state_label.text()
    assert len(agenda.rows()) == 3
    # Offline, the search filters the saved copy by reference (it holds no names).
    agenda.search_edit.setText(booked["phone"])
    agenda.search()
    assert [a.reference for a in agenda.rows()] == [booked["phone"]]


def test_search_checks_the_nif_before_sending_and_shows_names(panel, monkeypatch) -> None:
    agenda = panel()
    sent: list[object] = []
    real = agenda.service.search
    monkeypatch.setattr(agenda.service, "search", lambda *a: sent.append(a) or real(*a))
    agenda.search_edit.setText("123456780")  # wrong check digit
    agenda.search()
    assert sent == []
    assert agenda.search_hint.isVisibleTo(agenda)
    agenda.search_edit.setText("Rui")
    agenda.search()
    assert len(sent) == 1
    assert [agenda.table.item(r, 6).text() for r in range(agenda.table.rowCount())] == ["Rui Sá"]
    assert not agenda.table.isColumnHidden(6)


def test_parse_query_tells_reference_code_nif_and_name_apart() -> None:
    assert parse_query("ap-7k2m9q4x").by is SearchBy.REFERENCE  # type: ignore[union-attr]
    code = parse_query("k3mq9t")
    assert code.by is SearchBy.BOOKING_CODE
    assert code.value == "K3M-Q9T"
    assert parse_query("123 456 789").by is SearchBy.NIF  # type: ignore[union-attr]
    assert parse_query("123456780") == "nif.invalid_check_digit"
    assert parse_query("maria joão").by is SearchBy.NAME  # type: ignore[union-attr]


def test_check_in_issues_the_ticket_and_shows_its_number(qtbot, panel, booked, ctx) -> None:
    agenda = panel()
    agenda.table.selectRow(row_of(agenda, booked["video"]))
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    done = agenda.last_check_in
    assert done is not None
    assert done.ticket_number
    assert agenda.ticket_label.text() == done.ticket_number
    assert done.ticket_number in agenda.message_bar.text
    # The agenda was read again: the row now says checked in, with its ticket.
    row = row_of(agenda, booked["video"])
    assert agenda.rows()[row].status is AppointmentStatus.CHECKED_IN
    assert agenda.table.item(row, 5).text() == done.ticket_number


def test_too_early_is_refused_and_explained_with_the_opening_time(panel, booked) -> None:
    agenda = panel()
    agenda.table.selectRow(row_of(agenda, booked["early"]))
    agenda.check_in_selected()
    assert agenda.last_check_in is None
    text = agenda.message_bar.text
    assert "11:00" in text
    assert "11:30" in text
    assert "30" in text
    assert agenda.ticket_label.isHidden()


# --- booking --------------------------------------------------------------------------------


def test_a_double_submit_books_once(qtbot, runner, appointments, world, ctx) -> None:
    dialog = dialog_for(qtbot, runner, appointments, world)
    slot = dialog.chosen_slot()
    assert slot is not None
    assert slot.starts_at == at(11)
    fill_citizen(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.booked is not None
    assert dialog.done_reference.text() == dialog.booked.appointment.reference
    # The same intent sent again (a retry after a lost answer) is replayed, not booked.
    again = appointments.book(
        world.centre_id,
        slot.service_id,
        slot.starts_at,
        Channel.IN_PERSON,
        Citizen("Marta Pires", VALID_NIF, "912345678"),
        dialog._key,
    )
    assert again.replayed
    assert again.appointment.reference == dialog.booked.appointment.reference
    assert count_booked(ctx, at(11)) == 1


def test_a_taken_time_shows_centrals_alternatives(qtbot, runner, appointments, world, ctx) -> None:
    dialog = dialog_for(qtbot, runner, appointments, world)
    assert dialog.chosen_slot().starts_at == at(11)  # type: ignore[union-attr]
    book_in_central(ctx, world, at(11), CentralChannel.IN_PERSON, "Outra Pessoa")
    fill_citizen(qtbot, dialog)
    dialog.book()
    assert dialog.booked is None
    alternatives = dialog.slots()
    assert alternatives
    assert at(11) not in [s.starts_at for s in alternatives]
    assert dialog.message_bar.text
    dialog.slot_list.setCurrentRow(0)
    dialog.book()  # another intent, its own key
    assert dialog.booked is not None
    assert dialog.booked.appointment.starts_at == alternatives[0].starts_at


def test_fields_are_checked_inline_and_nothing_is_sent(qtbot, runner, appointments, world) -> None:
    dialog = dialog_for(qtbot, runner, appointments, world)
    fill_citizen(qtbot, dialog, nif="123456780")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.VIDEO.value))
    dialog.book()
    assert dialog.booked is None
    assert dialog.rows["nif"].error
    assert dialog.rows["meeting_url"].error
    assert not dialog.rows["phone"].error


def test_receipt_pdf_and_ics_are_saved(qtbot, runner, appointments, world, tmp_path) -> None:
    dialog = dialog_for(qtbot, runner, appointments, world)
    fill_citizen(qtbot, dialog)
    dialog.book()
    assert dialog.booked is not None
    prompter = dialog.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.save_path = str(tmp_path / "recibo")
    dialog.save_receipt()
    assert (tmp_path / "recibo.pdf").read_bytes().startswith(b"%PDF")
    prompter.save_path = str(tmp_path / "marcacao.ics")
    dialog.save_ics()
    calendar = icalendar.Calendar.from_ical((tmp_path / "marcacao.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == at(11)


def test_ctrl_shift_n_opens_the_booking_dialog(qtbot, panel) -> None:
    prompter = ScriptedPrompter(on_dialog=lambda _d: False)
    agenda = panel(prompter)
    agenda.search_edit.setFocus()
    qtbot.keyClick(
        agenda.search_edit,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert prompter.seen == ["BookingDialog"]


# --- the windows ----------------------------------------------------------------------------


def test_the_appointment_shows_beside_the_citizen_when_its_ticket_is_called(
    qtbot, runner, queue_service, live_queue, login, world, appointments, booked, ctx
) -> None:
    counter = AttendantWindow(
        appointments=appointments,
        runner=runner,
        queue_service=queue_service,
        live=live_queue(),
        user=login("attendant"),
        counter_id=world.counters[1],
        prompter=ScriptedPrompter(),
        now=lambda: T0,
    )
    qtbot.addWidget(counter)
    counter.show()
    counter.activateWindow()
    qtbot.waitExposed(counter)
    qtbot.waitUntil(counter.isActiveWindow)
    counter.start()
    qtbot.waitUntil(lambda: counter.counter is not None, timeout=10_000)
    opened: list[QUrl] = []
    strip = counter.appointment_strip
    assert strip is not None
    assert strip.isHidden()
    strip._open_url = lambda url: opened.append(url) or True
    assert appointments.check_in(booked["video"]).ticket_number
    clock = ctx.clock
    assert isinstance(clock, FrozenClock)
    clock.set(at(10, 31))
    qtbot.waitUntil(lambda: counter.counter_actions[names.CALL_NEXT].isEnabled(), timeout=10_000)
    counter.counter_actions[names.CALL_NEXT].trigger()
    qtbot.waitUntil(lambda: strip.isVisibleTo(counter), timeout=10_000)
    assert booked["video"] in strip.label.text()
    assert strip.call_button.isVisibleTo(counter)
    qtbot.keyClick(
        counter,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [u.toString() for u in opened] == [MEET]
    # Ctrl+G: the agenda page, the keyboard in its search field.
    qtbot.keyClick(counter, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert counter.side_pages.currentWidget() is counter.agenda_panel
    assert counter.agenda_panel is not None
    assert counter.agenda_panel.search_edit.hasFocus()


def test_reception_checks_in_from_its_agenda_tab(
    qtbot, runner, queue_service, live_queue, login, appointments, booked
) -> None:
    window = ReceptionWindow(
        appointments=appointments,
        runner=runner,
        queue_service=queue_service,
        live=live_queue(),
        user=login("reception"),
        now=lambda: T0,
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    agenda = window.agenda_panel
    assert agenda is not None
    assert window.right_tabs is not None
    assert window.right_tabs.currentWidget() is agenda
    agenda.search_edit.setText(booked["video"])
    agenda.search()
    assert [a.reference for a in agenda.rows()] == [booked["video"]]
    agenda.check_in_selected()
    assert agenda.last_check_in is not None
    assert agenda.ticket_label.text() == agenda.last_check_in.ticket_number
