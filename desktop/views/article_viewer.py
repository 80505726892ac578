"""`ArticleViewer`: one article of the cached knowledge base, to go through with the citizen.

How it works (the Markdown body, rendered), the documents to bring as a checklist the
attendant ticks with the citizen, the fees in the article's language (marked when they are
examples), the deadline and the legal basis. For the citizen: "Print / save PDF" (the sheet
of `article_sheet.py`, with the ticked documents marked). For colleagues: "Copy reference"
(code and title). For the editors: "Suggest a correction" (a correction or a note, sent to
central's review queue). When a ticket is in context, an article opened is recorded on its
visit (fire and forget).

A window of its own, not modal: the attendant keeps typing in the counter window beside it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.knowledge import Article, ArticleVariant
from desktop.views.article_sheet import article_reference, fee_amount_text, is_example, offer_sheet
from desktop.views.knowledge_desk import KnowledgeDesk
from desktop.views.knowledge_messages import KnowledgeMessages
from desktop.views.prompter import Prompter
from desktop.views.widget_style import mark_primary

log = logging.getLogger(__name__)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SuggestionDialog(QDialog):
    """A correction or a note on an article, for the editors."""

    KINDS = ("correction", "note")

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionDialog")
        self.setWindowTitle(self.tr("Suggest a correction"))
        intro = QLabel(
            self.tr("On “{title}”: what is wrong or missing? The editors review it.").format(
                title=title
            ),
            self,
        )
        intro.setWordWrap(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("suggestion_kind")
        self.kind_combo.addItem(self.tr("Correction (something is wrong)"), "correction")
        self.kind_combo.addItem(self.tr("Note (something to add)"), "note")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("suggestion_text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("e.g. The fee went up in January; the form is now online too.")
        )
        self.text_edit.setAccessibleName(self.tr("Suggestion"))
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        mark_primary(self.send_button)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Text:"), self.text_edit)
        for field in (self.kind_combo, self.text_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        self._on_text_edit_text_changed()
        self.resize(520, 300)

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    @Slot()
    def _on_text_edit_text_changed(self) -> None:
        self.send_button.setEnabled(bool(self.text))

    def accept(self) -> None:
        if self.text:
            super().accept()


class ArticleViewer(QDialog):
    article_shown = Signal(object)  # the Article
    suggestion_sent = Signal(object)  # central's answer
    pdf_saved = Signal(str)  # the path

    def __init__(
        self,
        desk: KnowledgeDesk,
        *,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleViewer")
        self.setWindowTitle(self.tr("Article"))
        self.setModal(False)
        self.desk = desk
        self.prompter = prompter or Prompter()
        self.words = KnowledgeMessages(self)
        self.article: Article | None = None
        self.variant: ArticleVariant | None = None
        self._wanted: int | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("hint")
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.body = QTextBrowser(self)
        self.body.setObjectName("article_body")
        self.body.setOpenLinks(False)  # a sheet to read with the citizen, not a browser
        self.body.setAccessibleName(self.tr("How it works"))

        self.documents = QListWidget(self)
        self.documents.setObjectName("article_documents")
        self.documents.setAccessibleName(self.tr("Documents to bring"))
        self.documents.setWordWrap(True)
        self.documents.itemChanged.connect(self._on_documents_item_changed)
        self.documents_title = QLabel(self)
        self.documents_title.setWordWrap(True)
        self.documents_title.setBuddy(self.documents)
        self.fees_label = QLabel(self)
        self.fees_label.setObjectName("article_fees")
        self.fees_label.setWordWrap(True)
        self.fees_label.setTextFormat(Qt.TextFormat.RichText)
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("article_deadline")
        self.deadline_label.setWordWrap(True)
        self.legal_label = QLabel(self)
        self.legal_label.setObjectName("article_legal_basis")
        self.legal_label.setWordWrap(True)
        self.legal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        for label in (self.title_label, self.summary_label, self.deadline_label,
                      self.legal_label):  # fmt: skip
            label.setTextFormat(Qt.TextFormat.PlainText)  # the editors' text, never markup
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.documents_title)
        side_layout.addWidget(self.documents, 2)
        facts = QGroupBox(self.tr("Fees and deadline"), side)
        facts_layout = QFormLayout(facts)
        facts_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        facts_layout.addRow(self.tr("Fees:"), self.fees_label)
        facts_layout.addRow(self.tr("Deadline:"), self.deadline_label)
        facts_layout.addRow(self.tr("Legal basis:"), self.legal_label)
        side_layout.addWidget(facts, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.body)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.print_button = QPushButton(self.tr("&Print / save PDF… (Ctrl+P)"), self)
        self.print_button.setObjectName("article_print")
        self.print_button.clicked.connect(self.offer_pdf)
        self.copy_button = QPushButton(self.tr("&Copy reference"), self)
        self.copy_button.setObjectName("article_copy")
        self.copy_button.setToolTip(self.tr("Copy the article's code and title (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy_reference)
        self.suggest_button = QPushButton(self.tr("Su&ggest a correction…"), self)
        self.suggest_button.setObjectName("article_suggest")
        self.suggest_button.clicked.connect(self.suggest)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        self.close_button.clicked.connect(self.close)
        for button in (self.print_button, self.copy_button, self.suggest_button,
                       self.close_button):  # fmt: skip
            button.setAutoDefault(False)
        for keys, slot in (("Ctrl+P", self.offer_pdf), ("Ctrl+Shift+C", self.copy_reference)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("hint")
        self.info_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.info_label)
        layout.addLayout(buttons)
        self._set_enabled(False)
        self.resize(960, 680)

    # --- showing ----------------------------------------------------------------------------

    def show_article(self, article_id: int) -> None:
        """Read the article from the cache (in the background), then show it."""
        self._wanted = article_id
        self.info_label.clear()
        self.desk.article(article_id, self._on_article_read, self._on_article_failed)

    def _on_article_read(self, article: Article | None) -> None:
        if article is None:
            self.title_label.setText(self.tr("This article is no longer in the knowledge base."))
            self._set_enabled(False)
            return
        if self._wanted is not None and article.id != self._wanted:
            return  # another article was asked for since
        self.show_loaded(article)
        self.desk.record_use(article)

    def _on_article_failed(self, error: BaseException) -> None:
        self.info_label.setText(self.words.error_text(error))

    def show_loaded(self, article: Article) -> None:
        self.article = article
        variant = article.variant(self.desk.language)
        self.variant = variant
        self.setWindowTitle(self.tr("Article: {title}").format(title=variant.title))
        self.title_label.setText(variant.title)
        self.meta_label.setText(
            self.tr("{code} · version {version}").format(code=article.code, version=article.version)
        )
        self.summary_label.setText(variant.summary)
        self.summary_label.setVisible(bool(variant.summary))
        self.body.setMarkdown(variant.body_md)
        self._fill_documents(variant)
        self.fees_label.setText(self._fees_html(variant))
        self.deadline_label.setText(variant.deadline or "—")
        self.legal_label.setText(variant.legal_basis or "—")
        self._set_enabled(True)
        (self.documents if self.documents.count() else self.body).setFocus()
        self.article_shown.emit(article)

    def _fill_documents(self, variant: ArticleVariant) -> None:
        self.documents.blockSignals(True)
        self.documents.clear()
        for document in variant.required_documents:
            item = QListWidgetItem(document, self.documents)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        if self.documents.count():
            self.documents.setCurrentRow(0)
        self.documents.blockSignals(False)
        self.documents.setVisible(bool(variant.required_documents))
        self._update_documents_title()

    def _update_documents_title(self) -> None:
        total = self.documents.count()
        if not total:
            self.documents_title.setText(self.tr("No documents are required."))
            return
        self.documents_title.setText(
            self.tr("&Documents to bring ({ticked} of {total} ticked; Space ticks):").format(
                ticked=len(self.ticked_documents()), total=total
            )
        )

    def _fees_html(self, variant: ArticleVariant) -> str:
        if not variant.fees:
            return _escape(self.tr("No fee."))
        lines = []
        for fee in variant.fees:
            amount = fee_amount_text(fee, variant.language)
            line = f"{_escape(fee.label)}: <b>{_escape(amount)}</b>"
            if fee.note:
                line += f" ({_escape(fee.note)})"
            lines.append(line)
        if any(is_example(fee) for fee in variant.fees):
            lines.append(
                "<i>" + _escape(self.tr("Example values: check the fee table in force.")) + "</i>"
            )
        return "<br>".join(lines)

    def ticked_documents(self) -> list[str]:
        return [
            self.documents.item(row).text()
            for row in range(self.documents.count())
            if self.documents.item(row).checkState() == Qt.CheckState.Checked
        ]

    @Slot(QListWidgetItem)
    def _on_documents_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_documents_title()

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.print_button, self.copy_button, self.suggest_button):
            button.setEnabled(enabled)

    # --- actions ----------------------------------------------------------------------------

    @Slot()
    def offer_pdf(self) -> Path | None:
        if self.article is None or self.variant is None:
            return None
        path = offer_sheet(self, self.prompter, self.article, self.variant, self.ticked_documents())
        if path is not None:
            self.info_label.setText(self.tr("Saved: {name}").format(name=path.name))
            self.pdf_saved.emit(str(path))
        return path

    @Slot()
    def copy_reference(self) -> None:
        if self.article is None:
            return
        QGuiApplication.clipboard().setText(article_reference(self.article, self.desk.language))
        self.info_label.setText(self.tr("Reference copied."))

    @Slot()
    def suggest(self) -> None:
        article, variant = self.article, self.variant
        if article is None or variant is None:
            return
        dialog = SuggestionDialog(variant.title, self)
        if not self.prompter.run(dialog) or not dialog.text:
            return
        self.info_label.setText(self.tr("Sending the suggestion…"))
        self.desk.suggest(
            article.id, dialog.kind, dialog.text, self._on_suggested, self._on_suggest_failed
        )

    def _on_suggested(self, answer: object) -> None:
        self.info_label.setText(self.tr("Suggestion sent to the editors. Thank you."))
        self.suggestion_sent.emit(answer)

    def _on_suggest_failed(self, error: BaseException) -> None:
        self.info_label.setText(self.words.error_text(error))
