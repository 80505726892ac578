"""What the integration tests of cases share: central's case reference data (`case_reference`,
asked for with `pytest.mark.usefixtures`), a local store in tmp_path (`store`) and the desk of
counter 1 (`desk`: the real CaseService and CaseSync over an ApiClient, at a fixed time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync, default_sync_backoff
from desktop.store.local_store import LocalStore
from tests.central.case_factories import add_case_reference
from tests.central.factories import World

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


@pytest.fixture
def case_reference(ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(tmp_path / "balcao.sqlite3")
    yield opened
    opened.close()


def desk(
    store: LocalStore,
    api: ApiClient,
    world: World,
    *,
    backoff: Callable[[int], float] = default_sync_backoff,
) -> tuple[CaseService, CaseSync]:
    service = CaseService(store, api, centre_id=world.centre_id, counter_label=1, clock=lambda: NOW)
    service.refresh_reference_data()
    return service, CaseSync(store, api, clock=lambda: NOW, backoff=backoff)
