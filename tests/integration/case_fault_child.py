"""The desktop's case work in a process of its own, for tests/integration/test_case_faults.py
to kill with SIGKILL at a moment it chooses.

    python -m tests.integration.case_fault_child submit STORE CENTRE_ID COUNT
        submits COUNT cases through the real `CaseService` on the store file (whose reference
        data the test cached beforehand; central is never called) and prints
        `submitted <local_id> <provisional reference>` after each one has returned.
    python -m tests.integration.case_fault_child sync STORE BASE_URL USERNAME PASSWORD [BATCH]
        logs in and runs `CaseSync` rounds on the store (BATCH filings a request, default
        `CaseSync`'s) until its outbox is empty, printing `ready` once logged in and
        `answered <status>` as soon as each answer to a filing request (a batch, or one case)
        has arrived, before the store records it (the moment a kill hurts most).

Every line is flushed at once: the parent reads them as they come and kills without sleeping.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

import requests

from desktop.api.api_client import ApiClient
from desktop.api.auth_api import AuthApi
from desktop.domain.cases import CaseDraft, CaseFields
from desktop.services.case_service import CaseService
from desktop.services.case_sync import BATCH_LIMIT, CaseSync
from desktop.store.local_store import LocalStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
UNREACHABLE = "http://127.0.0.1:9"  # the submit mode never talks to central


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def draft(n: int) -> CaseDraft:
    return CaseDraft("information_request", CaseFields(f"Pedido de informação n.º {n}."))


def submit(store_path: str, centre_id: int, count: int) -> None:
    store = LocalStore.open(store_path)
    service = CaseService(
        store, ApiClient(UNREACHABLE), centre_id=centre_id, counter_label=1, clock=lambda: NOW
    )
    for n in range(count):
        case = service.submit(draft(n))
        say(f"submitted {case.local_id} {case.provisional_reference}")
    store.close()


def _announcing_session() -> requests.Session:
    def announce(response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        if response.request.method == "POST" and "/cases" in (response.request.url or ""):
            say(f"answered {response.status_code}")

    session = requests.Session()
    session.hooks["response"].append(announce)
    return session


def sync(store_path: str, base_url: str, username: str, password: str, batch: str = "0") -> None:
    store = LocalStore.open(store_path)
    api = ApiClient(base_url, session_factory=_announcing_session)
    AuthApi(api).login(username, password)
    say("ready")
    size = int(batch) or BATCH_LIMIT
    case_sync = CaseSync(
        store, api, clock=lambda: NOW, backoff=lambda _attempt: 0.0, batch_size=size
    )
    while case_sync.run_once(NOW).next_due is not None:
        pass
    say("done")
    store.close()


def main(argv: list[str]) -> int:
    mode, store_path, *rest = argv
    if mode == "submit":
        submit(store_path, int(rest[0]), int(rest[1]))
    elif mode == "sync":
        sync(store_path, *rest)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
