"""`KnowledgeEditing`: the knowledge editor's use cases, blocking and Qt-free.

Editing happens on central only (an editor works online: two editors on one article must
meet the version check, not a local copy). Every command gets a fresh idempotency key per
user action; a conflict stays the `ApiError` 412 `knowledge.version_mismatch` for the view to
show, with the article as it is now (`current_of`).
"""

from __future__ import annotations

import uuid

from desktop.api.api_client import ApiClient
from desktop.api.knowledge_editor_api import KnowledgeEditorApi, current_of
from desktop.domain.errors import ApiError
from desktop.domain.knowledge_editing import ArticleBrief, EditableArticle, Suggestion

VERSION_MISMATCH = "knowledge.version_mismatch"

__all__ = ["VERSION_MISMATCH", "KnowledgeEditing", "current_of"]


def _key() -> str:
    return str(uuid.uuid4())


class KnowledgeEditing:
    def __init__(self, api: KnowledgeEditorApi | ApiClient) -> None:
        self.api = api if isinstance(api, KnowledgeEditorApi) else KnowledgeEditorApi(api)

    def articles(self, text: str | None = None, status: str | None = None) -> list[ArticleBrief]:
        return self.api.articles(text=text, status=status)

    def article(self, article_id: int) -> EditableArticle:
        return self.api.article(article_id)

    def save(self, article: EditableArticle, comment: str = "") -> EditableArticle:
        """The article's content as edited; `article.version` is the version it was read at."""
        return self.api.update(article, _key(), comment=comment)

    def publish(self, article_id: int, version: int, comment: str = "") -> EditableArticle:
        return self.api.change_state(article_id, version, "publish", _key(), comment=comment)

    def retire(self, article_id: int, version: int, comment: str = "") -> EditableArticle:
        return self.api.change_state(article_id, version, "retire", _key(), comment=comment)

    def suggestions(self, status: str = "pending") -> list[Suggestion]:
        return self.api.suggestions(status=status)

    def decide(self, suggestion_id: int, *, accept: bool, reason: str = "") -> Suggestion:
        return self.api.decide(suggestion_id, accept, reason.strip() or None, _key())


def is_conflict(error: BaseException) -> bool:
    return isinstance(error, ApiError) and error.code == VERSION_MISMATCH
