"""Knowledge routes: editors write articles (versions, revisions, publish, retire) and review
suggestions; the counters pull published articles by delta sync and send suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from central.auth.actor import Actor
from central.auth.roles import (
    CENTRE_STAFF,
    KNOWLEDGE_EDITORS,
    KNOWLEDGE_READERS,
    STAFF_AT_COUNTER,
)
from central.context import AppContext
from central.deps import Answered, Command, Context, ReadSession, command, require
from central.errors import version_from_if_match
from central.knowledge import service, visit_uses
from central.knowledge.schemas import (
    ArticleCreate,
    ArticleRead,
    ArticleSummary,
    ArticleUpdate,
    Decision,
    RevisionDetail,
    RevisionRead,
    StateChange,
    SuggestionCreate,
    SuggestionRead,
    SyncRead,
    VisitUseCreate,
    VisitUseRead,
)

router = APIRouter(tags=["knowledge"])

Editor = Annotated[Actor, Depends(require(KNOWLEDGE_EDITORS))]
EditorCommand = Annotated[Command, Depends(command(KNOWLEDGE_EDITORS))]
Reader = Annotated[Actor, Depends(require(KNOWLEDGE_READERS))]
Suggester = Annotated[Command, Depends(command(CENTRE_STAFF))]
AtCounter = Annotated[Command, Depends(command(STAFF_AT_COUNTER))]
Staff = Annotated[Actor, Depends(require(CENTRE_STAFF))]
IfMatch = Annotated[str | None, Header(description='The version read: `"3"` (ETag) or `3`.')]

_ARTICLE_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "knowledge.article_not_found"},
}
_EDIT_ERRORS: dict[int | str, dict[str, str]] = {
    **_ARTICLE_ERRORS,
    412: {"description": "knowledge.version_mismatch (details.current = the article now)"},
    428: {"description": "knowledge.if_match_required"},
    422: {"description": "knowledge.if_match_invalid, validation.failed"},
}


def _version(if_match: str | None) -> int:
    return version_from_if_match(if_match, domain="knowledge", thing="article")


def _showing_conflict(ctx: AppContext, run: Callable[[], Response]) -> Response:
    """Run an edit; on a version mismatch, put the article as it is now in the 412's details."""
    try:
        return run()
    except service.VersionMismatch as exc:
        with ctx.db.reading() as session:
            view = service.read_article(session, exc.article_id)
            exc.details["current"] = jsonable_encoder(ArticleRead.of(view))
        raise


# --- editors: articles ----------------------------------------------------------------------


@router.get("/knowledge/articles", response_model=list[ArticleSummary])
def list_articles(
    session: ReadSession,
    actor: Editor,
    q: str | None = Query(default=None, max_length=100, description="code, title or summary"),
    status: str | None = Query(default=None, pattern="^(draft|published|retired)$"),
    tag: str | None = Query(default=None, max_length=60),
    service_code: str | None = Query(default=None, max_length=16),
    review_before: Annotated[date | None, Query()] = None,
    limit: int = Query(default=100, ge=1, le=500),
    offset: int = Query(default=0, ge=0),
) -> list[ArticleSummary]:
    found = service.list_articles(
        session,
        text=q,
        status=status,
        tag=tag,
        service_code=service_code,
        review_before=review_before,
        limit=limit,
        offset=offset,
    )
    return [ArticleSummary.of(brief) for brief in found]


@router.post(
    "/knowledge/articles",
    response_model=ArticleRead,
    status_code=201,
    responses={409: {"description": "knowledge.code_taken"}},
)
def create_article(body: ArticleCreate, cmd: EditorCommand) -> object:
    content = body.to_content()
    return cmd.run(
        body,
        lambda s, now: ArticleRead.of(
            service.create_article(s, cmd.actor, body.code, content, body.comment, now)
        ),
        status_code=201,
    )


@router.get(
    "/knowledge/articles/{article_id}", response_model=ArticleRead, responses=_ARTICLE_ERRORS
)
def read_article(article_id: int, session: ReadSession, actor: Editor, response: Response) -> Any:
    article = ArticleRead.of(service.read_article(session, article_id))
    response.headers["ETag"] = f'"{article.version}"'
    return article


@router.put("/knowledge/articles/{article_id}", response_model=ArticleRead, responses=_EDIT_ERRORS)
def update_article(
    article_id: int, body: ArticleUpdate, ctx: Context, cmd: EditorCommand, if_match: IfMatch = None
) -> object:
    version = _version(if_match)
    content = body.to_content()

    def action(s: Any, now: Any) -> ArticleRead:
        view = service.update_article(s, cmd.actor, article_id, version, content, body.comment, now)
        return ArticleRead.of(view)

    return _showing_conflict(
        ctx, lambda: cmd.run({"if_match": version, **body.model_dump(mode="json")}, action)
    )


def _state_change(
    change: Callable[..., service.ArticleView],
    article_id: int,
    body: StateChange,
    ctx: AppContext,
    cmd: Command,
    if_match: str | None,
) -> Response:
    version = _version(if_match)

    def action(s: Any, now: Any) -> ArticleRead:
        return ArticleRead.of(change(s, cmd.actor, article_id, version, body.comment, now))

    return _showing_conflict(
        ctx, lambda: cmd.run({"if_match": version, **body.model_dump()}, action)
    )


@router.post(
    "/knowledge/articles/{article_id}/publish",
    response_model=ArticleRead,
    responses={**_EDIT_ERRORS, 409: {"description": "knowledge.already_published"}},
)
def publish_article(
    article_id: int, body: StateChange, ctx: Context, cmd: EditorCommand, if_match: IfMatch = None
) -> object:
    return _state_change(service.publish, article_id, body, ctx, cmd, if_match)


