"""Screenshots of appointments (issue 6): the day's agenda with one appointment opened, the
reception's check-in (the ticket number, or central's refusal explained), and the booking
dialog filled in, all on the demo centre's appointments of today (central/demo)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.app_services import build_services
from desktop.config import Settings
from desktop.demo_mode import DEMO_PASSWORD
from desktop.domain.appointments import AppointmentStatus, Channel, Citizen
from desktop.domain.errors import BalcaoError
from desktop.services.appointment_service import AppointmentService
from desktop.views.agenda_panel import AgendaPanel
from desktop.views.booking_dialog import BookingDialog
from desktop.views.prompter import ScriptedPrompter
from desktop.views.reception_window import ReceptionWindow
from desktop.views.session_flow import Session

Grab = Callable[[QWidget, Path, QApplication], None]
Settle = Callable[[QApplication, Callable[[], bool], str], None]

AGENDA_SIZE = (900, 640)
CITIZENS = ("Sofia Almeida Cruz", "Tiago Nogueira", "Helena Fonseca", "Rodrigo Matos Pinto")
WINDOW_SIZE = (1280, 800)


def book_around_now(service: AppointmentService, centre_id: int, service_ids: list[int]) -> date:
    """The demo's bookings were made when it was seeded (over an hour ago, so they may be
    no-shows by now): a few more on the next free times, as reception would book them. The
    agenda shown is the day of the first of those (today, or the next working day)."""
    firsts: list[date] = []
    for service_id in service_ids:
        try:
            slots = service.free_slots(service_id, count=2)
        except BalcaoError:
            continue  # a service without appointments
        for i, slot in enumerate(slots):
            citizen = Citizen(CITIZENS[len(firsts) % len(CITIZENS)], phone="912345678")
            booked = service.book(
                centre_id, slot.service_id, slot.starts_at, Channel.IN_PERSON, citizen,
                str(uuid.uuid4()),
            )  # fmt: skip
            if i == 0:
                firsts.append(booked.appointment.service_day)
    return min(firsts) if firsts else date.today()


def shoot_appointments(
    app: QApplication, settings: Settings, out: Path, grab: Grab, settle: Settle
) -> None:
    services = build_services(settings, remember=False)
    user = services.auth.login("atendente1", DEMO_PASSWORD)
    assert user.centre_id is not None
    centre = services.queue.load_centre(user.centre_id)
    names = {s.id: f"{s.prefix} · {s.name}" for s in centre.services}
    day = book_around_now(services.appointments, user.centre_id, [s.id for s in centre.services])
    services.appointments.today = lambda: day
    panel = AgendaPanel(
        services.runner,
        services.appointments,
        ScriptedPrompter(),
        lambda: user.centre_id,
        service_name=lambda sid: names.get(sid, ""),
        services=lambda: [(s.id, s.name) for s in centre.services if s.active],
        centre_name=lambda: centre.name,
    )
    panel.resize(*AGENDA_SIZE)
    panel.show()
    panel.refresh()
    settle(app, lambda: panel.agenda is not None and not panel.busy, "agenda")
    rows = panel.rows()
    video = next((i for i, a in enumerate(rows) if a.channel is Channel.VIDEO), 0)
    if rows:
        panel.table.selectRow(video)
        panel.open_detail(rows[video])
        settle(app, lambda: panel.detail_shown is not None and not panel.busy, "detail")
    panel.table.setFocus()
    grab(panel, out / "agenda.png", app)

    dialog = BookingDialog(
        services.runner,
        services.appointments,
        ScriptedPrompter(),
        user.centre_id,
        [(s.id, s.name) for s in centre.services if s.active],
        centre_name=centre.name,
    )
    booked = [a for a in rows if a.status is AppointmentStatus.BOOKED]
    booked_service = booked[0].service_id if booked else None
    if booked_service is not None:
        dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(booked_service))
    settle(app, lambda: dialog.slot_list.count() > 0, "free slots")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(Channel.PHONE.value))
    dialog.name_edit.setText("Teresa Gouveia Ramos")
    dialog.nif_edit.setText("123 456 78")  # a digit short: marked inline
    dialog.nif_edit.setModified(True)
    dialog.phone_edit.setText("912 345 678")
    dialog.phone_edit.setModified(True)
    dialog.show()
    dialog.nif_edit.editingFinished.emit()
    dialog.nif_edit.setFocus()
    grab(dialog, out / "booking.png", app)
    dialog.close()
    panel.close()
    services.close()

    # Reception: the agenda tab, the first appointment still booked checked in.
    services = build_services(settings, remember=False)
    user = services.auth.login("rececao", DEMO_PASSWORD)
    assert user.centre_id is not None
    session = Session(app, services, demo=True)
    live = session.live_queue(user.centre_id)
    services.appointments.today = lambda: day
    window = ReceptionWindow(
        appointments=services.appointments,
        runner=services.runner,
        queue_service=services.queue,
        live=live,
        user=user,
    )
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start()
    settle(app, lambda: bool(window.service_buttons), "services")
    window.show_agenda()
    agenda = window.agenda_panel
    assert agenda is not None
    settle(app, lambda: agenda.agenda is not None and not agenda.busy, "reception agenda")
    waiting = [i for i, a in enumerate(agenda.rows()) if a.status is AppointmentStatus.BOOKED]
    if waiting:
        agenda.table.selectRow(waiting[0])
        agenda.check_in_selected()
        settle(app, lambda: not agenda.busy and bool(agenda.message_bar.text), "check-in")
    agenda.table.setFocus()
    grab(window, out / "check_in.png", app)
    window.close()
    services.close()
