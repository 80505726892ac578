"""Appointments in words: statuses (with their colour, never the colour alone), channels, local
times, and central's refusals of a check-in or a booking explained with the times central
sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.domain.appointments import (
    ILLEGAL_TRANSITION,
    SLOT_TAKEN,
    TOO_EARLY,
    TOO_LATE,
    AppointmentStatus,
    Channel,
)
from desktop.domain.errors import BalcaoError, OfflineError
from desktop.domain.values import parse_time
from desktop.views.messages import Messages

# Background colours of the status cell (light, so black text stays readable).
STATUS_COLOURS = {
    AppointmentStatus.BOOKED: "#dbe9ff",
    AppointmentStatus.CHECKED_IN: "#fff1c2",
    AppointmentStatus.BEING_SERVED: "#d6f5d6",
    AppointmentStatus.DONE: "#e6e6e6",
    AppointmentStatus.NO_SHOW: "#ffd6d6",
    AppointmentStatus.CANCELLED: "#eeeeee",
}


def hhmm(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment is not None else "—"


def status_colour(status: AppointmentStatus) -> QColor:
    return QColor(STATUS_COLOURS[status])


class AppointmentWords(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages = Messages(self)

    def status(self, status: AppointmentStatus) -> str:
        names = {
            AppointmentStatus.BOOKED: self.tr("Booked"),
            AppointmentStatus.CHECKED_IN: self.tr("Checked in"),
            AppointmentStatus.BEING_SERVED: self.tr("Being served"),
            AppointmentStatus.DONE: self.tr("Done"),
            AppointmentStatus.NO_SHOW: self.tr("No-show"),
            AppointmentStatus.CANCELLED: self.tr("Cancelled"),
        }
        return names[status]

    def channel(self, channel: Channel) -> str:
        names = {
            Channel.IN_PERSON: self.tr("In person"),
            Channel.VIDEO: self.tr("Video"),
            Channel.PHONE: self.tr("Phone"),
        }
        return names[channel]

    def field_error(self, code: str) -> str:
        texts = {
            "citizen.name_required": self.tr("Write the citizen's name."),
            "nif.not_digits": self.tr("A NIF has digits only."),
            "nif.wrong_length": self.tr("A NIF has nine digits."),
            "nif.invalid_prefix": self.tr("No NIF starts like this."),
            "nif.invalid_check_digit": self.tr("The check digit is wrong: check the number."),
            "phone.invalid": self.tr("Not a phone number (nine digits, or +country)."),
            "email.invalid": self.tr("Not an e-mail address."),
            "appointment.phone_required": self.tr("A phone appointment needs a number."),
            "appointment.contact_required": self.tr("Give a phone number or an e-mail."),
            "appointment.meeting_url_required": self.tr("A video appointment needs the link."),
            "appointment.meeting_url_invalid": self.tr("The link must start with https://."),
            "appointment.search_needs_criterion": self.tr(
                "Type a reference, a booking code, a NIF or a name."
            ),
            "appointment.search_too_short": self.tr("Type at least two letters of the name."),
            "appointment.not_bookable": self.tr(
                "This service does not take appointments: choose another."
            ),
            "appointment.closed": self.tr("The service is closed that day."),
            "appointment.in_past": self.tr("That time has already begun: choose another."),
        }
        return texts.get(code, code)

    def error(self, error: BaseException) -> str:
        """A refusal of central (or no central) in words, with the times it sent."""
        if isinstance(error, OfflineError):
            return self.tr("Central cannot be reached: try again in a moment.")
        if not isinstance(error, BalcaoError):
            return self._messages.error_text(error)
        details: dict[str, Any] = error.details or {}
        starts = hhmm(parse_time(details.get("starts_at")))
        if error.code == TOO_EARLY:
            return self.tr(
                "Too early: check-in opens {minutes} min before the appointment, at {opens} "
                "(the appointment is at {starts}). Ask the citizen to wait."
            ).format(
                minutes=details.get("checkin_early_minutes", "?"),
                opens=hhmm(parse_time(details.get("allowed_from"))),
                starts=starts,
            )
        if error.code == TOO_LATE:
            if details.get("reason") == "another_day":
                return self.tr("This appointment was on another day: book a new one.")
            return self.tr(
                "Too late: the appointment was at {starts} and check-in closed at {until} "
                "({minutes} min after). This centre does not check in late arrivals: book "
                "again or issue a normal ticket."
            ).format(
                starts=starts,
                until=hhmm(parse_time(details.get("late_until"))),
                minutes=details.get("late_minutes", "?"),
            )
        if error.code == ILLEGAL_TRANSITION:
            return self.tr("This appointment cannot be checked in: it is already {status}.").format(
                status=self._status_text(details.get("status"))
            )
        if error.code == SLOT_TAKEN:
            return self.tr(
                "Somebody else has just taken that time. Choose one of the next free times."
            )
        if error.code.startswith(("nif.", "phone.", "email.", "appointment.")):
            text = self.field_error(error.code)
            if text != error.code:
                return text
        return self._messages.error_text(error)

    def _status_text(self, value: object) -> str:
        try:
            return self.status(AppointmentStatus(str(value))).lower()
        except ValueError:
            return str(value)
