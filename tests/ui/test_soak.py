"""Soak: tens of thousands of label updates, as a shift of timers and queue ticks makes.

PySide6 6.12.0 on CPython 3.11 freed `None` after ~5,000 void calls and aborted with
`none_dealloc` (DESIGN.md, "Known traps"); this must keep passing on the pinned version.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from PySide6.QtWidgets import QApplication, QLabel

from desktop.views.connection_widgets import ConnectionIndicator
from desktop.views.current_ticket_panel import CurrentTicketPanel
from tests.central.conftest import T0

UPDATES = 25_000


def test_many_label_updates(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    none_refs = sys.getrefcount(None)
    for i in range(UPDATES):
        label.setText(f"{i % 3600 // 60:02d}:{i % 60:02d}")
        label.setAccessibleDescription(label.text())
        if i % 5000 == 0:
            QApplication.processEvents()  # let paint events through now and then
    assert label.text() == f"{(UPDATES - 1) % 3600 // 60:02d}:{(UPDATES - 1) % 60:02d}"
    # The count of references to None must not have collapsed (it is huge and stable).
    assert sys.getrefcount(None) >= none_refs - 1000


def test_many_timer_and_indicator_updates(qtbot):
    moments = {"now": T0}
    panel = CurrentTicketPanel(now=lambda: moments["now"], tick_ms=60_000)
    indicator = ConnectionIndicator()
    qtbot.addWidget(panel)
    qtbot.addWidget(indicator)
    for i in range(UPDATES // 5):
        moments["now"] = T0 + timedelta(seconds=i)
        panel._on_clock_timeout()
        indicator.set_state("OFFLINE" if i % 2 else "LIVE", float(i % 30))
        panel.set_call_hint(str(i))
    assert indicator.state == "OFFLINE"
