"""Procedure knowledge as the desktop holds it: articles cached from central's delta sync
(`GET /sync/knowledge`), and what a search of the local cache returns.

An article has one variant per language (pt-PT first; es, ca, en). The counter shows the
variant of the attendant's language, falling back to pt-PT. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.domain.values import parse_time, require_time

DEFAULT_LANGUAGE = "pt-PT"


@dataclass(frozen=True)
class Fee:
    label: str
    amount: str  # a decimal as central sent it ("12.50"): never a float
    currency: str = "EUR"
    note: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fee:
        return cls(
            label=str(data["label"]),
            amount=str(data["amount"]),
            currency=str(data.get("currency") or "EUR"),
            note=str(data.get("note") or ""),
        )

    def to_json(self) -> dict[str, str]:
        return {
            "label": self.label,
            "amount": self.amount,
            "currency": self.currency,
            "note": self.note,
        }


@dataclass(frozen=True)
class ArticleVariant:
    language: str
    title: str
    summary: str = ""
    body_md: str = ""
    required_documents: tuple[str, ...] = ()
    fees: tuple[Fee, ...] = ()
    deadline: str = ""
    legal_basis: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArticleVariant:
        return cls(
            language=str(data["language"]),
            title=str(data["title"]),
            summary=str(data.get("summary") or ""),
            body_md=str(data.get("body_md") or ""),
            required_documents=tuple(str(d) for d in data.get("required_documents") or ()),
            fees=tuple(Fee.from_json(f) for f in data.get("fees") or ()),
            deadline=str(data.get("deadline") or ""),
            legal_basis=str(data.get("legal_basis") or ""),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "title": self.title,
            "summary": self.summary,
            "body_md": self.body_md,
            "required_documents": list(self.required_documents),
            "fees": [f.to_json() for f in self.fees],
            "deadline": self.deadline,
            "legal_basis": self.legal_basis,
        }


@dataclass(frozen=True)
class Article:
    """A published article as synced to the counters (central's `SyncedArticleRead`)."""

    id: int
    code: str
    version: int
    variants: tuple[ArticleVariant, ...]
    owner: str = ""
    published_at: datetime | None = None
    review_by: date | None = None
    service_codes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Article:
        variants = tuple(ArticleVariant.from_json(v) for v in data["variants"])
        if not variants:
            raise ValueError("an article without variants")
        published = data.get("published_at")
        review_by = data.get("review_by")
        return cls(
            id=int(data["id"]),
            code=str(data["code"]),
            version=int(data["version"]),
            variants=variants,
            owner=str(data.get("owner") or ""),
            published_at=parse_time(published) if published else None,
            review_by=date.fromisoformat(review_by) if review_by else None,
            service_codes=tuple(str(s) for s in data.get("service_codes") or ()),
            tags=tuple(str(t) for t in data.get("tags") or ()),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "version": self.version,
            "owner": self.owner,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "review_by": self.review_by.isoformat() if self.review_by else None,
            "service_codes": list(self.service_codes),
            "tags": list(self.tags),
            "variants": [v.to_json() for v in self.variants],
        }

    def variant(self, language: str = DEFAULT_LANGUAGE) -> ArticleVariant:
        """The variant in `language` (exact, then same base language), else pt-PT, else the
        first one."""
        base = language.split("-")[0].lower()
        checks: tuple[Callable[[ArticleVariant], bool], ...] = (
            lambda v: v.language == language,
            lambda v: v.language.split("-")[0].lower() == base,
            lambda v: v.language == DEFAULT_LANGUAGE,
        )
        for wanted in checks:
            for v in self.variants:
                if wanted(v):
                    return v
        return self.variants[0]

    @property
    def title(self) -> str:
        return self.variant().title


@dataclass(frozen=True)
class SearchHit:
    """One result of a search of the local cache, best first.

    `title_html` and `snippet_html` are escaped HTML where the matched words are wrapped in
    `<b>…</b>`: safe to show in a rich-text label or delegate as they are."""

    article_id: int
    code: str
    title: str
    title_html: str
    snippet_html: str
    score: float
    service_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TombstoneRef:
    id: int
    code: str


@dataclass(frozen=True)
class SyncPage:
    """One page of `GET /sync/knowledge`."""

    articles: tuple[Article, ...]
    tombstones: tuple[TombstoneRef, ...]
    next_cursor: str
    has_more: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SyncPage:
        return cls(
            articles=tuple(Article.from_json(a) for a in data["articles"]),
            tombstones=tuple(
                TombstoneRef(id=int(t["id"]), code=str(t["code"])) for t in data["tombstones"]
            ),
            next_cursor=str(data["next_cursor"]),
            has_more=bool(data["has_more"]),
        )


@dataclass(frozen=True)
class CacheState:
    """What the knowledge panel says about the local cache."""

    articles: int = 0
    cursor: str | None = None
    last_synced_at: datetime | None = None  # the last sync that reached central's head
    syncing: bool = False
    received: int = 0  # articles and tombstones received by the sync running now
    errors: tuple[str, ...] = field(default=())


CURSOR_EXPIRED = "sync.cursor_expired"  # 410 of `GET /sync/knowledge`: start over
SUGGESTION_KINDS = ("correction", "note")


@dataclass(frozen=True)
class SuggestionReceipt:
    """Central's record of a suggestion sent from a counter (pending an editor's review)."""

    id: int
    article_id: int
    article_version: int
    kind: str
    status: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SuggestionReceipt:
        return cls(
            id=int(data["id"]),
            article_id=int(data["article_id"]),
            article_version=int(data["article_version"]),
            kind=str(data["kind"]),
            status=str(data["status"]),
        )


@dataclass(frozen=True)
class KnowledgeUse:
    """An article recorded as used in a visit (`POST /tickets/{id}/knowledge-uses`): once per
    ticket and article, at the version first read."""

    ticket_id: int
    article_id: int
    article_version: int
    user_id: int
    at: datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KnowledgeUse:
        return cls(
            ticket_id=int(data["ticket_id"]),
            article_id=int(data["article_id"]),
            article_version=int(data["article_version"]),
            user_id=int(data["user_id"]),
            at=require_time(data["at"]),
        )
