from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Base, UTCDateTime


class ChangeCounter(Base):
    """One row holding the last change sequence number.

    Incrementing it is the last thing every writing transaction does (on PostgreSQL inside
    COMMIT itself, by the deferred trigger of migration 0004), so its row lock is held only until
    the commit is done. Commits therefore become visible in sequence order, and a reader that has
    seen N has seen everything below N: cursors never skip a late commit.
    """

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Event(Base):
    """A committed change. `seq` is NULL only inside the writing transaction, before COMMIT."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_centre_seq", "centre_id", "seq"),
        Index("uq_events_seq", "seq", unique=True),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[int | None] = mapped_column(BigInteger)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"))
    kind: Mapped[str] = mapped_column(String(48))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
