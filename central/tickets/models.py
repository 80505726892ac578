from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Base, UTCDateTime


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        # Numbers are unique per issuing service and local day (the daily reset relies on it).
        # Not on service_id: a transfer changes that and keeps the number, so A001 moved to B
        # must not collide with B001.
        Index(
            "uq_tickets_issued_service_day_seq",
            "issued_service_id",
            "service_day",
            "seq",
            unique=True,
        ),
        Index("ix_tickets_queue", "centre_id", "status", "service_id", "queued_at"),
        Index("ix_tickets_day", "centre_id", "service_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    # The service the ticket was issued for; service_id changes on transfer, the number does not.
    issued_service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="none")
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Position in the queue: oldest first. Reset on a transfer to the back.
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set by a transfer "to the front" (or a return to the queue), cleared when called.
    front: Mapped[bool] = mapped_column(Boolean, default=False)
    # A transfer to one counter reserves the ticket for that counter only.
    target_counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"), nullable=True)
    attendant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    call_reason: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Free text typed at the counter may name the citizen: it is never put in events or logs.
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    services_performed: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # False for the ticket of a remote appointment (video, phone): served from the counter,
    # never shown on the public display (central/appointments).
    on_display: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class DailySequence(Base):
    """The last ticket number handed out per service and local day."""

    __tablename__ = "daily_sequences"

    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
