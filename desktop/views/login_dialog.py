"""Signing in: server, user name, password, "remember me".

On `start()` a remembered session is tried first (in the background); the form is only needed
when there is none. Errors appear under the form, translated; Enter submits; while a sign-in is
running the form is disabled, so a second one cannot start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.users import User
from desktop.tasks import TaskRunner
from desktop.views.messages import Messages
from desktop.views.widget_style import mark_primary


class LoginDialog(QDialog):
    signed_in = Signal(object)  # User

    def __init__(
        self,
        *,
        runner: TaskRunner,
        auth: Any,
        keyring_available: bool,
        server_locked: bool = False,
        switch_server: Callable[[str], Any] | None = None,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Balcão: sign in"))
        self.setAccessibleName(self.tr("Sign in"))
        self._runner = runner
        self.auth = auth
        self._switch_server = switch_server
        self._messages = Messages(self)
        self._running = False
        self.user: User | None = None

        title = QLabel(self.tr("Balcão"), self)
        title.setObjectName("loginTitle")
        subtitle = QLabel(self.tr("Citizen-service counter"), self)
        subtitle.setObjectName("loginSubtitle")

        self.server_edit = QLineEdit(auth.server_url, self)
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.server_edit.setEnabled(not server_locked and switch_server is not None)
        if server_locked:
            self.server_edit.setToolTip(self.tr("Set by your organisation."))
        self.user_edit = QLineEdit(username, self)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setMaxLength(64)
        self.password_edit = QLineEdit(self)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(256)
        self.remember_check = QCheckBox(self.tr("&Remember me on this computer"), self)
        self.remember_check.setAccessibleName(self.tr("Remember me on this computer"))
        self.remember_note = QLabel(self)
        self.remember_note.setObjectName("hint")
        self.remember_note.setWordWrap(True)
        if keyring_available:
            self.remember_check.setChecked(bool(getattr(auth, "remember", True)))
            self.remember_note.hide()
        else:
            self.remember_check.setChecked(False)
            self.remember_check.setEnabled(False)
            self.remember_note.setText(
                self.tr(
                    "This computer has no secure password store, so you will be asked to sign "
                    "in each time Balcão starts."
                )
            )

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("&Server:"), self.server_edit)
        form.addRow(self.tr("&User:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Sign-in error"))
        self.error_label.hide()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("hint")
        self.progress_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.submit_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setAccessibleName(self.tr("Sign in"))
        self.submit_button.setDefault(True)
        mark_primary(self.submit_button)
        self.submit_button.setAutoDefault(True)
        quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setAccessibleName(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.remember_note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        (self.password_edit if username else self.user_edit).setFocus()

    # --- flow -------------------------------------------------------------------------------

    def start(self) -> None:
        """Try the remembered session first; the form stays for when there is none."""
        self._set_running(True, self.tr("Resuming your session…"))
        self._runner.submit(
            self.auth.resume, owner=self, on_done=self._on_resumed, on_error=self._on_resume_failed
        )

    def _on_resumed(self, user: User | None) -> None:
        self._set_running(False)
        if user is not None:
            self._accept_user(user)

    def _on_resume_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self._show_error(error)

    @Slot()
    def submit(self) -> None:
        if self._running:
            return  # a sign-in is already on its way
        username = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.error_label.setText(self.tr("Type your user name and password."))
            self.error_label.show()
            (self.user_edit if not username else self.password_edit).setFocus()
            return
        server = self.server_edit.text().strip().rstrip("/")
        if self._switch_server is not None and server and server != self.auth.server_url:
            try:
                self.auth = self._switch_server(server)
            except Exception as exc:
                self._show_error(exc)
                self.server_edit.setFocus()
                return
        if self.remember_check.isEnabled() and hasattr(self.auth, "set_remember"):
            self.auth.set_remember(self.remember_check.isChecked())
        self._set_running(True, self.tr("Signing in…"))
        self._runner.submit(
            self.auth.login,
            username,
            password,
            owner=self,
            on_done=self._on_login_done,
            on_error=self._on_login_failed,
        )

    def _on_login_done(self, user: User) -> None:
        self._set_running(False)
        self.password_edit.clear()
        self._accept_user(user)

    def _on_login_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self._show_error(error)
        if getattr(error, "code", "") == "auth.invalid_credentials":
            self.password_edit.clear()
            self.password_edit.setFocus()

    def _accept_user(self, user: User) -> None:
        self.user = user
        self.error_label.hide()
        self.signed_in.emit(user)
        self.accept()

    # --- look -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _show_error(self, error: BaseException) -> None:
        self.error_label.setText(self._messages.error_text(error))
        self.error_label.show()

    def _set_running(self, running: bool, text: str = "") -> None:
        self._running = running
        for widget in (self.user_edit, self.password_edit, self.submit_button):
            widget.setEnabled(not running)
        self.progress_label.setText(text)
        self.progress_label.setVisible(running and bool(text))
        if running:
            self.error_label.hide()
        elif not self.password_edit.hasFocus() and not self.user_edit.hasFocus():
            (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()
