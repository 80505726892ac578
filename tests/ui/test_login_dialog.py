"""Signing in against a real central: errors in words, Enter submits, no double sign-in,
"remember me" only with a keyring, and a remembered session resumes without the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.services.auth_service import AuthService
from desktop.services.credential_store import CredentialStore
from desktop.views.login_dialog import LoginDialog
from tests.central.factories import PASSWORD


def make_dialog(qtbot, runner, auth, *, keyring_available=False, username=""):
    dialog = LoginDialog(
        runner=runner, auth=auth, keyring_available=keyring_available, username=username
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_wrong_password_is_said_inline(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth)
    qtbot.keyClicks(dialog.user_edit, "attendant")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_text == "Utilizador ou palavra-passe incorretos."
    assert dialog.password_edit.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert auth.user is None


def test_enter_signs_in(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth, username="attendant")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=5000) as signed:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signed.args[0].username == "attendant"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == ""


def test_empty_fields_are_asked_for(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text == "Escreva o utilizador e a palavra-passe."


def test_no_double_sign_in(qtbot, runner, auth, monkeypatch):
    dialog = make_dialog(qtbot, runner, auth, username="attendant")
    dialog.password_edit.setText(PASSWORD)
    calls: list[str] = []
    real_login = auth.login

    def slow_login(username: str, password: str):
        calls.append(username)
        assert dialog.running
        assert not dialog.submit_button.isEnabled()
        dialog.submit()  # a second Enter while the first is on its way
        return real_login(username, password)

    monkeypatch.setattr(auth, "login", slow_login)
    dialog.submit()
    assert calls == ["attendant"]
    assert dialog.user is not None


def test_rate_limit_says_how_long_to_wait(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth, username="attendant")
    for _ in range(5):
        dialog.password_edit.setText("wrong-password")
        dialog.submit()
    dialog.password_edit.setText(PASSWORD)
    dialog.submit()
    assert dialog.error_text == (
        "Demasiadas tentativas falhadas para este utilizador. Tente de novo daqui a 15 min."
    )


def test_central_down_is_said_inline(qtbot, runner, auth, live):
    live.stop()
    dialog = make_dialog(qtbot, runner, auth, username="attendant")
    dialog.password_edit.setText(PASSWORD)
    dialog.submit()
    assert dialog.error_text.startswith("Não é possível contactar o serviço central.")
    assert not dialog.running
    assert dialog.submit_button.isEnabled()


def test_remember_me_disabled_without_a_keyring(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth, keyring_available=False)
    assert not dialog.remember_check.isEnabled()
    assert not dialog.remember_check.isChecked()
    assert not dialog.remember_note.isHidden()
    assert "cofre seguro de palavras-passe" in dialog.remember_note.text()


def test_remembered_session_resumes_without_the_form(qtbot, runner, api_client, memory_keyring):
    first = AuthService(api_client, CredentialStore(), remember=True)
    dialog = make_dialog(qtbot, runner, first, keyring_available=True, username="attendant")
    assert dialog.remember_check.isEnabled()
    assert dialog.remember_check.isChecked()
    dialog.password_edit.setText(PASSWORD)
    dialog.submit()
    assert dialog.user is not None
    assert memory_keyring.entries  # the refresh token is in the keyring, never in a file

    # Next start: a new client finds it and signs in by itself.
    from desktop.api.api_client import ApiClient

    again = AuthService(ApiClient(api_client.base_url), CredentialStore(), remember=True)
    second = make_dialog(qtbot, runner, again, keyring_available=True)
    with qtbot.waitSignal(second.signed_in, timeout=5000):
        second.start()
    assert second.user.username == "attendant"


def test_accessible_names(qtbot, runner, auth):
    dialog = make_dialog(qtbot, runner, auth)
    for widget in (
        dialog.server_edit,
        dialog.user_edit,
        dialog.password_edit,
        dialog.remember_check,
        dialog.submit_button,
    ):
        assert widget.accessibleName()
