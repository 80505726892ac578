"""`PaperColumn`: paragraphs laid one under another down a page (a receipt given to the
citizen), in sizes given in points and gaps in centimetres, so a PDF writer, a printer and a
preview image give the same page whatever their resolution."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPaintDevice, QPainter

_WRAP = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


class PaperColumn:
    def __init__(self, painter: QPainter, device: QPaintDevice) -> None:
        self.painter = painter
        self.resolution = device.logicalDpiY()
        self.width = device.width()
        self.y = 0.0

    def block(self, text: str, size: float, *, bold: bool = False, gap: float = 0.25) -> None:
        """A paragraph of `size` points, wrapped to the page, then `gap` cm of space."""
        font = QFont("Sans Serif")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        room = QRectF(0, self.y, self.width, 10 * self.resolution)
        bounds = self.painter.boundingRect(room, _WRAP, text)
        self.painter.drawText(bounds, _WRAP, text)
        self.y = bounds.bottom() + gap * self.resolution / 2.54


@contextmanager
def paper_column(device: QPaintDevice) -> Iterator[PaperColumn]:
    """A column painting on `device`, its painter ended afterwards (which ends the page)."""
    painter = QPainter(device)
    try:
        yield PaperColumn(painter, device)
    finally:
        painter.end()
