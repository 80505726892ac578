"""Reception: a ticket in two clicks (service, then priority; Enter = none), find, cancel,
reactivate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.views.reception_window import ReceptionWindow
from tests.central.conftest import T0


@pytest.fixture
def reception(qtbot, runner, queue_service, live_queue, login, world):
    user = login("reception")
    window = ReceptionWindow(
        runner=runner, queue_service=queue_service, live=live_queue(), user=user, now=lambda: T0
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.start()
    qtbot.waitUntil(lambda: len(window.service_buttons) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: window.connection.state == "LIVE", timeout=10_000)
    return window


def test_two_clicks_issue_a_ticket(qtbot, reception, world):
    button_a = reception.service_buttons[world.services["A"]]
    assert button_a.count.text() == "0 em espera"
    qtbot.mouseClick(button_a, Qt.MouseButton.LeftButton)
    assert reception.pages.currentWidget() is reception.priority_page
    with qtbot.waitSignal(reception.ticket_issued, timeout=5000) as issued:
        qtbot.mouseClick(reception.priority_buttons["elderly"], Qt.MouseButton.LeftButton)
    ticket = issued.args[0]
    assert (ticket.number, ticket.priority) == ("A001", "elderly")
    assert reception.issued_number.text() == "A001"
    assert "Pessoa idosa" in reception.issued_detail.text()
    assert reception.pages.currentWidget() is reception.services_page
    assert button_a.count.text() == "1 em espera"


def test_keyboard_number_then_enter_means_no_priority(qtbot, reception):
    reception.service_buttons[next(iter(reception.service_buttons))].setFocus()
    qtbot.keyClick(reception.focusWidget(), Qt.Key.Key_2)  # the second service: B
    # A button's shortcut "animates" the click: it lands a moment later.
    qtbot.waitUntil(lambda: reception.pages.currentWidget() is reception.priority_page)
    with qtbot.waitSignal(reception.ticket_issued, timeout=5000) as issued:
        qtbot.keyClick(reception.focusWidget(), Qt.Key.Key_Return)
    assert (issued.args[0].number, issued.args[0].priority) == ("B001", "none")


def test_escape_goes_back(qtbot, reception, world):
    qtbot.mouseClick(reception.service_buttons[world.services["A"]], Qt.MouseButton.LeftButton)
    qtbot.keyClick(reception.focusWidget(), Qt.Key.Key_Escape)
    assert reception.pages.currentWidget() is reception.services_page


def test_service_without_priority_offers_only_none(qtbot, reception, world):
    qtbot.mouseClick(reception.service_buttons[world.services["C"]], Qt.MouseButton.LeftButton)
    assert reception.priority_buttons["none"].isEnabled()
    assert not reception.priority_buttons["pregnancy"].isEnabled()
    assert reception.priority_buttons["pregnancy"].toolTip() == (
        "Este serviço não tem atendimento prioritário."
    )


def test_find_cancel_and_reactivate(qtbot, reception, world):
    qtbot.mouseClick(reception.service_buttons[world.services["B"]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reception.priority_buttons["none"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(reception.search_edit, "b001")
    qtbot.keyClick(reception.search_edit, Qt.Key.Key_Return)
    assert [t.number for t in reception.found] == ["B001"]
    assert reception.results.item(0, 2).text() == "Em espera"
    assert reception.cancel_button.isEnabled()
    assert not reception.reactivate_button.isEnabled()
    qtbot.mouseClick(reception.cancel_button, Qt.MouseButton.LeftButton)
    assert reception.message_bar.text == "A senha B001 está agora cancelada."
    assert reception.results.item(0, 2).text() == "Cancelada"
    assert reception.reactivate_front_button.isEnabled()
    qtbot.mouseClick(reception.reactivate_front_button, Qt.MouseButton.LeftButton)
    assert reception.message_bar.text == "A senha B001 está agora em espera."


def test_unknown_number(qtbot, reception):
    reception.search_edit.setText("Z999")
    qtbot.mouseClick(reception.search_button, Qt.MouseButton.LeftButton)
    assert reception.found == []
    assert reception.message_bar.text == "Não há nenhuma senha com este número hoje."


def test_offline_issue_fails_in_words(qtbot, reception, world, live):
    live.stop()
    qtbot.mouseClick(reception.service_buttons[world.services["A"]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(reception.priority_buttons["none"], Qt.MouseButton.LeftButton)
    assert reception.message_bar.text.startswith("Não é possível contactar o serviço central.")
    qtbot.waitUntil(lambda: reception.offline_banner.isVisible(), timeout=10_000)
