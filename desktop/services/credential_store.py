"""The remembered session: the refresh token in the OS keyring, never in a file.

Entries live under the service name `<prefix>:<server url>`, user name = the login (as
docs/desktop.md says), plus one entry naming the last login so that it can be found again: not
every keyring backend can list the accounts of a service.

A machine without a keyring backend (headless Linux: `NoKeyringError`) or with a broken one
(no D-Bus session, a locked keychain) simply does not remember: `available` is False and the
login dialog says so. Nothing here raises for a keyring problem.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
import keyring.backends.fail
import keyring.errors

log = logging.getLogger(__name__)

# Not a possible login (logins are [A-Za-z0-9._-]): the entry naming who was remembered.
LAST_USER_ENTRY = ":last_user"


class CredentialStore:
    def __init__(self, service_prefix: str = "balcao") -> None:
        self.service_prefix = service_prefix
        self._broken = False

    def service_name(self, server_url: str) -> str:
        return f"{self.service_prefix}:{server_url.rstrip('/')}"

    @property
    def available(self) -> bool:
        if self._broken:
            return False
        try:
            backend = keyring.get_keyring()
        except Exception:  # a backend that fails to initialise is no backend
            return False
        return not isinstance(backend, keyring.backends.fail.Keyring)

    def _failed(self, action: str, exc: Exception) -> None:
        # The type only: keyring errors may quote the entry, which names the user.
        log.warning(
            "keyring %s failed (%s): sessions are not remembered", action, type(exc).__name__
        )
        if not isinstance(exc, keyring.errors.PasswordDeleteError):
            self._broken = True

    def load(self, server_url: str) -> tuple[str, str] | None:
        """(login, refresh token) remembered for this server, or None."""
        if not self.available:
            return None
        service = self.service_name(server_url)
        try:
            username = keyring.get_password(service, LAST_USER_ENTRY)
            if not username:
                return None
            token = keyring.get_password(service, username)
        except Exception as exc:
            self._failed("read", exc)
            return None
        return (username, token) if token else None

    def save(self, server_url: str, username: str, refresh_token: str) -> bool:
        """Remember; False if the keyring cannot (the session then lasts until the app ends)."""
        if not self.available:
            return False
        service = self.service_name(server_url)
        try:
            previous = keyring.get_password(service, LAST_USER_ENTRY)
            if previous and previous != username:
                self._delete(service, previous)
            keyring.set_password(service, username, refresh_token)
            keyring.set_password(service, LAST_USER_ENTRY, username)
        except Exception as exc:
            self._failed("write", exc)
            return False
        return True

    def forget(self, server_url: str) -> None:
        if not self.available:
            return
        service = self.service_name(server_url)
        try:
            username = keyring.get_password(service, LAST_USER_ENTRY)
            if username:
                self._delete(service, username)
            self._delete(service, LAST_USER_ENTRY)
        except Exception as exc:
            self._failed("delete", exc)

    @staticmethod
    def _delete(service: str, username: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):  # already gone
            keyring.delete_password(service, username)
