"""ApiClient's mapping of answers to errors: the central's format, and what is not the central
(a proxy's HTML page, a hung server), over real sockets."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from desktop.api.api_client import ApiClient
from desktop.domain.errors import ApiError, BalcaoError, OfflineError
from tests.central.factories import World
from tests.central.live_server import LiveServer
from tests.integration.conftest import logged_in


class OddServer(http.server.ThreadingHTTPServer):
    """Answers every request as `answers[path]` says: (status, content type, body)."""

    daemon_threads = True

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, str, bytes]] = {}
        self.release = threading.Event()  # a "hang" answer waits for this
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: OddServer

    def do_GET(self) -> None:
        status, content_type, body = self.server.answers[self.path.split("?")[0]]
        if content_type == "hang":
            self.server.release.wait(10)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 503:
            self.send_header("Retry-After", "30")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def odd() -> Iterator[OddServer]:
    server = OddServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    thread.join(5)
    server.server_close()


def test_html_answer_is_a_bad_answer(odd: OddServer) -> None:
    odd.answers["/api/v1/health"] = (200, "text/html", b"<html>captive portal</html>")
    odd.answers["/api/v1/centres"] = (502, "text/html", b"<html>Bad gateway</html>")
    api = ApiClient(odd.url)
    with pytest.raises(ApiError) as caught:
        api.health()
    assert (caught.value.status, caught.value.code) == (200, "client.bad_answer")
    api.start_session("token", "refresh-token-0123456789")
    with pytest.raises(ApiError) as caught:
        api.get("/centres")
    assert (caught.value.status, caught.value.code) == (502, "client.bad_answer")


def test_broken_json_and_retry_after(odd: OddServer) -> None:
    odd.answers["/api/v1/health"] = (200, "application/json", b'{"status": "o')
    body = b'{"error": {"code": "service.unavailable", "message": "later", "details": {}}}'
    odd.answers["/api/v1/centres"] = (503, "application/json", body)
    api = ApiClient(odd.url)
    with pytest.raises(ApiError) as caught:
        api.health()
    assert caught.value.code == "client.bad_answer"
    api.start_session("token", "refresh-token-0123456789")
    with pytest.raises(ApiError) as caught:
        api.get("/centres")
    assert (caught.value.code, caught.value.message, caught.value.retry_after) == (
        "service.unavailable",
        "later",
        30.0,
    )


def test_a_server_that_does_not_answer_times_out(odd: OddServer) -> None:
    odd.answers["/api/v1/health"] = (200, "hang", b"")
    api = ApiClient(odd.url, timeout=(1.0, 0.3))
    with pytest.raises(OfflineError) as caught:
        api.health()
    assert caught.value.code == "client.timeout"


def test_unusable_server_address() -> None:
    with pytest.raises(BalcaoError) as caught:
        ApiClient("central.example.pt").health()
    assert caught.value.code == "client.bad_server_url"


def test_central_errors_keep_code_and_details(live: LiveServer, world: World) -> None:
    api = ApiClient(live.base_url)
    assert api.health()["status"] == "ok"
    logged_in(api, "attendant")
    with pytest.raises(ApiError) as caught:
        api.get("/nowhere")
    assert (caught.value.status, caught.value.code) == (404, "route.not_found")
    with pytest.raises(ApiError) as caught:
        api.post(f"/centres/{world.centre_id}/tickets", {"service_id": "x"}, key="k1")
    assert caught.value.status == 403  # an attendant may not issue; roles come before bodies
    with pytest.raises(ApiError) as caught:
        api.post(f"/counters/{world.counters[1]}/open")  # a command without a key
    assert (caught.value.status, caught.value.code) == (422, "idempotency.key_required")
    answer = api.request("POST", f"/counters/{world.counters[1]}/open", key="same-key")
    again = api.request("POST", f"/counters/{world.counters[1]}/open", key="same-key")
    assert (answer.replayed, again.replayed) == (False, True)
    assert again.body == answer.body
    with pytest.raises(ApiError) as caught:
        api.post(f"/counters/{world.counters[1]}/pause", {"reason": "nap"}, key="k2")
    assert caught.value.code == "validation.failed"
    assert caught.value.details["fields"][0]["loc"] == ["body", "reason"]
