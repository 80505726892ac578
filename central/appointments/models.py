"""Tables of appointments: schedules, closures, per-slot counters, bookings and the read log.

Personal data lives in `appointment_citizens` only; every read of it is a row in
`appointment_reads`, like the cases' read log. Times are stored in UTC; schedules are written in
the centre's local wall time and turned into UTC slot by slot (`schedules.py`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Base, UTCDateTime


class AppointmentRules(Base):
    """A centre's check-in rules; a centre without a row uses the defaults in `schedules`."""

    __tablename__ = "appointment_rules"

    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"), primary_key=True)
    # Check-in is accepted from this many minutes before the appointment.
    checkin_early_minutes: Mapped[int] = mapped_column(Integer)
    # Up to this many minutes late the appointment keeps its time; later, `late_action`.
    late_minutes: Mapped[int] = mapped_column(Integer)
    late_action: Mapped[str] = mapped_column(String(16))  # normal_queue | refuse
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AppointmentSchedule(Base):
    """When a service of a centre takes appointments: weekly hours, slot length, capacity."""

    __tablename__ = "appointment_schedules"
    __table_args__ = (UniqueConstraint("service_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    # {"mon": [["09:00", "12:30"], ["14:00", "17:00"]], ...} in the centre's local time.
    weekly_hours: Mapped[dict[str, Any]] = mapped_column(JSON)
    slot_minutes: Mapped[int] = mapped_column(Integer)
    # Appointments per slot: how many counters serve them at once.
    capacity: Mapped[int] = mapped_column(Integer)
    # How far ahead citizens may book, in days.
    horizon_days: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AppointmentClosure(Base):
    """A local day without appointments: a holiday (whole centre) or one service closed."""

    __tablename__ = "appointment_closures"
    __table_args__ = (Index("ix_appointment_closures_centre_day", "centre_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"))
    # None: the whole centre is closed that day.
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), nullable=True)
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class AppointmentSlot(Base):
    """How many places of one slot are taken: the row that booking locks.

    Created on the first booking of the slot. Under concurrency the conditional update
    `booked = booked + 1 WHERE booked < capacity` takes the row lock, and PostgreSQL re-checks
    the condition on the newest row after waiting, so exactly as many bookings win as there
    are places; on SQLite writers are serialized anyway.
    """

    __tablename__ = "appointment_slots"
    __table_args__ = (UniqueConstraint("service_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    booked: Mapped[int] = mapped_column(Integer)


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_centre_day", "centre_id", "service_day", "starts_at"),
        Index("ix_appointments_status_starts", "status", "starts_at"),
        UniqueConstraint("reference"),
        UniqueConstraint("booking_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16))
    # Given to the citizen to confirm, move or cancel by phone; stored in clear because staff
    # search by it (it grants nothing by itself: every route needs a staff login).
    booking_code: Mapped[str] = mapped_column(String(16))
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_day: Mapped[date] = mapped_column(Date)  # local day of starts_at
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(16))  # in_person | video | phone
    meeting_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # booked | checked_in | no_show | cancelled; once checked in, the ticket tells the rest
    # (being_served, done, no_show), see `service.effective_status`.
    status: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    # True when checked in too late and queued as a walk-in (centre rule `normal_queue`).
    late_walk_in: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer)


class AppointmentCitizen(Base):
    """The only personal data of an appointment: minimal, to call and recognise the citizen."""

    __tablename__ = "appointment_citizens"
    __table_args__ = (Index("ix_appointment_citizens_nif", "nif"),)

    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The name folded (no accents, lower case, single spaces) for search, as cases do.
    name_key: Mapped[str] = mapped_column(String(200))
    nif: Mapped[str | None] = mapped_column(String(9), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)


class AppointmentReadLog(Base):
    """Who read an appointment's personal data, when, why and how (as `case_reads`)."""

    __tablename__ = "appointment_reads"

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    purpose: Mapped[str] = mapped_column(String(32))
    access: Mapped[str] = mapped_column(String(16))
