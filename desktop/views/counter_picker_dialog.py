"""First sign-in on a PC: which counter is this? The choice is kept for this computer (not for
the user), so next time the window opens straight away. Skipped when IT fixed the counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.centre import Centre
from desktop.domain.users import User
from desktop.tasks import TaskRunner
from desktop.views.messages import Messages


class CounterPickerDialog(QDialog):
    def __init__(
        self,
        *,
        runner: TaskRunner,
        queue_service: Any,
        user: User,
        remember: Callable[[int], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterPickerDialog")
        self.setWindowTitle(self.tr("Choose your counter"))
        self.setAccessibleName(self.windowTitle())
        self._runner = runner
        self._queue_service = queue_service
        self._user = user
        self._remember = remember
        self._messages = Messages(self)
        self.centre: Centre | None = None
        self.counter_id: int | None = None

        intro = QLabel(
            self.tr(
                "Which counter is this computer at? The choice is kept on this computer; you "
                "can change it later in the settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.counter_list = QListWidget(self)
        self.counter_list.setAccessibleName(self.tr("Counters"))
        self.counter_list.itemActivated.connect(self._on_counter_list_item_activated)
        self.counter_list.setMinimumHeight(260)
        label = QLabel(self.tr("&Counter:"), self)
        label.setBuddy(self.counter_list)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("inlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Use this counter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Use this counter"))
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.counter_list)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def start(self) -> None:
        if self._user.centre_id is None:
            return
        self.counter_list.addItem(self.tr("Loading counters…"))
        self._runner.submit(
            self._queue_service.load_centre,
            self._user.centre_id,
            owner=self,
            on_done=self._on_centre_loaded,
            on_error=self._on_centre_failed,
        )

    def _on_centre_loaded(self, centre: Centre) -> None:
        self.centre = centre
        self.counter_list.clear()
        first_free: QListWidgetItem | None = None
        for counter in sorted(centre.counters, key=lambda c: c.number):
            taken = counter.state != "closed" and counter.user_id not in (None, self._user.id)
            services = ", ".join(
                s.prefix for sid in counter.service_ids if (s := centre.service(sid)) is not None
            )
            text = self.tr("{counter}  ·  services {services}").format(
                counter=counter.name, services=services
            )
            if taken:
                text += "  ·  " + self.tr("in use by someone else")
            item = QListWidgetItem(text, self.counter_list)
            item.setData(Qt.ItemDataRole.UserRole, counter.id)
            if taken:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            elif first_free is None:
                first_free = item
        if first_free is not None:
            self.counter_list.setCurrentItem(first_free)
            self.ok_button.setEnabled(True)
        self.counter_list.setFocus()

    def _on_centre_failed(self, error: BaseException) -> None:
        self.counter_list.clear()
        self.error_label.setText(self._messages.error_text(error))
        self.error_label.show()

    def choose(self, counter_id: int) -> None:
        for row in range(self.counter_list.count()):
            item = self.counter_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == counter_id:
                self.counter_list.setCurrentItem(item)

    @Slot(QListWidgetItem)
    def _on_counter_list_item_activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.accept()

    def accept(self) -> None:
        item = self.counter_list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.counter_id = int(item.data(Qt.ItemDataRole.UserRole))
        if self._remember is not None:
            # Kept on the disk in the background; if it fails the choice still holds today.
            self._runner.submit(self._remember, self.counter_id, owner=None, pool="db")
        super().accept()
