"""Knowledge base use cases: editing with versions and revisions, publishing and retiring, the
delta sync that the counters' caches pull, and suggestions from the counters.

Every change of what the counters see (publish, retire) replaces the article's row in
`knowledge_changes`; that row is numbered at COMMIT from `knowledge_counter` (PostgreSQL: the
deferred trigger of migration 0006; SQLite: here, inside the writer's BEGIN IMMEDIATE), so a
reader that has seen change N has seen every change below N.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.errors import Conflict, DomainError, NotFound, PreconditionFailed
from central.knowledge.content import (
    FIRST_LANGUAGE,
    Content,
    Status,
    SuggestionStatus,
    Variant,
    fee_of,
)
from central.knowledge.models import (
    Article,
    ArticleRevision,
    ArticleVariant,
    KnowledgeChange,
    KnowledgeCounter,
    Suggestion,
)

CURSOR_FORMAT = "k1"


class CursorExpired(DomainError):
    status_code = 410


class VersionMismatch(PreconditionFailed):
    def __init__(self, article: Article, your_version: int) -> None:
        super().__init__(
            "knowledge.version_mismatch",
            "The article was changed by someone else since you read it.",
            details={
                "article_id": article.id,
                "your_version": your_version,
                "current_version": article.version,
            },
        )
        self.article_id = article.id


@dataclass(frozen=True)
class ArticleView:
    article: Article
    variants: tuple[ArticleVariant, ...]


# --- reading (editors) ----------------------------------------------------------------------


def _article(session: Session, article_id: int, *, lock: bool = False) -> Article:
    query = select(Article).where(Article.id == article_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    article = session.execute(query).scalar_one_or_none()
    if article is None:
        raise NotFound("knowledge.article_not_found", "No such article.")
    return article


def _variants(session: Session, article_id: int) -> tuple[ArticleVariant, ...]:
    rows = session.execute(
        select(ArticleVariant).where(ArticleVariant.article_id == article_id)
    ).scalars()
    order = {"pt-PT": 0, "es": 1, "ca": 2, "en": 3}
    return tuple(sorted(rows, key=lambda v: order.get(v.language, 9)))


def read_article(session: Session, article_id: int) -> ArticleView:
    article = _article(session, article_id)
    return ArticleView(article, _variants(session, article_id))


@dataclass(frozen=True)
class ArticleBrief:
    article: Article
    title: str
    pending_suggestions: int


def list_articles(
    session: Session,
    *,
    text: str | None,
    status: str | None,
    tag: str | None,
    service_code: str | None,
    review_before: date | None,
    limit: int,
    offset: int,
) -> list[ArticleBrief]:
    """Articles for the editors, by code; `text` matches the code, the title or the summary
    of any language (case-insensitive), `tag` and `service_code` one of the article's."""
    title = (
        select(ArticleVariant.title)
        .where(ArticleVariant.article_id == Article.id, ArticleVariant.language == FIRST_LANGUAGE)
        .scalar_subquery()
    )
    pending = (
        select(func.count())
        .select_from(Suggestion)
        .where(Suggestion.article_id == Article.id, Suggestion.status == SuggestionStatus.PENDING)
        .scalar_subquery()
    )
    query: Select[Any] = select(Article, title, pending).order_by(Article.code)
    if status:
        query = query.where(Article.status == status)
    if review_before:
        query = query.where(Article.review_by <= review_before)
    if text:
        needle = f"%{text.lower()}%"
        matching = select(ArticleVariant.article_id).where(
            or_(
                func.lower(ArticleVariant.title).like(needle),
                func.lower(ArticleVariant.summary).like(needle),
            )
        )
        query = query.where(or_(func.lower(Article.code).like(needle), Article.id.in_(matching)))
    rows = session.execute(query).all() if (tag or service_code) else None
    if rows is None:
        rows = session.execute(query.limit(limit).offset(offset)).all()
        return [ArticleBrief(a, t or "", int(p)) for a, t, p in rows]
    # JSON lists are filtered here: the same on SQLite and PostgreSQL, and editors' lists are
    # small (the municipality's articles, hundreds).
    kept = [
        ArticleBrief(a, t or "", int(p))
        for a, t, p in rows
        if (not tag or tag in a.tags) and (not service_code or service_code in a.service_codes)
    ]
    return kept[offset : offset + limit]


