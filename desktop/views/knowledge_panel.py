"""`KnowledgePanel`: "what does the citizen need to bring?" answered while they talk.

Search as you type over the counter's cached copy of the knowledge base (a moment after the
last key, through the desk's coalesced searches), results with the matched words in bold.
With the field empty it lists the articles of the service of the ticket in context
(`set_context`). A status line says when the cache was last synced (or that it is offline and
since when); when the cache is empty the first sync runs in the background with a progress bar.

Keyboard: Down from the field goes into the list, Enter opens the article (from the field:
the selected or the first result), Esc in the list goes back to the field.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import OfflineError
from desktop.domain.knowledge import CacheState
from desktop.views.article_viewer import ArticleViewer
from desktop.views.knowledge_desk import KnowledgeDesk, ResultRow
from desktop.views.knowledge_results import HighlightDelegate, KnowledgeResultsModel
from desktop.views.messages import time_text
from desktop.views.prompter import Prompter

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 80
SYNC_EVERY_MS = 5 * 60 * 1000  # editors' changes reach the counter within minutes


class KnowledgePanel(QWidget):
    article_opened = Signal(int)  # the article id, once its viewer is shown

    def __init__(
        self,
        desk: KnowledgeDesk,
        *,
        prompter: Prompter | None = None,
        delay_ms: int = SEARCH_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        self.setAccessibleName(self.tr("Knowledge"))
        self.desk = desk
        self.prompter = prompter or Prompter()
        self.viewer: ArticleViewer | None = None
        self._offline = False
        self._sync_error = False
        self._open_when_found = False  # Enter was pressed before the results came

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("knowledge_search")
        self.search_edit.setPlaceholderText(self.tr("Search procedures: e.g. certidão, licença…"))
        self.search_edit.setAccessibleName(self.tr("Search the knowledge base"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Search the &knowledge base:"), self)
        search_label.setBuddy(self.search_edit)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("knowledge_sync_progress")
        self.progress.setAccessibleName(self.tr("Knowledge base download"))
        self.progress.setRange(0, 0)  # the total is unknown until the end
        self.progress.setTextVisible(True)
        self.progress.hide()

        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.model = KnowledgeResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("knowledge_results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.setAccessibleName(self.tr("Articles found"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._on_results_activated)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Knowledge base status"))

        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.progress)
        layout.addWidget(self.heading)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_EVERY_MS)
        self._sync_timer.timeout.connect(desk.start_sync)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.installEventFilter(self)
        self.results.installEventFilter(self)
        desk.state_changed.connect(self._on_desk_state_changed)
        desk.synced.connect(self._on_desk_synced)
        desk.sync_failed.connect(self._on_desk_sync_failed)
        desk.context_changed.connect(self._on_desk_context_changed)
        self.shown_query: str | None = None  # the query whose results are on screen
        self._show_status(desk.state)
        self._show_context()

    # --- public -----------------------------------------------------------------------------

    def start(self) -> None:
        """The cache's state now; a sync with central in the background (the first one, with
        the progress bar, when the cache is empty), and again every few minutes."""
        self.desk.load_state()
        self.desk.start_sync()
        self._sync_timer.start()
        self._show_status(self.desk.state)

    def set_context(self, service_code: str | None, ticket_id: int | None) -> None:
        """The ticket called (or None when it is finished): its service's articles are shown
        while the field is empty, and an article opened is recorded on its visit."""
        self.desk.set_context(service_code, ticket_id)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search_now(self) -> None:
        """The search without waiting for the pause in typing (Enter, tests)."""
        self._timer.stop()
        self._search(self.search_edit.text())

    def open_article(self, article_id: int) -> ArticleViewer:
        """The article in the viewer (one viewer, reused); records its use on the visit."""
        viewer = self.viewer
        if viewer is None:
            viewer = ArticleViewer(self.desk, prompter=self.prompter, parent=self)
            self.viewer = viewer
        viewer.show_article(article_id)
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()
        self.article_opened.emit(article_id)
        return viewer

    def open_selected(self) -> ArticleViewer | None:
        index = self.results.currentIndex()
        row = self.model.row_at(index.row() if index.isValid() else 0)
        if row is None:
            return None
        return self.open_article(row.article_id)

    # --- searching --------------------------------------------------------------------------

    @Slot(str)
    def _on_search_edit_text_changed(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._show_context()
            return
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._search(self.search_edit.text())

    def _search(self, text: str) -> None:
        query = text.strip()
        if not query:
            self._show_context()
            return
        self.desk.search(query, self._on_found)

    def _on_found(self, query: str, rows: tuple[ResultRow, ...]) -> None:
        if query != self.search_edit.text().strip():
            return  # typed on since: a newer answer follows
        self.shown_query = query
        self.heading.setText(self.tr("Results for “{query}”").format(query=query))
        self._show_rows(
            rows, self.tr("Nothing found. Try fewer words or another word for the procedure.")
        )
        if self._open_when_found:
            self._open_when_found = False
            if rows:
                self.open_article(rows[0].article_id)

    def _show_context(self) -> None:
        self.shown_query = None
        if not self.desk.service_code:
            self.heading.setText(self.tr("Articles"))
            self._show_rows((), self.tr("Type to search the procedures (accents do not matter)."))
            return
        self.heading.setText(self.tr("Articles for this service"))
        self.desk.for_service(self._on_context_rows)

    def _on_context_rows(self, rows: tuple[ResultRow, ...]) -> None:
        if self.search_edit.text().strip():
            return  # the attendant started a search meanwhile
        self._show_rows(rows, self.tr("No article is linked to this service yet."))

    def _show_rows(self, rows: tuple[ResultRow, ...], empty_text: str) -> None:
        self.model.set_rows(rows)
        if rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.empty_label.setText("" if rows else empty_text)
        self.empty_label.setVisible(not rows)

    @Slot()
    def _on_desk_context_changed(self) -> None:
        if not self.search_edit.text().strip():
            self._show_context()

    # --- the keyboard -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount() > 0:
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                query = self.search_edit.text().strip()
                if query and query != self.shown_query:
                    self._open_when_found = True  # the answer is on its way: open its first
                    self.search_now()
                else:
                    self.open_selected()
                return True
        elif watched is self.results:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
            if key == Qt.Key.Key_Escape or (
                key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0
            ):
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    @Slot(QModelIndex)
    def _on_results_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_article(row.article_id)

    # --- the cache's status -----------------------------------------------------------------

    @Slot(object)
    def _on_desk_state_changed(self, state: CacheState) -> None:
        self._show_status(state)

    @Slot(object)
    def _on_desk_synced(self, state: CacheState) -> None:
        self._offline = False
        self._sync_error = False
        self._show_status(state)
        if state.received:  # something changed: the list on screen may be out of date
            self._refresh_shown()

    @Slot(object)
    def _on_desk_sync_failed(self, error: Any) -> None:
        self._offline = isinstance(error, OfflineError)
        self._sync_error = not self._offline
        self._show_status(self.desk.state)

    def _refresh_shown(self) -> None:
        """New articles may have arrived: search again or list the service's articles."""
        if self.search_edit.text().strip():
            self.search_now()
        else:
            self._show_context()

    def _show_status(self, state: CacheState) -> None:
        syncing = self.desk.syncing
        first = syncing and state.articles == 0 and state.last_synced_at is None
        self.progress.setVisible(first)
        if first:
            self.progress.setFormat(
                self.tr("Downloading the knowledge base: {count} articles").format(
                    count=state.received
                )
            )
        self.status_label.setText(self.status_text(state, syncing=syncing))

    def status_text(self, state: CacheState, *, syncing: bool = False) -> str:
        count = state.articles
        when = state.last_synced_at
        if self._sync_error and when is not None:
            return self.tr("Not synced just now: cache of {time} · {count} articles").format(
                time=self._moment(when), count=count
            )
        if self._offline or self._sync_error:
            if when is None:
                if count:
                    return self.tr("Offline: cached copy ({count} articles).").format(count=count)
                return self.tr(
                    "Offline: the knowledge base has not been downloaded yet; it will be once "
                    "the central service can be reached."
                )
            return self.tr("Offline: cache of {time} · {count} articles").format(
                time=self._moment(when), count=count
            )
        if syncing and when is None:
            return self.tr("Downloading the knowledge base…")
        if when is None:
            return self.tr("{count} articles in the cache").format(count=count)
        return self.tr("Cache synced at {time} · {count} articles").format(
            time=self._moment(when), count=count
        )

    def _moment(self, when: Any) -> str:
        """A time today, or the day and time of an older sync."""
        local = when.astimezone()
        if local.date() == datetime.now().astimezone().date():
            return time_text(when)
        return f"{local:%d/%m} {time_text(when)}"

    def stop(self) -> None:
        self._sync_timer.stop()
        self.desk.stop_sync()
        if self.viewer is not None:
            self.viewer.close()
