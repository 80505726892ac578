from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from central.db import Base, UTCDateTime


class Centre(Base):
    __tablename__ = "centres"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Lisbon")
    # {"mon": [["08:30", "19:00"]], ...}; days absent are closed.
    opening_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Call-next policy parameters; see central.tickets.policy.PolicyConfig.
    policy: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    services: Mapped[list[Service]] = relationship(
        back_populates="centre", order_by="Service.prefix"
    )
    counters: Mapped[list[Counter]] = relationship(
        back_populates="centre", order_by="Counter.number"
    )


class Service(Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("centre_id", "prefix"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(2))
    target_wait_minutes: Mapped[int] = mapped_column(Integer, default=20)
    priority_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    centre: Mapped[Centre] = relationship(back_populates="services")


class Counter(Base):
    """A desk. Its live state (open, paused, current ticket) changes with every call."""

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("centre_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16), default="closed")
    pause_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    current_ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", use_alter=True), nullable=True
    )
    # Consecutive calls of legal-priority tickets, for the anti-starvation rule.
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)
    state_since: Mapped[datetime] = mapped_column(UTCDateTime)

    centre: Mapped[Centre] = relationship(back_populates="counters")
    service_links: Mapped[list[CounterService]] = relationship(
        back_populates="counter", cascade="all, delete-orphan", order_by="CounterService.service_id"
    )


class CounterService(Base):
    __tablename__ = "counter_services"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0)

    counter: Mapped[Counter] = relationship(back_populates="service_links")
