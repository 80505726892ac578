"""The desktop's tables, mapped for SQLAlchemy 2. Repos turn rows into domain objects: nothing
above the store ever sees these classes.

The tables are created by `store_migrations` (explicit, versioned DDL); these mappings must
match the newest version, which `tests/unit/test_case_store.py` checks.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# One fixed width, so that text order is time order (outbox "oldest first", due times).
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


class UtcTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC ISO-8601 text of a fixed width."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the store keeps aware datetimes only")
        return value.astimezone(UTC).strftime(_TIME_FORMAT)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def time_text(value: datetime) -> str:
    """The stored form of a time, for comparisons written in SQL."""
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    local_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20))
    centre_id: Mapped[int | None] = mapped_column(Integer)
    provisional_reference: Mapped[str | None] = mapped_column(String(40), unique=True)
    final_reference: Mapped[str | None] = mapped_column(String(40))
    # Personal data and free text: JSON, deleted (NULL) once the case is synced.
    fields_json: Mapped[str | None] = mapped_column(Text)
    citizen_json: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    service_id: Mapped[int | None] = mapped_column(Integer)
    counter_id: Mapped[int | None] = mapped_column(Integer)
    attendant_id: Mapped[int | None] = mapped_column(Integer)
    rejection_code: Mapped[str | None] = mapped_column(String(80))
    rejection_message: Mapped[str | None] = mapped_column(Text)
    rejection_fields_json: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcTime())
    updated_at: Mapped[datetime] = mapped_column(UtcTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UtcTime())
    synced_at: Mapped[datetime | None] = mapped_column(UtcTime())
    version: Mapped[int] = mapped_column(Integer)


class OutboxRow(Base):
    """A command waiting for central. `id` is its Idempotency-Key, kept across retries and
    restarts, so central files it once whatever happens to the answers."""

    __tablename__ = "outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_local_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.local_id", ondelete="CASCADE")
    )
    command: Mapped[str] = mapped_column(String(40))
    centre_id: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcTime())
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcTime())
    last_error: Mapped[str | None] = mapped_column(String(80))


class ReferenceCacheRow(Base):
    """One collection of central's reference data (`case_types`, ...) as its JSON list."""

    __tablename__ = "reference_cache"

    collection: Mapped[str] = mapped_column(String(40), primary_key=True)
    data_json: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UtcTime())


class SequenceRow(Base):
    """Local counters, e.g. the `n` of the provisional references of one counter."""

    __tablename__ = "local_sequences"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class AttachmentRow(Base):
    """A file of a case waiting for central (its `case.add_attachment` outbox row names it by
    `id`). Deleted once central has it; `secure_delete` overwrites the bytes in the file."""

    __tablename__ = "case_attachments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_local_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.local_id", ondelete="CASCADE")
    )
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcTime())


class KnowledgeArticleRow(Base):
    """A published article as central synced it (`data_json`: the whole article); its words
    are in the FTS5 table `knowledge_fts`, which the repo writes in SQL (not mapped)."""

    __tablename__ = "knowledge_articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer)
    service_codes_json: Mapped[str] = mapped_column(Text)
    data_json: Mapped[str] = mapped_column(Text)


class KnowledgeSyncRow(Base):
    """The one row of the knowledge sync: the cursor to continue from and the time a sync last
    reached central's head."""

    __tablename__ = "knowledge_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    cursor: Mapped[str | None] = mapped_column(Text)
    last_synced_at: Mapped[datetime | None] = mapped_column(UtcTime())


class AgendaCacheRow(Base):
    """A day's agenda of a centre (central's JSON, no personal data) and when it was fetched."""

    __tablename__ = "appointment_agenda"

    centre_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    data_json: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UtcTime())