def revisions(session: Session, article_id: int) -> Sequence[ArticleRevision]:
    _article(session, article_id)
    return (
        session.execute(
            select(ArticleRevision)
            .where(ArticleRevision.article_id == article_id)
            .order_by(ArticleRevision.version.desc())
        )
        .scalars()
        .all()
    )


def revision(session: Session, article_id: int, version: int) -> ArticleRevision:
    found = session.get(ArticleRevision, (article_id, version))
    if found is None:
        raise NotFound("knowledge.revision_not_found", "No such version of this article.")
    return found


# --- writing (editors) ----------------------------------------------------------------------


def _snapshot(article: Article, content: Content) -> dict[str, Any]:
    return {"code": article.code, "status": article.status, "version": article.version,
            **content.as_json()}  # fmt: skip


def _content_of(article: Article, variants: Sequence[ArticleVariant]) -> Content:
    return Content(
        owner=article.owner,
        review_by=article.review_by,
        service_codes=tuple(article.service_codes),
        tags=tuple(article.tags),
        variants=tuple(
            Variant(
                language=v.language,
                title=v.title,
                summary=v.summary,
                body_md=v.body_md,
                required_documents=tuple(v.required_documents),
                fees=tuple(fee_of(f) for f in v.fees),
                deadline=v.deadline,
                legal_basis=v.legal_basis,
            )
            for v in variants
        ),
    )


def _write_content(session: Session, article: Article, content: Content) -> None:
    article.owner = content.owner
    article.review_by = content.review_by
    article.service_codes = list(content.service_codes)
    article.tags = list(content.tags)
    session.execute(delete(ArticleVariant).where(ArticleVariant.article_id == article.id))
    for variant in content.variants:
        data = variant.as_json()
        session.add(ArticleVariant(article_id=article.id, **data))


def _revise(
    session: Session,
    article: Article,
    content: Content,
    action: str,
    actor: Actor,
    comment: str,
    now: datetime,
) -> None:
    article.updated_at = now
    article.updated_by = actor.user_id
    session.add(
        ArticleRevision(
            article_id=article.id,
            version=article.version,
            action=action,
            status=article.status,
            snapshot=_snapshot(article, content),
            user_id=actor.user_id,
            at=now,
            comment=comment,
        )
    )


def create_article(
    session: Session, actor: Actor, code: str, content: Content, comment: str, now: datetime
) -> ArticleView:
    """A new article, as a draft at version 1."""
    if session.execute(select(Article.id).where(Article.code == code)).first() is not None:
        raise Conflict("knowledge.code_taken", "Another article has this code.",
                       details={"code": code})  # fmt: skip
    article = Article(
        code=code,
        status=Status.DRAFT,
        version=1,
        published_version=None,
        owner=content.owner,
        review_by=content.review_by,
        service_codes=list(content.service_codes),
        tags=list(content.tags),
        created_at=now,
        updated_at=now,
        published_at=None,
        updated_by=actor.user_id,
    )
    session.add(article)
    session.flush()
    _write_content(session, article, content)
    _revise(session, article, content, "created", actor, comment, now)
    session.flush()
    return ArticleView(article, _variants(session, article.id))


def _lock_for_change(session: Session, article_id: int, if_match: int) -> Article:
    article = _article(session, article_id, lock=True)
    if article.version != if_match:
        raise VersionMismatch(article, if_match)
    return article


