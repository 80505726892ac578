"""Tables of the knowledge base: articles, their language variants, immutable revisions, the
compacted change log that delta sync reads, its counter, and suggestions from the counters.

Articles are the municipality's, shared by every centre: no `centre_id`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from central.db import Base, UTCDateTime


class Article(Base):
    """An article; its working content is in `article_variants`, at `version`.

    `published_version` names the revision the counters get (None until first published); edits
    after publishing make new versions that the counters only see when published again.
    """

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # draft, published, retired
    version: Mapped[int] = mapped_column(Integer)
    published_version: Mapped[int | None] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200))
    review_by: Mapped[date | None] = mapped_column(Date)
    service_codes: Mapped[list[str]] = mapped_column(JSON)
    tags: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ArticleVariant(Base):
    """The article in one language (pt-PT first; es, ca, en), at the article's working version."""

    __tablename__ = "article_variants"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    body_md: Mapped[str] = mapped_column(Text)
    # ["Cartão de Cidadão", ...]
    required_documents: Mapped[list[str]] = mapped_column(JSON)
    # [{"label": ..., "amount": "12.50", "currency": "EUR", "note": "valor de exemplo"}]
    fees: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    deadline: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)


class ArticleRevision(Base):
    """One version of an article as it was: a snapshot of everything, never changed."""

    __tablename__ = "article_revisions"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(16))  # created, edited, published, retired
    status: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    comment: Mapped[str] = mapped_column(String(500))


class KnowledgeCounter(Base):
    """The last knowledge change number (one row). Like `change_counter`, incremented as the
    last thing a transaction does (on PostgreSQL inside COMMIT, by the deferred trigger of
    migration 0006), so change numbers become visible in order."""

    __tablename__ = "knowledge_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    # Random, made when the table is created: a cursor from another database (re-created,
    # re-seeded) carries another epoch and is refused, where its number alone might look valid.
    epoch: Mapped[str] = mapped_column(String(32))


class KnowledgeChange(Base):
    """The latest change of what the counters see of one article (published or gone).

    One row per article: a new change replaces the row, so the log never grows past the number
    of articles and a cursor never falls off its end. `seq` is NULL only inside the writing
    transaction, before COMMIT.
    """

    __tablename__ = "knowledge_changes"
    __table_args__ = (Index("uq_knowledge_changes_seq", "seq", unique=True),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[int | None] = mapped_column(BigInteger)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Suggestion(Base):
    """A correction or a note proposed at a counter, for the editors' review queue."""

    __tablename__ = "article_suggestions"
    __table_args__ = (Index("ix_article_suggestions_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    article_version: Mapped[int] = mapped_column(Integer)  # the version the author read
    language: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))  # correction, note
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # pending, accepted, rejected
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("centres.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(Text)


class VisitArticleUse(Base):
    """An article the attendant used while serving a ticket: "the articles used are recorded on
    the visit". One row per ticket and article; `article_version` is the version first used,
    so the answer given can be traced to the text as it was."""

    __tablename__ = "visit_article_uses"
    __table_args__ = (
        Index("uq_visit_article_uses_ticket_article", "ticket_id", "article_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    article_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
