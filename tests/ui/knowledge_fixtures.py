"""Fixtures for the knowledge views: the central on loopback with the demo knowledge base
(about forty published articles, central/demo/knowledge_pt.json), the counter's cache in
tmp_path and its `KnowledgeService` signed in as the attendant, a `KnowledgeDesk` on the
inline TaskRunner, and the editors' service signed in as the knowledge editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from central.context import AppContext
from central.demo.knowledge_seed import seed_knowledge
from desktop.api.api_client import ApiClient
from desktop.api.knowledge_api import KnowledgeApi
from desktop.services.knowledge_editing import KnowledgeEditing
from desktop.services.knowledge_service import KnowledgeService
from desktop.store.knowledge_repo import KnowledgeRepo
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.knowledge_desk import KnowledgeDesk
from tests.central.factories import World
from tests.integration.conftest import Restartable, logged_in


@pytest.fixture
def demo_knowledge(ctx: AppContext, world: World) -> int:
    """The demo articles, created and published by the world's knowledge editor."""
    with ctx.db.writing() as session:
        return seed_knowledge(session, world.users["knowledge_editor"], ctx.clock.now())


@pytest.fixture
def knowledge_central(ctx: AppContext, world: World, demo_knowledge: int) -> Iterator[Restartable]:
    server = Restartable(ctx)
    yield server
    server.stop()


@pytest.fixture
def knowledge_store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore.open(tmp_path / "desk" / "knowledge.sqlite3")
    yield store
    store.close()


@pytest.fixture
def knowledge_service(
    knowledge_central: Restartable, knowledge_store: LocalStore
) -> Iterator[KnowledgeService]:
    api = ApiClient(knowledge_central.base_url, timeout=(1.0, 3.0))
    logged_in(api, "attendant")
    yield KnowledgeService(KnowledgeApi(api), KnowledgeRepo(knowledge_store), page_size=25)
    api.close()


@pytest.fixture
def knowledge_desk(runner: TaskRunner, knowledge_service: KnowledgeService) -> KnowledgeDesk:
    return KnowledgeDesk(runner, knowledge_service)


@pytest.fixture
def synced_desk(knowledge_desk: KnowledgeDesk) -> KnowledgeDesk:
    """A desk whose cache holds the demo articles (synced once, on this thread)."""
    state = knowledge_desk.service.sync(lambda _n: None, None)  # type: ignore[arg-type]
    assert state.articles >= 30
    knowledge_desk.load_state()
    return knowledge_desk


@pytest.fixture
def editing(knowledge_central: Restartable) -> Iterator[KnowledgeEditing]:
    api = ApiClient(knowledge_central.base_url, timeout=(1.0, 3.0))
    logged_in(api, "knowledge_editor")
    yield KnowledgeEditing(api)
    api.close()
