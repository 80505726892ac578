"""The supervisor's monitor follows the stream; waits over the target are red."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.views.monitor_models import OVER_TARGET
from desktop.views.monitor_window import MonitorWindow
from tests.central.conftest import T0
from tests.ui.conftest import issue


@pytest.fixture
def desk_clock():
    class Clock:
        now = T0

    return Clock


@pytest.fixture
def monitor(qtbot, runner, queue_service, live_queue, login, world, desk_clock):
    user = login("supervisor")
    window = MonitorWindow(
        runner=runner,
        queue_service=queue_service,
        live=live_queue(),
        user=user,
        centre_id=world.centre_id,
        now=lambda: desk_clock.now,
        refresh_ms=60_000,
    )
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.services_model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.connection.state == "LIVE", timeout=10_000)
    return window


def test_models_pass_qtmodeltester(qtmodeltester, monitor, staff, world):
    issue(staff("reception"), world.centre_id, world.services["A"])
    qtmodeltester.check(monitor.services_model, force_py=True)
    qtmodeltester.check(monitor.counters_model, force_py=True)


def test_follows_the_stream(qtbot, monitor, staff, world):
    model = monitor.services_model
    issue(staff("reception"), world.centre_id, world.services["A"], priority="pregnancy")
    issue(staff("reception"), world.centre_id, world.services["A"])
    qtbot.waitUntil(lambda: model.data(model.index(0, 1)) == "2", timeout=10_000)
    assert model.data(model.index(0, 2)) == "1"
    attendant = staff("attendant2")
    attendant.ok(f"/counters/{world.counters[2]}/open")
    attendant.ok(f"/counters/{world.counters[2]}/call-next")
    counters = monitor.counters_model
    qtbot.waitUntil(lambda: counters.data(counters.index(1, 3)) == "A001", timeout=10_000)
    assert counters.data(counters.index(1, 1)) == "Aberto"
    assert counters.data(counters.index(0, 1)) == "Fechado"
    assert monitor.summary.text().startswith("1 em espera · 1 balcões abertos")


def test_wait_over_target_is_red(qtbot, monitor, staff, world, desk_clock):
    issue(staff("reception"), world.centre_id, world.services["B"])
    model = monitor.services_model
    qtbot.waitUntil(lambda: model.data(model.index(1, 1)) == "1", timeout=10_000)
    assert model.alert_of(1) == 0
    desk_clock.now = T0 + timedelta(minutes=25)  # target is 20 min
    monitor.refresh()
    assert model.alert_of(1) == 2
    assert model.data(model.index(1, 3)) == "25 min"
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole).color() == OVER_TARGET
    assert "1 acima do tempo de espera objetivo" in monitor.summary.text()


def test_paused_counter_shows_the_reason(qtbot, monitor, staff, world):
    attendant = staff("attendant3")
    attendant.ok(f"/counters/{world.counters[3]}/open")
    attendant.ok(f"/counters/{world.counters[3]}/pause", {"reason": "meeting"})
    counters = monitor.counters_model
    qtbot.waitUntil(
        lambda: counters.data(counters.index(2, 1)) == "Em pausa: Reunião", timeout=10_000
    )
