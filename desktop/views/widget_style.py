"""Style-sheet properties set from code (`primary` buttons, message `kind`, connection state).

A dynamic property only changes the look after the widget is polished again; a widget that a
layout has already measured was polished then, so every change goes through here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def mark_primary(widget: QWidget) -> None:
    """The one main button of a dialog or a bar: filled, in the accent colour."""
    set_style_property(widget, "primary", True)
