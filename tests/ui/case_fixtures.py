"""Fixtures for the case-entry views: the counter's local store in tmp_path, a CaseDesk whose
services talk to a central on loopback that the test can stop and start again (offline), with
the reference data of tests/central/case_factories.py, and the counter window with its cases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from central.context import AppContext
from desktop.api.api_client import ApiClient
from desktop.services.case_service import CaseService
from desktop.services.case_sync import CaseSync
from desktop.store.local_store import LocalStore
from desktop.tasks import TaskRunner
from desktop.views.attendant_window import AttendantWindow
from desktop.views.case_desk import CaseDesk
from tests.central.case_factories import add_case_reference
from tests.central.factories import World
from tests.desktop_fixtures import T0
from tests.integration.conftest import Restartable, logged_in


@pytest.fixture
def case_reference(ctx: AppContext, world: World) -> None:
    with ctx.db.writing() as session:
        add_case_reference(session)


@pytest.fixture
def case_central(ctx: AppContext, world: World, case_reference: None) -> Iterator[Restartable]:
    server = Restartable(ctx)
    yield server
    server.stop()


@pytest.fixture
def case_store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore.open(tmp_path / "desk" / "balcao.sqlite3")
    yield store
    store.close()


@pytest.fixture
def case_desk(
    runner: TaskRunner, case_central: Restartable, case_store: LocalStore, world: World
) -> Iterator[CaseDesk]:
    api = ApiClient(case_central.base_url, timeout=(1.0, 3.0))
    logged_in(api, "attendant")
    service = CaseService(case_store, api, centre_id=world.centre_id, counter_label=1)
    desk = CaseDesk(runner, service, CaseSync(case_store, api, backoff=lambda _n: 0.0))
    desk.load_reference()
    assert not desk.reference.is_empty
    yield desk
    desk.stop()
    api.close()


@pytest.fixture
def case_window(
    qtbot,
    runner,
    queue_service,
    live_queue,
    login,
    world,
    prompter,
    case_desk,
) -> Callable[[], AttendantWindow]:
    """The counter window of `attendant` at counter 1 with its cases, started."""

    def make(**extra: Any) -> AttendantWindow:
        window = AttendantWindow(
            runner=runner,
            queue_service=queue_service,
            live=live_queue(),
            user=login("attendant"),
            counter_id=world.counters[1],
            prompter=prompter,
            cases=case_desk,
            now=lambda: T0,
            **extra,
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        window.start()
        qtbot.waitUntil(lambda: window.counter is not None, timeout=10_000)
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def choose(qtbot, combo: QComboBox, data: object) -> None:
    """Pick an entry of a combo box by keyboard (Home, then Down until it is the one)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data, f"{data!r} not in the combo box"


def type_code(desk: CaseDesk, kind: str) -> str:
    return next(t.code for t in desk.reference.case_types if t.kind == kind)
