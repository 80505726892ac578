"""Request and answer bodies of the knowledge API (editing, suggestions, delta sync)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from central.knowledge.content import Content, Fee, Variant
from central.knowledge.models import ArticleRevision, Suggestion
from central.knowledge.service import ArticleBrief, ArticleView, SyncPage

Language = Literal["pt-PT", "es", "ca", "en"]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,79}$")]
Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ServiceCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=16)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeeIn(_Strict):
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    amount: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "EUR"
    note: Annotated[str, StringConstraints(max_length=200)] = ""


class VariantIn(_Strict):
    language: Language
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    summary: Annotated[str, StringConstraints(max_length=1000)] = ""
    body_md: Annotated[str, StringConstraints(max_length=50_000)] = ""
    required_documents: Annotated[list[Short], Field(max_length=50)] = []
    fees: Annotated[list[FeeIn], Field(max_length=30)] = []
    deadline: Annotated[str, StringConstraints(max_length=500)] = ""
    legal_basis: Annotated[str, StringConstraints(max_length=1000)] = ""

    def to_variant(self) -> Variant:
        return Variant(
            language=self.language,
            title=self.title,
            summary=self.summary,
            body_md=self.body_md,
            required_documents=tuple(self.required_documents),
            fees=tuple(Fee(f.label, format(f.amount, "f"), f.currency, f.note) for f in self.fees),
            deadline=self.deadline,
            legal_basis=self.legal_basis,
        )


class ArticleContentIn(_Strict):
    """The content of an article: every language variant (pt-PT required), replaced whole."""

    owner: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    review_by: date | None = None
    service_codes: Annotated[list[ServiceCode], Field(max_length=30)] = []
    tags: Annotated[list[Tag], Field(max_length=30)] = []
    variants: Annotated[list[VariantIn], Field(min_length=1, max_length=4)]
    comment: Annotated[str, StringConstraints(max_length=500)] = ""

    @model_validator(mode="after")
    def _languages(self) -> ArticleContentIn:
        languages = [v.language for v in self.variants]
        if len(set(languages)) != len(languages):
            raise PydanticCustomError("knowledge.duplicate_language", "A language is repeated.")
        if "pt-PT" not in languages:
            raise PydanticCustomError("knowledge.pt_pt_required", "Every article has pt-PT.")
        return self

    def to_content(self) -> Content:
        return Content(
            owner=self.owner,
            review_by=self.review_by,
            service_codes=tuple(dict.fromkeys(self.service_codes)),
            tags=tuple(dict.fromkeys(self.tags)),
            variants=tuple(v.to_variant() for v in self.variants),
        )


class ArticleCreate(ArticleContentIn):
    code: Code


class ArticleUpdate(ArticleContentIn):
    pass


class StateChange(_Strict):
    comment: Annotated[str, StringConstraints(max_length=500)] = ""


class FeeRead(BaseModel):
    label: str
    amount: str
    currency: str
    note: str


class VariantRead(BaseModel):
    language: str
    title: str
    summary: str
    body_md: str
    required_documents: list[str]
    fees: list[FeeRead]
    deadline: str
    legal_basis: str


class ArticleSummary(BaseModel):
    id: int
    code: str
    status: str
    version: int
    published_version: int | None
    has_unpublished_changes: bool
    title: str
    owner: str
    review_by: date | None
    service_codes: list[str]
    tags: list[str]
    updated_at: datetime
    pending_suggestions: int

    @classmethod
    def of(cls, brief: ArticleBrief) -> ArticleSummary:
        a = brief.article
        return cls(
            id=a.id,
            code=a.code,
            status=a.status,
            version=a.version,
            published_version=a.published_version,
            has_unpublished_changes=_unpublished(a.status, a.version, a.published_version),
            title=brief.title,
            owner=a.owner,
            review_by=a.review_by,
            service_codes=a.service_codes,
            tags=a.tags,
            updated_at=a.updated_at,
            pending_suggestions=brief.pending_suggestions,
        )


def _unpublished(status: str, version: int, published_version: int | None) -> bool:
    return status != "retired" and version != published_version


class ArticleRead(BaseModel):
    id: int
    code: str
    status: str
    version: int
    published_version: int | None
    has_unpublished_changes: bool
    owner: str
    review_by: date | None
    service_codes: list[str]
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    updated_by: int | None
    variants: list[VariantRead]

    @classmethod
    def of(cls, view: ArticleView) -> ArticleRead:
        a = view.article
        return cls(
            id=a.id,
            code=a.code,
            status=a.status,
            version=a.version,
            published_version=a.published_version,
            has_unpublished_changes=_unpublished(a.status, a.version, a.published_version),
            owner=a.owner,
            review_by=a.review_by,
            service_codes=a.service_codes,
            tags=a.tags,
            created_at=a.created_at,
            updated_at=a.updated_at,
            published_at=a.published_at,
            updated_by=a.updated_by,
            variants=[
                VariantRead(
                    language=v.language,
                    title=v.title,
                    summary=v.summary,
                    body_md=v.body_md,
                    required_documents=v.required_documents,
                    fees=[FeeRead.model_validate(f) for f in v.fees],
                    deadline=v.deadline,
                    legal_basis=v.legal_basis,
                )
                for v in view.variants
            ],
        )


class RevisionRead(BaseModel):
    version: int
    action: str
    status: str
    user_id: int | None
    at: datetime
    comment: str

    @classmethod
    def of(cls, revision: ArticleRevision) -> RevisionRead:
        return cls(
            version=revision.version,
            action=revision.action,
            status=revision.status,
            user_id=revision.user_id,
            at=revision.at,
            comment=revision.comment,
        )


class RevisionDetail(RevisionRead):
    snapshot: dict[str, Any]

    @classmethod
    def detail(cls, revision: ArticleRevision) -> RevisionDetail:
        return cls(**RevisionRead.of(revision).model_dump(), snapshot=revision.snapshot)


# --- suggestions ----------------------------------------------------------------------------


class SuggestionCreate(_Strict):
    language: Language = "pt-PT"
    kind: Literal["correction", "note"]
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class Decision(_Strict):
    reason: Annotated[str, StringConstraints(max_length=1000)] | None = None


class SuggestionRead(BaseModel):
    id: int
    article_id: int
    article_code: str
    article_version: int
    language: str
    kind: str
    text: str
    status: str
    author_id: int
    centre_id: int | None
    created_at: datetime
    reviewer_id: int | None
    decided_at: datetime | None
    reason: str | None

    @classmethod
    def of(cls, suggestion: Suggestion, article_code: str) -> SuggestionRead:
        s = suggestion
        return cls(
            id=s.id,
            article_id=s.article_id,
            article_code=article_code,
            article_version=s.article_version,
            language=s.language,
            kind=s.kind,
            text=s.text,
            status=s.status,
            author_id=s.author_id,
            centre_id=s.centre_id,
            created_at=s.created_at,
            reviewer_id=s.reviewer_id,
            decided_at=s.decided_at,
            reason=s.reason,
        )


# --- delta sync -----------------------------------------------------------------------------


class SyncedArticleRead(BaseModel):
    """An article as the counters cache it: the published version's content."""

    id: int
    code: str
    version: int
    published_at: datetime | None
    owner: str
    review_by: date | None
    service_codes: list[str]
    tags: list[str]
    variants: list[VariantRead]


