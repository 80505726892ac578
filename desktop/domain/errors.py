"""Errors the lower layers raise; views turn their `code` into a translated sentence.

Codes are the central service's stable error codes (`ticket.illegal_transition`, ...) plus the
desktop's own, all prefixed `client.`.
"""

from __future__ import annotations

from typing import Any

OFFLINE = "client.offline"
TIMEOUT = "client.timeout"
SESSION_EXPIRED = "auth.session_expired"
BAD_ANSWER = "client.bad_answer"
NO_KEYRING = "client.no_keyring"
BAD_SERVER_URL = "client.bad_server_url"
SETTING_LOCKED = "client.setting_locked"
SETTING_INVALID = "client.setting_invalid"
NO_EMBEDDED_CENTRAL = "client.no_embedded_central"
EMBEDDED_CENTRAL_FAILED = "client.embedded_central_failed"


class BalcaoError(Exception):
    """Base of every error with a code meant for the user."""

    def __init__(self, code: str, message: str = "", details: dict[str, Any] | None = None) -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message or code
        self.details = details or {}


class ApiError(BalcaoError):
    """The central answered with an error (`{"error": {code, message, details}}`)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str = "",
        details: dict[str, Any] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(code, message, details)
        self.status = status
        self.retry_after = retry_after


class OfflineError(BalcaoError):
    """The central could not be reached (refused, DNS, TLS, timeout). Nothing is known to have
    happened on the server unless the request is retried with its idempotency key."""

    def __init__(self, code: str = OFFLINE, message: str = "") -> None:
        super().__init__(code, message or "The central service cannot be reached.")


class SessionExpired(ApiError):
    """The session cannot be renewed: the user must log in again."""

    def __init__(self, message: str = "") -> None:
        super().__init__(401, SESSION_EXPIRED, message or "The session has ended.")


class SettingLocked(BalcaoError, PermissionError):
    """A setting fixed by the machine policy was to be changed by the user."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(
            SETTING_LOCKED, "These settings are fixed by the machine policy.", {"keys": keys}
        )
