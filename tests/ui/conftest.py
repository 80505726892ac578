"""Fixtures for the Qt views: a real central on loopback (SQLite, the known `World`), the real
desktop services talking to it over HTTP, and a TaskRunner in inline mode, so every command runs
synchronously and its result is on screen when the click returns. The event feed still runs on a
thread of its own (it never returns); tests wait for what it brings with `qtbot.waitUntil`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.api.api_client import ApiClient
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.event_feed import EventFeed
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner
from desktop.views.live_queue_controller import LiveQueueController
from desktop.views.prompter import ScriptedPrompter
from tests.central.conftest import (  # noqa: F401 - fixtures used by name
    T0,
    clock,
    ctx,
    fast_passwords,
    live,
    sqlite_template,
)
from tests.central.factories import PASSWORD, World, build_world
from tests.central.live_server import LiveServer, LiveStaff


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:  # noqa: F811
    """UI tests run on SQLite only: what they check is the desktop, not the engine."""
    path = tmp_path / "central.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def world(fast_passwords: None, ctx) -> World:  # noqa: F811
    with ctx.db.writing() as session:
        return build_world(session, ctx.clock.now())


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(inline=True)
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def api_client(live: LiveServer) -> Iterator[ApiClient]:  # noqa: F811
    client = ApiClient(live.base_url, timeout=(2.0, 5.0))
    yield client
    client.close()


@pytest.fixture
def queue_service(api_client: ApiClient) -> QueueService:
    return QueueService(api_client, backoff=lambda _attempt: 0.0)


@pytest.fixture
def auth(api_client: ApiClient, no_keyring: None) -> AuthService:
    return AuthService(api_client, CredentialStore(), remember=False)


@pytest.fixture
def login(auth: AuthService) -> Callable[[str], object]:
    def sign_in(username: str = "attendant"):
        return auth.login(username, PASSWORD)

    return sign_in


@pytest.fixture
def staff(live: LiveServer) -> Callable[[str], LiveStaff]:  # noqa: F811
    """Other people acting on the same central (reception issuing tickets, other counters)."""
    opened: list[LiveStaff] = []

    def as_user(username: str) -> LiveStaff:
        member = live.login(username)
        opened.append(member)
        return member

    yield as_user
    for member in opened:
        member.close()


@pytest.fixture
def live_queue(
    runner: TaskRunner, queue_service: QueueService, api_client: ApiClient, world: World
) -> Iterator[Callable[[], LiveQueueController]]:
    made: list[LiveQueueController] = []

    def make() -> LiveQueueController:
        feed = EventFeed(api_client, world.centre_id, backoff=lambda _attempt: 0.2)
        controller = LiveQueueController(runner, queue_service, feed, world.centre_id)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.stop()


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


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