class TombstoneRead(BaseModel):
    id: int
    code: str


class SyncRead(BaseModel):
    articles: list[SyncedArticleRead]
    tombstones: list[TombstoneRead]
    next_cursor: str
    has_more: bool

    @staticmethod
    def body(page: SyncPage) -> dict[str, Any]:
        """The answer as plain JSON data: snapshots are already JSON, so a page of a thousand
        articles is not taken apart and rebuilt as models (the first sync is 20,000 of them)."""
        return {
            "articles": [
                {
                    "id": a.id,
                    "code": a.code,
                    "version": a.snapshot["version"],
                    "published_at": a.published_at.isoformat() if a.published_at else None,
                    "owner": a.snapshot["owner"],
                    "review_by": a.snapshot["review_by"],
                    "service_codes": a.snapshot["service_codes"],
                    "tags": a.snapshot["tags"],
                    "variants": a.snapshot["variants"],
                }
                for a in page.articles
            ],
            "tombstones": [{"id": t.id, "code": t.code} for t in page.tombstones],
            "next_cursor": page.next_cursor,
            "has_more": page.has_more,
        }


# --- articles used in a visit ---------------------------------------------------------------


class VisitUseCreate(_Strict):
    article_id: int
    article_version: int = Field(ge=1)  # the version the attendant read


class VisitUseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    ticket_id: int
    article_id: int
    article_version: int
    user_id: int
    at: datetime