def update_article(
    session: Session,
    actor: Actor,
    article_id: int,
    if_match: int,
    content: Content,
    comment: str,
    now: datetime,
) -> ArticleView:
    """A new version of the content. A published article stays published at the version the
    counters have, until an editor publishes again."""
    article = _lock_for_change(session, article_id, if_match)
    article.version += 1
    _write_content(session, article, content)
    _revise(session, article, content, "edited", actor, comment, now)
    session.flush()
    return ArticleView(article, _variants(session, article.id))


def publish(
    session: Session, actor: Actor, article_id: int, if_match: int, comment: str, now: datetime
) -> ArticleView:
    """Send the current version to the counters (also brings a retired article back)."""
    article = _lock_for_change(session, article_id, if_match)
    if article.status == Status.PUBLISHED and article.published_version == article.version:
        raise Conflict("knowledge.already_published", "This version is already published.")
    variants = _variants(session, article.id)
    article.version += 1
    article.status = Status.PUBLISHED
    article.published_version = article.version
    article.published_at = now
    _revise(session, article, _content_of(article, variants), "published", actor, comment, now)
    record_change(session, article.id, now)
    session.flush()
    return ArticleView(article, variants)


def retire(
    session: Session, actor: Actor, article_id: int, if_match: int, comment: str, now: datetime
) -> ArticleView:
    """Take the article off the counters: their caches get a tombstone. Kept, with its
    history, and may be published again."""
    article = _lock_for_change(session, article_id, if_match)
    if article.status == Status.RETIRED:
        raise Conflict("knowledge.already_retired", "The article is already retired.")
    variants = _variants(session, article.id)
    article.version += 1
    article.status = Status.RETIRED
    _revise(session, article, _content_of(article, variants), "retired", actor, comment, now)
    record_change(session, article.id, now)
    session.flush()
    return ArticleView(article, variants)


# --- the change log and delta sync ----------------------------------------------------------


def record_change(session: Session, article_id: int, now: datetime) -> None:
    """Make the article's row in the change log the newest (numbered at COMMIT)."""
    session.flush()
    existing = session.execute(
        select(KnowledgeChange).where(KnowledgeChange.article_id == article_id)
    ).scalar_one_or_none()
    if existing is not None:
        if existing.seq is None:  # already changed in this transaction, not yet numbered
            existing.at = now
            return
        session.delete(existing)
        session.flush()  # the unit of work would insert before deleting
    seq: int | None = None
    if session.get_bind().dialect.name != "postgresql":
        # SQLite: this writer holds the database lock (BEGIN IMMEDIATE) until it commits.
        seq = int(
            session.execute(
                update(KnowledgeCounter)
                .where(KnowledgeCounter.id == 1)
                .values(value=KnowledgeCounter.value + 1)
                .returning(KnowledgeCounter.value)
            ).scalar_one()
        )
    session.add(KnowledgeChange(article_id=article_id, seq=seq, at=now))


def encode_cursor(epoch: str, seq: int) -> str:
    raw = f"{CURSOR_FORMAT}:{epoch}:{seq}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _expired(reason: str) -> CursorExpired:
    return CursorExpired(
        "sync.cursor_expired",
        "This cursor cannot be continued: drop the cache and sync from the start.",
        details={"reason": reason},
    )


