"""The demo knowledge base: about forty articles on municipal procedures, written in pt-PT for
this project (`knowledge_pt.json`), created and published by the demo's knowledge editor.

Fees are examples and marked so in every article; legal bases are named in general terms.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth.actor import Actor
from central.auth.roles import Role
from central.knowledge import service
from central.knowledge.content import Content, Fee, Variant
from central.knowledge.models import Article


def load_articles() -> list[dict[str, Any]]:
    text = resources.files("central.demo").joinpath("knowledge_pt.json").read_text("utf-8")
    articles: list[dict[str, Any]] = json.loads(text)["articles"]
    return articles


def content_of(data: dict[str, Any]) -> Content:
    return Content(
        owner=data["owner"],
        review_by=date.fromisoformat(data["review_by"]) if data.get("review_by") else None,
        service_codes=tuple(data["service_codes"]),
        tags=tuple(data["tags"]),
        variants=tuple(
            Variant(
                language=v["language"],
                title=v["title"],
                summary=v["summary"],
                body_md=v["body_md"],
                required_documents=tuple(v["required_documents"]),
                fees=tuple(
                    Fee(f["label"], f["amount"], f["currency"], f["note"]) for f in v["fees"]
                ),
                deadline=v["deadline"],
                legal_basis=v["legal_basis"],
            )
            for v in data["variants"]
        ),
    )


def seed_knowledge(session: Session, editor_id: int, now: datetime) -> int:
    """Create and publish the demo articles not there yet; returns how many were added."""
    existing = set(session.execute(select(Article.code)).scalars())
    editor = Actor(editor_id, "demo", Role.KNOWLEDGE_EDITOR, None)
    added = 0
    for data in load_articles():
        if data["code"] in existing:
            continue
        view = service.create_article(
            session, editor, data["code"], content_of(data), "Conteúdo de demonstração", now
        )
        service.publish(session, editor, view.article.id, view.article.version, "", now)
        added += 1
    return added
