"""The citizen's receipt of a booking: a one-page PDF (A5, the writer of `case_receipt`) in the
citizen's language with the centre, the service, the day and time, how it happens (in person,
video, phone), the reference and the booking code to quote when changing it.

Like the case receipt, its sentences are the citizen's language's, not the UI translator's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QPaintDevice

from desktop.domain.appointments import Channel
from desktop.views.case_receipt import LOCALES, pdf_writer, receipt_language
from desktop.views.paper_column import paper_column

APPOINTMENT_TEXT: dict[str, dict[str, str]] = {
    "pt": {
        "title": "Marcação de atendimento",
        "service": "Serviço",
        "when": "Data e hora",
        "how": "Atendimento",
        "in_person": "presencial: apresente-se na receção até 30 minutos antes",
        "video": "por videochamada, na ligação enviada",
        "phone": "por telefone: ligaremos para o número indicado",
        "reference": "Referência",
        "code": "Código da marcação",
        "change": "Para alterar ou cancelar, indique a referência e o código em qualquer "
        "balcão de atendimento ou pelo telefone do município.",
        "link": "Ligação",
    },
    "en": {
        "title": "Appointment",
        "service": "Service",
        "when": "Date and time",
        "how": "How",
        "in_person": "in person: come to reception up to 30 minutes before",
        "video": "by video call, on the link sent",
        "phone": "by phone: we will call the number given",
        "reference": "Reference",
        "code": "Booking code",
        "change": "To change or cancel it, give the reference and the code at any service "
        "counter or on the municipality's phone line.",
        "link": "Link",
    },
}


@dataclass(frozen=True)
class AppointmentReceipt:
    centre_name: str
    service_name: str
    reference: str
    booking_code: str
    starts_at: datetime
    channel: Channel
    meeting_url: str | None = None
    language: str = "pt"


def paint_appointment_receipt(device: QPaintDevice, content: AppointmentReceipt) -> None:
    language = receipt_language(content.language)
    words = APPOINTMENT_TEXT[language]
    locale = QLocale(LOCALES[language])
    with paper_column(device) as page:
        block = page.block
        local = content.starts_at.astimezone()
        day = locale.toString(QDate(local.year, local.month, local.day), "d MMMM yyyy")
        block(content.centre_name, 11, bold=True)
        block(words["title"], 16, bold=True, gap=0.6)
        block(f"{words['when']}: {day}, {local.strftime('%H:%M')}", 14, bold=True, gap=0.1)
        block(f"{words['service']}: {content.service_name}", 10)
        block(f"{words['how']}: {words[content.channel.value]}", 10)
        if content.meeting_url:
            block(f"{words['link']}: {content.meeting_url}", 9)
        block(f"{words['reference']}: {content.reference}", 12, bold=True, gap=0.1)
        block(f"{words['code']}: {content.booking_code}", 12, bold=True)
        block(words["change"], 10)


def write_appointment_receipt(path: Path | str, content: AppointmentReceipt) -> Path:
    writer = pdf_writer(path, APPOINTMENT_TEXT[receipt_language(content.language)]["title"])
    paint_appointment_receipt(writer, content)
    return Path(path)
