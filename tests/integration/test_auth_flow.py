"""Login, remembered sessions, token refresh and logout against a real central."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from central.clock import FrozenClock
from desktop.api.api_client import ApiClient
from desktop.domain.errors import ApiError, OfflineError, SessionExpired
from desktop.domain.users import Role
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.queue_service import QueueService
from tests.central.factories import PASSWORD, World
from tests.central.live_server import LiveServer
from tests.integration.conftest import LosingAdapter, session_with
from tests.unit.memory_keyring import MemoryKeyring, installed, no_keyring

MakeApi = Callable[..., ApiClient]


def remembered(backend: MemoryKeyring, api: ApiClient) -> str | None:
    return backend.entries.get((f"balcao:{api.base_url}", "attendant"))


def test_login(make_api: MakeApi, world: World, keyring_backend: MemoryKeyring) -> None:
    api = make_api()
    auth = AuthService(api, CredentialStore())
    assert auth.user is None
    assert auth.remembering_available
    assert auth.server_url == api.base_url
    user = auth.login("  Attendant ", PASSWORD)  # trimmed and case-insensitive on the central
    assert user.id == world.users["attendant"]
    assert (user.username, user.role, user.centre_id) == (
        "attendant",
        Role.ATTENDANT,
        world.centre_id,
    )
    assert auth.user == user
    assert user.works_at_counter
    assert not user.is_manager
    assert remembered(keyring_backend, api) == api.refresh_token
    assert QueueService(api).load_centre(world.centre_id).code == "TST"


def test_wrong_password(make_api: MakeApi, world: World, keyring_backend: MemoryKeyring) -> None:
    auth = AuthService(make_api(), CredentialStore())
    with pytest.raises(ApiError) as caught:
        auth.login("attendant", "not-the-password")
    assert (caught.value.status, caught.value.code) == (401, "auth.invalid_credentials")
    assert auth.user is None
    assert keyring_backend.entries == {}


def test_rate_limited(make_api: MakeApi, world: World) -> None:
    auth = AuthService(make_api(), CredentialStore())
    for _ in range(5):
        with pytest.raises(ApiError):
            auth.login("attendant", "wrong")
    with pytest.raises(ApiError) as caught:
        auth.login("attendant", PASSWORD)  # even the right password, for a while
    assert (caught.value.status, caught.value.code) == (429, "auth.rate_limited")
    assert caught.value.retry_after == 15 * 60


def test_resume_from_the_keyring(
    make_api: MakeApi, world: World, keyring_backend: MemoryKeyring
) -> None:
    first = make_api()
    AuthService(first, CredentialStore()).login("attendant", PASSWORD)
    kept = remembered(keyring_backend, first)
    assert kept is not None
    # The next start of the application: a new client, nothing in memory.
    second = make_api()
    auth = AuthService(second, CredentialStore())
    user = auth.resume()
    assert user is not None
    assert user.id == world.users["attendant"]
    assert auth.user == user
    rotated = remembered(keyring_backend, second)
    assert rotated not in (None, kept)  # every refresh rotates: the keyring has the new one
    assert QueueService(second).load_centre(world.centre_id).id == world.centre_id


def test_resume_with_nothing_remembered(make_api: MakeApi, world: World) -> None:
    assert AuthService(make_api(), CredentialStore()).resume() is None


def test_not_remembering(make_api: MakeApi, world: World, keyring_backend: MemoryKeyring) -> None:
    api = make_api()
    auth = AuthService(api, CredentialStore(), remember=False)
    auth.login("attendant", PASSWORD)
    assert not auth.remembering_available
    assert keyring_backend.entries == {}
    assert auth.resume() is None


def test_no_keyring_backend(make_api: MakeApi, world: World) -> None:
    with installed(no_keyring()):
        auth = AuthService(make_api(), CredentialStore())
        assert not auth.remembering_available
        assert auth.login("attendant", PASSWORD).username == "attendant"
        assert auth.resume() is None


def test_resume_of_an_ended_session_forgets_it(
    make_api: MakeApi, world: World, keyring_backend: MemoryKeyring
) -> None:
    api = make_api()
    auth = AuthService(api, CredentialStore())
    auth.login("attendant", PASSWORD)
    token = api.refresh_token
    assert token is not None
    # Logged out elsewhere (revoked on the central), yet still in this keyring.
    keyring_backend.entries[(f"balcao:{api.base_url}", "attendant")] = token
    keyring_backend.entries[(f"balcao:{api.base_url}", ":last_user")] = "attendant"
    make_api().post("/auth/logout", {"refresh_token": token}, auth=False)
    assert AuthService(make_api(), CredentialStore()).resume() is None
    assert keyring_backend.entries == {}


def test_expired_access_token_is_refreshed_transparently(
    make_api: MakeApi, world: World, clock: FrozenClock, keyring_backend: MemoryKeyring
) -> None:
    api = make_api()
    AuthService(api, CredentialStore()).login("attendant", PASSWORD)
    before = api.refresh_token
    clock.advance(minutes=16)  # past the 15 minutes of the access token
    service = QueueService(api)
    assert service.load_centre(world.centre_id).id == world.centre_id
    assert api.refresh_token != before
    assert remembered(keyring_backend, api) == api.refresh_token  # the rotation was kept
    counter = service.open_counter(world.counters[1])  # commands too, and no second refresh
    assert counter.state == "open"


def test_concurrent_expiries_refresh_once(
    make_api: MakeApi, world: World, clock: FrozenClock
) -> None:
    api = make_api()
    AuthService(api, CredentialStore(), remember=False).login("attendant", PASSWORD)
    clock.advance(minutes=16)
    refreshed: list[str | None] = []
    api.on_tokens = refreshed.append
    service = QueueService(api)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def read() -> None:
        start.wait(10)
        try:
            service.load_centre(world.centre_id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert errors == []
    # One refresh for all four: a second one with the same token would have revoked the session.
    assert len(refreshed) == 1
    assert refreshed[0] is not None
    assert service.load_centre(world.centre_id).id == world.centre_id


def test_session_expired(
    make_api: MakeApi, world: World, clock: FrozenClock, keyring_backend: MemoryKeyring
) -> None:
    api = make_api()
    AuthService(api, CredentialStore()).login("attendant", PASSWORD)
    assert remembered(keyring_backend, api) is not None
    clock.advance(hours=13)  # past the refresh token's 12 hours
    with pytest.raises(SessionExpired) as caught:
        QueueService(api).load_centre(world.centre_id)
    assert caught.value.code == "auth.session_expired"
    assert not api.has_session
    assert keyring_backend.entries == {}  # a dead token is not kept
    with pytest.raises(SessionExpired):
        QueueService(api).load_centre(world.centre_id)  # no token left to try


def test_lost_refresh_answer_ends_the_session(
    make_api: MakeApi, world: World, clock: FrozenClock
) -> None:
    adapter = LosingAdapter("/auth/refresh")
    api = make_api(session_factory=session_with(adapter))
    AuthService(api, CredentialStore(), remember=False).login("attendant", PASSWORD)
    spent = api.refresh_token
    clock.advance(minutes=16)
    with pytest.raises(SessionExpired):
        QueueService(api).load_centre(world.centre_id)
    assert len(adapter.seen) == 1  # never sent twice
    assert adapter.seen[0].status_code == 200  # the central did rotate it: the token is spent
    assert not api.has_session
    other = make_api()
    other.start_session(None, str(spent))
    with pytest.raises(SessionExpired):
        other.refresh_session()


def test_refresh_while_the_central_is_down_keeps_the_session(
    make_api: MakeApi, world: World, clock: FrozenClock, live: LiveServer
) -> None:
    api = make_api()
    AuthService(api, CredentialStore(), remember=False).login("attendant", PASSWORD)
    token = api.refresh_token
    clock.advance(minutes=16)
    down = ApiClient(free_port_url())
    down.start_session("stale-access-token", str(token))
    with pytest.raises(OfflineError):
        down.refresh_session()  # never sent: nothing spent
    assert down.refresh_token == token
    api.start_session(None, str(token))
    assert api.refresh_session()["user"]["username"] == "attendant"


def test_unlock(make_api: MakeApi, world: World, keyring_backend: MemoryKeyring) -> None:
    api = make_api()
    auth = AuthService(api, CredentialStore())
    user = auth.login("attendant", PASSWORD)
    locked_token = api.refresh_token
    with pytest.raises(ApiError) as caught:
        auth.unlock("wrong")
    assert caught.value.code == "auth.invalid_credentials"
    assert auth.unlock(PASSWORD) == user
    assert api.refresh_token != locked_token
    assert remembered(keyring_backend, api) == api.refresh_token
    other = make_api()
    other.start_session(None, str(locked_token))
    with pytest.raises(SessionExpired):
        other.refresh_session()  # the locked session was revoked


def test_logout(make_api: MakeApi, world: World, keyring_backend: MemoryKeyring) -> None:
    api = make_api()
    auth = AuthService(api, CredentialStore())
    auth.login("attendant", PASSWORD)
    token = api.refresh_token
    auth.logout()
    assert auth.user is None
    assert not api.has_session
    assert keyring_backend.entries == {}
    with pytest.raises(SessionExpired):
        QueueService(api).load_centre(world.centre_id)
    other = make_api()
    other.start_session(None, str(token))
    with pytest.raises(SessionExpired):
        other.refresh_session()  # revoked on the central


def test_logout_offline(world: World, keyring_backend: MemoryKeyring) -> None:
    api = ApiClient(free_port_url())
    api.start_session("access", "refresh-token-0123456789")
    keyring_backend.entries[(f"balcao:{api.base_url}", "attendant")] = "refresh-token-0123456789"
    keyring_backend.entries[(f"balcao:{api.base_url}", ":last_user")] = "attendant"
    auth = AuthService(api, CredentialStore())
    auth.logout()
    assert not api.has_session
    assert keyring_backend.entries == {}


def free_port_url() -> str:
    """An address where nothing listens (connection refused)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
