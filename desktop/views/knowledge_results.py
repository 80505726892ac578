"""The list of articles found: `KnowledgeResultsModel` (a tuple of `ResultRow`) and
`HighlightDelegate`, which paints each row as rich text: the title with the matched words in
bold and, under it, the snippet. The HTML comes escaped from the search (`SearchHit`), so it
is drawn as it is; screen readers get the plain title and snippet (accessible text role)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.views.knowledge_desk import ResultRow

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 6

Index = QModelIndex | QPersistentModelIndex

_TAGS = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    """The text of the search's escaped HTML, without tags."""
    text = _TAGS.sub("", html)
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
    )


def row_html(row: ResultRow, snippet_color: str) -> str:
    snippet = f'<br><span style="color:{snippet_color}">{row.snippet_html}</span>'
    title = f'<span style="font-size:large">{row.title_html}</span>'
    return f"{title}{snippet if row.snippet_html else ''}"


class KnowledgeResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: tuple[ResultRow, ...] = ()

    def set_rows(self, rows: tuple[ResultRow, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ResultRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            snippet = plain(row.snippet_html)
            return f"{row.title}. {snippet}" if snippet else row.title
        if role == HTML_ROLE:
            return row_html(row, "palette(mid)")
        if role == ARTICLE_ID_ROLE:
            return row.article_id
        return None


class HighlightDelegate(QStyledItemDelegate):
    """Rows as rich text (title, then the snippet in a quieter colour), wrapped to the width."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        model = index.model()
        row = model.rows[index.row()] if isinstance(model, KnowledgeResultsModel) else None
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(PADDING)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        group = QPalette.ColorGroup.Active
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(group, text_role)
        if selected:
            quiet = text_color
        else:  # the snippet halfway between the text and the background: quieter, readable
            base = palette.color(group, QPalette.ColorRole.Base)
            quiet = QColor(
                (text_color.red() * 2 + base.red()) // 3,
                (text_color.green() * 2 + base.green()) // 3,
                (text_color.blue() * 2 + base.blue()) // 3,
            )
        color = text_color.name()
        document.setDefaultStyleSheet(f"body {{ color: {color}; }}")
        html = row_html(row, quiet.name()) if row is not None else str(index.data() or "")
        document.setHtml(f"<body>{html}</body>")
        width = option.rect.width()
        document.setTextWidth(width if width > 0 else 400)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:  # background, selection and focus, without the plain text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        document = self._document(option, index)
        rect = option.rect
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        widget: QWidget | None = option.widget
        if isinstance(widget, QAbstractScrollArea):  # wrapped as it will be painted
            option.rect.setWidth(widget.viewport().width())
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))
