"""Choosing the counter on the first sign-in at a PC."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.views.counter_picker_dialog import CounterPickerDialog


def test_counters_listed_taken_ones_disabled_choice_kept(
    qtbot, runner, queue_service, login, world, staff
):
    staff("attendant2").ok(f"/counters/{world.counters[2]}/open")
    user = login("attendant")
    kept: list[int] = []
    dialog = CounterPickerDialog(
        runner=runner, queue_service=queue_service, user=user, remember=kept.append
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    texts = [dialog.counter_list.item(row).text() for row in range(dialog.counter_list.count())]
    assert texts[0] == "Balcão 1  ·  serviços A, B"
    assert texts[1].endswith("ocupado por outra pessoa")
    taken = dialog.counter_list.item(1)
    assert not taken.flags() & Qt.ItemFlag.ItemIsEnabled
    dialog.choose(world.counters[3])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.counter_id == world.counters[3]
    assert kept == [world.counters[3]]
