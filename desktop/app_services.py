"""The services of one running application: the HTTP client, the credential store, auth, the
queue commands, the local store of cases with its service and sync, and the TaskRunner, built
together and replaced together when the user types
another server address."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.api.api_client import ApiClient
from desktop.api.appointments_api import AppointmentsApi
from desktop.api.knowledge_api import KnowledgeApi
from desktop.config import Settings, save_user_settings
from desktop.services.appointment_service import AppointmentService
from desktop.services.auth_service import AuthService
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync
from desktop.services.credential_store import CredentialStore
from desktop.services.knowledge_service import KnowledgeService
from desktop.services.queue_service import QueueService
from desktop.store.knowledge_repo import KnowledgeRepo
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner


def case_store_path(data_dir: Path, server_url: str) -> Path:
    """The counter's cases (drafts, the outbox) in the user's data folder, one file per central:
    a case filed for one server is never sent to another one typed later in the login dialog."""
    digest = hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:16]
    return data_dir / f"cases-{digest}.sqlite3"


@dataclass
class Services:
    settings: Settings
    api: ApiClient
    store: CredentialStore
    auth: AuthService
    queue: QueueService
    runner: TaskRunner
    case_store: LocalStore
    cases: CaseService
    case_sync: CaseSync
    case_store_folder: Path | None = None  # None: a store given by the caller, kept as is
    # The knowledge cache lives in the case store's file (one per central); built from it.
    knowledge: KnowledgeService = field(init=False)
    # Appointments (issue 6); the offline copy of the agenda lives in the same file.
    appointments: AppointmentService = field(init=False)

    def __post_init__(self) -> None:
        self.knowledge = _knowledge_service(self.api, self.case_store)
        self.appointments = AppointmentService(AppointmentsApi(self.api), self.case_store)

    def switch_server(self, url: str) -> AuthService:
        """A new server typed in the login dialog: new client and services (nothing signed in
        yet). The URL is kept in the user's settings unless the policy fixes it."""
        self.api.close()
        self.api = ApiClient(url)
        if self.case_store_folder is not None:
            self.case_store.close()
            self.case_store = LocalStore.open(case_store_path(self.case_store_folder, url))
        self.auth = AuthService(self.api, self.store, remember=self.settings.remember_session)
        self.queue = QueueService(self.api)
        self.cases = CaseService(self.case_store, self.api, centre_id=0, counter_label="0")
        self.case_sync = CaseSync(self.case_store, self.api)
        self.knowledge = _knowledge_service(self.api, self.case_store)
        self.appointments = AppointmentService(AppointmentsApi(self.api), self.case_store)
        if "server_url" not in self.settings.locked:
            settings = self.settings
            self.runner.submit(
                lambda: save_user_settings(settings, server_url=url), owner=None, pool="db"
            )
        return self.auth

    def close(self) -> None:
        self.runner.shutdown()
        self.api.close()
        self.case_store.close()


def _knowledge_service(api: ApiClient, case_store: LocalStore) -> KnowledgeService:
    return KnowledgeService(KnowledgeApi(api), KnowledgeRepo(case_store))


def build_services(
    settings: Settings, *, remember: bool | None = None, data_dir: Path | None = None
) -> Services:
    """`data_dir` replaces the settings' for the case store (the demo, the self-test and the
    screenshots keep their cases in a temporary folder, never with the user's)."""
    api = ApiClient(settings.server_url)
    store = CredentialStore()
    keep = settings.remember_session if remember is None else remember
    # The counter's cases survive a crash, a restart or a night without network.
    folder = data_dir or settings.data_dir
    case_store = LocalStore.open(case_store_path(folder, settings.server_url))
    return Services(
        settings=settings,
        api=api,
        store=store,
        auth=AuthService(api, store, remember=keep),
        queue=QueueService(api),
        runner=TaskRunner(),
        case_store=case_store,
        cases=CaseService(case_store, api, centre_id=0, counter_label="0"),
        case_sync=CaseSync(case_store, api),
        case_store_folder=folder,
    )
