"""Every error has one shape, a stable code, and never leaks input values or stack traces."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from central.context import AppContext
from central.errors import Conflict
from central.main import create_app
from tests.central.http import API, ApiClient


@pytest.fixture(autouse=True)
def _cheap_hashing(fast_passwords: None) -> None:
    """Passwords are not the subject here: hash them cheaply (before `world` is built)."""


SECRET_VALUE = "Maria-da-Silva-123456789"


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "details"}
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["details"], dict)
    assert "Traceback" not in response.text
    return error  # type: ignore[no-any-return]


def test_unknown_route(api: ApiClient) -> None:
    assert_error(api.client.get(f"{API}/no-such-thing"), 404, "route.not_found")
    assert_error(api.client.get("/elsewhere"), 404, "route.not_found")


def test_wrong_method(api: ApiClient) -> None:
    assert_error(api.client.delete(f"{API}/centres"), 405, "route.method_not_allowed")


def test_domain_errors_carry_details(api: ApiClient) -> None:
    staff = api.login("supervisor")
    error = assert_error(staff.get("/tickets/999999"), 404, "ticket.not_found")
    assert error["details"] == {"ticket_id": 999999}
    assert_error(staff.post(f"/counters/{api.world.counters[1]}/call-next"), 409, "counter.closed")


def test_auth_errors_have_the_shape(api: ApiClient) -> None:
    assert_error(api.client.get(f"{API}/centres"), 401, "auth.required")
    response = api.client.get(f"{API}/centres", headers={"Authorization": "Bearer x"})
    assert_error(response, 401, "auth.invalid_token")
    assert_error(api.login("attendant").get("/users"), 403, "auth.forbidden")


def test_validation_lists_fields_without_values(api: ApiClient) -> None:
    staff = api.login("reception")
    response = staff.post(
        f"/centres/{api.world.centre_id}/tickets",
        {"service_id": SECRET_VALUE, "priority": SECRET_VALUE},
    )
    error = assert_error(response, 422, "validation.failed")
    fields = error["details"]["fields"]
    assert {tuple(f["loc"]) for f in fields} == {("body", "service_id"), ("body", "priority")}
    assert all(f["type"] for f in fields)
    assert SECRET_VALUE not in response.text
    assert "input" not in response.text


def test_validation_of_path_and_query(api: ApiClient) -> None:
    staff = api.login("supervisor")
    error = assert_error(staff.get(f"/tickets/{SECRET_VALUE}"), 422, "validation.failed")
    assert error["details"]["fields"][0]["loc"] == ["path", "ticket_id"]
    response = staff.get(f"/centres/{api.world.centre_id}/tickets", limit=SECRET_VALUE)
    error = assert_error(response, 422, "validation.failed")
    assert error["details"]["fields"][0]["loc"] == ["query", "limit"]
    assert SECRET_VALUE not in response.text


def test_malformed_json(api: ApiClient) -> None:
    staff = api.login("reception")
    response = api.client.post(
        f"{API}/centres/{api.world.centre_id}/tickets",
        content=b'{"service_id": "' + SECRET_VALUE.encode() + b'"',
        headers={**staff.headers, "Idempotency-Key": "k", "Content-Type": "application/json"},
    )
    assert_error(response, 422, "validation.failed")
    assert SECRET_VALUE not in response.text


def test_login_validation_does_not_echo_the_password(api: ApiClient) -> None:
    response = api.client.post(
        f"{API}/auth/login", json={"username": "", "password": SECRET_VALUE * 20}
    )
    assert_error(response, 422, "validation.failed")
    assert SECRET_VALUE not in response.text


@pytest.fixture
def app_with_failures(ctx: AppContext) -> FastAPI:
    app = create_app(context=ctx)

    def crash() -> None:
        raise RuntimeError(f"database password is {SECRET_VALUE}")

    def refuse() -> None:
        raise Conflict("test.refused", "Refused on purpose.", details={"why": "test"})

    app.add_api_route(f"{API}/test-crash", crash)
    app.add_api_route(f"{API}/test-refuse", refuse)
    return app


def test_unexpected_exception_is_500_without_details(
    app_with_failures: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    with TestClient(app_with_failures, raise_server_exceptions=False) as client:
        response = client.get(f"{API}/test-crash")
    error = assert_error(response, 500, "internal")
    assert error["details"] == {}
    assert SECRET_VALUE not in response.text
    assert "RuntimeError" not in response.text
    # The operator finds the cause in the log, with the route.
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert logged, caplog.text
    assert f"{API}/test-crash" in logged[0].getMessage()


def test_domain_error_from_any_route(app_with_failures: FastAPI) -> None:
    with TestClient(app_with_failures) as client:
        error = assert_error(client.get(f"{API}/test-refuse"), 409, "test.refused")
    assert error["details"] == {"why": "test"}
    assert error["message"] == "Refused on purpose."
