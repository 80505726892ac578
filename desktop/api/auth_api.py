"""`/auth/*`: log in, resume with a refresh token, who am I, log out."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from desktop.api.api_client import ApiClient
from desktop.domain.errors import BAD_ANSWER, ApiError, BalcaoError
from desktop.domain.users import User

log = logging.getLogger(__name__)


def _user_of(answer: Any) -> User:
    try:
        return User.from_json(answer["user"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ApiError(200, BAD_ANSWER, "the answer names no user") from exc


class AuthApi:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def login(self, username: str, password: str) -> User:
        """Start a session (the client then holds its tokens). ApiError
        `auth.invalid_credentials` or `auth.rate_limited` (with `retry_after`)."""
        answer = self.client.post(
            "/auth/login", {"username": username, "password": password}, auth=False
        )
        try:
            self.client.start_session(str(answer["access_token"]), str(answer["refresh_token"]))
        except (KeyError, TypeError) as exc:
            raise ApiError(200, BAD_ANSWER, "the login answer carries no tokens") from exc
        return _user_of(answer)

    def resume(self, refresh_token: str) -> User:
        """Start from a remembered refresh token (rotated at once). SessionExpired if the
        central refuses it."""
        self.client.start_session(None, refresh_token)
        return _user_of(self.client.refresh_session())

    def me(self) -> User:
        return _user_of(self.client.get("/auth/me"))

    def revoke(self, refresh_token: str) -> None:
        """Revoke a session on the central, best effort: offline or refused changes nothing
        locally (the token expires by itself within hours)."""
        with contextlib.suppress(BalcaoError):
            self.client.post("/auth/logout", {"refresh_token": refresh_token}, auth=False)

    def logout(self) -> None:
        """Forget the tokens at once, then revoke the session on the central (best effort)."""
        token = self.client.end_session()
        if token is not None:
            self.revoke(token)
        log.info("logged out")
