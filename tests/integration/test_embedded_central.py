"""`balcao --demo` / `--self-test`: the central as a real child process, used over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.api.api_client import ApiClient
from desktop.domain.errors import BalcaoError, OfflineError
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.embedded_central import EmbeddedCentral
from desktop.services.queue_service import QueueService


def test_starts_serves_and_stops(tmp_path: Path) -> None:
    log_path = tmp_path / "logs" / "central.log"
    with EmbeddedCentral(simulator=False, log_path=log_path) as central:
        assert central.running
        url = central.url
        assert url.startswith("http://127.0.0.1:")
        api = ApiClient(url)
        assert api.health()["status"] == "ok"
        auth = AuthService(api, CredentialStore(), remember=False)
        user = auth.login("atendente1", "balcao-demo")
        assert user.role == "attendant"
        assert user.centre_id is not None
        queue = QueueService(api).load_queue(user.centre_id)
        assert len(queue.counters) == 10
        api.close()
    assert not central.running
    with pytest.raises(BalcaoError):
        _ = central.url
    with pytest.raises(OfflineError):
        ApiClient(url, timeout=(1.0, 1.0)).health()
    assert "demo central on" in log_path.read_text("utf-8")


def test_without_the_central_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "central", None)  # as on a counter PC without the extra
    with pytest.raises(BalcaoError) as caught:
        EmbeddedCentral().start()
    assert caught.value.code == "client.no_embedded_central"


def test_a_child_that_dies_is_reported(tmp_path: Path) -> None:
    central = EmbeddedCentral(
        simulator=False, database_url="nonsense://", log_path=tmp_path / "c.log"
    )
    with pytest.raises(BalcaoError) as caught:
        central.start()
    assert caught.value.code == "client.embedded_central_failed"
    assert caught.value.details["log"] == str(tmp_path / "c.log")
    assert not central.running
