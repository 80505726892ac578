"""The demo knowledge base (central/demo/knowledge_pt.json) as the desktop receives it: one
sync page, ids in file order, every article at version 1."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain.knowledge import SyncPage

DEMO_FILE = Path(__file__).resolve().parents[2] / "central" / "demo" / "knowledge_pt.json"
PUBLISHED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def demo_articles() -> list[dict[str, Any]]:
    """The articles as central's sync sends them (`SyncedArticleRead`)."""
    articles: list[dict[str, Any]] = json.loads(DEMO_FILE.read_text("utf-8"))["articles"]
    return [
        {**data, "id": number, "version": 1, "published_at": PUBLISHED.isoformat()}
        for number, data in enumerate(articles, start=1)
    ]


def demo_page(cursor: str = "demo-1") -> SyncPage:
    return SyncPage.from_json(
        {"articles": demo_articles(), "tombstones": [], "next_cursor": cursor, "has_more": False}
    )
