"""Tables of cases, their reference data, history, notes, attachments and the read log.

Personal data lives in `case_citizens` only (and in free text the citizen dictated): an ethics
report never has a row there. Every read of a case is a row in `case_reads`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Base, UTCDateTime

# --- reference data -------------------------------------------------------------------------


class CaseType(Base):
    """A type of case from the centres' plans; `kind` decides the fields it needs."""

    __tablename__ = "case_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    # The municipal area that handles it (a service of the centre answers for it).
    service_area: Mapped[str] = mapped_column(String(200))
    citizen_policy: Mapped[str] = mapped_column(String(16))
    legal_basis: Mapped[str] = mapped_column(String(32))
    retention_class: Mapped[str] = mapped_column(String(40))
    # Kept this many years after the case is closed, then erased or anonymised.
    retention_years: Mapped[int] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class IncidentCategory(Base):
    """A category of city-maintenance incident; also an Open311 service (`code`)."""

    __tablename__ = "incident_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    group_name: Mapped[str] = mapped_column(String(100), default="")
    keywords: Mapped[str] = mapped_column(String(300), default="")
    # Extra questions, as Open311 attributes: [{"code", "description", "datatype",
    # "required", "values": [{"key", "name"}]}]; an empty list means no service definition.
    attributes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Addressee(Base):
    """An elected official a citizen may address a question to."""

    __tablename__ = "case_addressees"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    office: Mapped[str] = mapped_column(String(200))  # Presidente da Câmara, Vereador(a)
    portfolio: Mapped[str] = mapped_column(String(300), default="")  # pelouros
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --- cases ----------------------------------------------------------------------------------


class CaseSequence(Base):
    """The last case number given per reference prefix (municipality) and year.

    Incremented in the transaction that files the case: a refused or failed case gives its
    number back with the rollback, so the numbers have no gaps.
    """

    __tablename__ = "case_sequences"

    prefix: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        # The desktop's offline reference (P-<counter>-<n>) is unique per centre.
        Index("uq_cases_centre_provisional", "centre_id", "provisional_reference", unique=True),
        Index("ix_cases_centre_kind_status", "centre_id", "kind", "status"),
        Index("ix_cases_category_status", "category_id", "status"),
        # The retention job looks for the cases whose `retain_until` has passed.
        Index("ix_cases_retain_until", "retain_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centres.id"))
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    provisional_reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    case_type_id: Mapped[int] = mapped_column(ForeignKey("case_types.id"))
    kind: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Free text the citizen dictated: may name people, so never in events, logs or stored answers.
    description: Mapped[str] = mapped_column(Text)
    # Incident reports.
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident_categories.id"), nullable=True
    )
    address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    media_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # Questions to elected officials.
    addressee_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_addressees.id"), nullable=True
    )
    answer_may_be_public: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # Complaints and suggestions.
    concerned_service: Mapped[str | None] = mapped_column(String(200), nullable=True)
    suggestion_scope: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # The visit it was filed in (never kept for ethics reports).
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"), nullable=True)
    attendant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # GDPR: the legal basis and the retention class, copied from the type when filed.
    legal_basis: Mapped[str] = mapped_column(String(32))
    retention_class: Mapped[str] = mapped_column(String(40))
    retention_years: Mapped[int] = mapped_column(Integer)
    retain_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # When the retention job erased its personal data (central/cases/retention.py); the case
    # itself stays, as a count in statistics, with its reference and status history.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # When the attendant wrote it (on the desktop, perhaps offline) and when central got it.
    entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Ethics reports: SHA-256 of the follow-up code given to the reporter; the code is not kept.
    follow_up_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class CaseCitizen(Base):
    """The citizen behind a case: the only table of personal data."""

    __tablename__ = "case_citizens"
    __table_args__ = (
        # The search looks for each word anywhere in the name (`LIKE '%word%'`): on PostgreSQL
        # a GIN index of pg_trgm trigrams serves that (migration 0008); SQLite has a B-tree.
        Index(
            "ix_case_citizens_name_key",
            "name_key",
            postgresql_using="gin",
            postgresql_ops={"name_key": "gin_trgm_ops"},
        ),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Lower case without accents, for searching by name.
    name_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    nif: Mapped[str | None] = mapped_column(String(9), nullable=True, index=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    postal_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    postal_address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="pt")
    contact_by: Mapped[str] = mapped_column(String(16), default="none")


class CaseStatusChange(Base):
    __tablename__ = "case_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # Shown to the citizen (Open311 status_notes, the ethics follow-up): no personal data.
    public_note: Mapped[str | None] = mapped_column(String(1000), nullable=True)


class CaseNote(Base):
    """An internal follow-up note."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)


class CaseReadLog(Base):
    """Who read a case, when, why and how: GDPR accountability for every consultation."""

    __tablename__ = "case_reads"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    purpose: Mapped[str] = mapped_column(String(32))
    access: Mapped[str] = mapped_column(String(16))


class CaseAttachment(Base):
    __tablename__ = "case_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Who added it; not kept for ethics reports (as no visit link is).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class CaseAttachmentContent(Base):
    """The bytes, apart from the metadata so that listing attachments never loads them."""

    __tablename__ = "case_attachment_contents"

    attachment_id: Mapped[int] = mapped_column(ForeignKey("case_attachments.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
