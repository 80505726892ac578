"""The services of one running application: the HTTP client, the credential store, auth, the
queue commands and the TaskRunner, built together and replaced together when the user types
another server address."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.api.api_client import ApiClient
from desktop.config import Settings, save_user_settings
from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.services.queue_service import QueueService
from desktop.tasks import TaskRunner


@dataclass
class Services:
    settings: Settings
    api: ApiClient
    store: CredentialStore
    auth: AuthService
    queue: QueueService
    runner: TaskRunner

    def switch_server(self, url: str) -> AuthService:
        """A new server typed in the login dialog: new client and services (nothing signed in
        yet). The URL is kept in the user's settings unless the policy fixes it."""
        self.api.close()
        self.api = ApiClient(url)
        self.auth = AuthService(self.api, self.store, remember=self.settings.remember_session)
        self.queue = QueueService(self.api)
        if "server_url" not in self.settings.locked:
            settings = self.settings
            self.runner.submit(
                lambda: save_user_settings(settings, server_url=url), owner=None, pool="db"
            )
        return self.auth

    def close(self) -> None:
        self.runner.shutdown()
        self.api.close()


def build_services(settings: Settings, *, remember: bool | None = None) -> Services:
    api = ApiClient(settings.server_url)
    store = CredentialStore()
    keep = settings.remember_session if remember is None else remember
    return Services(
        settings=settings,
        api=api,
        store=store,
        auth=AuthService(api, store, remember=keep),
        queue=QueueService(api),
        runner=TaskRunner(),
    )
