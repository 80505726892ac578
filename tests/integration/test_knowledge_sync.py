"""The counter's knowledge cache against a real central on loopback: the first sync in pages,
an edit and a retirement reaching the cache, an expired cursor starting over, a sync that
stops or cannot reach central leaving the cache usable, suggestions and uses sent back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from central.auth.actor import Actor
from central.auth.roles import Role
from central.context import AppContext
from central.demo.knowledge_seed import content_of, load_articles, seed_knowledge
from central.knowledge import service as central_knowledge
from central.knowledge.models import Article as CentralArticle
from central.knowledge.models import Suggestion
from desktop.api.api_client import ApiClient
from desktop.api.knowledge_api import KnowledgeApi
from desktop.domain.errors import ApiError, OfflineError
from desktop.domain.knowledge import Article, SyncPage
from desktop.services.knowledge_service import KnowledgeService
from desktop.services.queue_service import QueueService
from desktop.store.knowledge_repo import KnowledgeRepo
from desktop.store.local_store import LocalStore
from tests.central.factories import World
from tests.integration.conftest import Restartable, issue_in_database, logged_in
from tests.unit.knowledge_demo import demo_articles

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=2)
PAGE = 10  # 46 demo articles: five pages


@pytest.fixture(autouse=True)
def _demo_knowledge(ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        assert seed_knowledge(session, world.users["knowledge_editor"], ctx.clock.now()) == 46


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(tmp_path / "balcao.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def api(make_api: Callable[..., ApiClient]) -> ApiClient:
    client = make_api()
    logged_in(client, "attendant")
    return client


def knowledge(api: ApiClient, store: LocalStore, now: datetime = NOW) -> KnowledgeService:
    return KnowledgeService(KnowledgeApi(api), KnowledgeRepo(store), lambda: now, page_size=PAGE)


def central_id(ctx: AppContext, code: str) -> int:
    with ctx.db.reading() as session:
        found = session.execute(select(CentralArticle.id).where(CentralArticle.code == code))
        return int(found.scalar_one())


def editor(world: World) -> Actor:
    return Actor(world.users["knowledge_editor"], "knowledge_editor", Role.KNOWLEDGE_EDITOR, None)


def test_the_first_sync_brings_every_article_in_pages(api: ApiClient, store: LocalStore) -> None:
    service = knowledge(api, store)
    seen: list[int] = []
    during: list[tuple[bool, int]] = []

    def progress(received: int) -> None:
        seen.append(received)
        now = service.state()  # what the panel shows while the sync runs
        during.append((now.syncing, now.received))

    state = service.sync(progress=progress)
    assert seen == [10, 20, 30, 40, 46]
    assert during == [(True, 10), (True, 20), (True, 30), (True, 40), (True, 46)]
    assert (state.articles, state.last_synced_at, state.syncing) == (46, NOW, False)
    assert state.cursor
    hit = service.search("certidao toponimia")[0]
    assert hit.code == "certidao-toponimia"
    article = service.article(hit.article_id)
    assert article is not None
    assert article.version == 2
    demo = next(a for a in demo_articles() if a["code"] == "certidao-toponimia")
    assert article.variants == Article.from_json(demo).variants  # as the editor wrote it
    assert {a.code for a in service.for_services(["EST"])} >= {"distico-residente"}
    # Nothing new: one empty page, the time moves on.
    again = knowledge(api, store, LATER).sync()
    assert (again.articles, again.last_synced_at) == (46, LATER)


def test_an_edit_and_a_retirement_reach_the_cache(
    api: ApiClient, store: LocalStore, ctx: AppContext, world: World
) -> None:
    service = knowledge(api, store)
    service.sync()
    monos, esplanada = central_id(ctx, "recolha-monos"), central_id(ctx, "esplanada")
    content = content_of(next(a for a in load_articles() if a["code"] == "recolha-monos"))
    renamed = replace(content.variants[0], title="Recolha de sofás e colchões")
    with ctx.db.writing() as session:
        version = central_knowledge.read_article(session, monos).article.version
        edited = central_knowledge.update_article(
            session, editor(world), monos, version,
            replace(content, variants=(renamed,)), "", LATER,
        )  # fmt: skip
        central_knowledge.publish(session, editor(world), monos, edited.article.version, "", LATER)
        version = central_knowledge.read_article(session, esplanada).article.version
        central_knowledge.retire(session, editor(world), esplanada, version, "", LATER)
    seen: list[int] = []
    state = knowledge(api, store, LATER).sync(progress=seen.append)
    assert seen == [2]  # one article, one tombstone
    assert (state.articles, state.last_synced_at) == (45, LATER)
    assert service.search("colchoes")[0].title == "Recolha de sofás e colchões"
    article = service.article(monos)
    assert article is not None
    assert article.version == 4
    assert len(article.variants) == 1
    assert service.article(esplanada) is None
    assert "esplanada" not in [h.code for h in service.search("esplanada")]


def test_an_expired_cursor_starts_the_cache_over(api: ApiClient, store: LocalStore) -> None:
    service = knowledge(api, store)
    service.sync()
    stale = Article.from_json(
        {
            "id": 9999,
            "code": "gone-long-ago",
            "version": 1,
            "variants": [{"language": "pt-PT", "title": "Artigo fantasma"}],
        }
    )
    # A cursor central does not know (e.g. the cache of a central restored from a backup).
    service.store.apply_page(SyncPage((stale,), (), "bm90LWEtY3Vyc29y", False))
    with pytest.raises(ApiError) as refused:
        KnowledgeApi(api).sync_page("bm90LWEtY3Vyc29y")
    assert (refused.value.status, refused.value.code) == (410, "sync.cursor_expired")
    state = knowledge(api, store, LATER).sync()
    assert (state.articles, state.last_synced_at) == (46, LATER)
    assert state.cursor != "bm90LWEtY3Vyc29y"
    assert service.article(9999) is None
    assert service.search("fantasma") == []


def test_offline_the_cache_stays_and_answers(restartable: Restartable, store: LocalStore) -> None:
    api = ApiClient(restartable.base_url)
    try:
        logged_in(api, "attendant")
        knowledge(api, store).sync()
        restartable.stop()
        service = knowledge(api, store, LATER)
        with pytest.raises(OfflineError):
            service.sync()
        state = service.state()
        assert (state.articles, state.last_synced_at, state.syncing) == (46, NOW, False)
        assert service.search("monos")[0].code == "recolha-monos"
        restartable.start()
        assert service.sync().last_synced_at == LATER
    finally:
        api.close()


def test_an_index_rebuilt_by_an_upgrade_answers_before_central_does(
    restartable: Restartable, store: LocalStore
) -> None:
    api = ApiClient(restartable.base_url)
    try:
        logged_in(api, "attendant")
        knowledge(api, store).sync()
        with store.writing() as session:  # what the store migration to the new index leaves
            session.execute(text("DELETE FROM knowledge_fts"))
            session.execute(text("DELETE FROM knowledge_titles"))
        restartable.stop()
        service = knowledge(api, store, LATER)  # the counter starts again, offline
        assert service.search("monos") == []
        with pytest.raises(OfflineError):
            service.sync()
        assert service.search("monos")[0].code == "recolha-monos"
        assert service.state().articles == 46
    finally:
        api.close()


def test_a_stopped_sync_carries_on_from_the_last_page(api: ApiClient, store: LocalStore) -> None:
    stop = threading.Event()
    service = knowledge(api, store)

    def after_page(received: int) -> None:
        if received >= 20:
            stop.set()

    partial = service.sync(progress=after_page, stop=stop)
    assert (partial.articles, partial.last_synced_at) == (20, None)
    seen: list[int] = []
    done = knowledge(api, store, LATER).sync(progress=seen.append)
    assert seen == [10, 20, 26]  # only the rest
    assert (done.articles, done.last_synced_at) == (46, LATER)


def test_suggestions_and_uses_go_to_central(
    api: ApiClient, store: LocalStore, ctx: AppContext, world: World
) -> None:
    service = knowledge(api, store)
    service.sync()
    hit = service.search("esplanada")[0]
    article = service.article(hit.article_id)
    assert article is not None
    receipt = service.suggest(hit.article_id, "correction", "A taxa mudou em 2026.", "pt-PT")
    assert (receipt.article_id, receipt.article_version, receipt.status) == (
        hit.article_id, article.version, "pending",
    )  # fmt: skip
    with ctx.db.reading() as session:
        stored = session.execute(select(Suggestion)).scalar_one()
        assert (stored.text, stored.kind) == ("A taxa mudou em 2026.", "correction")

    queue = QueueService(api)
    queue.open_counter(world.counters[1])
    (ticket_id,) = issue_in_database(ctx, world)
    assert queue.call_next(world.counters[1]).ticket.id == ticket_id
    use = service.record_use(ticket_id, hit.article_id, article.version)
    assert (use.ticket_id, use.article_id, use.article_version) == (
        ticket_id, hit.article_id, article.version,
    )  # fmt: skip
    assert use.user_id == world.users["attendant"]
    again = service.record_use(ticket_id, hit.article_id, article.version)  # a retry: once
    assert again == use
