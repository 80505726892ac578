"""The waiting-queue model: qtmodeltester, and incremental signals (never a reset per event)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.domain.tickets import TicketSummary
from desktop.views.queue_table_model import (
    COUNTER,
    NUMBER,
    PRIORITY,
    SORT_ROLE,
    WAITED,
    QueueTableModel,
)

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def ticket(ticket_id: int, number: str, minutes_ago: int, **extra: object) -> TicketSummary:
    values: dict[str, object] = {
        "id": ticket_id,
        "number": number,
        "service_id": 1,
        "status": "waiting",
        "priority": "none",
        "counter_id": None,
        "target_counter_id": None,
        "front": False,
        "appointment_at": None,
        "issued_at": NOW - timedelta(minutes=minutes_ago),
        "queued_at": NOW - timedelta(minutes=minutes_ago),
        "called_at": None,
        "call_count": 0,
        "version": 1,
    }
    values.update(extra)
    return TicketSummary(**values)  # type: ignore[arg-type]


class Recorder:
    def __init__(self, model: QueueTableModel) -> None:
        self.events: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.events.append(("reset", -1, -1)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.dataChanged.connect(
            lambda tl, br, _roles=(): self.events.append(("changed", tl.row(), tl.column()))
        )


def make_model(qapp) -> QueueTableModel:
    model = QueueTableModel(now=lambda: NOW, tick_ms=0)
    model.set_names({1: "A · Atendimento geral", 2: "B · Urbanismo"}, {7: "Balcão 7"})
    return model


def test_model_passes_qtmodeltester(qtmodeltester, qapp):
    model = make_model(qapp)
    model.sync(
        [
            ticket(1, "A001", 30),
            ticket(2, "A002", 20, priority="elderly"),
            ticket(3, "B001", 10, service_id=2, target_counter_id=7, front=True),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(WAITED)
    qtmodeltester.check(proxy, force_py=True)


def test_model_changes_are_incremental(qapp):
    model = make_model(qapp)
    model.sync([ticket(1, "A001", 30), ticket(2, "A002", 20), ticket(3, "A003", 10)])
    recorder = Recorder(model)
    # A002 is called (leaves), A004 is issued (arrives), A003 changes priority.
    model.sync(
        [
            ticket(1, "A001", 30),
            ticket(3, "A003", 10, priority="infant", version=2),
            ticket(4, "A004", 0),
        ]
    )
    assert recorder.events == [("removed", 1, 1), ("changed", 1, 0), ("inserted", 2, 2)]
    assert [t.number for t in model.tickets] == ["A001", "A003", "A004"]
    assert model.data(model.index(1, PRIORITY)) == "Criança de colo"
    # The same rows again: nothing at all.
    recorder.events.clear()
    model.sync(list(model.tickets))
    assert recorder.events == []


def test_removing_several_ranges(qapp):
    model = make_model(qapp)
    model.sync([ticket(i, f"A{i:03d}", 60 - i) for i in range(1, 8)])
    recorder = Recorder(model)
    model.sync([ticket(i, f"A{i:03d}", 60 - i) for i in (1, 4, 7)])
    assert recorder.events == [("removed", 4, 5), ("removed", 1, 2)]
    assert [t.number for t in model.tickets] == ["A001", "A004", "A007"]


def test_tick_touches_only_the_waited_column(qapp):
    model = make_model(qapp)
    model.sync([ticket(1, "A001", 30), ticket(2, "A002", 5)])
    recorder = Recorder(model)
    model.tick()
    assert recorder.events == [("changed", 0, WAITED)]
    assert model.data(model.index(0, WAITED)) == "30 min"


def test_display_and_sorting(qapp):
    model = make_model(qapp)
    model.sync(
        [
            ticket(1, "A001", 30),
            ticket(2, "A002", 45),
            ticket(3, "B001", 5, service_id=2, front=True, target_counter_id=7),
        ]
    )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(WAITED, Qt.SortOrder.AscendingOrder)
    order = [proxy.data(proxy.index(row, NUMBER)) for row in range(3)]
    assert order == ["B001 ↑", "A002", "A001"]  # front first, then the longest wait
    row = [t.id for t in model.tickets].index(3)
    assert model.data(model.index(row, COUNTER)) == "Balcão 7"
    assert model.has_targeted


def test_waited_never_goes_negative(qapp):
    model = make_model(qapp)
    future = replace(ticket(1, "A001", 0), queued_at=NOW + timedelta(minutes=3))
    model.sync([future])
    assert model.data(model.index(0, WAITED)) == "0 s"
