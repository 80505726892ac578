"""An article as a sheet for the citizen: the title, what it is, the documents to bring (those
already ticked with the attendant marked), the fees, the deadline, the legal basis and how it
works, as one Markdown text rendered by Qt, saved as a PDF (the receipt's page set-up,
`case_receipt.pdf_writer`) or printed.

The sheet is in the article's language, the citizen's, not the attendant's, so its few
headings do not go through the UI translator (`SHEET_TEXT`), as the receipt does. Fees are
decimals as central sent them, formatted in that language's way ("12,50 €" in pt-PT).
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtWidgets import QWidget

from desktop.domain.knowledge import Article, ArticleVariant, Fee
from desktop.views.case_receipt import pdf_writer, print_support
from desktop.views.prompter import Prompter

SHEET_TEXT: dict[str, dict[str, str]] = {
    "pt": {
        "documents": "Documentos a apresentar",
        "fees": "Taxas",
        "examples": "Valores de exemplo: confirme a tabela de taxas em vigor.",
        "deadline": "Prazo",
        "legal_basis": "Enquadramento legal",
        "reference": "Referência",
        "brought": "entregue",
    },
    "es": {
        "documents": "Documentos que debe presentar",
        "fees": "Tasas",
        "examples": "Importes de ejemplo: consulte la tabla de tasas vigente.",
        "deadline": "Plazo",
        "legal_basis": "Base legal",
        "reference": "Referencia",
        "brought": "entregado",
    },
    "ca": {
        "documents": "Documents que cal presentar",
        "fees": "Taxes",
        "examples": "Imports d'exemple: consulteu la taula de taxes vigent.",
        "deadline": "Termini",
        "legal_basis": "Base legal",
        "reference": "Referència",
        "brought": "lliurat",
    },
    "en": {
        "documents": "Documents to bring",
        "fees": "Fees",
        "examples": "Example amounts: check the fee table in force.",
        "deadline": "Deadline",
        "legal_basis": "Legal basis",
        "reference": "Reference",
        "brought": "brought",
    },
}
LOCALES = {"pt": "pt_PT", "es": "es_ES", "ca": "ca_ES", "en": "en_GB"}
CURRENCY_SYMBOLS = {"EUR": "€"}
EXAMPLE_WORDS = ("exemplo", "example", "ejemplo", "exemple", "indicativ")


def sheet_language(language: str) -> str:
    base = language.split("-")[0].lower()
    return base if base in SHEET_TEXT else "pt"


def fee_amount_text(fee: Fee, language: str = "pt-PT") -> str:
    """ "12,50 €" in pt-PT, "€12.50" in en; the amount as sent if it is not a number."""
    try:
        amount = Decimal(fee.amount).quantize(Decimal("0.01"))
    except InvalidOperation:
        return f"{fee.amount} {fee.currency}"
    locale = QLocale(LOCALES[sheet_language(language)])
    symbol = CURRENCY_SYMBOLS.get(fee.currency, fee.currency)
    # Two decimals of an amount of at most 12 digits: exact as a double for display.
    return locale.toCurrencyString(float(amount), symbol, 2)


def is_example(fee: Fee) -> bool:
    """The fee's note says its amount is an example (the demo content says so everywhere)."""
    note = fee.note.lower()
    return any(word in note for word in EXAMPLE_WORDS)


def article_reference(article: Article, language: str = "pt-PT") -> str:
    """What "Copy reference" puts on the clipboard: the article's code and title."""
    return f"{article.code} · {article.variant(language).title}"


def sheet_markdown(article: Article, variant: ArticleVariant, ticked: Collection[str] = ()) -> str:
    words = SHEET_TEXT[sheet_language(variant.language)]
    parts = [f"# {variant.title}", ""]
    if variant.summary:
        parts += [variant.summary, ""]
    if variant.required_documents:
        parts += [f"## {words['documents']}", ""]
        for document in variant.required_documents:
            mark = "x" if document in ticked else " "
            parts.append(f"- [{mark}] {document}")
        parts.append("")
    if variant.fees:
        parts += [f"## {words['fees']}", ""]
        for fee in variant.fees:
            line = f"- {fee.label}: **{fee_amount_text(fee, variant.language)}**"
            parts.append(f"{line} ({fee.note})" if fee.note else line)
        parts.append("")
        if any(is_example(fee) for fee in variant.fees):
            parts += [f"*{words['examples']}*", ""]
    if variant.deadline:
        parts += [f"## {words['deadline']}", "", variant.deadline, ""]
    if variant.body_md:
        parts += [variant.body_md, ""]
    if variant.legal_basis:
        parts += [f"## {words['legal_basis']}", "", variant.legal_basis, ""]
    parts.append(f"{words['reference']}: {article.code} (v{article.version})")
    return "\n".join(parts)


def sheet_document(
    article: Article, variant: ArticleVariant, ticked: Collection[str] = ()
) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(sheet_markdown(article, variant, ticked))
    return document


def write_sheet(
    path: Path | str, article: Article, variant: ArticleVariant, ticked: Collection[str] = ()
) -> Path:
    """The sheet as a PDF at `path` (A4: an article is longer than a receipt)."""
    writer = pdf_writer(path, variant.title, QPageSize.PageSizeId.A4)
    document = sheet_document(article, variant, ticked)
    document.print_(writer)
    return Path(path)


def offer_sheet(
    parent: QWidget,
    prompter: Prompter,
    article: Article,
    variant: ArticleVariant,
    ticked: Collection[str] = (),
) -> Path | None:
    """Save the sheet as a PDF where the attendant says, or print it; the path saved to, None
    if printed or cancelled."""
    title = QCoreApplication.translate("ArticleSheet", "Article for the citizen")
    choices = [QCoreApplication.translate("ArticleSheet", "Save as PDF…")]
    printing = print_support()
    if printing:
        choices.append(QCoreApplication.translate("ArticleSheet", "Print…"))
    choice = prompter.choose(
        parent, title, QCoreApplication.translate("ArticleSheet", "The article:"), choices
    )
    if choice is None:
        return None
    if choice == 1 and printing:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if prompter.run(dialog):
            sheet_document(article, variant, ticked).print_(printer)
        return None
    path = prompter.save_file_name(
        parent,
        title,
        f"{article.code}.pdf",
        QCoreApplication.translate("ArticleSheet", "PDF documents (*.pdf)"),
    )
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    return write_sheet(path, article, variant, ticked)
