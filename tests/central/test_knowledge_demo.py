"""The demo knowledge base: valid content, example fees marked as such, and seeded published."""

from __future__ import annotations

from central.context import AppContext
from central.demo.knowledge_seed import load_articles, seed_knowledge
from central.demo.seed import SERVICES
from central.knowledge import service
from central.knowledge.schemas import ArticleCreate
from tests.central.factories import World


def test_the_demo_articles_are_valid_articles() -> None:
    articles = load_articles()
    assert len(articles) >= 40
    assert len({a["code"] for a in articles}) == len(articles)
    service_codes = {s.code for s in SERVICES}
    for data in articles:
        ArticleCreate.model_validate(data)  # what the API would accept
        assert set(data["service_codes"]) <= service_codes, data["code"]
        assert data["variants"][0]["language"] == "pt-PT"
        for variant in data["variants"]:
            for fee in variant["fees"]:
                assert fee["note"] in ("valor de exemplo", "example amount"), data["code"]
    assert sum(1 for a in articles if len(a["variants"]) > 1) >= 5


def test_seeding_publishes_them_once(ctx: AppContext, world: World) -> None:
    editor = world.users["knowledge_editor"]
    with ctx.db.writing() as session:
        added = seed_knowledge(session, editor, ctx.clock.now())
    with ctx.db.writing() as session:
        assert seed_knowledge(session, editor, ctx.clock.now()) == 0
    with ctx.db.reading() as session:
        page = service.sync_page(session, None, 5000)
    assert len(page.articles) == added == len(load_articles())
    assert not page.has_more
