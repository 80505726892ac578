"""`RelatedArticlesHint`: under a case's description, up to three articles of the knowledge
base that speak of what is being typed (`related` over the local cache, asked a moment after
typing stops), so the attendant can answer at once or hand the citizen the right sheet.
Enter or a click opens the article in the viewer. It never blocks filing: without matches it
stays one quiet line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.views.article_viewer import ArticleViewer
from desktop.views.knowledge_desk import KnowledgeDesk, ResultRow
from desktop.views.prompter import Prompter

LOOKUP_MS = 400
MIN_CHARACTERS = 12
SHOWN = 3


class RelatedArticlesHint(QWidget):
    article_opened = Signal(int)

    def __init__(
        self,
        desk: KnowledgeDesk,
        *,
        prompter: Prompter | None = None,
        delay_ms: int = LOOKUP_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("relatedArticlesHint")
        self.desk = desk
        self.prompter = prompter or Prompter()
        self.viewer: ArticleViewer | None = None
        self.title = QLabel(self)
        self.title.setObjectName("hint")
        self.title.setWordWrap(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("relatedArticles")
        self.matches.setAccessibleName(self.tr("Related articles"))
        self.matches.setWordWrap(True)
        self.matches.setMaximumHeight(84)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.itemActivated.connect(self._on_matches_item_activated)
        self.matches.itemClicked.connect(self._on_matches_item_activated)
        self.matches.installEventFilter(self)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.matches)
        self._text = ""
        self._asked: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.ask_now)
        self.rows: tuple[ResultRow, ...] = ()
        self.answers = 0  # answers received (tests wait on it)
        self._show_rows(())

    def look_for(self, text: str) -> None:
        """The description as typed: looked up a moment after typing stops."""
        self._text = " ".join(text.split())
        if len(self._text) < MIN_CHARACTERS:
            self._timer.stop()
            self._asked = None
            self._show_rows(())
            return
        self._timer.start()

    @Slot()
    def ask_now(self) -> None:
        self._timer.stop()
        text = self._text
        if len(text) < MIN_CHARACTERS or text == self._asked:
            return
        self._asked = text
        self.desk.related(text, SHOWN, lambda rows: self._on_answer(text, rows))

    def _on_answer(self, text: str, rows: tuple[ResultRow, ...]) -> None:
        if text != self._text:
            return  # typed on since
        self.answers += 1
        self._show_rows(rows[:SHOWN])

    def _show_rows(self, rows: tuple[ResultRow, ...]) -> None:
        self.rows = rows
        self.matches.clear()
        if not rows:
            self.title.setText(
                self.tr("Related articles of the knowledge base appear here as you type.")
            )
            self.matches.hide()
            return
        self.title.setText(self.tr("Related articles (Enter or click opens):"))
        for row in rows:
            item = QListWidgetItem(row.title, self.matches)
            item.setData(Qt.ItemDataRole.UserRole, row.article_id)
            item.setToolTip(row.code)
        self.matches.setCurrentRow(0)
        self.matches.show()

    def open_row(self, row: int) -> ArticleViewer | None:
        if not 0 <= row < len(self.rows):
            return None
        article_id = self.rows[row].article_id
        if self.viewer is None:
            self.viewer = ArticleViewer(self.desk, prompter=self.prompter, parent=self)
        self.viewer.show_article(article_id)
        self.viewer.show()
        self.viewer.raise_()
        self.article_opened.emit(article_id)
        return self.viewer

    @Slot(QListWidgetItem)
    def _on_matches_item_activated(self, item: QListWidgetItem) -> None:
        self.open_row(self.matches.row(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.matches
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.matches.currentRow())
            return True
        return super().eventFilter(watched, event)
