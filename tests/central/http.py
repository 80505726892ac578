"""A thin test client speaking the central API as a desktop would: bearer token, and a fresh
Idempotency-Key on every POST unless the test gives one."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi.testclient import TestClient

from tests.central.factories import PASSWORD, World

API = "/api/v1"


class StaffSession:
    def __init__(self, client: TestClient, token: str, refresh_token: str) -> None:
        self.client = client
        self.token = token
        self.refresh_token = refresh_token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(API + path, headers=self.headers, params=params)

    def post(
        self,
        path: str,
        body: Any = None,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = {
            **self.headers,
            "Idempotency-Key": key or str(uuid.uuid4()),
            **(headers or {}),
        }
        return self.client.post(
            API + path, json=body if body is not None else {}, headers=all_headers
        )

    def put(self, path: str, body: Any, *, key: str | None = None) -> httpx.Response:
        return self.client.put(
            API + path,
            json=body,
            headers={**self.headers, "Idempotency-Key": key or str(uuid.uuid4())},
        )

    def ok(self, method: str, path: str, body: Any = None) -> Any:
        """Call and insist on a 2xx, returning the JSON body."""
        response = self.post(path, body) if method == "post" else self.get(path)
        assert response.is_success, f"{method} {path}: {response.status_code} {response.text}"
        return response.json()


class ApiClient:
    def __init__(self, client: TestClient, world: World) -> None:
        self.client = client
        self.world = world

    def login(self, username: str, password: str = PASSWORD) -> StaffSession:
        response = self.client.post(
            f"{API}/auth/login", json={"username": username, "password": password}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return StaffSession(self.client, body["access_token"], body["refresh_token"])

    # Shortcuts for the common path of a queue test.

    def issue(self, staff: StaffSession, prefix: str = "A", priority: str = "none") -> Any:
        return staff.ok(
            "post",
            f"/centres/{self.world.centre_id}/tickets",
            {"service_id": self.world.services[prefix], "priority": priority},
        )

    def open_counter(self, staff: StaffSession, number: int) -> Any:
        return staff.ok("post", f"/counters/{self.world.counters[number]}/open")


def expect_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Assert an error answer with this status and code; return its details."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, response.text
    details: dict[str, Any] = error["details"]
    return details
