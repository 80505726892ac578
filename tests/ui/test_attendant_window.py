"""The counter window against a real central: every action by mouse and by keyboard, and what
the attendant sees when something goes wrong (in pt-PT)."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.views import counter_actions as names
from desktop.views.attendant_window import AttendantWindow
from desktop.views.ticket_action_dialogs import (
    CallNumberDialog,
    FinishDialog,
    PauseDialog,
    TransferDialog,
)
from tests.ui.conftest import issue

KEYS = {
    names.CALL_NEXT: (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    names.CALL_NUMBER: (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
    names.RECALL: (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier),
    names.START: (Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
    names.FINISH: (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
    names.NO_SHOW: (Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier),
    names.TRANSFER: (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier),
    names.PARK: (Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier),
    names.RETURN_PARKED: (
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ),
    names.PAUSE: (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier),
    names.RESUME: (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier),
}


@pytest.fixture
def window(qtbot, attendant_window, world, staff):
    reception = staff("reception")
    for _ in range(3):
        issue(reception, world.centre_id, world.services["A"])
    win = attendant_window()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.start()
    qtbot.waitUntil(lambda: win.queue_model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: win.connection.state == "LIVE", timeout=10_000)
    return win


def act(qtbot, window: AttendantWindow, name: str, how: str) -> None:
    """Do an action the way a person would: click its button, or press its keys."""
    if how == "mouse":
        button = window.action_bar.buttons[name]
        assert button.isEnabled(), f"{name} is disabled: {button.toolTip()}"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        key, modifiers = KEYS[name]
        assert window.counter_actions[name].isEnabled(), f"{name} is disabled"
        target = window.focusWidget() or window
        qtbot.keyClick(target, key, modifiers)


def ticket_status(staff, ticket_id: int) -> dict:
    return staff("supervisor").get(f"/tickets/{ticket_id}").json()


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_call_start_finish(qtbot, window, prompter, staff, how):
    act(qtbot, window, names.CALL_NEXT, how)
    ticket = window.panel.ticket
    assert window.panel.number_text == "A001"
    assert window.panel.state_text == "Chamada: à espera que o cidadão chegue"
    assert window.panel.reason_text.startswith("Maior espera para este balcão")
    assert window.queue_model.rowCount() == 2  # at once, from the command's answer
    act(qtbot, window, names.START, how)
    assert window.panel.ticket.status == "serving"
    assert window.panel.state_text == "Em atendimento"
    window.panel.set_notes("pediu certidão de residência")

    def finish(dialog: QDialog) -> bool:
        assert isinstance(dialog, FinishDialog)
        assert dialog.notes() == "pediu certidão de residência"
        dialog.set_outcome("referred")
        return True

    prompter.on_dialog = finish
    act(qtbot, window, names.FINISH, how)
    assert window.panel.ticket is None
    assert window.panel.notes() == ""
    assert window.message_bar.text == "Atendimento da senha A001 terminado."
    done = ticket_status(staff, ticket.id)
    assert done["status"] == "done"
    assert done["outcome"] == "referred"
    assert done["notes"] == "pediu certidão de residência"


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_recall_and_no_show(qtbot, window, staff, how):
    act(qtbot, window, names.CALL_NEXT, how)
    act(qtbot, window, names.RECALL, how)
    assert window.panel.ticket.call_count == 2
    ticket_id = window.panel.ticket.id
    act(qtbot, window, names.NO_SHOW, how)
    assert window.panel.ticket is None
    assert window.message_bar.text == "Senha A001 marcada como não comparência."
    assert ticket_status(staff, ticket_id)["status"] == "no_show"


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_transfer_to_another_service(qtbot, window, prompter, staff, world, how):
    act(qtbot, window, names.CALL_NEXT, how)
    ticket_id = window.panel.ticket.id

    def transfer(dialog: QDialog) -> bool:
        assert isinstance(dialog, TransferDialog)
        dialog.choose(service_id=world.services["C"], front=True)
        return True

    prompter.on_dialog = transfer
    act(qtbot, window, names.TRANSFER, how)
    assert window.panel.ticket is None
    assert window.message_bar.text == "Senha A001 transferida."
    moved = ticket_status(staff, ticket_id)
    assert (moved["status"], moved["service_id"], moved["front"]) == (
        "waiting",
        world.services["C"],
        True,
    )


def test_transfer_needs_a_target(qtbot, window, prompter):
    act(qtbot, window, names.CALL_NEXT, "mouse")
    messages: list[str] = []

    def no_target(dialog: QDialog) -> bool:
        dialog.accept()  # neither a service nor a counter chosen: refused in the dialog
        messages.append(dialog._error.text())
        return False

    prompter.on_dialog = no_target
    act(qtbot, window, names.TRANSFER, "mouse")
    assert messages == ["Escolha o serviço ou o balcão de destino."]
    assert window.panel.number_text == "A001"


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_park_and_return(qtbot, window, how):
    act(qtbot, window, names.CALL_NEXT, how)
    act(qtbot, window, names.START, how)
    window.panel.set_notes("foi buscar o cartão de cidadão")
    act(qtbot, window, names.PARK, how)
    assert window.panel.ticket is None
    assert "Senha A001 suspensa" in window.message_bar.text
    assert [t.number for t in window.parked_tickets()] == ["A001"]
    act(qtbot, window, names.RETURN_PARKED, how)
    assert window.panel.number_text == "A001"
    assert window.panel.ticket.status == "called"


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_call_by_number(qtbot, window, prompter, how):
    def number(dialog: QDialog) -> bool:
        assert isinstance(dialog, CallNumberDialog)
        dialog.set_number("a003")
        return True

    prompter.on_dialog = number
    act(qtbot, window, names.CALL_NUMBER, how)
    assert window.panel.number_text == "A003"
    assert window.panel.reason_text == "Chamada pelo número."


@pytest.mark.parametrize("how", ["mouse", "keyboard"])
def test_pause_and_resume(qtbot, window, prompter, how):
    def reason(dialog: QDialog) -> bool:
        assert isinstance(dialog, PauseDialog)
        dialog.set_reason("training")
        return True

    prompter.on_dialog = reason
    act(qtbot, window, names.PAUSE, how)
    assert window.counter.state == "paused"
    assert window.counter_label.text() == "Balcão 1: Em pausa: Formação"
    call_next = window.counter_actions[names.CALL_NEXT]
    assert not call_next.isEnabled()
    assert "o balcão está em pausa" in call_next.toolTip()
    act(qtbot, window, names.RESUME, how)
    assert window.counter.state == "open"
    assert window.counter_actions[names.CALL_NEXT].isEnabled()


def test_shortcuts_are_shown_on_buttons_and_tooltips(window):
    button = window.action_bar.buttons[names.CALL_NEXT]
    assert button.text() == "Chamar seguinte\nF5"
    assert button.toolTip() == "Chamar o próximo cidadão (F5)"
    for name, button in window.action_bar.buttons.items():
        assert button.accessibleName(), name
        assert "\n" in button.text(), name


def test_a_double_press_calls_once(qtbot, window, queue_service, monkeypatch):
    calls: list[int] = []
    real_call_next = queue_service.call_next

    def impatient_call_next(counter_id: int):
        calls.append(counter_id)
        # The attendant presses F5 again while the first call is on its way.
        window.counter_actions[names.CALL_NEXT].trigger()
        qtbot.keyClick(window, Qt.Key.Key_F5)
        return real_call_next(counter_id)

    monkeypatch.setattr(queue_service, "call_next", impatient_call_next)
    act(qtbot, window, names.CALL_NEXT, "keyboard")
    assert len(calls) == 1
    assert window.panel.number_text == "A001"
    assert window.queue_model.rowCount() == 2


def test_empty_queue_is_said_in_words(qtbot, window):
    for _ in range(3):
        act(qtbot, window, names.CALL_NEXT, "keyboard")
        act(qtbot, window, names.NO_SHOW, "keyboard")
    act(qtbot, window, names.CALL_NEXT, "keyboard")
    assert window.message_bar.kind == "error"
    assert window.message_bar.text == "Não há ninguém à espera para os serviços deste balcão."
    assert window.panel.ticket is None


def test_ticket_changed_behind_our_back(qtbot, window, staff):
    act(qtbot, window, names.CALL_NEXT, "mouse")
    ticket_id = window.panel.ticket.id
    # The supervisor marks the citizen as a no-show from another PC.
    staff("supervisor").ok(f"/tickets/{ticket_id}/no-show")
    act(qtbot, window, names.START, "mouse")
    assert window.message_bar.kind == "error"
    assert window.message_bar.text in (
        "A senha A001 está marcada como não comparência; por isso, não pode ser iniciada.",
        "Esta senha já não está no seu balcão.",
    )
    # The window read the counter again: nobody is at it any more.
    assert window.panel.ticket is None
    assert window.counter_actions[names.CALL_NEXT].isEnabled()


def test_server_down_mid_visit(qtbot, window, live):
    act(qtbot, window, names.CALL_NEXT, "mouse")
    act(qtbot, window, names.START, "mouse")
    window.panel.set_notes("a meio do atendimento")
    live.stop()
    qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=10_000)
    assert window.connection.text().startswith("● Sem ligação")
    for name in names.QUEUE_ACTIONS:
        action = window.counter_actions[name]
        assert not action.isEnabled(), name
        assert "sem ligação ao serviço central" in action.toolTip(), name
    # Serving and the notes go on.
    assert window.counter_actions[names.FINISH].isEnabled()
    assert not window.panel.notes_edit.isReadOnly()
    qtbot.keyClicks(window.panel.notes_edit, " e continua")
    assert window.panel.notes() == "a meio do atendimento e continua"
    # Finishing needs the central: it fails in words, and the visit stays on screen.
    act(qtbot, window, names.FINISH, "keyboard")
    assert window.message_bar.text.startswith("Não é possível contactar o serviço central.")
    assert window.panel.number_text == "A001"
    assert window.panel.notes() == "a meio do atendimento e continua"


def test_server_down_before_a_call(qtbot, window, live):
    live.stop()
    # The command may run before the feed notices: it fails in words either way.
    window.counter_actions[names.CALL_NEXT].trigger()
    if window.message_bar.text:
        assert window.message_bar.text.startswith("Não é possível contactar o serviço central.")
    qtbot.waitUntil(lambda: window.offline, timeout=10_000)
    assert not window.counter_actions[names.CALL_NEXT].isEnabled()


def test_session_expired_asks_for_the_password(qtbot, window, api_client, live):
    act(qtbot, window, names.CALL_NEXT, "mouse")
    window.panel.set_notes("notas por guardar")
    # The session is revoked on the central (e.g. by a logout elsewhere) and the access
    # token is no longer accepted: the refresh fails, the session is over.
    token = api_client.refresh_token
    httpx.post(f"{live.base_url}/api/v1/auth/logout", json={"refresh_token": token})
    api_client.start_session("not-a-valid-token", token)
    with qtbot.waitSignal(window.session_expired, timeout=10_000):
        act(qtbot, window, names.START, "mouse")
    assert window.message_bar.text.startswith("A sua sessão terminou.")
    assert window.panel.notes() == "notas por guardar"


def test_leaving_while_serving_asks_first(qtbot, window, prompter, staff, world):
    act(qtbot, window, names.CALL_NEXT, "mouse")
    act(qtbot, window, names.START, "mouse")
    prompter.confirm_answer = False
    assert not window.close()
    assert window.isVisible()
    prompter.confirm_answer = True
    assert window.close()
    counter = staff("supervisor").get(f"/centres/{world.centre_id}/queue").json()
    mine = next(c for c in counter["counters"] if c["counter_id"] == world.counters[1])
    assert mine["state"] == "open"  # left open: the citizen's visit can be resumed


def test_closing_an_idle_window_closes_the_counter(qtbot, window, staff, world):
    assert window.close()
    counter = staff("supervisor").get(f"/centres/{world.centre_id}/queue").json()
    mine = next(c for c in counter["counters"] if c["counter_id"] == world.counters[1])
    assert mine["state"] == "closed"


def test_queue_follows_other_counters(qtbot, window, staff, world):
    other = staff("attendant2")
    other.ok(f"/counters/{world.counters[2]}/open")
    other.ok(f"/counters/{world.counters[2]}/call-next")
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 2, timeout=10_000)
    issue(staff("reception"), world.centre_id, world.services["B"])
    qtbot.waitUntil(lambda: window.queue_model.rowCount() == 3, timeout=10_000)
    assert window.queue_title.text() == "&Em espera para este balcão: 3"
