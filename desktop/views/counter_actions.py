"""The counter's actions (QActions with their shortcuts) and the bar of big buttons that shows
them. One keystroke per action; the keys follow the visit from left to right:

    F5 call next · Shift+F5 call a ticket by number · F6 call again · F7 start · F8 finish
    F9 no-show · Ctrl+T transfer · Ctrl+H suspend · Ctrl+Shift+H resume a suspended ticket
    Ctrl+B pause / resume the counter

Function keys work wherever the focus is, also while typing notes. Each button shows its key;
each tooltip says what the action does and, when it is disabled, why.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QToolButton, QWidget

from desktop.views.widget_style import mark_primary

# Names, in the order of the bar (row by row).
CALL_NEXT = "call_next"
CALL_NUMBER = "call_number"
RECALL = "recall"
START = "start"
FINISH = "finish"
NO_SHOW = "no_show"
TRANSFER = "transfer"
PARK = "park"
RETURN_PARKED = "return_parked"
PAUSE = "pause"
RESUME = "resume"

BAR_LAYOUT = (
    (CALL_NEXT, RECALL, START, FINISH),
    (CALL_NUMBER, NO_SHOW, TRANSFER, PARK),
    (RETURN_PARKED, PAUSE, RESUME),
)
# Need the central's queue: disabled while offline. Start and finish are the visit itself and
# stay available (they may still reach the central even when the live feed is down).
QUEUE_ACTIONS = frozenset(
    {CALL_NEXT, CALL_NUMBER, RECALL, NO_SHOW, TRANSFER, PARK, RETURN_PARKED, PAUSE, RESUME}
)


@dataclass(frozen=True)
class _Spec:
    text: str
    tip: str
    keys: str


class CounterActions(QObject):
    """Builds the actions; the window connects their `triggered` and sets their state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        specs = {
            CALL_NEXT: _Spec(self.tr("Call next"), self.tr("Call the next citizen"), "F5"),
            CALL_NUMBER: _Spec(
                self.tr("Call by number…"), self.tr("Call a specific ticket by number"), "Shift+F5"
            ),
            RECALL: _Spec(self.tr("Call again"), self.tr("Call the same ticket again"), "F6"),
            START: _Spec(
                self.tr("Start"), self.tr("The citizen arrived: start serving them"), "F7"
            ),
            FINISH: _Spec(
                self.tr("Finish…"), self.tr("Finish the visit: outcome, services, notes"), "F8"
            ),
            NO_SHOW: _Spec(self.tr("No-show"), self.tr("The citizen did not come"), "F9"),
            TRANSFER: _Spec(
                self.tr("Transfer…"),
                self.tr("Send the citizen to another service or counter"),
                "Ctrl+T",
            ),
            PARK: _Spec(
                self.tr("Suspend"),
                self.tr("Suspend the visit (e.g. the citizen fetches a document)"),
                "Ctrl+H",
            ),
            RETURN_PARKED: _Spec(
                self.tr("Resume suspended…"),
                self.tr("Call back a suspended ticket"),
                "Ctrl+Shift+H",
            ),
            PAUSE: _Spec(self.tr("Pause…"), self.tr("Pause the counter, with a reason"), "Ctrl+B"),
            RESUME: _Spec(
                self.tr("Resume counter"), self.tr("Open the counter again after a pause"), "Ctrl+B"
            ),
        }
        self._specs = specs
        self.actions: dict[str, QAction] = {}
        for name, spec in specs.items():
            action = QAction(spec.text, self)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(spec.keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            key_text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setIconText(f"{spec.text.removesuffix('…')}\n{key_text}")
            self.actions[name] = action
        # Pause and resume share Ctrl+B: only one of them is ever enabled.
        self.actions[RESUME].setShortcut(QKeySequence())
        self.actions[RESUME].setIconText(
            f"{specs[RESUME].text}\n"
            + QKeySequence(specs[RESUME].keys).toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.set_reasons({})

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def key_text(self, name: str) -> str:
        return QKeySequence(self._specs[name].keys).toString(QKeySequence.SequenceFormat.NativeText)

    def set_states(self, enabled: dict[str, bool], reasons: dict[str, str]) -> None:
        """Enable what `enabled` says; a disabled action with a reason shows it in its tooltip."""
        for name, action in self.actions.items():
            action.setEnabled(enabled.get(name, False))
        self.set_reasons(reasons)
        # Ctrl+B belongs to whichever of pause/resume is enabled.
        pause_keys = QKeySequence(self._specs[PAUSE].keys)
        if self.actions[RESUME].isEnabled():
            self.actions[PAUSE].setShortcut(QKeySequence())
            self.actions[RESUME].setShortcut(pause_keys)
        else:
            self.actions[RESUME].setShortcut(QKeySequence())
            self.actions[PAUSE].setShortcut(pause_keys)

    def set_reasons(self, reasons: dict[str, str]) -> None:
        for name, action in self.actions.items():
            spec = self._specs[name]
            tip = self.tr("{what} ({keys})").format(what=spec.tip, keys=self.key_text(name))
            reason = reasons.get(name)
            if reason and not action.isEnabled():
                tip = self.tr("{tip}\nNot available now: {reason}").format(tip=tip, reason=reason)
            action.setToolTip(tip)
            action.setStatusTip(spec.tip)


class CounterActionBar(QWidget):
    """Big buttons for the counter's actions, each showing its key."""

    def __init__(self, actions: CounterActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterActionBar")
        self.setAccessibleName(self.tr("Counter actions"))
        self.buttons: dict[str, QToolButton] = {}
        # Never squeezed below the buttons' height (the offline banner takes room from the notes).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for row, names in enumerate(BAR_LAYOUT):
            for column, name in enumerate(names):
                button = QToolButton(self)
                button.setDefaultAction(actions[name])
                button.setObjectName(f"button_{name}")
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setMinimumHeight(58)
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setAccessibleName(actions[name].text().removesuffix("…"))
                if name == CALL_NEXT:
                    mark_primary(button)
                layout.addWidget(button, row, column)
                self.buttons[name] = button
