"""Fixtures for the Qt views: a real central on loopback (SQLite, the known `World`), the real
desktop services talking to it over HTTP, and a TaskRunner in inline mode, so every command runs
synchronously and its result is on screen when the click returns. The event feed still runs on a
thread of its own (it never returns); tests wait for what it brings with `qtbot.waitUntil`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.api.api_client import ApiClient
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.event_feed import EventFeed
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner
from desktop.views.attendant_window import AttendantWindow
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.prompter import ScriptedPrompter
from tests.central.factories import PASSWORD, World
from tests.central.live_server import LiveServer, LiveStaff
from tests.desktop_fixtures import (  # noqa: F401 - fixtures used by name
    T0,
    clock,
    ctx,
    db_url,
    disposing,
    fast_passwords,
    live,
    make_api,
    memory_keyring,
    no_backoff,
    sqlite_template,
    world,
)
from tests.ui.case_fixtures import (  # noqa: F401 - fixtures used by name
    case_central,
    case_desk,
    case_reference,
    case_store,
    case_window,
)
from tests.ui.knowledge_fixtures import (  # noqa: F401 - fixtures used by name
    demo_knowledge,
    editing,
    knowledge_central,
    knowledge_desk,
    knowledge_service,
    knowledge_store,
    synced_desk,
)
from tests.unit.memory_keyring import installed
from tests.unit.memory_keyring import no_keyring as failing_keyring


@pytest.fixture
def no_keyring() -> Iterator[None]:
    with installed(failing_keyring()):
        yield


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(inline=True)
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def api_client(make_api: Callable[..., ApiClient]) -> ApiClient:  # noqa: F811
    return make_api(timeout=(2.0, 5.0))


@pytest.fixture
def queue_service(api_client: ApiClient) -> QueueService:
    return QueueService(api_client, backoff=no_backoff)


@pytest.fixture
def auth(api_client: ApiClient, no_keyring: None) -> AuthService:
    return AuthService(api_client, CredentialStore(), remember=False)


@pytest.fixture
def login(auth: AuthService) -> Callable[[str], object]:
    def sign_in(username: str = "attendant"):
        return auth.login(username, PASSWORD)

    return sign_in


@pytest.fixture
def staff(live: LiveServer) -> Iterator[Callable[[str], LiveStaff]]:  # noqa: F811
    """Other people acting on the same central (reception issuing tickets, other counters)."""
    yield from disposing(live.login, LiveStaff.close)


@pytest.fixture
def live_queue(
    runner: TaskRunner,
    queue_service: QueueService,
    api_client: ApiClient,
    world: World,  # noqa: F811
) -> Iterator[Callable[[], LiveQueueController]]:
    def make() -> LiveQueueController:
        feed = EventFeed(api_client, world.centre_id, backoff=lambda _attempt: 0.2)
        return LiveQueueController(runner, queue_service, feed, world.centre_id)

    yield from disposing(make, LiveQueueController.stop)


@pytest.fixture
def attendant_window(
    qtbot,
    runner,
    queue_service,
    live_queue,
    login,
    world,  # noqa: F811
    prompter,
) -> Callable[[], AttendantWindow]:
    """The counter window of `attendant` at counter 1, shown (not started), at T0."""

    def make() -> AttendantWindow:
        window = AttendantWindow(
            runner=runner,
            queue_service=queue_service,
            live=live_queue(),
            user=login("attendant"),
            counter_id=world.counters[1],
            prompter=prompter,
            now=lambda: T0,
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


class FakeClock:
    """A monotonic clock the test moves by hand: `clock.now += 61`."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


def issue(reception: LiveStaff, centre_id: int, service_id: int, priority: str = "none") -> dict:
    return reception.ok(
        f"/centres/{centre_id}/tickets", {"service_id": service_id, "priority": priority}
    )


@pytest.fixture(scope="session", autouse=True)
def portuguese(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The UI speaks pt-PT in these tests, as at the counter: the .ts compiled on the fly."""
    from PySide6.QtCore import QLocale, QTranslator

    from desktop.views.app_resources import translation_file

    path = translation_file("pt_PT", tmp_path_factory.mktemp("i18n"))
    assert path is not None, "pt_PT translations could not be compiled"
    translator = QTranslator()
    assert translator.load(str(path))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale("pt_PT"))
    yield
    qapp.removeTranslator(translator)