@router.post(
    "/knowledge/articles/{article_id}/retire",
    response_model=ArticleRead,
    responses={**_EDIT_ERRORS, 409: {"description": "knowledge.already_retired"}},
)
def retire_article(
    article_id: int, body: StateChange, ctx: Context, cmd: EditorCommand, if_match: IfMatch = None
) -> object:
    return _state_change(service.retire, article_id, body, ctx, cmd, if_match)


@router.get(
    "/knowledge/articles/{article_id}/revisions",
    response_model=list[RevisionRead],
    responses=_ARTICLE_ERRORS,
)
def list_revisions(article_id: int, session: ReadSession, actor: Editor) -> list[RevisionRead]:
    return [RevisionRead.of(r) for r in service.revisions(session, article_id)]


@router.get(
    "/knowledge/articles/{article_id}/revisions/{version}",
    response_model=RevisionDetail,
    responses={404: {"description": "knowledge.revision_not_found"}},
)
def read_revision(
    article_id: int, version: int, session: ReadSession, actor: Editor
) -> RevisionDetail:
    return RevisionDetail.detail(service.revision(session, article_id, version))


# --- suggestions ----------------------------------------------------------------------------


@router.post(
    "/knowledge/articles/{article_id}/suggestions",
    response_model=SuggestionRead,
    status_code=201,
    responses={
        **_ARTICLE_ERRORS,
        409: {"description": "knowledge.article_not_published"},
    },
)
def suggest(article_id: int, body: SuggestionCreate, cmd: Suggester) -> object:
    def action(s: Any, now: Any) -> SuggestionRead:
        found = service.suggest(
            s, cmd.actor, article_id, language=body.language, kind=body.kind, text=body.text,
            now=now,
        )  # fmt: skip
        return SuggestionRead.of(found, service.read_article(s, article_id).article.code)

    return cmd.run(body, action, status_code=201)


@router.get("/knowledge/suggestions", response_model=list[SuggestionRead])
def review_queue(
    session: ReadSession,
    actor: Editor,
    status: str | None = Query(default="pending", pattern="^(pending|accepted|rejected)$"),
    article_id: int | None = Query(default=None),
    limit: int = Query(default=100, ge=1, le=500),
    offset: int = Query(default=0, ge=0),
) -> list[SuggestionRead]:
    found = service.suggestions(
        session, status=status, article_id=article_id, limit=limit, offset=offset
    )
    return [SuggestionRead.of(s, code) for s, code in found]


_DECISION_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "knowledge.suggestion_not_found"},
    409: {"description": "knowledge.suggestion_decided"},
}


def _decide(suggestion_id: int, body: Decision, cmd: Command, *, accept: bool) -> Response:
    def action(s: Any, now: Any) -> SuggestionRead:
        found, code = service.decide(
            s, cmd.actor, suggestion_id, accept=accept, reason=body.reason, now=now
        )
        return SuggestionRead.of(found, code)

    return cmd.run(body, action)


@router.post(
    "/knowledge/suggestions/{suggestion_id}/accept",
    response_model=SuggestionRead,
    responses=_DECISION_ERRORS,
)
def accept_suggestion(suggestion_id: int, body: Decision, cmd: EditorCommand) -> object:
    return _decide(suggestion_id, body, cmd, accept=True)


@router.post(
    "/knowledge/suggestions/{suggestion_id}/reject",
    response_model=SuggestionRead,
    responses=_DECISION_ERRORS,
)
def reject_suggestion(suggestion_id: int, body: Decision, cmd: EditorCommand) -> object:
    return _decide(suggestion_id, body, cmd, accept=False)


# --- delta sync -----------------------------------------------------------------------------


@router.get(
    "/sync/knowledge",
    response_model=SyncRead,
    responses={410: {"description": "sync.cursor_expired: drop the cache, sync from the start"}},
)
def sync_knowledge(
    session: ReadSession,
    actor: Reader,
    since: str | None = Query(default=None, max_length=200, description="next_cursor of before"),
    limit: int = Query(default=1000, ge=1, le=5000),
) -> Response:
    page = service.sync_page(session, since, limit)
    return JSONResponse(SyncRead.body(page), headers={"Cache-Control": "no-store"})


# --- articles used in a visit ---------------------------------------------------------------


@router.post(
    "/tickets/{ticket_id}/knowledge-uses",
    response_model=VisitUseRead,
    status_code=201,
    responses={
        200: {"description": "already recorded on this visit: the use as first recorded"},
        403: {"description": "auth.forbidden, auth.wrong_centre, ticket.not_yours"},
        404: {
            "description": "ticket.not_found, knowledge.article_not_found, "
            "knowledge.revision_not_found"
        },
    },
)
def record_knowledge_use(ticket_id: int, body: VisitUseCreate, cmd: AtCounter) -> Response:
    # 201 the first time, 200 when the article was already recorded on this visit (another
    # key, another click, a request racing this one); a replay of the same key answers as the
    # first time did.
    def action(s: Any, now: Any) -> Answered:
        recorded = visit_uses.record(
            s, cmd.actor, ticket_id, body.article_id, body.article_version, now
        )
        return Answered(VisitUseRead.model_validate(recorded.use), 201 if recorded.created else 200)

    return cmd.run(body, action)


@router.get(
    "/tickets/{ticket_id}/knowledge-uses",
    response_model=list[VisitUseRead],
    responses={404: {"description": "ticket.not_found"}},
)
def knowledge_uses(ticket_id: int, session: ReadSession, actor: Staff) -> list[VisitUseRead]:
    return [VisitUseRead.model_validate(u) for u in visit_uses.uses(session, actor, ticket_id)]