def decode_cursor(cursor: str, epoch: str, last: int) -> int:
    """The change number a cursor stands for; 410 if it is not one of this database's."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        fmt, its_epoch, number = base64.urlsafe_b64decode(padded).decode().split(":")
        seq = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise _expired("malformed") from None
    if fmt != CURSOR_FORMAT or its_epoch != epoch:
        raise _expired("other_epoch")
    if seq < 0 or seq > last:
        raise _expired("ahead")  # the database was restored from an older backup
    return seq


@dataclass(frozen=True)
class SyncedArticle:
    id: int
    code: str
    published_at: datetime | None
    snapshot: dict[str, Any]


@dataclass(frozen=True)
class Tombstone:
    id: int
    code: str


@dataclass(frozen=True)
class SyncPage:
    articles: list[SyncedArticle]
    tombstones: list[Tombstone]
    next_cursor: str
    has_more: bool


def sync_page(session: Session, cursor: str | None, limit: int) -> SyncPage:
    """The articles whose published state changed after `cursor`, in change order: published
    ones with the published version's content, the others (retired) as tombstones."""
    epoch, last = session.execute(
        select(KnowledgeCounter.epoch, KnowledgeCounter.value).where(KnowledgeCounter.id == 1)
    ).one()
    since = decode_cursor(cursor, epoch, last) if cursor else 0
    rows = session.execute(
        select(
            KnowledgeChange.seq,
            Article.id,
            Article.code,
            Article.status,
            Article.published_at,
            ArticleRevision.snapshot,
        )
        .join(Article, Article.id == KnowledgeChange.article_id)
        .outerjoin(
            ArticleRevision,
            and_(
                ArticleRevision.article_id == Article.id,
                ArticleRevision.version == Article.published_version,
            ),
        )
        .where(KnowledgeChange.seq > since)
        .order_by(KnowledgeChange.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    articles: list[SyncedArticle] = []
    tombstones: list[Tombstone] = []
    for _seq, article_id, code, status, published_at, snapshot in rows:
        if status == Status.PUBLISHED and snapshot is not None:
            articles.append(SyncedArticle(article_id, code, published_at, snapshot))
        else:
            tombstones.append(Tombstone(article_id, code))
    next_seq = int(rows[-1][0]) if rows else since
    return SyncPage(articles, tombstones, encode_cursor(epoch, next_seq), has_more)


# --- suggestions ----------------------------------------------------------------------------


def suggest(
    session: Session,
    actor: Actor,
    article_id: int,
    *,
    language: str,
    kind: str,
    text: str,
    now: datetime,
) -> Suggestion:
    """A correction or a note from a counter on an article the counters have."""
    article = _article(session, article_id)
    if article.status != Status.PUBLISHED or article.published_version is None:
        raise Conflict(
            "knowledge.article_not_published",
            "Only published articles take suggestions.",
            details={"status": article.status},
        )
    suggestion = Suggestion(
        article_id=article.id,
        article_version=article.published_version,
        language=language,
        kind=kind,
        text=text,
        status=SuggestionStatus.PENDING,
        author_id=actor.user_id,
        centre_id=actor.centre_id,
        created_at=now,
        reviewer_id=None,
        decided_at=None,
        reason=None,
    )
    session.add(suggestion)
    session.flush()
    return suggestion


def suggestions(
    session: Session, *, status: str | None, article_id: int | None, limit: int, offset: int
) -> list[tuple[Suggestion, str]]:
    """The review queue: oldest first, each with its article's code."""
    query = (
        select(Suggestion, Article.code)
        .join(Article, Article.id == Suggestion.article_id)
        .order_by(Suggestion.id)
        .limit(limit)
        .offset(offset)
    )
    if status:
        query = query.where(Suggestion.status == status)
    if article_id is not None:
        query = query.where(Suggestion.article_id == article_id)
    return [(s, code) for s, code in session.execute(query).all()]


def decide(
    session: Session,
    actor: Actor,
    suggestion_id: int,
    *,
    accept: bool,
    reason: str | None,
    now: datetime,
) -> tuple[Suggestion, str]:
    """Accept or reject a pending suggestion. Accepting records the decision; the editor makes
    the change itself as an edit (a new version), since a suggestion is prose, not a patch."""
    found = session.execute(
        select(Suggestion)
        .where(Suggestion.id == suggestion_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("knowledge.suggestion_not_found", "No such suggestion.")
    if found.status != SuggestionStatus.PENDING:
        raise Conflict(
            "knowledge.suggestion_decided",
            "This suggestion was already decided.",
            details={"status": found.status},
        )
    found.status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.REJECTED
    found.reviewer_id = actor.user_id
    found.decided_at = now
    found.reason = reason
    session.flush()
    code = session.execute(select(Article.code).where(Article.id == found.article_id)).scalar_one()
    return found, code
