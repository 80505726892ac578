"""The knowledge base as an editor sees it on central: every article with its status (draft,
published, retired) and working version, and the suggestions sent from the counters.

The counters' cached copy is `desktop.domain.knowledge`; the variants are the same shape, so
they are reused from there. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.knowledge import DEFAULT_LANGUAGE, ArticleVariant
from desktop.domain.values import parse_time

DRAFT = "draft"
PUBLISHED = "published"
RETIRED = "retired"


def _date(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


@dataclass(frozen=True)
class ArticleBrief:
    """One row of the editor's list (`GET /knowledge/articles`)."""

    id: int
    code: str
    status: str
    version: int
    title: str
    has_unpublished_changes: bool = False
    pending_suggestions: int = 0
    review_by: date | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArticleBrief:
        return cls(
            id=int(data["id"]),
            code=str(data["code"]),
            status=str(data["status"]),
            version=int(data["version"]),
            title=str(data["title"]),
            has_unpublished_changes=bool(data.get("has_unpublished_changes")),
            pending_suggestions=int(data.get("pending_suggestions") or 0),
            review_by=_date(data.get("review_by")),
        )


@dataclass(frozen=True)
class EditableArticle:
    """An article's working version (`ArticleRead`): what the editor form loads and saves."""

    id: int
    code: str
    status: str
    version: int
    owner: str
    variants: tuple[ArticleVariant, ...]
    published_version: int | None = None
    has_unpublished_changes: bool = False
    review_by: date | None = None
    service_codes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EditableArticle:
        published = data.get("published_version")
        return cls(
            id=int(data["id"]),
            code=str(data["code"]),
            status=str(data["status"]),
            version=int(data["version"]),
            owner=str(data.get("owner") or ""),
            variants=tuple(ArticleVariant.from_json(v) for v in data["variants"]),
            published_version=int(published) if published is not None else None,
            has_unpublished_changes=bool(data.get("has_unpublished_changes")),
            review_by=_date(data.get("review_by")),
            service_codes=tuple(str(s) for s in data.get("service_codes") or ()),
            tags=tuple(str(t) for t in data.get("tags") or ()),
        )

    def variant(self, language: str = DEFAULT_LANGUAGE) -> ArticleVariant | None:
        return next((v for v in self.variants if v.language == language), None)

    def content_json(self, comment: str = "") -> dict[str, Any]:
        """The body of `PUT /knowledge/articles/{id}` (`ArticleUpdate`): the whole content."""
        return {
            "owner": self.owner,
            "review_by": self.review_by.isoformat() if self.review_by else None,
            "service_codes": list(self.service_codes),
            "tags": list(self.tags),
            "variants": [v.to_json() for v in self.variants],
            "comment": comment,
        }


@dataclass(frozen=True)
class Suggestion:
    """A correction or a note sent from a counter, waiting in the editors' review queue."""

    id: int
    article_id: int
    article_code: str
    article_version: int
    kind: str  # correction | note
    text: str
    status: str  # pending | accepted | rejected
    language: str = DEFAULT_LANGUAGE
    created_at: datetime | None = None
    reason: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Suggestion:
        created = data.get("created_at")
        return cls(
            id=int(data["id"]),
            article_id=int(data["article_id"]),
            article_code=str(data["article_code"]),
            article_version=int(data["article_version"]),
            kind=str(data["kind"]),
            text=str(data["text"]),
            status=str(data["status"]),
            language=str(data.get("language") or DEFAULT_LANGUAGE),
            created_at=parse_time(created) if created else None,
            reason=data.get("reason"),
        )
