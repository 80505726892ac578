"""Knowledge in the counter window, against a real central on loopback: Ctrl+K shows the
knowledge page with the keyboard in its search field; calling a ticket puts the articles of its
service first there and says how many there are beside the citizen; opening one records it on
the visit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from central.context import AppContext
from central.reference.models import Service
from desktop.api.api_client import ApiClient
from desktop.api.knowledge_api import KnowledgeApi
from desktop.services.knowledge_service import KnowledgeService
from desktop.store.knowledge_repo import KnowledgeRepo
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.knowledge_desk import KnowledgeDesk
from tests.central.factories import World
from tests.central.live_server import LiveServer
from tests.integration.conftest import Restartable, logged_in
from tests.ui.conftest import issue


@pytest.fixture
def live(case_central: Restartable) -> LiveServer:
    """One server for the window, its cases and its knowledge (one event hub per database)."""
    assert case_central.server is not None
    return case_central.server


@pytest.fixture
def counter_knowledge(
    runner: TaskRunner,
    case_central: Restartable,
    demo_knowledge: int,
    knowledge_store: LocalStore,
    ctx: AppContext,
    world: World,
) -> Iterator[KnowledgeDesk]:
    # The world's general service takes the code the demo articles name ("ATG").
    with ctx.db.writing() as session:
        session.execute(update(Service).where(Service.id == world.services["A"]).values(code="ATG"))
    api = ApiClient(case_central.base_url, timeout=(1.0, 3.0))
    logged_in(api, "attendant")
    service = KnowledgeService(KnowledgeApi(api), KnowledgeRepo(knowledge_store), page_size=25)
    service.sync(lambda _n: None, None)
    yield KnowledgeDesk(runner, service)
    api.close()


def test_ctrl_k_shows_knowledge_and_a_called_ticket_brings_its_articles(
    qtbot, case_window, counter_knowledge: KnowledgeDesk, staff, world: World
) -> None:
    issue(staff("reception"), world.centre_id, world.services["A"])
    window = case_window(knowledge=counter_knowledge)
    panel = window.knowledge_panel
    assert panel is not None
    assert not window.knowledge_hint.isVisible()
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.panel.ticket is not None)
    qtbot.waitUntil(window.knowledge_hint.isVisible)
    assert window.knowledge_hint.text().startswith("Artigos sobre este serviço: 5")
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
    )
    assert window.side_pages.currentWidget() is panel
    qtbot.waitUntil(panel.search_edit.hasFocus)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
