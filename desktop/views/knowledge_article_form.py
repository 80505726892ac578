"""`ArticleForm`: one article's working version as the editor changes it: every language's
title, summary, Markdown body (with a live preview beside it), required documents (one a line),
fees (label, amount, note), deadline and legal basis; and, for the whole article, the owner,
the review date, the services and the tags.

The form holds no I/O: `load(article)` fills it, `edited()` returns the article as typed (at
the version it was read, for `If-Match`) or raises `FormInvalid` with the first problem.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.knowledge import ArticleVariant, Fee
from desktop.domain.knowledge_editing import EditableArticle

LANGUAGES = ("pt-PT", "es", "ca", "en")
PREVIEW_MS = 150


class FormInvalid(ValueError):
    """What is wrong in the form, said for the editor (already translated)."""


def _split(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


class _LinesEdit(QPlainTextEdit):
    """A plain-text editor as tall as `lines` lines of its font (measured when laid out, in
    the font the style sheet gave it)."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        height = (
            self.fontMetrics().lineSpacing() * self._lines
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
        )
        return QSize(super().sizeHint().width(), int(height) + 2)


class ArticleForm(QWidget):
    edited_changed = Signal(bool)  # the form differs from what was loaded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleForm")
        self.article: EditableArticle | None = None
        self._variants: dict[str, ArticleVariant] = {}
        self._language = LANGUAGES[0]
        self._loading = False
        self.dirty = False

        self.header = QLabel(self)
        self.header.setObjectName("sectionTitle")
        self.header.setWordWrap(True)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("article_language")
        for language in LANGUAGES:
            self.language_combo.addItem(language, language)
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("article_title")
        self.summary_edit = _LinesEdit(3, self)
        self.summary_edit.setObjectName("article_summary")
        self.summary_edit.setTabChangesFocus(True)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("article_body_md")
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setAccessibleName(self.tr("Body (Markdown)"))
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("article_preview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body_split = QSplitter(Qt.Orientation.Horizontal, self)
        body_split.addWidget(self.body_edit)
        body_split.addWidget(self.preview)
        body_split.setChildrenCollapsible(False)

        self.documents_edit = QPlainTextEdit(self)
        self.documents_edit.setObjectName("article_required_documents")
        self.documents_edit.setTabChangesFocus(True)
        self.documents_edit.setPlaceholderText(self.tr("One document a line"))
        self.fees_table = QTableWidget(0, 3, self)
        self.fees_table.setObjectName("article_fees_table")
        self.fees_table.setHorizontalHeaderLabels(
            [self.tr("Fee"), self.tr("Amount (e.g. 12.50)"), self.tr("Note")]
        )
        self.fees_table.setTabKeyNavigation(False)
        self.fees_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fees_table.verticalHeader().hide()
        header = self.fees_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fees_table.setAccessibleName(self.tr("Fees"))
        self.add_fee_button = QPushButton(self.tr("Add fee"), self)
        self.add_fee_button.clicked.connect(self.add_fee)
        self.remove_fee_button = QPushButton(self.tr("Remove fee"), self)
        self.remove_fee_button.clicked.connect(self._on_remove_fee_button_clicked)
        self.deadline_edit = QLineEdit(self)
        self.deadline_edit.setObjectName("article_deadline_edit")
        self.legal_edit = QLineEdit(self)
        self.legal_edit.setObjectName("article_legal_basis_edit")

        self.owner_edit = QLineEdit(self)
        self.owner_edit.setObjectName("article_owner")
        self.review_edit = QLineEdit(self)
        self.review_edit.setObjectName("article_review_by")
        self.review_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.services_edit = QLineEdit(self)
        self.services_edit.setObjectName("article_services")
        self.services_edit.setPlaceholderText(self.tr("service codes, separated by commas"))
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("article_tags")
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setObjectName("article_comment")
        self.comment_edit.setPlaceholderText(self.tr("what changed, for the history (optional)"))

        text_page = QWidget(self)
        text_form = QFormLayout()
        self._add_row(text_form, self.tr("&Language:"), self.language_combo)
        self._add_row(text_form, self.tr("&Title:"), self.title_edit)
        self._add_row(text_form, self.tr("Su&mmary:"), self.summary_edit)
        body_label = QLabel(self.tr("&Body (Markdown), with its preview on the right:"), self)
        body_label.setBuddy(self.body_edit)
        text_layout = QVBoxLayout(text_page)
        text_layout.addLayout(text_form)
        text_layout.addWidget(body_label)
        text_layout.addWidget(body_split, 1)  # the body and its preview take the height left

        facts_page = QWidget(self)
        facts_form = QFormLayout(facts_page)
        facts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fee_buttons = QHBoxLayout()
        fee_buttons.addWidget(self.add_fee_button)
        fee_buttons.addWidget(self.remove_fee_button)
        fee_buttons.addStretch(1)
        fees_box = QWidget(facts_page)
        fees_layout = QVBoxLayout(fees_box)
        fees_layout.setContentsMargins(0, 0, 0, 0)
        fees_layout.addWidget(self.fees_table)
        fees_layout.addLayout(fee_buttons)
        self._add_row(facts_form, self.tr("Required &documents:"), self.documents_edit)
        self._add_row(facts_form, self.tr("F&ees:"), fees_box, buddy=self.fees_table)
        self._add_row(facts_form, self.tr("Dead&line:"), self.deadline_edit)
        self._add_row(facts_form, self.tr("Legal &basis:"), self.legal_edit)
        self._add_row(facts_form, self.tr("&Owner:"), self.owner_edit)
        self._add_row(facts_form, self.tr("Re&view by:"), self.review_edit)
        self._add_row(facts_form, self.tr("Service &codes:"), self.services_edit)
        self._add_row(facts_form, self.tr("Ta&gs:"), self.tags_edit)

        self.sections = QTabWidget(self)
        self.sections.setObjectName("article_sections")
        self.sections.addTab(text_page, self.tr("Text"))
        self.sections.addTab(facts_page, self.tr("Documents, fees and details"))
        comment_row = QFormLayout()
        self._add_row(comment_row, self.tr("Comme&nt:"), self.comment_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.sections, 1)
        layout.addLayout(comment_row)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self.body_edit.textChanged.connect(self._preview_timer.start)
        for edit in (self.title_edit, self.deadline_edit, self.legal_edit, self.owner_edit,
                     self.review_edit, self.services_edit, self.tags_edit):  # fmt: skip
            edit.textEdited.connect(self._on_any_edited)
        for text in (self.summary_edit, self.body_edit, self.documents_edit):
            text.textChanged.connect(self._on_any_edited)
        self.fees_table.itemChanged.connect(self._on_any_edited)
        self.setEnabled(False)

    def _add_row(
        self, form: QFormLayout, text: str, field: QWidget, *, buddy: QWidget | None = None
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(buddy or field)
        form.addRow(label, field)

    # --- loading ----------------------------------------------------------------------------

    def load(self, article: EditableArticle) -> None:
        self._loading = True
        try:
            self.article = article
            self._variants = {v.language: v for v in article.variants}
            self.owner_edit.setText(article.owner)
            self.review_edit.setText(article.review_by.isoformat() if article.review_by else "")
            self.services_edit.setText(", ".join(article.service_codes))
            self.tags_edit.setText(", ".join(article.tags))
            self.comment_edit.clear()
            self._language = LANGUAGES[0]
            self.language_combo.setCurrentIndex(0)
            self._show_variant(self._language)
        finally:
            self._loading = False
        self.setEnabled(True)
        self._set_dirty(False)

    def _show_variant(self, language: str) -> None:
        variant = self._variants.get(language) or ArticleVariant(language=language, title="")
        loading, self._loading = self._loading, True
        try:
            self.title_edit.setText(variant.title)
            self.summary_edit.setPlainText(variant.summary)
            self.body_edit.setPlainText(variant.body_md)
            self.documents_edit.setPlainText("\n".join(variant.required_documents))
            self.fees_table.setRowCount(0)
            for fee in variant.fees:
                self.add_fee(fee)
            self.deadline_edit.setText(variant.deadline)
            self.legal_edit.setText(variant.legal_basis)
        finally:
            self._loading = loading
        self.preview.setMarkdown(variant.body_md)

    @Slot(int)
    def _on_language_combo_changed(self, _index: int) -> None:
        language = str(self.language_combo.currentData())
        if language == self._language:
            return
        self._stash_variant()
        self._language = language
        self._show_variant(language)

    def add_fee(self, fee: Fee | None = None) -> None:
        row = self.fees_table.rowCount()
        self.fees_table.insertRow(row)
        values = (fee.label, fee.amount, fee.note) if fee else ("", "", "")
        for column, value in enumerate(values):
            self.fees_table.setItem(row, column, QTableWidgetItem(value))
        if fee is None:
            self.fees_table.setCurrentCell(row, 0)
            self.fees_table.setFocus()
            first = self.fees_table.item(row, 0)
            if first is not None:
                self.fees_table.editItem(first)
            self._on_any_edited()

    @Slot()
    def _on_remove_fee_button_clicked(self) -> None:
        row = self.fees_table.currentRow()
        if row >= 0:
            self.fees_table.removeRow(row)
            self._on_any_edited()

    # --- reading back -----------------------------------------------------------------------

    def _cell(self, row: int, column: int) -> str:
        item = self.fees_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _typed_variant(self) -> ArticleVariant:
        fees = []
        for row in range(self.fees_table.rowCount()):
            label, amount, note = (self._cell(row, c) for c in range(3))
            if not (label or amount or note):
                continue
            amount = amount.replace(",", ".").replace("€", "").strip()
            try:
                value = Decimal(amount)
            except InvalidOperation:
                value = Decimal(-1)
            if not label or value < 0 or value != value.quantize(Decimal("0.01")):
                raise FormInvalid(
                    self.tr("Fee {row}: give a name and an amount in euros such as 12.50.").format(
                        row=row + 1
                    )
                )
            fees.append(Fee(label=label, amount=format(value.quantize(Decimal("0.01")), "f"),
                            note=note))  # fmt: skip
        documents = tuple(
            line.strip() for line in self.documents_edit.toPlainText().splitlines() if line.strip()
        )
        return ArticleVariant(
            language=self._language,
            title=self.title_edit.text().strip(),
            summary=self.summary_edit.toPlainText().strip(),
            body_md=self.body_edit.toPlainText(),
            required_documents=documents,
            fees=tuple(fees),
            deadline=self.deadline_edit.text().strip(),
            legal_basis=self.legal_edit.text().strip(),
        )

    def _stash_variant(self) -> None:
        """Keep what was typed in the language shown before showing another one."""
        try:
            variant = self._typed_variant()
        except FormInvalid:
            return  # kept on screen only; `edited()` says what is wrong
        if variant.title or variant.body_md or variant.summary:
            self._variants[variant.language] = variant
        else:
            self._variants.pop(variant.language, None)

    def edited(self) -> EditableArticle:
        """The article as typed, at the version it was loaded (raises `FormInvalid`)."""
        if self.article is None:
            raise FormInvalid(self.tr("No article is open."))
        variant = self._typed_variant()
        if variant.title or variant.body_md or variant.summary:
            self._variants[variant.language] = variant
        else:
            self._variants.pop(variant.language, None)
        if not self._variants.get("pt-PT") or not self._variants["pt-PT"].title:
            raise FormInvalid(self.tr("Every article needs its pt-PT title."))
        for language, typed in self._variants.items():
            if not typed.title:
                raise FormInvalid(self.tr("The {language} text needs a title.").format(
                    language=language))  # fmt: skip
        if not self.owner_edit.text().strip():
            raise FormInvalid(self.tr("Say which unit owns the article."))
        review_text = self.review_edit.text().strip()
        try:
            review_by = date.fromisoformat(review_text) if review_text else None
        except ValueError:
            raise FormInvalid(self.tr("Review by: a date such as 2027-06-30.")) from None
        ordered = tuple(self._variants[lang] for lang in LANGUAGES if lang in self._variants)
        return replace(
            self.article,
            owner=self.owner_edit.text().strip(),
            review_by=review_by,
            service_codes=_split(self.services_edit.text()),
            tags=_split(self.tags_edit.text()),
            variants=ordered,
        )

    @property
    def comment(self) -> str:
        return self.comment_edit.text().strip()

    # --- state ------------------------------------------------------------------------------

    @Slot()
    def _on_any_edited(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.edited_changed.emit(dirty)

    @Slot()
    def _on_preview_timer_timeout(self) -> None:
        self.preview.setMarkdown(self.body_edit.toPlainText())
