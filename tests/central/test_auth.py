"""Login, rate limiting, refresh-token rotation and reuse detection, access-token checks and
user management, through the HTTP API on both engines."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import select, update

from central.auth.models import LoginAttempt, User
from central.clock import FrozenClock
from central.context import AppContext
from tests.central.conftest import TEST_SECRET
from tests.central.factories import PASSWORD
from tests.central.http import API, ApiClient

WRONG = "not-the-password-123"


def _login(api: ApiClient, username: str, password: str = PASSWORD) -> httpx.Response:
    body = {"username": username, "password": password}
    response: httpx.Response = api.client.post(f"{API}/auth/login", json=body)
    return response


def _refresh(api: ApiClient, token: str) -> httpx.Response:
    response: httpx.Response = api.client.post(f"{API}/auth/refresh", json={"refresh_token": token})
    return response


def _me(api: ApiClient, token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    response: httpx.Response = api.client.get(f"{API}/auth/me", headers=headers)
    return response


def _code(response: httpx.Response) -> str:
    code: str = response.json()["error"]["code"]
    return code


def _fail(api: ApiClient, username: str, times: int) -> None:
    for _ in range(times):
        response = _login(api, username, WRONG)
        assert response.status_code == 401, response.text


# --- login ----------------------------------------------------------------------------------


def test_login_gives_tokens_and_user(api: ApiClient, ctx: AppContext) -> None:
    response = _login(api, "attendant")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == ctx.settings.access_token_minutes * 60
    assert body["access_token"]
    assert body["refresh_token"]
    assert body["access_token"] != body["refresh_token"]
    assert body["user"] == {
        "id": api.world.users["attendant"],
        "username": "attendant",
        "full_name": "Attendant",
        "role": "attendant",
        "centre_id": api.world.centre_id,
        "active": True,
    }
    assert "password" not in response.text
    me = _me(api, body["access_token"])
    assert me.status_code == 200, me.text
    assert me.json()["user"]["id"] == api.world.users["attendant"]
    assert me.json()["server_time"].startswith(ctx.clock.now().strftime("%Y-%m-%dT%H:%M"))


def test_password_is_stored_as_argon2id(ctx: AppContext, api: ApiClient) -> None:
    with ctx.db.reading() as session:
        stored = session.execute(
            select(User.password_hash).where(User.username == "attendant")
        ).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_username_is_matched_without_case_or_spaces(api: ApiClient) -> None:
    assert _login(api, "  Attendant ").status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(api: ApiClient) -> None:
    wrong = _login(api, "attendant", WRONG)
    unknown = _login(api, "nobody-here", WRONG)
    assert wrong.status_code == unknown.status_code == 401
    assert _code(wrong) == "auth.invalid_credentials"
    assert wrong.json() == unknown.json()


def test_inactive_user_is_refused_even_with_the_right_password(
    ctx: AppContext, api: ApiClient
) -> None:
    staff = api.login("attendant")
    with ctx.db.writing() as session:
        session.execute(update(User).where(User.username == "attendant").values(active=False))
    response = _login(api, "attendant")
    assert response.status_code == 401
    assert _code(response) == "auth.invalid_credentials"
    # An open session ends at its next refresh.
    refreshed = _refresh(api, staff.refresh_token)
    assert refreshed.status_code == 401
    assert _code(refreshed) == "auth.session_expired"


def test_passwords_never_reach_the_logs(api: ApiClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _fail(api, "attendant", 2)
    _fail(api, "nobody-here", 1)
    _login(api, "attendant")
    assert "login failed" in caplog.text  # the failures are logged ...
    assert WRONG not in caplog.text  # ... without the password tried
    assert PASSWORD not in caplog.text


# --- rate limit -----------------------------------------------------------------------------


def test_too_many_failures_lock_the_user_even_with_the_right_password(
    ctx: AppContext, api: ApiClient
) -> None:
    limit = ctx.settings.login_max_failures
    window = ctx.settings.login_window_minutes
    _fail(api, "attendant", limit)
    response = _login(api, "attendant")
    assert response.status_code == 429
    assert _code(response) == "auth.rate_limited"
    assert response.headers["Retry-After"] == str(window * 60)
    assert response.json()["error"]["details"]["retry_after_seconds"] == window * 60
    # Another user is not affected.
    assert _login(api, "reception").status_code == 200


def test_unknown_users_are_limited_like_real_ones(ctx: AppContext, api: ApiClient) -> None:
    _fail(api, "nobody-here", ctx.settings.login_max_failures)
    response = _login(api, "nobody-here", WRONG)
    assert response.status_code == 429
    assert _code(response) == "auth.rate_limited"


def test_the_lock_ends_when_the_window_passes(
    ctx: AppContext, api: ApiClient, clock: FrozenClock
) -> None:
    _fail(api, "attendant", ctx.settings.login_max_failures)
    clock.advance(minutes=ctx.settings.login_window_minutes)
    assert _login(api, "attendant").status_code == 429  # the window includes its edge
    clock.advance(seconds=1)
    assert _login(api, "attendant").status_code == 200


def test_a_refused_attempt_does_not_extend_the_lock(
    ctx: AppContext, api: ApiClient, clock: FrozenClock
) -> None:
    _fail(api, "attendant", ctx.settings.login_max_failures)
    clock.advance(minutes=ctx.settings.login_window_minutes - 1)
    assert _login(api, "attendant", WRONG).status_code == 429
    clock.advance(minutes=1, seconds=1)
    assert _login(api, "attendant").status_code == 200


def test_success_clears_the_failures(ctx: AppContext, api: ApiClient) -> None:
    limit = ctx.settings.login_max_failures
    _fail(api, "attendant", limit - 1)
    assert _login(api, "attendant").status_code == 200
    with ctx.db.reading() as session:
        left = session.execute(
            select(LoginAttempt).where(LoginAttempt.username == "attendant")
        ).all()
    assert left == []
    _fail(api, "attendant", limit - 1)
    assert _login(api, "attendant").status_code == 200


# --- refresh tokens -------------------------------------------------------------------------


def test_refresh_rotates_the_token(api: ApiClient) -> None:
    first = _login(api, "attendant").json()
    response = _refresh(api, first["refresh_token"])
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["user"]["username"] == "attendant"
    assert _me(api, second["access_token"]).status_code == 200
    # The new refresh token works in turn.
    assert _refresh(api, second["refresh_token"]).status_code == 200


def test_reusing_a_rotated_token_revokes_the_whole_session(api: ApiClient) -> None:
    first = _login(api, "attendant").json()["refresh_token"]
    second = _refresh(api, first).json()["refresh_token"]
    third = _refresh(api, second).json()["refresh_token"]
    reused = _refresh(api, first)
    assert reused.status_code == 401
    assert _code(reused) == "auth.session_expired"
    # The thief and the owner are both out: the newest token of the family is dead too.
    newest = _refresh(api, third)
    assert newest.status_code == 401
    assert _code(newest) == "auth.session_expired"
    # Another session of the same user is untouched.
    other = _login(api, "attendant").json()["refresh_token"]
    assert _refresh(api, other).status_code == 200


def test_refresh_token_expires(ctx: AppContext, api: ApiClient, clock: FrozenClock) -> None:
    hours = ctx.settings.refresh_token_hours
    token = _login(api, "attendant").json()["refresh_token"]
    clock.advance(hours=hours, seconds=-1)
    rotated = _refresh(api, token)
    assert rotated.status_code == 200
    # The rotated token has a full lifetime of its own; the clock passes it too.
    clock.advance(hours=hours)
    response = _refresh(api, rotated.json()["refresh_token"])
    assert response.status_code == 401
    assert _code(response) == "auth.session_expired"


def test_unknown_refresh_token(api: ApiClient) -> None:
    response = _refresh(api, "x" * 43)
    assert response.status_code == 401
    assert _code(response) == "auth.session_expired"


def test_logout_revokes_the_session(api: ApiClient) -> None:
    first = _login(api, "attendant").json()["refresh_token"]
    second = _refresh(api, first).json()["refresh_token"]
    response = api.client.post(f"{API}/auth/logout", json={"refresh_token": second})
    assert response.status_code == 204
    after = _refresh(api, second)
    assert after.status_code == 401
    assert _code(after) == "auth.session_expired"
    # Logging out twice, or with an unknown token, is harmless.
    again = api.client.post(f"{API}/auth/logout", json={"refresh_token": second})
    assert again.status_code == 204


# --- access tokens --------------------------------------------------------------------------


def test_access_token_expires_on_the_service_clock(
    ctx: AppContext, api: ApiClient, clock: FrozenClock
) -> None:
    tokens = _login(api, "attendant").json()
    clock.advance(minutes=ctx.settings.access_token_minutes, seconds=-1)
    assert _me(api, tokens["access_token"]).status_code == 200
    clock.advance(seconds=1)
    response = _me(api, tokens["access_token"])
    assert response.status_code == 401
    assert _code(response) == "auth.token_expired"
    assert response.headers["WWW-Authenticate"] == "Bearer"
    # The refresh token gets a fresh access token.
    renewed = _refresh(api, tokens["refresh_token"]).json()["access_token"]
    assert _me(api, renewed).status_code == 200


def test_no_token(api: ApiClient) -> None:
    response = api.client.get(f"{API}/auth/me")
    assert response.status_code == 401
    assert _code(response) == "auth.required"
    assert response.headers["WWW-Authenticate"] == "Bearer"
    basic = api.client.get(f"{API}/auth/me", headers={"Authorization": "Basic YTpi"})
    assert basic.status_code == 401
    assert _code(basic) == "auth.required"


def _signed(claims: dict[str, Any], key: str = TEST_SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


def _claims(api: ApiClient, clock: FrozenClock, **changes: Any) -> dict[str, Any]:
    now = int(clock.now().timestamp())
    claims: dict[str, Any] = {
        "sub": str(api.world.users["admin"]),
        "usr": "admin",
        "role": "admin",
        "centre": None,
        "iat": now,
        "exp": now + 600,
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not ...}


def test_forged_tokens_are_refused(api: ApiClient, clock: FrozenClock) -> None:
    assert _me(api, _signed(_claims(api, clock))).status_code == 200  # the control
    bad = {
        "garbage": "not-a-jwt",
        "other key": _signed(_claims(api, clock), key="another-secret-key-of-enough-length"),
        "unsigned": _signed(_claims(api, clock), key="", algorithm="none"),
        "no exp": _signed(_claims(api, clock, exp=...)),
        "no user name": _signed(_claims(api, clock, usr=...)),
        "unknown role": _signed(_claims(api, clock, role="emperor")),
        "bad subject": _signed(_claims(api, clock, sub="x")),
    }
    for name, token in bad.items():
        response = _me(api, token)
        assert response.status_code == 401, (name, response.text)
        assert _code(response) == "auth.invalid_token", name


def test_a_token_issued_by_a_clock_ahead_of_the_wall_clock_is_valid(
    api: ApiClient, clock: FrozenClock
) -> None:
    clock.advance(days=400)
    token = _login(api, "attendant").json()["access_token"]
    assert _me(api, token).status_code == 200


# --- users ----------------------------------------------------------------------------------


def _new_user(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "username": "new.attendant",
        "full_name": "New Attendant",
        "password": "a-long-enough-password",
        "role": "attendant",
    }
    body.update(changes)
    return body


def test_admin_creates_a_user_who_can_log_in(api: ApiClient) -> None:
    admin = api.login("admin")
    response = admin.post("/users", _new_user(centre_id=api.world.centre_id))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["username"] == "new.attendant"
    assert body["centre_id"] == api.world.centre_id
    assert "password" not in response.text
    assert _login(api, "new.attendant", "a-long-enough-password").status_code == 200


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"username": "attendant"}, 409, "user.exists"),
        ({"centre_id": None}, 422, "user.centre_required"),
        ({"centre_id": 987654}, 404, "centre.not_found"),
        ({"password": "short"}, 422, "validation.failed"),
        ({"username": "bad name!"}, 422, "validation.failed"),
    ],
)
def test_create_user_errors(
    api: ApiClient, changes: dict[str, Any], status: int, code: str
) -> None:
    admin = api.login("admin")
    body = _new_user(centre_id=api.world.centre_id)
    body.update(changes)
    response = admin.post("/users", body)
    assert response.status_code == status, response.text
    assert _code(response) == code
    assert "a-long-enough-password" not in response.text


def test_admin_may_have_no_centre(api: ApiClient) -> None:
    admin = api.login("admin")
    response = admin.post("/users", _new_user(role="admin", centre_id=None))
    assert response.status_code == 201, response.text
    assert response.json()["centre_id"] is None


def test_users_list_is_limited_to_the_supervisors_centre(api: ApiClient) -> None:
    seen = {u["username"] for u in api.login("supervisor").ok("get", "/users")}
    assert seen == {
        "attendant",
        "attendant2",
        "attendant3",
        "reception",
        "supervisor",
        "ethics_officer",
        "knowledge_editor",
    }
    everyone = {u["username"] for u in api.login("admin").ok("get", "/users")}
    assert everyone == set(api.world.users)
