"""Signing in and out at the counter: login, resume a remembered session, unlock after an idle
lock, logout. The refresh token goes to the keyring (when there is one and the user wants it);
the access token stays in the ApiClient's memory."""

from __future__ import annotations

import logging
import threading

from desktop.api.api_client import ApiClient
from desktop.api.auth_api import AuthApi
from desktop.domain.errors import BalcaoError, SessionExpired
from desktop.domain.users import User
from desktop.services.credential_store import CredentialStore

log = logging.getLogger(__name__)

NOT_LOGGED_IN = "client.not_logged_in"
OTHER_USER = "client.other_user"


class AuthService:
    def __init__(self, api: ApiClient, store: CredentialStore, *, remember: bool = True) -> None:
        self._api = api
        self._auth = AuthApi(api)
        self._store = store
        self._remember = remember
        self._lock = threading.Lock()
        self._user: User | None = None
        self._username: str | None = None  # known before the user is (during a resume)
        api.on_tokens = self._on_tokens

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def server_url(self) -> str:
        return self._api.base_url

    @property
    def remembering_available(self) -> bool:
        return self._remember and self._store.available

    @property
    def remember(self) -> bool:
        return self._remember

    def set_remember(self, remember: bool) -> None:
        """The user's choice in the login dialog; turning it off forgets what was kept."""
        self._remember = remember
        if not remember:
            self._store.forget(self.server_url)

    def login(self, username: str, password: str) -> User:
        user = self._auth.login(username, password)
        self._signed_in(user)
        return user

    def resume(self) -> User | None:
        """The remembered session, renewed; None when nothing is remembered or the central
        ended that session (then it is forgotten). OfflineError keeps it for a later try."""
        if not self.remembering_available:
            return None
        saved = self._store.load(self.server_url)
        if saved is None:
            return None
        username, token = saved
        self._username = username
        try:
            user = self._auth.resume(token)
        except SessionExpired:
            self._store.forget(self.server_url)
            self._username = None
            return None
        self._signed_in(user)
        return user

    def unlock(self, password: str) -> User:
        """Log in again as the same user after an idle lock; the work on screen stays. A wrong
        password is ApiError `auth.invalid_credentials`, like at login."""
        current = self._user
        if current is None:
            raise BalcaoError(NOT_LOGGED_IN, "nobody to unlock")
        old_token = self._api.refresh_token
        user = self._auth.login(current.username, password)
        if user.id != current.id:  # cannot happen with one user name; never accept it anyway
            self._auth.logout()
            raise BalcaoError(OTHER_USER, "unlocked as somebody else")
        self._signed_in(user)
        if old_token is not None and old_token != self._api.refresh_token:
            self._auth.revoke(old_token)  # the locked session is not needed any more
        return user

    def logout(self) -> None:
        """Works offline: the tokens are forgotten here whatever the central says."""
        self._auth.logout()
        self._store.forget(self.server_url)
        with self._lock:
            self._user = None
            self._username = None

    # --- tokens ---------------------------------------------------------------------------------

    def _signed_in(self, user: User) -> None:
        with self._lock:
            self._user = user
            self._username = user.username
        token = self._api.refresh_token
        if token is not None:
            self._keep(user.username, token)

    def _keep(self, username: str, token: str) -> None:
        if self.remembering_available:
            self._store.save(self.server_url, username, token)

    def _on_tokens(self, token: str | None) -> None:
        """From the ApiClient: every rotation of the refresh token, None when the session ended."""
        if token is None:
            self._store.forget(self.server_url)
            return
        username = self._username
        if username is not None:
            self._keep(username, token)
