"""`ApiClient`: JSON over HTTP to the central, with its error format and the token protocol.

- One `requests.Session` per thread (a Session is not thread-safe); the event stream and token
  refreshes get sessions of their own.
- The central's error body becomes `ApiError`; an unreachable central or a timeout becomes
  `OfflineError`; an answer that is not the central's JSON becomes `ApiError` `client.bad_answer`.
- The access token lives in memory only. A 401 `auth.token_expired` (or `auth.invalid_token`, as
  after a demo central restarted with a new signing key) triggers one refresh and one retry.
  Refreshes are serialized by a lock and a thread that lost the race reuses the winner's token,
  so a refresh token is never sent twice (the central would revoke the session, api.md "Reuse
  detection"). A refresh whose answer was lost ends the session (`SessionExpired`): the token was
  probably spent and trying it again would look like theft.

Nothing here logs a body, a token or a password: only method, path, status, code and time.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
import urllib3.exceptions

from desktop.domain.errors import (
    BAD_ANSWER,
    BAD_SERVER_URL,
    TIMEOUT,
    ApiError,
    BalcaoError,
    OfflineError,
    SessionExpired,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_TIMEOUT = (3.05, 10.0)  # (connect, read) seconds
USER_AGENT = "balcao-desktop/0.1"
# The 401 codes a new access token cures.
REFRESHABLE = frozenset({"auth.token_expired", "auth.invalid_token"})

Timeout = tuple[float, float]
TokensCallback = Callable[[str | None], None]


@dataclass(frozen=True)
class ApiAnswer:
    """A successful answer: its decoded JSON (None for 204) and the headers worth knowing."""

    status: int
    body: Any
    replayed: bool  # `Idempotent-Replayed: true`: the central repeated a stored answer


@dataclass(frozen=True)
class _Request:
    """One request as the client sends it (again, after a refresh): all but the token."""

    method: str
    path: str
    json: Any
    params: Mapping[str, Any] | None
    headers: Mapping[str, str]
    auth: bool
    stream: bool = False
    timeout: Timeout | None = None
    data: bytes | None = None  # a raw body (a file), sent instead of `json`


def _not_sent(exc: requests.RequestException) -> bool:
    """True when the request surely never reached the server (refused, unresolvable, connect
    timeout), so nothing can have happened there."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(
        reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError
    )


def offline_error(exc: requests.RequestException) -> BalcaoError:
    """The desktop's error for a failure of the transport."""
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return BalcaoError(BAD_SERVER_URL, f"unusable server address: {type(exc).__name__}")
    if isinstance(exc, requests.Timeout):
        return OfflineError(TIMEOUT, "The central service did not answer in time.")
    return OfflineError(message=f"The central service cannot be reached ({type(exc).__name__}).")


def _retry_after(response: requests.Response, details: Mapping[str, Any]) -> float | None:
    header = response.headers.get("Retry-After")
    if header is not None:
        try:
            return float(header)
        except ValueError:
            pass
    seconds = details.get("retry_after_seconds")
    return float(seconds) if isinstance(seconds, int | float) else None


def error_from(response: requests.Response) -> ApiError:
    """The `ApiError` for a non-2xx answer, in the central's format or not."""
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return ApiError(
            response.status_code,
            BAD_ANSWER,
            f"HTTP {response.status_code} without the central's error format",
            {"status": response.status_code},
        )
    details = error.get("details") if isinstance(error.get("details"), dict) else {}
    assert isinstance(details, dict)
    return ApiError(
        response.status_code,
        error["code"],
        str(error.get("message") or error["code"]),
        details,
        _retry_after(response, details),
    )


def _error_code(response: requests.Response) -> str | None:
    if response.status_code < 400:
        return None
    return error_from(response).code


class ApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: Timeout = DEFAULT_TIMEOUT,
        session_factory: Callable[[], requests.Session] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Tests hand in a factory that mounts a transport adapter (e.g. one losing answers).
        self._session_factory = session_factory or requests.Session
        self._local = threading.local()
        self._sessions: weakref.WeakSet[requests.Session] = weakref.WeakSet()
        self._sessions_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._access: str | None = None
        self._refresh: str | None = None
        # Called with each new refresh token (to keep it in the keyring), None when the session
        # has ended for good. Called while the refresh lock is held: keep it short.
        self.on_tokens: TokensCallback | None = None

    # --- sessions and tokens --------------------------------------------------------------------

    def new_session(self) -> requests.Session:
        session = self._session_factory()
        session.headers["User-Agent"] = USER_AGENT
        session.headers["Accept"] = "application/json"
        with self._sessions_lock:
            self._sessions.add(session)
        return session

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self.new_session()
            self._local.session = session
        return session

    def close(self) -> None:
        """Close every connection (each thread's session); the client stays usable."""
        with self._sessions_lock:
            sessions = list(self._sessions)
        for session in sessions:
            session.close()

    def start_session(self, access_token: str | None, refresh_token: str) -> None:
        with self._refresh_lock:
            self._access, self._refresh = access_token, refresh_token

    def end_session(self) -> str | None:
        """Forget both tokens; returns the refresh token that was held (to revoke it)."""
        with self._refresh_lock:
            token, self._access, self._refresh = self._refresh, None, None
        return token

    @property
    def has_session(self) -> bool:
        return self._refresh is not None

    @property
    def refresh_token(self) -> str | None:
        return self._refresh

    def url(self, path: str) -> str:
        return f"{self.base_url}{API_PREFIX}{path}"

    # --- requests -------------------------------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None, *, auth: bool = True) -> Any:
        return self.request("GET", path, params=params, auth=auth).body

    def post(
        self, path: str, body: Any = None, *, key: str | None = None, auth: bool = True
    ) -> Any:
        return self.request("POST", path, body=body, key=key, auth=auth).body

    def put(self, path: str, body: Any, *, key: str | None = None) -> Any:
        return self.request("PUT", path, body=body, key=key).body

    def get_text(self, path: str, params: Mapping[str, Any] | None = None) -> str:
        """A GET whose answer is text, not JSON (an iCalendar file); errors as any other."""
        request = _Request("GET", path, None, params, {}, True)
        response = self._send(self._session(), request)
        if response.status_code >= 400:
            error = error_from(response)
            log.info("%s -> %s %s", _path_of(response), response.status_code, error.code)
            raise error
        response.encoding = response.encoding or "utf-8"
        return response.text

    def health(self) -> dict[str, Any]:
        body = self.get("/health", auth=False)
        if not isinstance(body, dict):
            raise ApiError(200, BAD_ANSWER, "health answer is not an object")
        return body

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        key: str | None = None,
        auth: bool = True,
        if_match: int | None = None,
    ) -> ApiAnswer:
        """`if_match`: the version an edit was based on (`If-Match: "<version>"`)."""
        headers = {"Idempotency-Key": key} if key else {}
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        send_body = body if body is not None or method == "GET" else {}
        request = _Request(method, path, send_body, params, headers, auth)
        return self._answer(self._send(self._session(), request))

    def send_bytes(
        self,
        path: str,
        data: bytes,
        *,
        content_type: str,
        headers: Mapping[str, str] | None = None,
        key: str | None = None,
    ) -> ApiAnswer:
        """POST `data` as the raw body (a file, not JSON) with its `Content-Type`; the answer
        is read as any other (the central's JSON or its error)."""
        all_headers = {**(headers or {}), "Content-Type": content_type}
        if key:
            all_headers["Idempotency-Key"] = key
        request = _Request("POST", path, None, None, all_headers, True, data=data)
        return self._answer(self._send(self._session(), request))

    def open_stream(
        self, path: str, headers: Mapping[str, str], read_timeout: float
    ) -> tuple[requests.Response, requests.Session]:
        """A streaming GET on a session of its own (closed with it), for the event stream."""
        session = self.new_session()
        try:
            request = _Request(
                "GET",
                path,
                json=None,
                params=None,
                headers={**headers, "Accept": "text/event-stream"},
                auth=True,
                stream=True,
                timeout=(self.timeout[0], read_timeout),
            )
            response = self._send(session, request)
            if response.status_code != 200:
                error = error_from(response)  # reads the body, before the close drops it
                response.close()
                raise error
        except BaseException:
            session.close()
            raise
        return response, session

    def _send(self, session: requests.Session, request: _Request) -> requests.Response:
        token = self._access if request.auth else None
        response = self._transport(session, request, token)
        if request.auth and response.status_code == 401 and _error_code(response) in REFRESHABLE:
            response.close()
            token = self._refreshed_after(token)
            response = self._transport(session, request, token)
        return response

    def _transport(
        self, session: requests.Session, request: _Request, token: str | None
    ) -> requests.Response:
        method, path = request.method, request.path
        all_headers = dict(request.headers)
        if request.auth:
            if token is None:
                raise SessionExpired("not logged in")
            all_headers["Authorization"] = f"Bearer {token}"
        started = time.monotonic()
        # A GET may meet a keep-alive connection the server has just closed: one more try
        # on a new connection is safe, since reading changes nothing.
        attempts = 2 if method == "GET" else 1
        for attempt in range(attempts):
            try:
                response = session.request(
                    method,
                    self.url(path),
                    json=request.json,
                    data=request.data,
                    params=request.params,
                    headers=all_headers,
                    timeout=request.timeout or self.timeout,
                    stream=request.stream,
                    allow_redirects=False,
                )
                break
            except requests.RequestException as exc:
                retry = (
                    attempt + 1 < attempts
                    and isinstance(exc, requests.ConnectionError)
                    and not isinstance(exc, requests.Timeout)
                    and not _not_sent(exc)
                )
                if not retry:
                    log.info("%s %s failed: %s", method, path, type(exc).__name__)
                    raise offline_error(exc) from exc
        elapsed = (time.monotonic() - started) * 1000
        log.debug("%s %s -> %s (%.0f ms)", method, path, response.status_code, elapsed)
        return response

    def _answer(self, response: requests.Response) -> ApiAnswer:
        if response.status_code >= 400:
            error = error_from(response)
            log.info("%s -> %s %s", _path_of(response), response.status_code, error.code)
            raise error
        replayed = response.headers.get("Idempotent-Replayed", "").lower() == "true"
        if response.status_code == 204 or not response.content:
            return ApiAnswer(response.status_code, None, replayed)
        if "json" not in response.headers.get("Content-Type", ""):
            raise ApiError(response.status_code, BAD_ANSWER, "the answer is not JSON")
        try:
            body = response.json()
        except ValueError as exc:
            raise ApiError(response.status_code, BAD_ANSWER, "the answer is not JSON") from exc
        return ApiAnswer(response.status_code, body, replayed)

    # --- the refresh protocol -------------------------------------------------------------------

    def _refreshed_after(self, stale: str | None) -> str:
        """A fresh access token, refreshing unless another thread did it since `stale` failed."""
        with self._refresh_lock:
            if self._access is not None and self._access != stale:
                return self._access
            self._refresh_locked()
            assert self._access is not None
            return self._access

    def refresh_session(self) -> dict[str, Any]:
        """Exchange the refresh token now (e.g. to resume a remembered session): returns the
        `TokenRead`. SessionExpired when the central refuses it or its answer was lost."""
        with self._refresh_lock:
            return self._refresh_locked()

    def _refresh_locked(self) -> dict[str, Any]:
        token = self._refresh
        if token is None:
            raise SessionExpired("no refresh token")
        session = self.new_session()
        try:
            response = session.post(
                self.url("/auth/refresh"), json={"refresh_token": token}, timeout=self.timeout
            )
            if response.status_code == 401:
                self._session_over()
                raise SessionExpired(error_from(response).message)
            if response.status_code >= 400:
                raise error_from(response)  # e.g. a 503: nothing was spent, keep the tokens
            data = response.json()
            access, refresh = str(data["access_token"]), str(data["refresh_token"])
        except requests.RequestException as exc:
            if _not_sent(exc):
                raise offline_error(exc) from exc
            log.warning("token refresh answer lost (%s): the session ends", type(exc).__name__)
            self._session_over()
            raise SessionExpired("the answer to a token refresh was lost") from exc
        except (ValueError, KeyError, TypeError) as exc:
            self._session_over()
            raise SessionExpired("the answer to a token refresh was unreadable") from exc
        finally:
            session.close()
        self._access, self._refresh = access, refresh
        log.info("access token refreshed")
        if self.on_tokens is not None:
            self.on_tokens(refresh)
        if not isinstance(data, dict):
            raise SessionExpired("the answer to a token refresh was unreadable")
        return data

    def _session_over(self) -> None:
        self._access = self._refresh = None
        if self.on_tokens is not None:
            self.on_tokens(None)


def _path_of(response: requests.Response) -> str:
    """`METHOD /path` of the request under the API prefix, without the query (for the log)."""
    request = response.request
    url = (request.url or "").split("?", 1)[0]
    _, _, path = url.partition(API_PREFIX)
    return f"{request.method} {path or url}"
