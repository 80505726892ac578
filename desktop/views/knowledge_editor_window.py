"""`KnowledgeEditorWindow`: the knowledge editor's workspace (role `knowledge_editor`).

Two tabs. Articles: the list on central (filter by words and status), and the article chosen
in `ArticleForm` (every language, Markdown with a live preview, documents, fees, tags); Save
sends it with `If-Match` at the version read; when someone else saved in between, central's
412 is shown in words with the version now there and "Reload their version" (the edits stay on
screen until then). Publish makes the saved version the counters' one; Retire, after a
confirmation, leaves a tombstone in the counters' caches. Review queue: the suggestions sent
from the counters, oldest first, accepted or rejected with a reason.

Editing works on central only (it needs the network); every call goes through the TaskRunner.
The window has the signals the session wires (lock, log out, settings, session expired).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import SESSION_EXPIRED, ApiError
from desktop.domain.knowledge_editing import (
    PUBLISHED,
    RETIRED,
    ArticleBrief,
    EditableArticle,
    Suggestion,
)
from desktop.domain.users import User
from desktop.domain.values import parse_time
from desktop.services.knowledge_editing import KnowledgeEditing, current_of, is_conflict
from desktop.tasks import TaskRunner
from desktop.views.knowledge_article_form import ArticleForm, FormInvalid
from desktop.views.knowledge_messages import KnowledgeMessages
from desktop.views.message_bar import MessageBar
from desktop.views.messages import time_text
from desktop.views.prompter import Prompter
from desktop.views.widget_style import mark_primary

log = logging.getLogger(__name__)


def _table(columns: list[str], name: str, parent: QWidget, *, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class KnowledgeEditorWindow(QMainWindow):
    logged_out = Signal()
    lock_requested = Signal()
    session_expired = Signal()
    settings_requested = Signal()
    saved = Signal(object)  # EditableArticle after a save, a publish or a retire
    decided = Signal(object)  # Suggestion

    def __init__(
        self,
        *,
        runner: TaskRunner,
        editing: KnowledgeEditing,
        user: User,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeEditorWindow")
        self.setWindowTitle(self.tr("Balcão: knowledge base"))
        self.runner = runner
        self.editing = editing
        self.user = user
        self.prompter = prompter or Prompter()
        self.words = KnowledgeMessages(self)
        self.articles: tuple[ArticleBrief, ...] = ()
        self.suggestions: tuple[Suggestion, ...] = ()
        self.conflict_current: EditableArticle | None = None
        self.busy = False

        self.message_bar = MessageBar(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._build_articles_tab(), self.tr("&Articles"))
        self.tabs.addTab(self._build_review_tab(), self.tr("&Review queue"))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.user_label = QLabel(user.full_name or user.username, self)
        self.user_label.setAccessibleName(self.tr("Signed in as"))
        self.statusBar().addWidget(self.user_label)
        self._build_menu()
        self._update_buttons()

    # --- building ---------------------------------------------------------------------------

    def _build_articles_tab(self) -> QWidget:
        page = QWidget(self)
        self.filter_edit = QLineEdit(page)
        self.filter_edit.setObjectName("article_filter")
        self.filter_edit.setPlaceholderText(self.tr("code, title or summary"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.returnPressed.connect(self.load_articles)
        filter_label = QLabel(self.tr("&Find:"), page)
        filter_label.setBuddy(self.filter_edit)
        self.status_filter = QComboBox(page)
        self.status_filter.setObjectName("article_status_filter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All"), None)
        for status in ("draft", "published", "retired"):
            self.status_filter.addItem(self.words.status_name(status), status)
        self.status_filter.activated.connect(lambda _i: self.load_articles())
        self.article_table = _table(
            [self.tr("Title"), self.tr("Status"), self.tr("Suggestions")],
            self.tr("Articles"),
            page,
            stretch=0,
        )
        self.article_table.setWordWrap(False)
        self.article_table.setObjectName("article_table")
        self.article_table.itemActivated.connect(self._on_article_table_item_activated)
        self.article_table.currentCellChanged.connect(self._on_article_table_current_changed)

        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.article_table, 1)

        self.form = ArticleForm(page)
        self.form.edited_changed.connect(self._on_form_edited_changed)

        self.conflict_frame = QFrame(page)
        self.conflict_frame.setObjectName("messageBar")
        self.conflict_frame.setProperty("kind", "error")
        self.conflict_label = QLabel(self.conflict_frame)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setObjectName("conflict_text")
        self.reload_button = QPushButton(self.tr("Re&load their version"), self.conflict_frame)
        self.reload_button.setObjectName("conflict_reload")
        self.reload_button.clicked.connect(self.reload_current)
        conflict_layout = QHBoxLayout(self.conflict_frame)
        conflict_layout.addWidget(self.conflict_label, 1)
        conflict_layout.addWidget(self.reload_button)
        self.conflict_frame.hide()

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), page)
        self.save_button.setObjectName("article_save")
        mark_primary(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.publish_button = QPushButton(self.tr("Publish (Ctrl+Shift+P)"), page)
        self.publish_button.setObjectName("article_publish")
        self.publish_button.clicked.connect(self.publish)
        self.retire_button = QPushButton(self.tr("Ret&ire…"), page)
        self.retire_button.setObjectName("article_retire")
        self.retire_button.clicked.connect(self.retire)
        self.state_label = QLabel(page)
        self.state_label.setObjectName("hint")
        self.state_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.retire_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.save_button)

        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.conflict_frame)
        right_layout.addWidget(self.form, 1)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 700])
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        return page

    def _build_review_tab(self) -> QWidget:
        page = QWidget(self)
        self.review_title = QLabel(page)
        self.review_title.setObjectName("sectionTitle")
        self.suggestion_table = _table(
            [self.tr("Article"), self.tr("Suggestion"), self.tr("Kind"), self.tr("Sent")],
            self.tr("Suggestions waiting for review"),
            page,
            stretch=1,
        )
        self.suggestion_table.setObjectName("suggestion_table")
        self.suggestion_table.currentCellChanged.connect(self._on_suggestion_table_current_changed)
        self.suggestion_detail = QLabel(page)
        self.suggestion_detail.setObjectName("suggestion_detail")
        self.suggestion_detail.setWordWrap(True)
        self.suggestion_detail.setTextFormat(Qt.TextFormat.PlainText)  # free text, as typed
        self.suggestion_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_edit = QLineEdit(page)
        self.reason_edit.setObjectName("suggestion_reason")
        self.reason_edit.setPlaceholderText(self.tr("optional for accepting; said to the team"))
        reason_label = QLabel(self.tr("Reas&on:"), page)
        reason_label.setBuddy(self.reason_edit)
        self.accept_button = QPushButton(self.tr("A&ccept"), page)
        self.accept_button.setObjectName("suggestion_accept")
        self.accept_button.clicked.connect(lambda: self.decide(accept=True))
        self.reject_button = QPushButton(self.tr("Re&ject"), page)
        self.reject_button.setObjectName("suggestion_reject")
        self.reject_button.clicked.connect(lambda: self.decide(accept=False))
        self.open_button = QPushButton(self.tr("Open the art&icle"), page)
        self.open_button.setObjectName("suggestion_open_article")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        row = QHBoxLayout()
        row.addWidget(reason_label)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.reject_button)
        row.addWidget(self.accept_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.review_title)
        layout.addWidget(self.suggestion_table, 1)
        layout.addWidget(self.suggestion_detail)
        layout.addLayout(row)
        return page

    def _build_menu(self) -> None:
        article_menu = self.menuBar().addMenu(self.tr("&Knowledge"))
        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.triggered.connect(self.save)
        self.publish_action = QAction(self.tr("&Publish"), self)
        self.publish_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.publish_action.triggered.connect(self.publish)
        self.refresh_action = QAction(self.tr("&Refresh the lists"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.find_action = QAction(self.tr("&Find an article"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self._on_find_action_triggered)
        for action in (self.save_action, self.publish_action, self.refresh_action,
                       self.find_action):  # fmt: skip
            article_menu.addAction(action)
            self.addAction(action)
        session = self.menuBar().addMenu(self.tr("&Session"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.triggered.connect(self.settings_requested)
        lock = QAction(self.tr("&Lock screen"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested)
        logout = QAction(self.tr("Log &out"), self)
        logout.triggered.connect(self.logged_out)
        for action in (settings, lock, logout):
            session.addAction(action)
            self.addAction(action)

    # --- lists ------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.load_articles()
        self.load_suggestions()

    @Slot()
    def load_articles(self) -> None:
        text = self.filter_edit.text().strip() or None
        status = self.status_filter.currentData()
        self.runner.submit(
            self.editing.articles,
            text,
            status,
            owner=self,
            on_done=self._on_articles,
            on_error=self._show_error,
        )

    def _on_articles(self, articles: list[ArticleBrief]) -> None:
        self.articles = tuple(articles)
        table = self.article_table
        current = self.form.article.id if self.form.article is not None else None
        table.blockSignals(True)
        table.setRowCount(len(articles))
        for row, brief in enumerate(articles):
            status = self.words.status_name(brief.status)
            if brief.has_unpublished_changes and brief.status != RETIRED:
                status = self.tr("{status}, changes not published").format(status=status)
            title = _item(brief.title, brief.id)
            title.setToolTip(f"{brief.title}\n{brief.code}")
            table.setItem(row, 0, title)
            table.setItem(row, 1, _item(status))
            table.setItem(row, 2, _item(str(brief.pending_suggestions or "")))
            if brief.id == current:
                table.setCurrentCell(row, 0)
        table.blockSignals(False)

    def select_article(self, article_id: int) -> None:
        """Open the article in the form (asks first if the open one has unsaved edits)."""
        if self.form.article is not None and self.form.article.id == article_id:
            return
        if self.form.dirty and not self.prompter.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The changes to this article are not saved. Discard them?"),
        ):
            return
        self._load_article(article_id)

    def _load_article(self, article_id: int) -> None:
        self.runner.submit(
            self.editing.article,
            article_id,
            owner=self,
            on_done=self._show_article,
            on_error=self._show_error,
        )

    def _show_article(self, article: EditableArticle) -> None:
        self.conflict_frame.hide()
        self.conflict_current = None
        self.form.load(article)
        self._update_header()
        self._update_buttons()

    @Slot(QTableWidgetItem)
    def _on_article_table_item_activated(self, item: QTableWidgetItem) -> None:
        brief = self._brief_at(item.row())
        if brief is not None:
            self.select_article(brief.id)
            self.form.title_edit.setFocus()

    @Slot(int, int, int, int)
    def _on_article_table_current_changed(self, row: int, *_rest: int) -> None:
        brief = self._brief_at(row)
        if brief is not None:
            self.select_article(brief.id)

    def _brief_at(self, row: int) -> ArticleBrief | None:
        return self.articles[row] if 0 <= row < len(self.articles) else None

    @Slot()
    def _on_find_action_triggered(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # --- saving, publishing, retiring -------------------------------------------------------

    @Slot()
    def save(self) -> None:
        if self.busy or self.form.article is None:
            return
        try:
            article = self.form.edited()
        except FormInvalid as exc:
            self.message_bar.show_error(str(exc))
            return
        self._run(self.editing.save, article, self.form.comment, done=self._on_saved_text)

    def _on_saved_text(self, article: EditableArticle) -> None:
        self._after_change(article, self.tr("Saved: version {version}.").format(
            version=article.version))  # fmt: skip

    @Slot()
    def publish(self) -> None:
        article = self.form.article
        if self.busy or article is None:
            return
        if self.form.dirty:
            self.message_bar.show_error(self.tr("Save the changes first (Ctrl+S), then publish."))
            return
        self._run(
            self.editing.publish,
            article.id,
            article.version,
            self.form.comment,
            done=lambda a: self._after_change(
                a, self.tr("Published: the counters get it at their next sync.")
            ),
        )

    @Slot()
    def retire(self) -> None:
        article = self.form.article
        if self.busy or article is None:
            return
        if not self.prompter.confirm(
            self,
            self.tr("Retire the article"),
            self.tr("Retire “{code}”? The counters remove it at their next sync.").format(
                code=article.code
            ),
        ):
            return
        self._run(
            self.editing.retire,
            article.id,
            article.version,
            self.form.comment,
            done=lambda a: self._after_change(a, self.tr("Retired.")),
        )

    def _run(self, fn: Any, *args: Any, done: Any) -> None:
        self.busy = True
        self._update_buttons()

        def finished(article: EditableArticle) -> None:
            self.busy = False
            done(article)

        self.runner.submit(fn, *args, owner=self, on_done=finished, on_error=self._on_change_failed)

    def _after_change(self, article: EditableArticle, text: str) -> None:
        self._show_article(article)
        self.message_bar.show_info(text)
        self.saved.emit(article)
        self.load_articles()

    def _on_change_failed(self, error: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if is_conflict(error):
            self._show_conflict(error)
            return
        self._show_error(error)

    def _show_conflict(self, error: BaseException) -> None:
        current = current_of(error) if isinstance(error, ApiError) else None
        self.conflict_current = current
        if current is not None:
            text = self.tr(
                "Someone else changed this article since you opened it: version {version} is "
                "on central now, saved at {time}. Your edits are still here; copy what you need, "
                "then reload their version and edit it again."
            ).format(version=current.version, time=self._updated_at(error))
        else:
            text = self.tr(
                "Someone else changed this article since you opened it. Reload it and edit again."
            )
        self.conflict_label.setText(text)
        self.conflict_label.setAccessibleDescription(text)
        self.conflict_frame.show()
        self.reload_button.setFocus()

    def _updated_at(self, error: BaseException) -> str:
        current = getattr(error, "details", {}).get("current") or {}
        try:
            return time_text(parse_time(current.get("updated_at")))
        except (ValueError, TypeError):
            return "?"

    @Slot()
    def reload_current(self) -> None:
        """After a conflict: their version in the form (the edits on screen are dropped)."""
        if self.conflict_current is not None:
            self._show_article(self.conflict_current)
        elif self.form.article is not None:
            self._load_article(self.form.article.id)
        self.form.title_edit.setFocus()

    # --- the review queue -------------------------------------------------------------------

    @Slot()
    def load_suggestions(self) -> None:
        self.runner.submit(
            self.editing.suggestions,
            owner=self,
            on_done=self._on_suggestions,
            on_error=self._show_error,
        )

    def _on_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.suggestions = tuple(suggestions)
        table = self.suggestion_table
        table.setRowCount(len(suggestions))
        for row, suggestion in enumerate(suggestions):
            table.setItem(row, 0, _item(suggestion.article_code, suggestion.id))
            text = _item(" ".join(suggestion.text.split()))
            text.setToolTip(suggestion.text)
            table.setItem(row, 1, text)
            table.setItem(row, 2, _item(self.words.kind_name(suggestion.kind)))
            table.setItem(row, 3, _item(time_text(suggestion.created_at)))
        if suggestions:
            table.setCurrentCell(0, 1)
        self._show_suggestion_detail()
        count = len(suggestions)
        self.tabs.setTabText(
            1, self.tr("&Review queue ({count})").format(count=count) if count else
            self.tr("&Review queue"),
        )  # fmt: skip
        self.review_title.setText(
            self.tr("Suggestions from the counters, oldest first: {count}").format(count=count)
            if count
            else self.tr("No suggestion waiting for review.")
        )
        self._update_buttons()

    @Slot(int, int, int, int)
    def _on_suggestion_table_current_changed(self, *_cells: int) -> None:
        self._show_suggestion_detail()
        self._update_buttons()

    def _show_suggestion_detail(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is None:
            self.suggestion_detail.clear()
            return
        self.suggestion_detail.setText(
            self.tr("{kind} on {code} (version {version}): {text}").format(
                kind=self.words.kind_name(suggestion.kind).capitalize(),
                code=suggestion.article_code,
                version=suggestion.article_version,
                text=suggestion.text,
            )
        )

    def selected_suggestion(self) -> Suggestion | None:
        row = self.suggestion_table.currentRow()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    def decide(self, *, accept: bool) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        reason = self.reason_edit.text()
        self.runner.submit(
            lambda: self.editing.decide(suggestion.id, accept=accept, reason=reason),
            owner=self,
            on_done=self._on_decided,
            on_error=self._on_decide_failed,
        )

    def _on_decided(self, suggestion: Suggestion) -> None:
        self.busy = False
        self.reason_edit.clear()
        self.message_bar.show_info(
            self.tr("Suggestion on {code}: {status}.").format(
                code=suggestion.article_code,
                status=self.words.suggestion_status_name(suggestion.status),
            )
        )
        self.decided.emit(suggestion)
        self.load_suggestions()
        self.load_articles()
        self.suggestion_table.setFocus()

    def _on_decide_failed(self, error: BaseException) -> None:
        self.busy = False
        self._show_error(error)
        self.load_suggestions()

    @Slot()
    def _on_open_button_clicked(self) -> None:
        suggestion = self.selected_suggestion()
        if suggestion is None:
            return
        self.tabs.setCurrentIndex(0)
        self.select_article(suggestion.article_id)
        self.form.title_edit.setFocus()

    # --- state ------------------------------------------------------------------------------

    @Slot(bool)
    def _on_form_edited_changed(self, _dirty: bool) -> None:
        self._update_header()
        self._update_buttons()

    def _update_header(self) -> None:
        article = self.form.article
        if article is None:
            self.form.header.setText(self.tr("Choose an article in the list."))
            self.state_label.clear()
            return
        self.form.header.setText(
            self.tr("{code} · {status} · version {version}").format(
                code=article.code,
                status=self.words.status_name(article.status),
                version=article.version,
            )
        )
        if self.form.dirty:
            self.state_label.setText(self.tr("Unsaved changes."))
        elif article.has_unpublished_changes and article.status != RETIRED:
            self.state_label.setText(
                self.tr("Saved; the counters still have version {version}.").format(
                    version=article.published_version
                )
                if article.published_version
                else self.tr("A draft: the counters do not have it yet.")
            )
        else:
            self.state_label.setText(self.words.status_name(article.status).capitalize())

    def _update_buttons(self) -> None:
        article = self.form.article
        idle = not self.busy
        self.save_button.setEnabled(idle and article is not None and self.form.dirty)
        can_publish = article is not None and (
            article.status != PUBLISHED or article.has_unpublished_changes
        )
        self.publish_button.setEnabled(idle and can_publish)
        self.retire_button.setEnabled(idle and article is not None and article.status != RETIRED)
        chosen = self.selected_suggestion() is not None
        for button in (self.accept_button, self.reject_button, self.open_button):
            button.setEnabled(idle and chosen)

    def _show_error(self, error: BaseException) -> None:
        self.message_bar.show_error(self.words.error_text(error))
        if getattr(error, "code", "") == SESSION_EXPIRED:
            self.session_expired.emit()
