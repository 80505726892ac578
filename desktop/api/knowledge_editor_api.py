"""The editors' side of the knowledge base on central: the article list, one article's working
version, edits and state changes sent with `If-Match` (a 412 `knowledge.version_mismatch`
carries the article as it is now in `details.current`), and the review queue of suggestions.

The counters' side (delta sync, suggestions, the visits' articles) is `knowledge_api.py`.
Bodies are never logged (a suggestion is free text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from desktop.api.answers import parse_answer
from desktop.api.api_client import ApiClient
from desktop.domain.errors import ApiError
from desktop.domain.knowledge_editing import ArticleBrief, EditableArticle, Suggestion

T = TypeVar("T")


def _rows(parse: Callable[[Any], T]) -> Callable[[Any], list[T]]:
    return lambda rows: [parse(r) for r in rows]


class KnowledgeEditorApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    # --- articles ---------------------------------------------------------------------------

    def articles(
        self, *, text: str | None = None, status: str | None = None, limit: int = 500
    ) -> list[ArticleBrief]:
        """`GET /knowledge/articles`, by code."""
        params: dict[str, Any] = {"limit": limit}
        if text:
            params["q"] = text
        if status:
            params["status"] = status
        answer = self.client.get("/knowledge/articles", params)
        return parse_answer(_rows(ArticleBrief.from_json), answer, "article list")

    def article(self, article_id: int) -> EditableArticle:
        answer = self.client.get(f"/knowledge/articles/{article_id}")
        return parse_answer(EditableArticle.from_json, answer, "article")

    def update(self, article: EditableArticle, key: str, *, comment: str = "") -> EditableArticle:
        """`PUT /knowledge/articles/{id}` with `If-Match: article.version` (the version read)."""
        answer = self.client.request(
            "PUT",
            f"/knowledge/articles/{article.id}",
            body=article.content_json(comment),
            key=key,
            if_match=article.version,
        )
        return parse_answer(EditableArticle.from_json, answer.body, "article")

    def change_state(
        self, article_id: int, version: int, action: str, key: str, *, comment: str = ""
    ) -> EditableArticle:
        """`POST /knowledge/articles/{id}/publish` or `/retire`, with `If-Match: version`."""
        if action not in ("publish", "retire"):
            raise ValueError(f"unknown article action {action!r}")
        answer = self.client.request(
            "POST",
            f"/knowledge/articles/{article_id}/{action}",
            body={"comment": comment},
            key=key,
            if_match=version,
        )
        return parse_answer(EditableArticle.from_json, answer.body, "article")

    # --- the review queue -------------------------------------------------------------------

    def suggestions(self, *, status: str = "pending", limit: int = 500) -> list[Suggestion]:
        """`GET /knowledge/suggestions`: oldest first."""
        answer = self.client.get("/knowledge/suggestions", {"status": status, "limit": limit})
        return parse_answer(_rows(Suggestion.from_json), answer, "suggestions")

    def decide(self, suggestion_id: int, accept: bool, reason: str | None, key: str) -> Suggestion:
        verb = "accept" if accept else "reject"
        answer = self.client.post(
            f"/knowledge/suggestions/{suggestion_id}/{verb}",
            {"reason": reason or None},
            key=key,
        )
        return parse_answer(Suggestion.from_json, answer, "suggestion")


def current_of(error: ApiError) -> EditableArticle | None:
    """The article as it is now, from a 412 `knowledge.version_mismatch` (None if absent)."""
    current = error.details.get("current")
    if not isinstance(current, dict):
        return None
    try:
        return EditableArticle.from_json(current)
    except (KeyError, TypeError, ValueError):
        return None
