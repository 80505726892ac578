"""The knowledge base on central, as the counters use it: pages of the delta sync, suggestions
on an article, and the articles used in a visit. Answers become domain values; a shape the
desktop cannot read is `client.bad_answer`. Bodies are never logged (a suggestion is free text).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from desktop.api.api_client import ApiClient
from desktop.api.cases_api import _parse
from desktop.domain.knowledge import DEFAULT_LANGUAGE, KnowledgeUse, SuggestionReceipt, SyncPage

log = logging.getLogger(__name__)

SYNC_PAGE_SIZE = 1000


class KnowledgeApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def sync_page(self, since: str | None, limit: int = SYNC_PAGE_SIZE) -> SyncPage:
        """`GET /sync/knowledge`: the changes after `since` (None: from the beginning). A 410
        `sync.cursor_expired` (`CURSOR_EXPIRED`) means: drop the cache and start over."""
        params: dict[str, Any] = {"limit": limit}
        if since is not None:
            params["since"] = since
        answer = self.client.get("/sync/knowledge", params)
        return _parse(SyncPage.from_json, answer, "knowledge sync page")

    def suggest(
        self,
        article_id: int,
        kind: str,
        text: str,
        language: str = DEFAULT_LANGUAGE,
        *,
        key: str | None = None,
    ) -> SuggestionReceipt:
        """`POST /knowledge/articles/{id}/suggestions`: a `correction` or a `note` on the
        published version. `key` (a fresh UUID if None) makes a retry of the same suggestion
        safe: the caller keeps it while retrying."""
        body = {"kind": kind, "text": text, "language": language}
        answer = self.client.request(
            "POST",
            f"/knowledge/articles/{article_id}/suggestions",
            body=body,
            key=key or str(uuid.uuid4()),
        )
        return _parse(SuggestionReceipt.from_json, answer.body, "suggestion receipt")

    def record_use(
        self, ticket_id: int, article_id: int, article_version: int, *, key: str | None = None
    ) -> KnowledgeUse:
        """`POST /tickets/{ticket_id}/knowledge-uses`: the article (at this version) was used
        while serving the ticket. Central records an article once per visit (200 with the first
        record after that); the key is derived from the three numbers unless given, so a retry
        after a lost answer is replayed."""
        body = {"article_id": article_id, "article_version": article_version}
        key = key or f"knowledge-use-{ticket_id}-{article_id}-{article_version}"
        answer = self.client.request(
            "POST", f"/tickets/{ticket_id}/knowledge-uses", body=body, key=key
        )
        if answer.replayed:
            log.info("knowledge use on ticket %d replayed by central", ticket_id)
        return _parse(KnowledgeUse.from_json, answer.body, "knowledge use")
